import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../rules/plain-date.ts';
import { evolveCard, foldCard, type CardEvent, type CardState } from './card.ts';
import { decideHandOver, decideReissue, type ReissueCommand } from './card-reissue.ts';
import { SAMPLE_COMMAND } from './testing/card-commands.ts';
import { ACTIVE, ADULT, CARD_IN, history } from './testing/card-history.ts';
import { accepted, expectRefused, on, pointersOf } from './testing/given.ts';

const d = (date: string) => date as PlainDate;

const reissue = (overrides: Partial<ReissueCommand> = {}): ReissueCommand => ({
  newCardId: 'card-2',
  reason: 'damaged',
  applicationDate: d('2026-12-01'),
  photoTakenOn: d('2026-11-20'),
  identityDocuments: ['passport'],
  officeId: 'kasai',
  holder: ADULT,
  otherCards: [],
  withProxyApproval: false,
  ...overrides,
});

function decide(command: ReissueCommand, events: CardEvent[] = ACTIVE, today = '2026-12-01') {
  return decideReissue(command, foldCard(events) as CardState, on(today));
}

describe('再交付 (decideReissue): a new card within validity, the old one ending with it (R-10)', () => {
  it('refuses the number-change reason: that free card with the old photo comes only with a change of number (docs/domain.md procedure 9)', () => {
    const decided = decide(reissue({ reason: 'number-change', photoTakenOn: d('2016-01-05') }));
    expectRefused(decided, 'INPUT.INVALID');
    expect(pointersOf(decided)).toEqual(['/reason']);
  });

  describe('紛失 (lost)', () => {
    it('asks for a police report', () => {
      expectRefused(decide(reissue({ reason: 'lost' })), 'REISSUE.POLICE_REPORT_REQUIRED', { reason: 'lost' });
    });

    it('abolishes the lost card and applies for a new one, ¥800 and ¥200 for the certificates', () => {
      const decided = accepted(decide(reissue({ reason: 'lost', policeReportNumber: '第123号' })));
      expect(decided.oldCard).toEqual([{ type: 'CardAbolished', on: '2026-12-01', reason: 'replaced' }]);
      expect(decided.newCard).toMatchObject([{
        type: 'CardApplied',
        cardId: 'card-2',
        residentId: 'resident-1',
        reason: 'lost',
        previousCardId: 'card-1',
        pickupOfficeId: 'kasai',
        withSignatureCertificate: true,
        withUserCertificate: true,
      }]);
      expect(decided.fee).toEqual({ cardFee: 800, certificateFee: 200, total: 1000, policeReportRequired: true });
    });

    it('needs no police report for a card lost at home', () => {
      const decided = accepted(decide(reissue({ reason: 'lost', lostAtHome: true })));
      expect(decided.fee).toEqual({ cardFee: 800, certificateFee: 200, total: 1000, policeReportRequired: false });
      expect(decided.oldCard).toMatchObject([{ type: 'CardAbolished', reason: 'replaced' }]);
    });

    it('reissues a card suspended after its loss, abolishing it', () => {
      const decided = accepted(decide(reissue({ reason: 'lost', policeReportNumber: '第123号' }), CARD_IN.suspended));
      expect(decided.oldCard).toMatchObject([{ type: 'CardAbolished', reason: 'replaced' }]);
    });
  });

  describe('盗難 (stolen)', () => {
    it('always asks for a police report, whatever is said of the home', () => {
      expectRefused(decide(reissue({ reason: 'stolen' })), 'REISSUE.POLICE_REPORT_REQUIRED', { reason: 'stolen' });
      expectRefused(decide(reissue({ reason: 'stolen', lostAtHome: true })), 'REISSUE.POLICE_REPORT_REQUIRED');
    });

    it('abolishes the stolen card, ¥1,000 with certificates', () => {
      const decided = accepted(decide(reissue({ reason: 'stolen', policeReportNumber: '第456号' }), CARD_IN.suspended));
      expect(decided.oldCard).toMatchObject([{ type: 'CardAbolished', reason: 'replaced' }]);
      expect(decided.fee).toMatchObject({ total: 1000, policeReportRequired: true });
    });
  });

  describe.each(['damaged', 'dirty'] as const)('%s (破損・汚れ)', (reason) => {
    it('keeps the old card usable until the hand-over (R-16) and charges ¥800 and ¥200 for the certificates, without a police report', () => {
      const decided = accepted(decide(reissue({ reason })));
      expect(decided.oldCard).toEqual([]);
      expect(decided.newCard).toMatchObject([{ type: 'CardApplied', reason }]);
      expect(decided.fee).toEqual({ cardFee: 800, certificateFee: 200, total: 1000, policeReportRequired: false });
    });

    it('charges ¥800 alone for a new card without certificates', () => {
      const decided = accepted(decide(reissue({ reason, withSignatureCertificate: false, withUserCertificate: false })));
      expect(decided.fee).toEqual({ cardFee: 800, certificateFee: 0, total: 800, policeReportRequired: false });
      expect(decided.newCard).toMatchObject([{ withSignatureCertificate: false, withUserCertificate: false }]);
    });
  });

  it('charges the certificate fee once for a single certificate', () => {
    const decided = accepted(decide(reissue({ withSignatureCertificate: false })));
    expect(decided.fee).toMatchObject({ certificateFee: 200, total: 1000 });
    expect(decided.newCard).toMatchObject([{ withSignatureCertificate: false, withUserCertificate: true }]);
  });

  it('gives a new card for a full 追記欄 free of charge, the old one kept until the hand-over (R-16)', () => {
    const decided = accepted(decide(reissue({ reason: 'notes-full' })));
    expect(decided.fee).toEqual({ cardFee: 0, certificateFee: 0, total: 0, policeReportRequired: false });
    expect(decided.oldCard).toEqual([]);
  });

  describe('更新 (renewal): free, only within the 3 months before the expiry (R-6)', () => {
    // Born 1990-05-31, made 2016-06-01: the card expires on 2026-05-31, and 2026-02-31 does not exist.
    const holder = { ...ADULT, birthDate: d('1990-05-31') };
    const expiring = [
      history.applied({ applicationDate: d('2016-05-10'), photoTakenOn: d('2016-05-01') }),
      history.manufactured('2016-06-01', '2026-05-31'),
      history.issued('2016-06-20', '2021-05-31'),
    ];
    const renewal = (applicationDate: string) => reissue({ reason: 'renewal', holder, applicationDate: d(applicationDate), photoTakenOn: d('2026-02-01') });

    it('opens on Feb 28 when the day three months before does not exist, and is free', () => {
      const decided = accepted(decide(renewal('2026-02-28'), expiring, '2026-02-28'));
      expect(decided.fee).toEqual({ cardFee: 0, certificateFee: 0, total: 0, policeReportRequired: false });
      expect(decided.oldCard).toEqual([]);
      expect(decided.newCard).toMatchObject([{ type: 'CardApplied', reason: 'renewal', previousCardId: 'card-1' }]);
    });

    it('refuses the day before the window opens, saying when it opens', () => {
      expectRefused(decide(renewal('2026-02-27'), expiring, '2026-02-27'), 'RENEWAL.WINDOW_NOT_OPEN', { opensOn: '2026-02-28' });
    });

    it('renews on the expiry day, and not after it', () => {
      expect(decide(renewal('2026-05-31'), expiring, '2026-05-31').ok).toBe(true);
      expectRefused(decide(renewal('2026-06-01'), expiring, '2026-06-01'), 'RENEWAL.WINDOW_NOT_OPEN');
    });
  });

  it('checks the holder’s identity', () => {
    expectRefused(decide(reissue({ identityDocuments: ['pension-book'] })), 'IDENTITY.INSUFFICIENT');
    expect(decide(reissue({ identityDocuments: ['pension-book', 'qualification-certificate'] })).ok).toBe(true);
  });

  it('asks for a photo from the last 6 months', () => {
    expectRefused(decide(reissue({ photoTakenOn: d('2026-05-31') })), 'APPLICATION.PHOTO_TOO_OLD');
  });

  it('checks in the order of docs/domain.md: police report, then photo, then identity', () => {
    const everythingWrong = reissue({ reason: 'lost', photoTakenOn: d('2025-01-01'), identityDocuments: ['pension-book'] });
    expectRefused(decide(everythingWrong), 'REISSUE.POLICE_REPORT_REQUIRED');
    expectRefused(decide({ ...everythingWrong, policeReportNumber: '第1号' }), 'APPLICATION.PHOTO_TOO_OLD');
    expectRefused(decide({ ...everythingWrong, policeReportNumber: '第1号', photoTakenOn: d('2026-11-20') }), 'IDENTITY.INSUFFICIENT');
  });

  it.each(['expired', 'abolished', 'returned', 'applied', 'ready'] as const)('refuses a card that is %s: only a card in the holder’s hands is reissued', (status) => {
    expectRefused(decide(reissue(), CARD_IN[status]), 'CARD.INVALID_TRANSITION', { currentStatus: status, action: 'replace' });
  });
});

