import { cardExpiry } from '../rules/card-expiry.ts';
import { certificateExpiry, signatureCertificateAllowed } from '../rules/certificate-expiry.ts';
import type { RuleContext } from '../rules/context.ts';
import { continuationDeadline } from '../rules/continuation-deadline.ts';
import { identityIsSufficient, type IdentityDocument } from '../rules/identity-documents.ts';
import { moveInDeadline } from '../rules/move-in-deadline.ts';
import { photoIsRecent } from '../rules/photo-age.ts';
import { RuleErrorCode } from '../rules/errors.ts';
import { pinFormat } from '../rules/pin-format.ts';
import { reissueFee } from '../rules/reissue-fee.ts';
import type { PlainDate } from '../rules/plain-date.ts';
import type { PinKind, Policy } from '../rules/policy.ts';
import type { Presenter } from '../rules/procedures.ts';
import type { Residency } from '../rules/residency.ts';
import { validityExtension } from '../rules/validity-extension.ts';
import type {
  AbolitionReason,
  ApplicationReason,
  CardEvent,
  CardState,
  CertificatePlan,
  Channel,
  FrontNote,
  ReturnReason,
  SuspensionReason,
} from './card.ts';
import { allows, type CardAction } from './card-transitions.ts';
import { DomainErrorCode, fromRule, notInFuture, refuse, refuseField, success, type Result } from './errors.ts';

/** What the card rules need to know of its holder (R-3, R-4, R-5). */
export interface Holder {
  readonly birthDate: PlainDate;
  readonly residency: Residency;
  readonly periodOfStayEnd: PlainDate | null;
}

export interface DecisionContext {
  /** The business date in Japan when the command is decided (the clock lives outside the core). */
  readonly today: PlainDate;
  readonly rules: RuleContext;
}

export interface CardPins {
  readonly signature?: string;
  readonly user: string;
  readonly residentRegistry: string;
  readonly cardInfo: string;
}

export const PIN_FIELD: Record<keyof CardPins, PinKind> = {
  signature: 'signature',
  user: 'user',
  residentRegistry: 'resident-registry',
  cardInfo: 'card-info',
};

/** The PINs given, each with its field and the chip's kind. */
export function pinEntries(pins: Partial<CardPins>): { readonly field: keyof CardPins; readonly kind: PinKind; readonly pin: string }[] {
  return (Object.entries(PIN_FIELD) as [keyof CardPins, PinKind][]).flatMap(([field, kind]) => {
    const pin = pins[field];
    return pin === undefined ? [] : [{ field, kind, pin }];
  });
}

export type CardCommand =
  | { readonly type: 'manufacture'; readonly issueDate: PlainDate; readonly holder: Holder }
  | {
      readonly type: 'issue';
      readonly handedOverOn: PlainDate;
      readonly officeId: string;
      readonly pins: CardPins;
      readonly identityDocuments: readonly IdentityDocument[];
      readonly notificationCardReturned: boolean;
      readonly holder: Holder;
    }
  | { readonly type: 'add-front-note'; readonly note: FrontNote }
  | { readonly type: 'revoke-signature'; readonly on: PlainDate; readonly reason: string }
  | { readonly type: 'suspend'; readonly on: PlainDate; readonly reason: SuspensionReason; readonly channel: Channel }
  | { readonly type: 'resume'; readonly on: PlainDate; readonly officeId: string; readonly identityDocuments: readonly IdentityDocument[] }
  | { readonly type: 'require-continuation'; readonly notificationDate: PlainDate }
  | { readonly type: 'continue'; readonly on: PlainDate; readonly presentedBy: Presenter }
  | {
      readonly type: 'extend';
      readonly newPeriodOfStayEnd?: PlainDate;
      readonly applicationPending?: boolean;
      readonly holder: Holder;
    }
  | { readonly type: 'verify-pin' }
  | {
      readonly type: 'reset-pin';
      readonly kind: PinKind;
      readonly newPin: string;
      readonly identityDocuments: readonly IdentityDocument[];
    }
  | { readonly type: 'replace'; readonly on: PlainDate; readonly oldCardReturned: boolean }
  | { readonly type: 'expire'; readonly on: PlainDate }
  | { readonly type: 'expire-certificates'; readonly on: PlainDate }
  | { readonly type: 'abolish'; readonly on: PlainDate; readonly reason: AbolitionReason }
  | { readonly type: 'return'; readonly on: PlainDate; readonly reason: ReturnReason };


/** The refusal for an action the card's status does not allow, naming the status. */
function invalidTransition(state: CardState, action: CardAction): Result<never> {
  return refuse(DomainErrorCode.CardInvalidTransition, `a card that is ${state.status} cannot be ${describe(action)}`, {
    currentStatus: state.status,
    action,
  });
}

