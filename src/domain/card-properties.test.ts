import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuleErrorCode } from '../rules/errors.ts';
import type { PlainDate } from '../rules/plain-date.ts';
import { CARD_STATUSES, evolveCard, foldCard, type CardState, type CardStatus } from './card.ts';
import { decideCard, type CardCommand } from './card-decider.ts';
import { decideReissue } from './card-reissue.ts';
import { allows, TRANSITIONS, type CardAction } from './card-transitions.ts';
import { DomainErrorCode, type Result } from './errors.ts';
import { anyCommand, cardLife, dateBetween, reissueChoice } from './testing/arbitraries.ts';
import { ADULT, CARD_IN } from './testing/card-history.ts';
import { on } from './testing/given.ts';

/** Where each action leads (docs/domain.md "Card status"): the status after it, or the same status. */
const LEADS_TO: Record<CardAction, readonly CardStatus[] | 'unchanged'> = {
  manufacture: ['ready'],
  issue: ['active'],
  'add-front-note': 'unchanged',
  'revoke-signature': 'unchanged',
  suspend: ['suspended'],
  resume: ['active'],
  'require-continuation': 'unchanged',
  continue: 'unchanged',
  extend: 'unchanged',
  'verify-pin': 'unchanged',
  'reset-pin': 'unchanged',
  'issue-certificate': 'unchanged',
  replace: ['returned', 'abolished'],
  expire: ['expired'],
  'expire-certificates': 'unchanged',
  'schedule-abolition': 'unchanged',
  'keep-abroad': 'unchanged',
  abolish: ['abolished'],
  return: ['returned'],
};

/** The statuses TRANSITIONS reaches from a new application or a card taken over. */
function reachable(): Set<CardStatus> {
  const seen = new Set<CardStatus>(['applied', 'active']);
  const queue = [...seen];
  for (let status = queue.shift(); status !== undefined; status = queue.shift()) {
    for (const action of TRANSITIONS[status] as readonly CardAction[]) {
      const next = LEADS_TO[action];
      for (const target of next === 'unchanged' ? [] : next) {
        if (!seen.has(target)) queue.push(target);
        seen.add(target);
      }
    }
  }
  return seen;
}
const REACHABLE = reachable();

/** The refusals a card decision may give (docs/api.md maps each to an HTTP status). */
const CARD_REFUSALS: readonly string[] = [
  DomainErrorCode.CardInvalidTransition,
  DomainErrorCode.RepresentativeRequired,
  DomainErrorCode.ProxyNotAllowedForRepresented,
  DomainErrorCode.AuthOfficeNotAllowed,
  DomainErrorCode.IdentityInsufficient,
  DomainErrorCode.PinInvalidFormat,
  DomainErrorCode.CardNotesFull,
  DomainErrorCode.CardNoContinuationPending,
  DomainErrorCode.CardContinuationLapsed,
  DomainErrorCode.CardNotExtendable,
  RuleErrorCode.InputInvalid,
  RuleErrorCode.CardExpired,
  RuleErrorCode.NothingToExtend,
  RuleErrorCode.CalendarOutOfRange,
  RuleErrorCode.SignatureUnder15,
  RuleErrorCode.SignatureNotAllowed,
  RuleErrorCode.CertificateRenewalWindowNotOpen,
  RuleErrorCode.CertificateCardRenewalNeeded,
];

/** A refusal says what it is: a stable code, a message, and the field when the input is at fault. */
function expectWellFormedRefusal(result: Result<unknown>, codes: readonly string[]) {
  if (result.ok) return;
  expect(codes).toContain(result.error.code);
  expect(result.error.message.length).toBeGreaterThan(0);
  if (result.error.code === RuleErrorCode.InputInvalid) expect(result.error.errors?.length).toBeGreaterThan(0);
}

/** What a command says against itself, whatever the card (checked before the status). */
function contradictsItself(command: CardCommand): boolean {
  if (command.type === 'suspend') return command.by === 'hotline' && command.channel !== 'hotline';
  if (command.type === 'continue') return (command.presentedBy === 'proxy-after-enquiry') !== command.withProxyApproval;
  return false;
}

const isHeldStatus = (status: CardStatus) => status === 'active' || status === 'suspended';

