import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../rules/plain-date.ts';
import type { Presenter } from '../rules/procedures.ts';
import { foldCard, type CardEvent, type CardState } from './card.ts';
import { decideApplication } from './card-application.ts';
import { decideCard } from './card-decider.ts';
import { decideReissue } from './card-reissue.ts';
import type { Holder } from './holder.ts';
import type { Result } from './errors.ts';
import type { Acting, LegalRepresentative } from './representation.ts';
import { ACTIVE, ADULT, GUARDIAN, history, PARENT } from './testing/card-history.ts';
import { on } from './testing/given.ts';
import { resident } from './testing/resident.ts';

const d = (date: string) => date as PlainDate;

/** Every procedure is done on this day at the counter. */
const DAY = '2026-12-01';
const card = (events: CardEvent[]): CardState => foldCard(events)!;

/**
 * R-18 through the deciders of the six card procedures that take a 法定代理人 (docs/rules.md R-18):
 * each asked on DAY for `holder`, with whoever acts, answering the refusal code or 'ok'.
 */
const PROCEDURES: Record<string, (holder: Holder, acting: Acting) => Result<unknown>> = {
  '交付申請 (application)': (holder, acting) =>
    decideApplication(
      { cardId: 'card-2', applicationDate: d(DAY), photoTakenOn: d('2026-11-20'), withSignatureCertificate: false, withUserCertificate: true, reason: 'first', previousCardId: null, pickupOfficeId: 'honcho' },
      resident({ birthDate: holder.birthDate, adultWard: holder.adultWard }),
      [],
      ['honcho'],
      acting,
      on(DAY),
    ),
  '交付 (issue)': (holder, acting) =>
    decideCard(
      {
        type: 'issue',
        handedOverOn: d(DAY),
        officeId: 'honcho',
        pins: { user: '1234', residentRegistry: '5678', cardInfo: '1234' },
        identityDocuments: ['passport'],
        notificationCardReturned: false,
        holder,
        ...acting,
      },
      card([history.applied({ withSignatureCertificate: false }), history.manufactured()]),
      on(DAY),
    ),
  '券面記載事項変更 (front note)': (holder, acting) =>
    decideCard({ type: 'add-front-note', note: { kind: 'address', text: '東京都江戸川区中央1-4-1', date: d('2026-11-25') }, holder, ...acting }, card(ACTIVE), on(DAY)),
  '継続利用 (continuation)': (holder, acting) =>
    decideCard(
      { type: 'continue', on: d(DAY), presentedBy: acting.withProxyApproval ? 'proxy-after-enquiry' : 'holder', holder, ...acting },
      card([...ACTIVE, history.continuationRequired()]),
      on(DAY),
    ),
  '暗証番号の再設定 (PIN reset)': (holder, acting) =>
    decideCard({ type: 'reset-pin', kind: 'user', newPin: '4321', identityDocuments: ['passport'], holder, ...acting }, card(ACTIVE), on(DAY)),
  '再交付 (reissue)': (holder, acting) =>
    decideReissue(
      { newCardId: 'card-2', reason: 'damaged', applicationDate: d(DAY), photoTakenOn: d('2026-11-20'), identityDocuments: ['passport'], withSignatureCertificate: false, officeId: 'honcho', holder, otherCards: [], ...acting },
      card(ACTIVE),
      on(DAY),
    ),
};

const outcome = (result: Result<unknown>) => (result.ok ? 'ok' : result.error.code);
const by = (legalRepresentative?: LegalRepresentative): Acting => ({ legalRepresentative, withProxyApproval: false });
const PROXY: Acting = { withProxyApproval: true };

/** R-1's end-of-day reading on DAY (2026-12-01): born 2011-12-02 reaches 15 by the end of it; born 2011-12-03 only the day after. */
const HOLDERS = {
  'a child of 10': { ...ADULT, birthDate: d('2016-03-01') },
  'still 14 on the day (15 at the end of tomorrow)': { ...ADULT, birthDate: d('2011-12-03') },
  'turning 15 that day (by the end of it)': { ...ADULT, birthDate: d('2011-12-02') },
  'an adult ward': { ...ADULT, adultWard: true },
  'an adult who is not a ward': ADULT,
} satisfies Record<string, Holder>;

