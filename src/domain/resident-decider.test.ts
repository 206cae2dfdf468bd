import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../rules/plain-date.ts';
import { checkResidentFacts, decideResident, RESIDENT_TRANSITIONS, type ResidentCommand } from './resident-decider.ts';
import { evolveResident, REGISTRATIONS, type ResidentEvent, type ResidentState } from './resident.ts';
import { accepted, expectThat, on, pointersOf } from './testing/given.ts';
import { FOREIGN_FACTS, resident, residentFacts } from './testing/resident.ts';

const d = (date: string) => date as PlainDate;

const decide = (command: ResidentCommand, state: ResidentState = resident(), today = '2026-12-01') => expectThat(decideResident(command, state, on(today)));

function refusedAt(command: ResidentCommand, pointer: string, state: ResidentState = resident()) {
  const decided = decide(command, state);
  decided.refused('INPUT.INVALID');
  expect(pointersOf(decided.result)).toEqual([pointer]);
}

/** A command of each kind that is right in itself, so only the registration state can refuse it. */
const SAMPLE: { readonly [T in ResidentCommand['type']]: Extract<ResidentCommand, { type: T }> } = {
  'change-address': { type: 'change-address', address: '東京都江戸川区船堀4-1-1', postalCode: '134-0091', effectiveDate: d('2026-11-25') },
  'change-name': { type: 'change-name', effectiveDate: d('2026-11-25'), familyName: '佐藤', givenName: '太郎', familyNameKana: 'サトウ', givenNameKana: 'タロウ' },
  'move-out': { type: 'move-out', plannedMoveOutDate: d('2026-12-20'), destination: '千葉県市川市', abroad: false, keepCardAbroad: false, cardStatus: 'active' },
  'record-death': { type: 'record-death', dateOfDeath: d('2026-11-28'), notifiedOn: d('2026-11-30') },
  'move-in': { type: 'move-in', moveInDate: d('2026-11-20'), notificationDate: d('2026-11-25'), address: '東京都江戸川区中央1-4-1', postalCode: null, cardPresented: true },
  'update-period-of-stay': { type: 'update-period-of-stay', periodOfStayEnd: d('2032-03-31'), residenceCardNumber: 'EF87654321GH' },
  'change-number': { type: 'change-number', reason: 'leak of the number' },
  'set-guardianship': { type: 'set-guardianship', adultWard: true, effectiveDate: d('2026-11-25') },
};

describe('転居届 (change-address): an in-city move', () => {
  it('records the new address from its effective day, with the one it replaces', () => {
    decide(SAMPLE['change-address']).then({ type: 'AddressChanged', address: '東京都江戸川区船堀4-1-1', effectiveDate: '2026-11-25', previousAddress: '東京都江戸川区中央1-4-1' });
  });

  it('refuses the same address', () => {
    refusedAt({ ...SAMPLE['change-address'], address: '東京都江戸川区中央1-4-1' }, '/address');
    refusedAt({ ...SAMPLE['change-address'], address: '〒132-0021 東京都江戸川区中央1-4-1', postalCode: null }, '/address');
  });

  it('records the new postal code in its normal form, and none when none is given: the old one was the old address’s', () => {
    const withCode = resident({ postalCode: '132-0021' });
    decide({ ...SAMPLE['change-address'], postalCode: '１３４００９１' }, withCode).then({ type: 'AddressChanged', address: '東京都江戸川区船堀4-1-1', postalCode: '134-0091' });
    decide({ ...SAMPLE['change-address'], postalCode: null }, withCode).then({ type: 'AddressChanged', address: '東京都江戸川区船堀4-1-1', postalCode: null });
    decide({ ...SAMPLE['change-address'], address: '〒134-0091 東京都江戸川区船堀4-1-1', postalCode: null }, withCode).then({
      type: 'AddressChanged',
      address: '東京都江戸川区船堀4-1-1',
      postalCode: '134-0091',
    });
  });

  it('refuses a postal code not of 3 and 4 digits, and one that is not the one the address begins with', () => {
    refusedAt({ ...SAMPLE['change-address'], postalCode: '134-009' }, '/postalCode');
    refusedAt({ ...SAMPLE['change-address'], postalCode: '〒134-0091' }, '/postalCode');
    refusedAt({ ...SAMPLE['change-address'], address: '〒132-0021 東京都江戸川区船堀4-1-1' }, '/postalCode');
    refusedAt({ ...SAMPLE['change-address'], address: '〒134-0091' }, '/address');
  });

  it('refuses an effective day after today', () => {
    refusedAt({ ...SAMPLE['change-address'], effectiveDate: d('2026-12-02') }, '/effectiveDate');
  });
});

