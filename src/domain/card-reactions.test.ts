import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTEXT } from '../rules/context.ts';
import type { PlainDate } from '../rules/plain-date.ts';
import { foldCard, NO_CERTIFICATE, type CardEvent, type CardState, type CardStatus } from './card.ts';
import { decideMoveIn, reactToResident } from './card-reactions.ts';
import type { ResidentEvent, ResidentState } from './resident.ts';
import { ACTIVE, CARD_IN, history } from './testing/card-history.ts';
import { accepted, expectThat, on } from './testing/given.ts';
import { FOREIGN_FACTS, resident } from './testing/resident.ts';

const d = (date: string) => date as PlainDate;
const context = { today: d('2026-08-01'), rules: DEFAULT_CONTEXT };
const active: CardState = {
  id: 'card',
  residentId: 'resident',
  status: 'active',
  version: 3,
  applicationDate: d('2024-01-10'),
  photoTakenOn: d('2024-01-05'),
  applicationReason: 'first',
  previousCardId: null,
  pickupOfficeId: 'honcho',
  wantsSignatureCertificate: false,
  wantsUserCertificate: true,
  issueDate: d('2024-02-01'),
  expiryDate: d('2034-05-10'),
  expiryBasis: '10th-birthday',
  pickup: { readyOn: d('2024-02-01'), referenceNumber: '1234567897' },
  handedOverOn: d('2024-02-10'),
  handedOverOfficeId: 'honcho',
  frontNotes: [],
  certificates: { signature: NO_CERTIFICATE, user: { status: 'valid', issuedOn: d('2024-02-10'), expiresOn: d('2029-05-10'), revokedOn: null, revokedReason: null } },
  continuation: null,
  scheduledAbolition: null,
  suspension: null,
  endedOn: null,
  endReason: null,
};

describe('a card on a 転入届 (R-7, R-8)', () => {
  // Moved in on Monday 2026-07-06: 14 days end on 海の日 (2026-07-20), so the 転入届 is due on the 21st.
  const move = (notificationDate: string, plannedMoveOutDate: string | null = null) => ({
    moveInDate: d('2026-07-06'),
    notificationDate: d(notificationDate),
    plannedMoveOutDate: plannedMoveOutDate === null ? null : d(plannedMoveOutDate),
  });

  it.each([
    ['on the deadline, moved off the holiday', '2026-07-21', null, false, '2026-07-21'],
    ['a day after it', '2026-07-22', null, true, '2026-07-21'],
    ['within 14 days, but 30 days after the planned move-out', '2026-07-15', '2026-06-10', true, '2026-07-10'],
    ['on the 30th day after the planned move-out', '2026-07-10', '2026-06-10', false, '2026-07-10'],
  ])('%s: late %s', (_, notificationDate, plannedMoveOutDate, late, deadline) => {
    const decided = decideMoveIn(active, move(notificationDate, plannedMoveOutDate), context);
    expect(decided).toMatchObject({ ok: true, value: { late, deadline } });
    const [event] = decided.ok ? decided.value.events : [];
    expect(event?.type).toBe(late ? 'CardAbolished' : 'ContinuationRequired');
  });

  it('keeps a suspended card alive the same way, and leaves a card that has ended alone', () => {
    expect(decideMoveIn({ ...active, status: 'suspended', suspension: { reason: 'lost', since: d('2026-07-01'), channel: 'hotline' } }, move('2026-07-21'), context)).toMatchObject({
      ok: true,
      value: { late: false },
    });
    expect(decideMoveIn({ ...active, status: 'expired', endedOn: d('2026-05-11'), endReason: 'expired' }, move('2026-07-30'), context)).toEqual({
      ok: true,
      value: { events: [], deadline: null, late: false },
    });
  });
});