function describe(action: CardAction): string {
  const words: Record<CardAction, string> = {
    manufacture: 'manufactured',
    issue: 'issued',
    'add-front-note': 'given a front note',
    'revoke-signature': 'have its signature certificate revoked',
    suspend: 'suspended',
    resume: 'resumed',
    'require-continuation': 'put under continuation',
    continue: 'continued',
    extend: 'extended',
    'verify-pin': 'used for a PIN check',
    'reset-pin': 'given a new PIN',
    replace: 'replaced',
    expire: 'expired',
    'expire-certificates': 'have its certificates expired',
    abolish: 'abolished',
    return: 'returned',
  };
  return words[action];
}

export interface ApplicationCommand {
  readonly cardId: string;
  readonly residentId: string;
  readonly applicationDate: PlainDate;
  readonly photoTakenOn: PlainDate;
  readonly withSignatureCertificate: boolean;
  readonly withUserCertificate: boolean;
  readonly reason: ApplicationReason;
  readonly previousCardId: string | null;
  readonly pickupOfficeId: string;
  readonly holder: Holder;
}

/**
 * 交付申請: a new card starts as `applied`. The photo must be from the last 6 months (seed),
 * except for the free card after a number change, which reuses the old card's photo (decision:
 * the seed asks no new photo for it); a signature certificate is not for those under 15 (R-4).
 * That the resident holds no other live card is checked by the caller.
 */
export function decideApplication(command: ApplicationCommand, context: DecisionContext): Result<CardEvent[]> {
  const future = notInFuture('applicationDate', command.applicationDate, context);
  if (future) return future;
  if (command.applicationDate < command.holder.birthDate) return refuseField('applicationDate', 'is before the birth date');
  if (command.reason !== 'number-change' && !photoIsRecent(command.photoTakenOn, command.applicationDate, context.rules.policy)) {
    if (command.photoTakenOn > command.applicationDate) return refuseField('photoTakenOn', 'is after the application date');
    return refuse(
      DomainErrorCode.PhotoTooOld,
      `the photo of ${command.photoTakenOn} is older than ${context.rules.policy.photoMaxAgeMonths} months; a new photo taken within ${context.rules.policy.photoMaxAgeMonths} months is needed`,
    );
  }
  if (command.withSignatureCertificate && !signatureCertificateAllowed(command.holder.birthDate, command.applicationDate, context.rules.policy)) {
    return refuse(RuleErrorCode.SignatureUnder15, `no signature certificate for someone under ${context.rules.policy.signatureCertificateMinAge}`);
  }
  return success([
    {
      type: 'CardApplied',
      cardId: command.cardId,
      residentId: command.residentId,
      applicationDate: command.applicationDate,
      photoTakenOn: command.photoTakenOn,
      reason: command.reason,
      previousCardId: command.previousCardId,
      pickupOfficeId: command.pickupOfficeId,
      withSignatureCertificate: command.withSignatureCertificate,
      withUserCertificate: command.withUserCertificate,
    },
  ]);
}

function certificatePlan(
  kind: 'signature' | 'user',
  wanted: boolean,
  holder: Holder,
  issuedOn: PlainDate,
  cardExpiryDate: PlainDate,
  context: DecisionContext,
): CertificatePlan {
  if (!wanted) return null;
  const outcome = certificateExpiry({ birthDate: holder.birthDate, issueDate: issuedOn, cardExpiryDate, kind }, context.rules);
  return outcome.ok ? { issuedOn, expiresOn: outcome.value.expiryDate } : null;
}

function checkPins(pins: CardPins, wantsSignature: boolean, context: DecisionContext): Result<never> | undefined {
  if (wantsSignature && pins.signature === undefined) return refuseField('pins/signature', 'is required for the signature certificate');
  for (const { field, kind, pin } of pinEntries(pins)) {
    const format = pinFormat({ kind, pin }, context.rules);
    if (format.ok && !format.value.valid) {
      return refuse(DomainErrorCode.PinInvalidFormat, `the ${kind} PIN is not valid (${format.value.reason})`, {
        pin: field,
        reason: format.value.reason ?? null,
      });
    }
  }
  return undefined;
}

/** One photo document, or two without, of those that count on the procedure's date (api.md); the refusal when the set falls short. */
export function checkIdentity(documents: readonly IdentityDocument[], on: PlainDate, policy: Policy): Result<never> | undefined {
  return identityIsSufficient(documents, on, policy)
    ? undefined
    : refuse(DomainErrorCode.IdentityInsufficient, 'identity must be shown with one photo document or two documents without a photo');
}