/** What each holder's procedure answers: alone, with the parent, with the guardian, with a voluntary proxy. */
const EXPECTED: Record<keyof typeof HOLDERS, readonly [alone: string, parent: string, guardian: string, proxy: string]> = {
  'a child of 10': ['REPRESENTATIVE.REQUIRED', 'ok', 'ok', 'PROXY.NOT_ALLOWED_FOR_REPRESENTED'],
  'still 14 on the day (15 at the end of tomorrow)': ['REPRESENTATIVE.REQUIRED', 'ok', 'ok', 'PROXY.NOT_ALLOWED_FOR_REPRESENTED'],
  'turning 15 that day (by the end of it)': ['ok', 'INPUT.INVALID', 'INPUT.INVALID', 'ok'],
  'an adult ward': ['REPRESENTATIVE.REQUIRED', 'INPUT.INVALID', 'ok', 'PROXY.NOT_ALLOWED_FOR_REPRESENTED'],
  'an adult who is not a ward': ['ok', 'INPUT.INVALID', 'INPUT.INVALID', 'ok'],
};

describe.each(Object.entries(PROCEDURES))('法定代理人 (R-18) at %s, decided from the birth date on the day', (_name, decide) => {
  it.each(Object.entries(HOLDERS))('for %s', (who, holder) => {
    const answers = [decide(holder, by()), decide(holder, by(PARENT)), decide(holder, by(GUARDIAN)), decide(holder, PROXY)].map(outcome);
    expect(answers).toEqual(EXPECTED[who as keyof typeof HOLDERS]);
  });

  it('checks the representative’s own identity documents (R-13)', () => {
    expect(outcome(decide(HOLDERS['a child of 10'], by({ ...PARENT, identityDocuments: ['pension-book'] })))).toBe('IDENTITY.INSUFFICIENT');
  });

  it('refuses a voluntary proxy even when a representative is named as well', () => {
    expect(outcome(decide(HOLDERS['a child of 10'], { legalRepresentative: PARENT, withProxyApproval: true }))).toBe('PROXY.NOT_ALLOWED_FOR_REPRESENTED');
  });
});

describe('継続利用 of a represented holder’s card (R-18: a household member may still bring it)', () => {
  const continued = (presentedBy: Presenter, legalRepresentative?: LegalRepresentative) =>
    outcome(
      decideCard(
        { type: 'continue', on: d(DAY), presentedBy, withProxyApproval: false, holder: HOLDERS['a child of 10'], legalRepresentative },
        card([...ACTIVE, history.continuationRequired()]),
        on(DAY),
      ),
    );

  it('needs no representative when a member of the household brings the card, and takes one who comes', () => {
    expect(continued('household-member')).toBe('ok');
    expect(continued('household-member', PARENT)).toBe('ok');
    expect(continued('holder')).toBe('REPRESENTATIVE.REQUIRED');
  });
});

describe('the order of the refusals: the procedure’s own before who acts (R-18)', () => {
  it('refuses an expired hand-over or a full notes field before asking for the representative', () => {
    const child = HOLDERS['a child of 10'];
    const expired = card([history.applied({ withSignatureCertificate: false }), history.manufactured('2026-10-15', '2026-11-30', '5th-birthday')]);
    const issued = decideCard(
      { type: 'issue', handedOverOn: d(DAY), officeId: 'honcho', pins: { user: '1234', residentRegistry: '5678', cardInfo: '1234' }, identityDocuments: ['passport'], notificationCardReturned: false, holder: child, withProxyApproval: false },
      expired,
      on(DAY),
    );
    expect(outcome(issued)).toBe('CARD.EXPIRED');
    const full = card([...ACTIVE, history.frontNote(), history.frontNote(), history.frontNote(), history.frontNote()]);
    expect(outcome(decideCard({ type: 'add-front-note', note: { kind: 'address', text: '中央', date: d(DAY) }, holder: child, withProxyApproval: false }, full, on(DAY)))).toBe('CARD.NOTES_FULL');
  });
});