describe('R-16: replacement without a gap (decideReissue, decideHandOver)', () => {
  const successor = (status: 'applied' | 'ready' | 'active', reason: 'damaged' | 'renewal' | 'lost' = 'damaged'): CardState => {
    const applied = history.applied({ cardId: 'card-2', reason, previousCardId: 'card-1', applicationDate: d('2026-12-01'), photoTakenOn: d('2026-11-20'), pickupOfficeId: 'honcho' });
    const made = history.manufactured('2026-12-20', '2046-05-10');
    return foldCard(status === 'applied' ? [applied] : status === 'ready' ? [applied, made] : [applied, made, history.issued('2027-01-05')])!;
  };
  const issue = { ...SAMPLE_COMMAND.issue, handedOverOn: d('2027-01-05') };

  it.each(['applied', 'ready'] as const)('refuses a second new card while one is %s, naming it', (status) => {
    expectRefused(decide(reissue({ otherCards: [successor(status)] })), 'RESIDENT.CARD_ALREADY_HELD', { cardId: 'card-2', currentStatus: status });
  });

  it('refuses on the card status first: a card not in the holder’s hands is not replaced, whatever else is made', () => {
    expectRefused(decide(reissue({ otherCards: [successor('applied')] }), CARD_IN.returned), 'CARD.INVALID_TRANSITION', { action: 'replace' });
  });

  it('ignores ended cards of the resident and cards that replace another one', () => {
    const ended = foldCard([history.applied({ cardId: 'card-0' }), history.manufactured(), history.issued(), history.returned()])!;
    const other = foldCard([history.applied({ cardId: 'card-9', previousCardId: 'card-0' })])!;
    expect(decide(reissue({ otherCards: [ended, other] })).ok).toBe(true);
  });

  it('takes the kept card back at the hand-over of the new one, dated on it, its certificates ending (returned, replaced)', () => {
    const old = foldCard(ACTIVE)!;
    const decided = accepted(decideHandOver(issue, successor('ready'), old, on('2027-01-05')));
    expect(decided.card).toMatchObject([{ type: 'CardIssued', handedOverOn: '2027-01-05' }]);
    expect(decided.previous).toEqual([{ type: 'CardReturned', on: '2027-01-05', reason: 'replaced' }]);
    const after = decided.previous.reduce(evolveCard, old);
    expect(after).toMatchObject({ status: 'returned', endReason: 'replaced', certificates: { signature: { status: 'revoked' }, user: { status: 'revoked' } } });
  });

  it('takes back a kept card that expired before the new one was handed over (a late renewal), its end staying the expiry', () => {
    const old = foldCard([...ACTIVE, history.expired('2036-05-11')])!;
    const decided = accepted(decideHandOver({ ...issue, handedOverOn: d('2036-05-20') }, successor('ready', 'renewal'), old, on('2036-05-20')));
    expect(decided.previous).toEqual([{ type: 'CardReturned', on: '2036-05-20', reason: 'replaced' }]);
    expect(decided.previous.reduce(evolveCard, old)).toMatchObject({ status: 'returned', endReason: 'expired' });
  });

  it('leaves an abolished lost card alone, and a first card has none to take back', () => {
    const abolished = foldCard([...ACTIVE, history.abolished('2026-12-01', 'replaced')])!;
    expect(accepted(decideHandOver(issue, successor('ready', 'lost'), abolished, on('2027-01-05'))).previous).toEqual([]);
    const first = foldCard([history.applied({ cardId: 'card-2' }), history.manufactured()])!;
    expect(accepted(decideHandOver(issue, first, undefined, on('2027-01-05'))).previous).toEqual([]);
  });

  it('refuses the hand-over as the issue decider does, and then takes nothing back', () => {
    expectRefused(decideHandOver({ ...issue, officeId: 'kasai' }, successor('ready'), foldCard(ACTIVE), on('2027-01-05')), 'AUTH.OFFICE_NOT_ALLOWED');
  });

  it('never leaves two active cards: the new one active, the old one returned', () => {
    const old = foldCard(ACTIVE)!;
    const next = successor('ready');
    const decided = accepted(decideHandOver(issue, next, old, on('2027-01-05')));
    const statuses = [decided.card.reduce(evolveCard, next).status, decided.previous.reduce(evolveCard, old).status];
    expect(statuses).toEqual(['active', 'returned']);
  });
});