describe('card decisions, for any card and any command (properties)', () => {
  it('reaches only statuses of the transition table, each action leading where docs/domain.md says, along any life a card is decided through', () => {
    expect([...REACHABLE].sort()).toEqual([...CARD_STATUSES].sort());
    fc.assert(
      fc.property(cardLife, ({ first, steps }) => {
        let card = evolveCard(undefined, first);
        for (const step of steps) {
          const { today } = step;
          const command = step.commandFor(card);
          const decided = decideCard(command, card, on(today));
          if (!decided.ok) continue;
          const before = card;
          card = decided.value.reduce<CardState>(evolveCard, card);
          const leadsTo = LEADS_TO[command.type];
          // An accepted decision with nothing to record (a card not yet due to expire or lapse) leaves the card as it was.
          expect(leadsTo === 'unchanged' || decided.value.length === 0 ? [before.status] : leadsTo).toContain(card.status);
          expect(REACHABLE.has(card.status)).toBe(true);
          expect(card.version).toBe(before.version + decided.value.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the certificates with the card: none valid on a card not in the holder’s hands, no valid certificate on a suspended card (held instead, and held only there), and none valid again once it stopped being valid unless issued anew at a counter (R-15)', () => {
    fc.assert(
      fc.property(cardLife, ({ first, steps }) => {
        let card = evolveCard(undefined, first);
        for (const step of steps) {
          const { today } = step;
          const command = step.commandFor(card);
          const decided = decideCard(command, card, on(today));
          if (!decided.ok) continue;
          const before = card;
          card = decided.value.reduce<CardState>(evolveCard, card);
          for (const kind of ['signature', 'user'] as const) {
            if (!isHeldStatus(card.status)) expect(card.certificates[kind].status).not.toBe('valid');
            const issuedAnew = command.type === 'issue-certificate' && command.kind === kind;
            if (isHeldStatus(before.status) && before.certificates[kind].status !== 'valid' && !issuedAnew) expect(card.certificates[kind].status).not.toBe('valid');
          }
          // Corrections 2026-12: a suspended card holds its certificates, and only a suspended card does.
          if (card.status === 'suspended') for (const kind of ['signature', 'user'] as const) expect(card.certificates[kind].status).not.toBe('valid');
          if (card.status !== 'suspended') for (const kind of ['signature', 'user'] as const) expect(card.certificates[kind].status).not.toBe('held');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, for any action on a card in any status, on any day', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CARD_STATUSES), anyCommand, dateBetween('1960-01-01', '2060-12-31'), (status, command, today) => {
        const card = foldCard(CARD_IN[status])!;
        expect(() => decideCard(command, card, on(today))).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses with a known code and a message, and refuses for the status exactly when the table does not list the action', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CARD_STATUSES), anyCommand, dateBetween('2000-01-01', '2050-12-31'), (status, command, today) => {
        const card = foldCard(CARD_IN[status])!;
        const decided = decideCard(command, card, on(today));
        expectWellFormedRefusal(decided, CARD_REFUSALS);
        const refusedForStatus = !decided.ok && decided.error.code === DomainErrorCode.CardInvalidTransition;
        if (contradictsItself(command)) expect(decided).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } });
        else expect(refusedForStatus).toBe(!allows(card, command.type));
      }),
      { numRuns: 2000 },
    );
  });

  it('changes nothing of the card it decides on, accepted or refused', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CARD_STATUSES), anyCommand, dateBetween('2000-01-01', '2050-12-31'), (status, command, today) => {
        const card = foldCard(CARD_IN[status])!;
        const copy = structuredClone(card);
        decideCard(command, card, on(today));
        expect(card).toEqual(copy);
      }),
      { numRuns: 500 },
    );
  });
});

describe('再交付 for any reason (properties, R-10)', () => {
  const card = foldCard(CARD_IN.active)!;
  const today = '2026-12-01' as PlainDate;

  it('charges the card fee and the certificate fee together, and asks a police report exactly for a theft or a loss away from home', () => {
    fc.assert(
      fc.property(reissueChoice, (choice) => {
        const decided = decideReissue(
          {
            newCardId: 'card-2',
            reason: choice.reason,
            lostAtHome: choice.lostAtHome,
            policeReportNumber: choice.policeReportNumber,
            withSignatureCertificate: choice.withSignatureCertificate,
            withUserCertificate: choice.withUserCertificate,
            applicationDate: today,
            photoTakenOn: today,
            identityDocuments: ['passport'],
            withProxyApproval: false,
            officeId: 'honcho',
            holder: ADULT,
            otherCards: [],
          },
          card,
          on(today),
        );
        const reportNeeded = choice.reason === 'stolen' || (choice.reason === 'lost' && choice.lostAtHome !== true);
        if (choice.reason === 'renewal') {
          // The card runs to 2036: renewal is not open yet.
          expect(decided).toMatchObject({ ok: false, error: { code: 'RENEWAL.WINDOW_NOT_OPEN' } });
          return;
        }
        if (reportNeeded && choice.policeReportNumber === undefined) {
          expect(decided).toMatchObject({ ok: false, error: { code: 'REISSUE.POLICE_REPORT_REQUIRED' } });
          return;
        }
        if (!decided.ok) throw new Error(decided.error.message);
        const { fee, oldCard } = decided.value;
        expect(fee.total).toBe(fee.cardFee + fee.certificateFee);
        expect(fee.policeReportRequired).toBe(reportNeeded);
        // a lost or stolen card is abolished now; any other stays as it is until the hand-over.
        expect(oldCard).toEqual(choice.reason === 'lost' || choice.reason === 'stolen' ? [{ type: 'CardAbolished', on: today, reason: 'replaced' }] : []);
      }),
    );
  });
});