describe('戸籍の届出 (change-name): a new name and its reading', () => {
  it('records the new name with the previous one', () => {
    decide(SAMPLE['change-name']).then({
      type: 'NameChanged',
      effectiveDate: '2026-11-25',
      familyName: '佐藤',
      familyNameKana: 'サトウ',
      previous: { familyName: '山田', givenName: '太郎', familyNameKana: 'ヤマダ', givenNameKana: 'タロウ' },
    });
  });

  it('keeps the reading as full-width katakana, whatever was typed', () => {
    decide({ ...SAMPLE['change-name'], familyNameKana: 'さとう', givenNameKana: 'ﾀﾛｳ' }).then({ type: 'NameChanged', familyNameKana: 'サトウ', givenNameKana: 'タロウ' });
  });

  it('accepts a corrected reading of the same name', () => {
    decide({ ...SAMPLE['change-name'], familyName: '山田', familyNameKana: 'ヤマタ' }).then({ type: 'NameChanged', familyName: '山田', familyNameKana: 'ヤマタ' });
  });

  it('refuses a reading that is not kana', () => {
    refusedAt({ ...SAMPLE['change-name'], familyNameKana: '佐藤' }, '/familyNameKana');
    refusedAt({ ...SAMPLE['change-name'], givenNameKana: 'Taro' }, '/givenNameKana');
  });

  it('refuses an unchanged name, even with its reading typed in hiragana', () => {
    refusedAt({ ...SAMPLE['change-name'], familyName: '山田', familyNameKana: 'やまだ' }, '/familyName');
  });

  it('refuses an effective day after today', () => {
    refusedAt({ ...SAMPLE['change-name'], effectiveDate: d('2026-12-02') }, '/effectiveDate');
  });
});

describe('転出届 (move-out): within Japan or abroad', () => {
  it('records the planned move-out day and the destination', () => {
    decide(SAMPLE['move-out']).then({ type: 'MovedOut', plannedMoveOutDate: '2026-12-20', destination: '千葉県市川市', abroad: false });
  });

  it('records a move abroad', () => {
    decide({ ...SAMPLE['move-out'], destination: 'Canada', abroad: true }).then({ type: 'MovedOut', destination: 'Canada', abroad: true });
  });
});

describe('国外継続利用 (R-17): keeping the card for use abroad, asked with the 国外転出届', () => {
  const abroad = { ...SAMPLE['move-out'], destination: 'Canada', abroad: true, keepCardAbroad: true, plannedMoveOutDate: d('2026-12-20') } as const;

  it('accepts a Japanese national with an active card asking the day before the move-out', () => {
    decide(abroad, resident(), '2026-12-19').then({ type: 'MovedOut', plannedMoveOutDate: '2026-12-20', abroad: true, keepCardAbroad: true });
  });

  it('refuses on the day of the move-out itself, naming the last day it could be asked', () => {
    const decided = decide(abroad, resident(), '2026-12-20');
    decided.refused('CARD.ABROAD_CONTINUATION_NOT_ALLOWED', { reason: 'too-late', plannedMoveOutDate: '2026-12-20' });
    expect(decided.result.ok || decided.result.error.message).toContain('2026-12-19');
  });

  it('refuses a foreign national, whatever the day', () => {
    decide(abroad, resident(FOREIGN_FACTS), '2026-12-01').refused('CARD.ABROAD_CONTINUATION_NOT_ALLOWED', { reason: 'foreign-national' });
  });

  it('refuses a card that is not active (suspended, or still being made), and a resident without a card', () => {
    decide({ ...abroad, cardStatus: 'suspended' }).refused('CARD.ABROAD_CONTINUATION_NOT_ALLOWED', { reason: 'card-not-active' });
    decide({ ...abroad, cardStatus: 'ready' }).refused('CARD.ABROAD_CONTINUATION_NOT_ALLOWED', { reason: 'card-not-active' });
    decide({ ...abroad, cardStatus: null }).refused('CARD.ABROAD_CONTINUATION_NOT_ALLOWED', { reason: 'card-not-active' });
  });

  it('refuses it under the policy always-abolish (the seed’s 2023 text), and the plain move abroad still goes through', () => {
    const city = on('2026-12-01', { movingAbroad: 'always-abolish' });
    expectThat(decideResident(abroad, resident(), city)).refused('CARD.ABROAD_CONTINUATION_NOT_ALLOWED', { reason: 'policy-always-abolish' });
    expect(decideResident({ ...abroad, keepCardAbroad: false }, resident(), city).ok).toBe(true);
  });

  it('refuses it on a move within Japan, naming the field', () => {
    refusedAt({ ...abroad, abroad: false }, '/keepCardAbroad');
  });
});