/**
 * Decides a command on an existing card: refused with a stable code and nothing to record, or
 * the events to record. The action must be allowed in the card's status (TRANSITIONS).
 */
/**
 * A card's fate on a 転入届 (R-7, R-8): abolished when the 転入届 came after the move-in deadline,
 * else its continued use must follow within the R-8 days. A card that is not live is left as it is.
 */
export function decideMoveIn(
  card: CardState,
  move: { readonly moveInDate: PlainDate; readonly notificationDate: PlainDate; readonly plannedMoveOutDate: PlainDate | null },
  context: DecisionContext,
): Result<{ readonly events: CardEvent[]; readonly deadline: PlainDate | null; readonly late: boolean }> {
  if (card.status !== 'active' && card.status !== 'suspended') return success({ events: [], deadline: null, late: false });
  const deadline = moveInDeadline({ moveInDate: move.moveInDate, ...(move.plannedMoveOutDate !== null && { plannedMoveOutDate: move.plannedMoveOutDate }) }, context.rules);
  if (!deadline.ok) return fromRule(deadline.error);
  const late = move.notificationDate > deadline.value.deadline;
  const events = decideCard(
    late ? { type: 'abolish', on: context.today, reason: 'move-in-late' } : { type: 'require-continuation', notificationDate: move.notificationDate },
    card,
    context,
  );
  return events.ok ? success({ events: events.value, deadline: deadline.value.deadline, late }) : events;
}

