import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDigitOf } from '../rules/individual-number.ts';
import type { PlainDate } from '../rules/plain-date.ts';
import { decideRegistration, type RegistrationCommand } from './resident-registration.ts';
import type { ResidentFacts } from './resident.ts';
import { accepted, expectRefused, on, pointersOf } from './testing/given.ts';
import { FOREIGN_FACTS, residentFacts } from './testing/resident.ts';

const d = (date: string) => date as PlainDate;

const register = (facts: Partial<ResidentFacts> = {}, individualNumber = '123456789018', today = '2026-12-01') =>
  decideRegistration({ residentId: 'resident-9', individualNumber, facts: residentFacts(facts), arrival: false } satisfies RegistrationCommand, on(today));

function refusedAt(facts: Partial<ResidentFacts>, pointer: string) {
  const decided = register(facts);
  expectRefused(decided, 'INPUT.INVALID');
  expect(pointersOf(decided)).toEqual([pointer]);
}

describe('住民登録 (decideRegistration): a new resident, their individual number checked (R-11) and their facts', () => {
  it('refuses a residence card number for a national: only a foreign resident holds a 在留カード', () => {
    const decided = decideRegistration(
      { residentId: 'resident-9', individualNumber: '123456789018', facts: residentFacts({ residenceCardNumber: 'AB12345678CD' }), arrival: false },
      on('2026-12-01'),
    );
    expectRefused(decided, 'INPUT.INVALID');
    expect(pointersOf(decided)).toEqual(['/residenceCardNumber']);
  });

  it('registers the resident with the number in its normal form, kept apart from the record', () => {
    const decided = accepted(register());
    expect(decided.individualNumber).toBe('123456789018');
    expect(decided.event).toMatchObject({ type: 'ResidentRegistered', residentId: 'resident-9', arrival: false, familyName: '山田', familyNameKana: 'ヤマダ' });
    expect(decided.state).toMatchObject({ id: 'resident-9', version: 1, registration: 'registered', plannedMoveOutDate: null });
    expect(JSON.stringify(decided.event)).not.toContain('123456789018');
  });

  it('keeps the postal code as NNN-NNNN whether typed with or without the hyphen or in full-width digits, or taken from the start of the address', () => {
    expect(accepted(register({ postalCode: '１３２００２１' })).state).toMatchObject({ postalCode: '132-0021', address: '東京都江戸川区中央1-4-1' });
    expect(accepted(register({ postalCode: null, address: '〒132-0021 東京都江戸川区中央1-4-1' })).event).toMatchObject({ postalCode: '132-0021', address: '東京都江戸川区中央1-4-1' });
    expect(accepted(register()).state.postalCode).toBeNull();
    refusedAt({ postalCode: '132-00211' }, '/postalCode');
    refusedAt({ postalCode: '134-0091', address: '〒132-0021 東京都江戸川区中央1-4-1' }, '/postalCode');
  });

  it('marks an arrival from a town this system does not serve', () => {
    const decided = accepted(decideRegistration({ residentId: 'resident-9', individualNumber: '123456789018', facts: residentFacts(), arrival: true }, on('2026-12-01')));
    expect(decided.event.arrival).toBe(true);
  });

  it.each([
    ['a wrong check digit', '123456789019'],
    ['11 digits', '12345678901'],
    ['13 digits', '1234567890180'],
    ['a letter', '12345678901A'],
    ['hyphens', '1234-5678-9018'],
  ])('refuses a number with %s', (_, number) => {
    expectRefused(register({}, number), 'RESIDENT.INVALID_INDIVIDUAL_NUMBER');
  });

  it('reads full-width digits as digits, and keeps them as ASCII', () => {
    expect(accepted(register({}, '１２３４５６７８９０１８')).individualNumber).toBe('123456789018');
    expectRefused(register({}, '１２３４５６７８９０１９'), 'RESIDENT.INVALID_INDIVIDUAL_NUMBER');
  });

  it('accepts any eleven digits followed by the check digit they call for, and no other last digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{11}$/), fc.integer({ min: 1, max: 9 }), (first, offset) => {
        const check = checkDigitOf(first);
        expect(register({}, `${first}${check}`).ok).toBe(true);
        expectRefused(register({}, `${first}${(check + offset) % 10}`), 'RESIDENT.INVALID_INDIVIDUAL_NUMBER');
      }),
    );
  });

  it('keeps kana readings as full-width katakana, whatever was typed', () => {
    const decided = accepted(register({ familyNameKana: 'やまだ', givenNameKana: 'ﾀﾛｳ' }));
    expect(decided.state).toMatchObject({ familyNameKana: 'ヤマダ', givenNameKana: 'タロウ' });
    expect(accepted(register({ givenNameKana: 'タロウ　　ジョン' })).state.givenNameKana).toBe('タロウ ジョン');
  });

  it('refuses a reading that is not kana', () => {
    refusedAt({ familyNameKana: '山田' }, '/familyNameKana');
    refusedAt({ givenNameKana: 'Taro' }, '/givenNameKana');
  });

  it('accepts a child born today, and refuses a birth date after today', () => {
    expect(register({ birthDate: d('2026-12-01') }).ok).toBe(true);
    refusedAt({ birthDate: d('2026-12-02') }, '/birthDate');
  });

  it('refuses a nationality that disagrees with the residency', () => {
    refusedAt({ nationality: 'JP', residency: 'foreign-without-period' }, '/residency');
    refusedAt({ nationality: 'KR', residency: 'national' }, '/residency');
  });

  it('registers a foreign resident with a period of stay and a residence card', () => {
    expect(accepted(register(FOREIGN_FACTS)).state).toMatchObject({ residency: 'foreign-with-period', periodOfStayEnd: '2029-03-31', residenceCardNumber: 'AB12345678CD' });
  });

  it('requires both the period of stay and the residence card number for a foreign resident with a period', () => {
    refusedAt({ ...FOREIGN_FACTS, periodOfStayEnd: null }, '/periodOfStayEnd');
    refusedAt({ ...FOREIGN_FACTS, residenceCardNumber: null }, '/residenceCardNumber');
  });

  it('refuses a period of stay for a national or a permanent resident', () => {
    refusedAt({ periodOfStayEnd: d('2029-03-31') }, '/periodOfStayEnd');
    refusedAt({ nationality: 'CN', residency: 'foreign-without-period', periodOfStayEnd: d('2029-03-31') }, '/periodOfStayEnd');
  });

  it.each([
    ['7 digits', 'AB1234567CD'],
    ['lower case letters', 'ab12345678cd'],
    ['a space', 'AB 12345678CD'],
  ])('refuses a residence card number with %s: 2 letters, 8 digits, 2 letters', (_, residenceCardNumber) => {
    refusedAt({ ...FOREIGN_FACTS, residenceCardNumber }, '/residenceCardNumber');
  });

  it('refuses a 転入届 dated before the move-in, and accepts it on the day', () => {
    refusedAt({ moveInDate: d('2026-07-06'), moveInNotificationDate: d('2026-07-05') }, '/moveInNotificationDate');
    expect(register({ moveInDate: d('2026-07-06'), moveInNotificationDate: d('2026-07-06') }).ok).toBe(true);
  });
});