describe('死亡 (record-death): the record closes as of the date of death', () => {
  it('records the date of death and the notification', () => {
    decide(SAMPLE['record-death']).then({ type: 'ResidentDied', dateOfDeath: '2026-11-28', notifiedOn: '2026-11-30' });
  });

  it('refuses a notification after today, a death after its notification, and one before the birth', () => {
    refusedAt({ ...SAMPLE['record-death'], notifiedOn: d('2026-12-02') }, '/notifiedOn');
    refusedAt({ ...SAMPLE['record-death'], dateOfDeath: d('2026-12-01') }, '/dateOfDeath');
    refusedAt({ ...SAMPLE['record-death'], dateOfDeath: d('1990-05-09'), notifiedOn: d('2026-11-30') }, '/dateOfDeath');
  });

  it('records a death after a 転出届, before the move', () => {
    decide(SAMPLE['record-death'], resident({ registration: 'moved-abroad' })).then({ type: 'ResidentDied' });
  });
});

describe('転入届 (move-in): a resident of this system moving back in', () => {
  const movedOut = resident({ registration: 'moved-out', plannedMoveOutDate: d('2026-10-31'), moveOutDestination: '千葉県市川市' });

  it.each(['moved-out', 'moved-abroad'] as const)('records the move-in of a resident who %s', (registration) => {
    decide(SAMPLE['move-in'], { ...movedOut, registration }).then({
      type: 'MovedIn',
      moveInDate: '2026-11-20',
      notificationDate: '2026-11-25',
      address: '東京都江戸川区中央1-4-1',
      cardPresented: true,
    });
  });

  it('takes the new address’s postal code, and leaves none when none is given', () => {
    const away = { ...movedOut, postalCode: '272-0021' };
    decide({ ...SAMPLE['move-in'], postalCode: '1320021' }, away).then({ type: 'MovedIn', address: '東京都江戸川区中央1-4-1', postalCode: '132-0021' });
    decide(SAMPLE['move-in'], away).then({ type: 'MovedIn', postalCode: null });
    refusedAt({ ...SAMPLE['move-in'], postalCode: '13-0021' }, '/postalCode', away);
  });

  it('accepts the 転入届 on the day of the move-in, and refuses it before', () => {
    decide({ ...SAMPLE['move-in'], notificationDate: d('2026-11-20') }, movedOut).then({ type: 'MovedIn' });
    refusedAt({ ...SAMPLE['move-in'], notificationDate: d('2026-11-19') }, '/notificationDate', movedOut);
  });

  it('refuses a 転入届 dated after today', () => {
    refusedAt({ ...SAMPLE['move-in'], notificationDate: d('2026-12-02') }, '/notificationDate', movedOut);
  });
});

describe('成年後見 (set-guardianship): an adult ward is represented by the guardian (R-18)', () => {
  it('records the guardianship from its effective day, and its end', () => {
    decide(SAMPLE['set-guardianship']).then({ type: 'GuardianshipChanged', adultWard: true, effectiveDate: '2026-11-25' });
    decide({ type: 'set-guardianship', adultWard: false, effectiveDate: d('2026-11-30') }, resident({ adultWard: true })).then({ type: 'GuardianshipChanged', adultWard: false });
  });

  it('refuses what changes nothing, and a day that has not come', () => {
    decide({ type: 'set-guardianship', adultWard: false, effectiveDate: d('2026-11-25') }).refused('INPUT.INVALID');
    decide({ type: 'set-guardianship', adultWard: true, effectiveDate: d('2026-12-02') }).refused('INPUT.INVALID');
  });
});

describe('在留期間の更新 (update-period-of-stay): for a foreign resident with a period of stay', () => {
  const foreigner = resident(FOREIGN_FACTS);

  it('records the new period and residence card', () => {
    decide(SAMPLE['update-period-of-stay'], foreigner).then({ type: 'PeriodOfStayUpdated', periodOfStayEnd: '2032-03-31', residenceCardNumber: 'EF87654321GH' });
  });

  it('refuses a national and a permanent resident: they have no period of stay', () => {
    decide(SAMPLE['update-period-of-stay']).refused('RESIDENT.INVALID_TRANSITION', { registration: 'registered' });
    decide(SAMPLE['update-period-of-stay'], resident({ nationality: 'CN', residency: 'foreign-without-period' })).refused('RESIDENT.INVALID_TRANSITION');
  });

  it('refuses a residence card number not of 2 letters, 8 digits and 2 letters', () => {
    refusedAt({ ...SAMPLE['update-period-of-stay'], residenceCardNumber: 'EF8765432GH' }, '/residenceCardNumber', foreigner);
  });
});