export function decideCard(command: CardCommand, state: CardState, context: DecisionContext): Result<CardEvent[]> {
  if (!allows(state.status, command.type)) return invalidTransition(state, command.type);
  const { rules } = context;
  switch (command.type) {
    case 'manufacture': {
      const future = notInFuture('issueDate', command.issueDate, context);
      if (future) return future;
      if (command.issueDate < state.applicationDate) return refuseField('issueDate', `is before the application date ${state.applicationDate}`);
      const expiry = cardExpiry(
        {
          birthDate: command.holder.birthDate,
          issueDate: command.issueDate,
          residency: command.holder.residency,
          ...(command.holder.residency === 'foreign-with-period' && command.holder.periodOfStayEnd !== null
            ? { periodOfStayEnd: command.holder.periodOfStayEnd }
            : {}),
        },
        rules,
      );
      if (!expiry.ok) return fromRule(expiry.error);
      return success([{ type: 'CardManufactured', issueDate: command.issueDate, expiryDate: expiry.value.expiryDate, basis: expiry.value.basis }]);
    }
    case 'issue': {
      const future = notInFuture('handedOverOn', command.handedOverOn, context);
      if (future) return future;
      if (command.handedOverOn < state.issueDate!) return refuseField('handedOverOn', `is before the card was made (${state.issueDate})`);
      if (command.handedOverOn > state.expiryDate!) return refuse(RuleErrorCode.CardExpired, `the card expired on ${state.expiryDate} before it was handed over`);
      const documents = checkIdentity(command.identityDocuments, command.handedOverOn, rules.policy);
      if (documents) return documents;
      const signatureEligible = state.wantsSignatureCertificate && signatureCertificateAllowed(command.holder.birthDate, command.handedOverOn, rules.policy);
      const pins = checkPins(command.pins, signatureEligible, context);
      if (pins) return pins;
      return success([
        {
          type: 'CardIssued',
          handedOverOn: command.handedOverOn,
          officeId: command.officeId,
          signature: certificatePlan('signature', signatureEligible, command.holder, command.handedOverOn, state.expiryDate!, context),
          user: certificatePlan('user', state.wantsUserCertificate, command.holder, command.handedOverOn, state.expiryDate!, context),
          identityDocuments: command.identityDocuments,
          notificationCardReturned: command.notificationCardReturned,
        },
      ]);
    }
    case 'add-front-note': {
      const future = notInFuture('date', command.note.date, context);
      if (future) return future;
      if (state.frontNotes.length >= rules.policy.notesCapacity) {
        const fee = reissueFee({ reason: 'notes-full', withCertificates: state.wantsSignatureCertificate || state.wantsUserCertificate }, rules);
        const total = fee.ok ? fee.value.total : 0;
        return refuse(
          DomainErrorCode.CardNotesFull,
          `the notes field (追記欄) is full (${rules.policy.notesCapacity} entries); a new card is needed (reissue reason notes-full), ${total === 0 ? 'free of charge' : `fee ¥${total}`}`,
          { capacity: rules.policy.notesCapacity, reissueReason: 'notes-full', fee: total },
        );
      }
      return success([{ type: 'FrontNoteAdded', note: command.note }]);
    }
    case 'revoke-signature':
      return success(state.certificates.signature.status === 'valid' ? [{ type: 'SignatureCertificateRevoked', on: command.on, reason: command.reason }] : []);
    case 'suspend': {
      const events: CardEvent[] = [{ type: 'CardSuspended', on: command.on, reason: command.reason, channel: command.channel }];
      if (state.certificates.signature.status === 'valid') events.push({ type: 'SignatureCertificateRevoked', on: command.on, reason: command.reason });
      return success(events);
    }
    case 'resume': {
      const documents = checkIdentity(command.identityDocuments, command.on, rules.policy);
      if (documents) return documents;
      return success([{ type: 'CardResumed', on: command.on, officeId: command.officeId }]);
    }
    case 'require-continuation': {
      const deadline = continuationDeadline({ moveInNotificationDate: command.notificationDate }, rules);
      if (!deadline.ok) return fromRule(deadline.error);
      return success([{ type: 'ContinuationRequired', notificationDate: command.notificationDate, ...pick(deadline.value) }]);
    }
    case 'continue': {
      if (state.continuation === null) {
        return refuse(DomainErrorCode.CardNoContinuationPending, 'this card needs no continuation: it was not brought in by a move', { currentStatus: state.status });
      }
      const future = notInFuture('date', command.on, context);
      if (future) return future;
      if (command.on > state.continuation.deadline) {
        return refuse(
          DomainErrorCode.CardContinuationLapsed,
          `the deadline for continued use was ${state.continuation.deadline}; the card is abolished and a new card is needed (a fee applies)`,
          { deadline: state.continuation.deadline },
        );
      }
      return success([{ type: 'ContinuationCompleted', on: command.on, presentedBy: command.presentedBy }]);
    }
    case 'extend': {
      if (command.holder.residency !== 'foreign-with-period') {
        return refuse(DomainErrorCode.CardNotExtendable, 'only the card of a foreign resident with a period of stay is extended with that period');
      }
      const extension = validityExtension(
        {
          birthDate: command.holder.birthDate,
          cardIssueDate: state.issueDate!,
          currentExpiryDate: state.expiryDate!,
          today: context.today,
          ...(command.newPeriodOfStayEnd !== undefined && { newPeriodOfStayEnd: command.newPeriodOfStayEnd }),
          ...(command.applicationPending !== undefined && { applicationPending: command.applicationPending }),
          ...(command.holder.periodOfStayEnd !== null && { currentPeriodOfStayEnd: command.holder.periodOfStayEnd }),
        },
        rules,
      );
      if (!extension.ok) return fromRule(extension.error);
      return success([
        { type: 'CardExtended', on: context.today, expiryDate: extension.value.expiryDate, basis: extension.value.basis, previousExpiryDate: state.expiryDate! },
      ]);
    }
    case 'verify-pin':
      return success([]);
    case 'reset-pin': {
      const documents = checkIdentity(command.identityDocuments, context.today, rules.policy);
      if (documents) return documents;
      const format = pinFormat({ kind: command.kind, pin: command.newPin }, rules);
      if (format.ok && !format.value.valid) {
        return refuse(DomainErrorCode.PinInvalidFormat, `the new ${command.kind} PIN is not valid (${format.value.reason})`, {
          reason: format.value.reason ?? null,
        });
      }
      return success([{ type: 'PinReset', on: context.today, kind: command.kind }]);
    }
    case 'replace':
      return success(
        command.oldCardReturned
          ? [{ type: 'CardReturned', on: command.on, reason: 'replaced' }]
          : [{ type: 'CardAbolished', on: command.on, reason: 'replaced' }],
      );
    case 'expire':
      return success([{ type: 'CardExpired', on: command.on }]);
    case 'expire-certificates':
      // A certificate is valid through its expiry day and expired from the day after (R-4).
      return success(
        (['signature', 'user'] as const)
          .filter((kind) => state.certificates[kind].status === 'valid' && state.certificates[kind].expiresOn! < command.on)
          .map((kind) => ({ type: 'CertificateExpired' as const, on: command.on, kind })),
      );
    case 'abolish':
      return success([{ type: 'CardAbolished', on: command.on, reason: command.reason }]);
    case 'return':
      return success([{ type: 'CardReturned', on: command.on, reason: command.reason }]);
    default: {
      const unhandled: never = command;
      throw new Error(`unknown card command ${JSON.stringify(unhandled)}`);
    }
  }
}

function pick(value: { deadline: PlainDate; lapsesOn: PlainDate }): { deadline: PlainDate; lapsesOn: PlainDate } {
  return { deadline: value.deadline, lapsesOn: value.lapsesOn };
}