describe('what a resident’s notification does to their card (reactToResident)', () => {
  const card = (status: CardStatus, ...more: CardEvent[]): CardState => foldCard([...CARD_IN[status], ...more])!;
  const react = (target: CardState, events: ResidentEvent[], before: ResidentState = resident(), today = '2026-12-01') =>
    expectThat(reactToResident(target, before, events, on(today)));

  const addressChanged: ResidentEvent = { type: 'AddressChanged', address: '東京都江戸川区船堀4-1-1', effectiveDate: d('2026-11-25'), previousAddress: '東京都江戸川区中央1-4-1' };
  const nameChanged: ResidentEvent = {
    type: 'NameChanged',
    effectiveDate: d('2026-11-26'),
    familyName: '佐藤',
    givenName: '太郎',
    familyNameKana: 'サトウ',
    givenNameKana: 'タロウ',
    previous: { familyName: '山田', givenName: '太郎', familyNameKana: 'ヤマダ', givenNameKana: 'タロウ' },
  };

  describe('転居・氏名の変更 (address and name change): the signature certificate is revoked (R-4), the user certificate stays', () => {
    it('revokes a valid signature certificate on the day the address changed', () => {
      const decided = react(card('active'), [addressChanged]);
      decided.then({ type: 'SignatureCertificateRevoked', on: '2026-11-25', reason: 'address-change' });
      expect(foldCard([...ACTIVE, ...accepted(decided.result)])?.certificates).toMatchObject({ signature: { status: 'revoked' }, user: { status: 'valid' } });
    });

    it('revokes it on the day the name changed', () => {
      react(card('active'), [nameChanged]).then({ type: 'SignatureCertificateRevoked', on: '2026-11-26', reason: 'name-change' });
    });

    it('revokes it once when both change together', () => {
      react(card('active'), [addressChanged, nameChanged]).then({ type: 'SignatureCertificateRevoked', reason: 'address-change' });
    });

    it('does nothing to a card that was applied for or is waiting: it has no certificate yet', () => {
      react(card('applied'), [addressChanged]).then();
      react(card('ready'), [nameChanged]).then();
    });

    it('revokes a valid signature certificate when the holder becomes an adult ward (Corrections 2026-12), and nothing when the guardianship ends', () => {
      react(card('active'), [{ type: 'GuardianshipChanged', adultWard: true, effectiveDate: d('2026-11-25') }]).then({
        type: 'SignatureCertificateRevoked',
        on: '2026-11-25',
        reason: 'adult-ward',
      });
      react(card('active'), [{ type: 'GuardianshipChanged', adultWard: false, effectiveDate: d('2026-11-25') }]).then();
    });

    it('does nothing to a card whose signature certificate is already revoked', () => {
      react(card('active', history.signatureRevoked()), [addressChanged]).then();
      react(card('active', history.signatureRevoked()), [nameChanged]).then();
    });
  });

  describe('転出届 (move out)', () => {
    const abroad: ResidentEvent = { type: 'MovedOut', plannedMoveOutDate: d('2026-12-20'), destination: 'Canada', abroad: true };
    const withinJapan: ResidentEvent = { type: 'MovedOut', plannedMoveOutDate: d('2026-12-20'), destination: '千葉県市川市', abroad: false };

    it.each(['applied', 'ready', 'active', 'suspended'] as const)('schedules the abolition of a card that is %s on the planned move-out date, not the filing day (R-17)', (status) => {
      react(card(status), [abroad], resident(), '2026-12-01').then({ type: 'CardAbolitionScheduled', on: '2026-12-20', reason: 'moved-abroad' });
    });

    it('abolishes it at once, dated on the move-out, when the 転出届 comes on that day', () => {
      react(card('active'), [abroad], resident(), '2026-12-20').then({ type: 'CardAbolished', on: '2026-12-20', reason: 'moved-abroad' });
    });

    it('lets the holder take a card along within Japan', () => {
      react(card('active'), [withinJapan]).then();
      react(card('applied'), [withinJapan]).then();
    });

    it('abolishes a card whose continuation after an earlier move-in is still pending', () => {
      react(card('active', history.continuationRequired()), [withinJapan]).then({ type: 'CardAbolished', on: '2026-12-01', reason: 'moved-out-before-continuation' });
      react(card('suspended', history.continuationRequired()), [withinJapan]).then({ type: 'CardAbolished', reason: 'moved-out-before-continuation' });
    });
  });

  describe('転入届 (move back in): R-7 from the move-in and the planned move-out recorded before, then R-8', () => {
    const movedOut = resident({ registration: 'moved-out', plannedMoveOutDate: d('2026-06-10'), moveOutDestination: '千葉県市川市' });
    const movedIn = (notificationDate: string): ResidentEvent => ({
      type: 'MovedIn',
      moveInDate: d('2026-07-06'),
      notificationDate: d(notificationDate),
      address: '東京都江戸川区中央1-4-1',
      cardPresented: true,
    });

    it('requires continued use when filed by the 30th day after the planned move-out, and revokes the signature certificate: the address changed (R-4)', () => {
      react(card('active'), [movedIn('2026-07-10')], movedOut, '2026-07-10').then(
        { type: 'ContinuationRequired', notificationDate: '2026-07-10', deadline: '2026-10-07', lapsesOn: '2026-10-08' },
        { type: 'SignatureCertificateRevoked', on: '2026-07-10', reason: 'move-in' },
      );
    });

    it('revokes nothing more when the signature certificate is already gone (revoked, or never issued)', () => {
      react(card('active', history.signatureRevoked()), [movedIn('2026-07-10')], movedOut, '2026-07-10').then({ type: 'ContinuationRequired' });
    });

    it('abolishes the card when filed later, though within 14 days of the move-in', () => {
      react(card('active'), [movedIn('2026-07-15')], movedOut, '2026-07-15').then({ type: 'CardAbolished', on: '2026-07-15', reason: 'move-in-late' });
    });

    it('counts 14 days from the move-in alone when no planned move-out was recorded', () => {
      react(card('active'), [movedIn('2026-07-15')], resident({ registration: 'moved-out' }), '2026-07-15').then({ type: 'ContinuationRequired' }, { type: 'SignatureCertificateRevoked' });
    });

    it('leaves a card that is not in the holder’s hands alone', () => {
      react(card('applied'), [movedIn('2026-07-15')], movedOut, '2026-07-15').then();
    });
  });

  it('does nothing to the card on a new period of stay (the card follows it only by an extension, R-5) or a new number (its own decider)', () => {
    const foreigner = resident(FOREIGN_FACTS);
    react(card('active'), [{ type: 'PeriodOfStayUpdated', periodOfStayEnd: d('2032-03-31'), residenceCardNumber: 'AB12345678CD' }], foreigner).then();
    react(card('active'), [{ type: 'IndividualNumberChanged', on: d('2026-12-01'), reason: 'leak' }]).then();
  });
});