describe('個人番号の変更 (change-number): the record side of a number change', () => {
  it('records the change on the day, with its reason', () => {
    decide(SAMPLE['change-number'], resident(), '2026-12-01').then({ type: 'IndividualNumberChanged', on: '2026-12-01', reason: 'leak of the number' });
  });
});

describe('the registration states (docs/domain.md "Resident registration"): a command the state does not allow is refused, naming it', () => {
  const states = REGISTRATIONS;
  const pairs = (listed: boolean) =>
    states.flatMap((registration) =>
      (Object.keys(SAMPLE) as ResidentCommand['type'][])
        .filter((type) => (RESIDENT_TRANSITIONS[registration] as readonly string[]).includes(type) === listed)
        .map((type) => [registration, type] as const),
    );

  it.each(pairs(false).filter(([registration]) => registration !== 'deceased'))('a resident who is %s cannot %s', (registration, type) => {
    decide(SAMPLE[type], resident({ ...FOREIGN_FACTS, registration })).refused('RESIDENT.INVALID_TRANSITION', { registration });
  });

  it.each(pairs(true))('a resident who is %s may %s', (registration, type) => {
    expect(decideResident(SAMPLE[type], resident({ ...FOREIGN_FACTS, registration }), on('2026-12-01')).ok).toBe(true);
  });

  it('refuses every command for a deceased resident with its own code (docs/rules.md "Death")', () => {
    expect(RESIDENT_TRANSITIONS.deceased).toEqual([]);
    for (const command of Object.values(SAMPLE)) decide(command, resident({ registration: 'deceased' })).refused('RESIDENT.DECEASED', { registration: 'deceased' });
  });
});

describe('checkResidentFacts: the checks of a new resident beyond the schema, shared by registration and the import', () => {
  it('gives back the facts with their readings in the register’s form', () => {
    expect(accepted(checkResidentFacts(residentFacts({ familyNameKana: 'やまだ' }), on('2026-12-01')))).toMatchObject({ familyNameKana: 'ヤマダ', givenNameKana: 'タロウ' });
  });

  it('names the first fact that is wrong', () => {
    expect(pointersOf(checkResidentFacts(residentFacts({ familyNameKana: '山田', birthDate: d('2030-01-01') }), on('2026-12-01')))).toEqual(['/familyNameKana']);
  });
});

describe('the postal code of events recorded before it was kept (migration 0017)', () => {
  const registered = { type: 'ResidentRegistered', residentId: 'r1', arrival: false, ...residentFacts() } as const;
  const { postalCode: _none, ...before } = registered;

  it('replays a registration without one: a 〒 at the start of its address is taken out, as the migration took it out of the records', () => {
    expect(evolveResident(undefined, { ...before, address: '〒132-0021 東京都江戸川区中央1-4-1' } as ResidentEvent)).toMatchObject({
      address: '東京都江戸川区中央1-4-1',
      postalCode: '132-0021',
    });
    expect(evolveResident(undefined, before as ResidentEvent)).toMatchObject({ address: '東京都江戸川区中央1-4-1', postalCode: null });
  });

  it('replays an old address change and move-in the same way, and a new one as it says', () => {
    const state = evolveResident(undefined, { ...registered, postalCode: '132-0021' });
    const moved = evolveResident(state, { type: 'AddressChanged', address: '〒134-0091 東京都江戸川区船堀4-1-1', effectiveDate: d('2026-11-25'), previousAddress: state.address });
    expect(moved).toMatchObject({ address: '東京都江戸川区船堀4-1-1', postalCode: '134-0091', version: 2 });
    const plain = evolveResident(state, { type: 'AddressChanged', address: '東京都江戸川区船堀4-1-1', effectiveDate: d('2026-11-25'), previousAddress: state.address });
    expect(plain.postalCode).toBeNull();
    const back = evolveResident(
      { ...state, registration: 'moved-out' },
      { type: 'MovedIn', moveInDate: d('2026-11-20'), notificationDate: d('2026-11-25'), address: '〒133-0056 東京都江戸川区南小岩7-24-15', cardPresented: false },
    );
    expect(back).toMatchObject({ registration: 'registered', address: '東京都江戸川区南小岩7-24-15', postalCode: '133-0056' });
    const kept = evolveResident(state, { type: 'AddressChanged', address: '〒134-0091 東京都', postalCode: null, effectiveDate: d('2026-11-25'), previousAddress: state.address });
    expect(kept).toMatchObject({ address: '〒134-0091 東京都', postalCode: null });
  });
});
