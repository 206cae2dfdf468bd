import { cardExpiry } from '../rules/card-expiry.ts';
import { certificateExpiry } from '../rules/certificate-expiry.ts';
import { signatureCertificateAllowed } from '../rules/certificate-rules.ts';
import { continuationDeadline } from '../rules/continuation-deadline.ts';
import { RuleErrorCode } from '../rules/errors.ts';
import type { IdentityDocument } from '../rules/identity-documents.ts';
import type { PlainDate } from '../rules/plain-date.ts';
import type { PinKind } from '../rules/policy.ts';
import { Presenter, Procedure } from '../rules/procedures.ts';
import { reissueFee } from '../rules/reissue-fee.ts';
import { pickupDeadline } from '../rules/pickup-deadline.ts';
import { validityExtension } from '../rules/validity-extension.ts';
import { isStanding, type AbolitionReason, type CardEvent, type CardState, type CertificatePlan, type Channel, type FrontNote, type ReturnReason, type ScheduledAbolition, type SuspensionReason } from './card.ts';
import { allows, type CardAction, type CardFor } from './card-transitions.ts';
import { checkIdentity, checkNewPin, checkPins, type CardPins } from './card-checks.ts';
import { decideIssueCertificate, type IssueCertificateCommand } from './certificate-decider.ts';
import type { DecisionContext } from './decision-context.ts';
import { DomainErrorCode, notInFuture, refuse, refuseField, success, type Result } from './errors.ts';
import type { Holder } from './holder.ts';
import { checkRepresentation, type Acting } from './representation.ts';
import type { Role } from './roles.ts';

/** What is asked of an existing card; each command's `type` is the action of the transition table. */
export type CardCommand =
  | {
      readonly type: 'manufacture';
      readonly issueDate: PlainDate;
      readonly holder: Holder;
      /** The day the card arrived at its counter (a delivery's day of receipt, or today). */
      readonly readyOn: PlainDate;
      /** 照会番号 for its 交付通知書, drawn by the app (unguessable, unique among ready cards). */
      readonly referenceNumber: string;
    }
  | ({
      readonly type: 'issue';
      readonly handedOverOn: PlainDate;
      /** The office handing it over: only the one the card waits at. */
      readonly officeId: string;
      readonly pins: CardPins;
      readonly identityDocuments: readonly IdentityDocument[];
      readonly notificationCardReturned: boolean;
      readonly holder: Holder;
    } & Acting)
  /** The holder and who acts for them (R-18) on the procedures a represented holder does not do alone. */
  | ({ readonly type: 'add-front-note'; readonly note: FrontNote; readonly holder: Holder } & Acting)
  | { readonly type: 'revoke-signature'; readonly on: PlainDate; readonly reason: string }
  | { readonly type: 'suspend'; readonly on: PlainDate; readonly reason: SuspensionReason; readonly channel: Channel; readonly by: Role }
  | { readonly type: 'resume'; readonly on: PlainDate; readonly officeId: string; readonly identityDocuments: readonly IdentityDocument[] }
  | { readonly type: 'require-continuation'; readonly notificationDate: PlainDate }
  | ({ readonly type: 'continue'; readonly on: PlainDate; readonly presentedBy: Presenter; readonly holder: Holder } & Acting)
  | { readonly type: 'extend'; readonly on: PlainDate; readonly newPeriodOfStayEnd?: PlainDate; readonly applicationPending?: boolean; readonly holder: Holder }
  | { readonly type: 'verify-pin' }
  | ({ readonly type: 'reset-pin'; readonly kind: PinKind; readonly newPin: string; readonly identityDocuments: readonly IdentityDocument[]; readonly holder: Holder } & Acting)
  | IssueCertificateCommand
  | { readonly type: 'replace'; readonly on: PlainDate; readonly oldCardReturned: boolean }
  | { readonly type: 'expire'; readonly on: PlainDate }
  | { readonly type: 'expire-certificates'; readonly on: PlainDate }
  | { readonly type: 'schedule-abolition'; readonly on: PlainDate; readonly reason: ScheduledAbolition['reason'] }
  | { readonly type: 'keep-abroad'; readonly plannedMoveOutDate: PlainDate }
  /** `asScheduled`: the sweep's abolition of a card scheduled for it, only from its day (R-17). */
  | { readonly type: 'abolish'; readonly on: PlainDate; readonly reason: AbolitionReason; readonly asScheduled?: boolean }
  | { readonly type: 'return'; readonly on: PlainDate; readonly reason: ReturnReason };

type CommandOf<A extends CardAction> = Extract<CardCommand, { readonly type: A }>;
type Decider<A extends CardAction> = (command: CommandOf<A>, card: CardFor<A>, context: DecisionContext) => Result<CardEvent[]>;

const PAST_PARTICIPLE: Record<CardAction, string> = {
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
  'issue-certificate': 'given a certificate',
  replace: 'replaced',
  expire: 'expired',
  'expire-certificates': 'have its certificates expired',
  'schedule-abolition': 'scheduled for abolition',
  'keep-abroad': 'kept for use abroad',
  abolish: 'abolished',
  return: 'returned',
};

/** The refusal for an action the card's status does not allow, naming the status. */
export function invalidTransition(card: CardState, action: CardAction): Result<never> {
  return refuse(DomainErrorCode.CardInvalidTransition, `a card that is ${card.status} cannot be ${PAST_PARTICIPLE[action]}`, {
    currentStatus: card.status,
    action,
  });
}

/** R-4: a certificate the card gets on `issuedOn`, or none when it was not asked for. */
export function certificatePlan(
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

/** The refusal of a note when the 追記欄 is full: a new card is needed instead (notes-full, R-10). */
function notesFull(card: CardState, context: DecisionContext): Result<never> | undefined {
  const { notesCapacity } = context.rules.policy;
  if (card.frontNotes.length < notesCapacity) return undefined;
  const fee = reissueFee({ reason: 'notes-full', withCertificates: card.wantsSignatureCertificate || card.wantsUserCertificate }, context.rules);
  const total = fee.ok ? fee.value.total : 0;
  return refuse(
    DomainErrorCode.CardNotesFull,
    `the notes field (追記欄) is full (${notesCapacity} entries); a new card is needed (reissue reason notes-full), ${total === 0 ? 'free of charge' : `fee ¥${total}`}`,
    { capacity: notesCapacity, reissueReason: 'notes-full', fee: total },
  );
}

const DECIDERS: { readonly [A in CardAction]: Decider<A> } = {
  /** The card has been made by J-LIS: its 発行日 and its expiry (R-3). */
  manufacture(command, card, context) {
    const future = notInFuture('issueDate', command.issueDate, context);
    if (future) return future;
    if (command.issueDate < card.applicationDate) return refuseField('issueDate', `is before the application date ${card.applicationDate}`);
    const arrived = notInFuture('readyOn', command.readyOn, context);
    if (arrived) return arrived;
    if (command.readyOn < command.issueDate) return refuseField('readyOn', `is before the issue date ${command.issueDate}`);
    const { holder } = command;
    const expiry = cardExpiry(
      {
        birthDate: holder.birthDate,
        issueDate: command.issueDate,
        residency: holder.residency,
        ...(holder.residency === 'foreign-with-period' && holder.periodOfStayEnd !== null && { periodOfStayEnd: holder.periodOfStayEnd }),
      },
      context.rules,
    );
    if (!expiry.ok) return expiry;
    return success([
      {
        type: 'CardManufactured',
        issueDate: command.issueDate,
        expiryDate: expiry.value.expiryDate,
        basis: expiry.value.basis,
        readyOn: command.readyOn,
        referenceNumber: command.referenceNumber,
      },
    ]);
  },

  /**
   * 交付: at the counter the card was sent to, before it expires, identity checked; the PINs are
   * set and the certificates asked for issued (R-4; none to sign for someone under 15).
   */
  issue(command, card, context) {
    if (command.officeId !== card.pickupOfficeId) {
      return refuse(DomainErrorCode.AuthOfficeNotAllowed, `this card waits at ${card.pickupOfficeId}; it is handed over there`, { pickupOfficeId: card.pickupOfficeId });
    }
    const future = notInFuture('handedOverOn', command.handedOverOn, context);
    if (future) return future;
    if (command.handedOverOn < card.issueDate) return refuseField('handedOverOn', `is before the card was made (${card.issueDate})`);
    if (command.handedOverOn > card.expiryDate) return refuse(RuleErrorCode.CardExpired, `the card expired on ${card.expiryDate} before it was handed over`);
    const documents = checkIdentity(command.identityDocuments, command.handedOverOn, context.rules.policy);
    if (documents) return documents;
    // No signature certificate under 15 (R-4) nor for an adult ward (Corrections 2026-12): the rest of the card is handed over.
    const signatureEligible =
      card.wantsSignatureCertificate && !command.holder.adultWard && signatureCertificateAllowed(command.holder.birthDate, command.handedOverOn, context.rules.policy);
    const pins = checkPins(command.pins, signatureEligible, context);
    if (pins) return pins;
    // R-18 after the procedure's own checks, as for certificates: the child comes with the 法定代理人.
    const acting = checkRepresentation(Procedure.Issuance, command.holder, command.handedOverOn, command, context);
    if (acting) return acting;
    return success([
      {
        type: 'CardIssued',
        handedOverOn: command.handedOverOn,
        officeId: command.officeId,
        signature: certificatePlan('signature', signatureEligible, command.holder, command.handedOverOn, card.expiryDate, context),
        user: certificatePlan('user', card.wantsUserCertificate, command.holder, command.handedOverOn, card.expiryDate, context),
        identityDocuments: command.identityDocuments,
        notificationCardReturned: command.notificationCardReturned,
      },
    ]);
  },

  /** 券面記載事項変更: a dated note; when the 追記欄 is full a new card is needed instead (free, R-10). */
  'add-front-note'(command, card, context) {
    const future = notInFuture('date', command.note.date, context);
    if (future) return future;
    // R-18 on the day at the counter; the note's own date may be the earlier day of the change.
    return notesFull(card, context) ?? checkRepresentation(Procedure.FrontSideChange, command.holder, context.today, command, context) ?? success([{ type: 'FrontNoteAdded', note: command.note }]);
  },

  /** R-4: a change of the basic facts revokes a standing (valid or held) signature certificate; nothing else to do otherwise. */
  'revoke-signature'(command, card) {
    return success(isStanding(card.certificates.signature) ? [{ type: 'SignatureCertificateRevoked', on: command.on, reason: command.reason }] : []);
  },

  /**
   * 一時停止 of a lost or stolen card, by the 24-hour hotline or at a counter; a hotline operator
   * can only use the hotline channel. Both valid certificates are put on hold with it (一時保留,
   * docs/rules.md "Corrections 2026-12", replacing R-4's revocation of the signature certificate).
   */
  suspend(command, card) {
    const events: CardEvent[] = [{ type: 'CardSuspended', on: command.on, reason: command.reason, channel: command.channel }];
    const { signature, user } = card.certificates;
    if (signature.status === 'valid' || user.status === 'valid') events.push({ type: 'CertificatesHeld', on: command.on });
    return success(events);
  },

  /**
   * 一時停止解除: only at a counter, with identity documents (seed). The held certificates are
   * revoked there (Corrections 2026-12): the card was out of the holder's hands, so new ones are
   * issued on request, free (R-15, `issue-certificate`).
   */
  resume(command, card, context) {
    const documents = checkIdentity(command.identityDocuments, command.on, context.rules.policy);
    if (documents) return documents;
    const { signature, user } = card.certificates;
    const held = signature.status === 'held' || user.status === 'held';
    return success([
      ...(held ? [{ type: 'HeldCertificatesRevoked' as const, on: command.on, reason: 'suspension-released' }] : []),
      { type: 'CardResumed', on: command.on, officeId: command.officeId },
    ]);
  },

  /** R-8: the card must be presented within the days after the 転入届. */
  'require-continuation'(command, _card, context) {
    const deadline = continuationDeadline({ moveInNotificationDate: command.notificationDate }, context.rules);
    if (!deadline.ok) return deadline;
    return success([{ type: 'ContinuationRequired', notificationDate: command.notificationDate, deadline: deadline.value.deadline, lapsesOn: deadline.value.lapsesOn }]);
  },

  /**
   * 継続利用 (R-8) by the holder, a member of the household, or a proxy with an approval (R-13);
   * who brought the card and whether an approval came with it must agree.
   */
  continue(command, card, context) {
    if (card.continuation === null) {
      return refuse(DomainErrorCode.CardNoContinuationPending, 'this card needs no continuation: it was not brought in by a move', { currentStatus: card.status });
    }
    const future = notInFuture('date', command.on, context);
    if (future) return future;
    if (command.on > card.continuation.deadline) {
      return refuse(
        DomainErrorCode.CardContinuationLapsed,
        `the deadline for continued use was ${card.continuation.deadline}; the card is abolished and a new card is needed (a fee applies)`,
        { deadline: card.continuation.deadline },
      );
    }
    // R-18: a household member may still bring a represented holder's card; anyone else needs the 法定代理人.
    const acting = checkRepresentation(Procedure.Continuation, command.holder, command.on, command, context, command.presentedBy);
    if (acting) return acting;
    return success([{ type: 'ContinuationCompleted', on: command.on, presentedBy: command.presentedBy }]);
  },

  /** R-5: a foreign resident's card follows the period of stay, up to its standard expiry. */
  extend(command, card, context) {
    const future = notInFuture('today', command.on, context);
    if (future) return future;
    const { holder } = command;
    if (holder.residency !== 'foreign-with-period') {
      return refuse(DomainErrorCode.CardNotExtendable, 'only the card of a foreign resident with a period of stay is extended with that period');
    }
    const extension = validityExtension(
      {
        birthDate: holder.birthDate,
        cardIssueDate: card.issueDate,
        currentExpiryDate: card.expiryDate,
        today: command.on,
        ...(command.newPeriodOfStayEnd !== undefined && { newPeriodOfStayEnd: command.newPeriodOfStayEnd }),
        ...(command.applicationPending !== undefined && { applicationPending: command.applicationPending }),
        ...(holder.periodOfStayEnd !== null && { currentPeriodOfStayEnd: holder.periodOfStayEnd }),
      },
      context.rules,
    );
    if (!extension.ok) return extension;
    return success([{ type: 'CardExtended', on: command.on, expiryDate: extension.value.expiryDate, basis: extension.value.basis, previousExpiryDate: card.expiryDate }]);
  },

  /** A PIN is checked on the chip itself; the card only has to be in the holder's hands. */
  'verify-pin'() {
    return success([]);
  },

  /** 暗証番号の再設定: at a counter, identity checked, the new PIN in its format (R-12). */
  'reset-pin'(command, _card, context) {
    const documents = checkIdentity(command.identityDocuments, context.today, context.rules.policy);
    if (documents) return documents;
    const pin = checkNewPin(command.kind, command.newPin, context);
    if (pin) return pin;
    const acting = checkRepresentation(Procedure.PinReset, command.holder, context.today, command, context);
    if (acting) return acting;
    return success([{ type: 'PinReset', on: context.today, kind: command.kind }]);
  },

  /** 電子証明書の発行・更新 (R-14, R-15): certificate-decider.ts. */
  'issue-certificate': decideIssueCertificate,

  /** The old card when a new one is applied for: taken back, or abolished when it is gone (R-10). */
  replace(command) {
    return success(
      command.oldCardReturned ? [{ type: 'CardReturned', on: command.on, reason: 'replaced' }] : [{ type: 'CardAbolished', on: command.on, reason: 'replaced' }],
    );
  },

  /** A card is valid through its expiry day and expired from the day after (the sweep). */
  expire(command, card) {
    return success(command.on > card.expiryDate ? [{ type: 'CardExpired', on: command.on }] : []);
  },

  /** A certificate is valid through its expiry day and expired from the day after (R-4). */
  'expire-certificates'(command, card) {
    return success(
      (['signature', 'user'] as const).flatMap((kind) => {
        const certificate = card.certificates[kind];
        return isStanding(certificate) && certificate.expiresOn < command.on ? [{ type: 'CertificateExpired' as const, on: command.on, kind }] : [];
      }),
    );
  },

  /** R-17: a card of a resident moving abroad is abolished on the planned move-out date by the sweep. */
  'schedule-abolition'(command) {
    return success([{ type: 'CardAbolitionScheduled', on: command.on, reason: command.reason }]);
  },

  /**
   * R-17 国外継続利用 (allowed by the rule before this is asked): the front note 国外転出 with the
   * move-out date, and the signature certificate ends on that date; the user certificate stays.
   * A full 追記欄 cannot take the note: a new card is needed first (decision, docs/rules.md).
   */
  'keep-abroad'(command, card, context) {
    const full = notesFull(card, context);
    if (full) return full;
    const events: CardEvent[] = [{ type: 'FrontNoteAdded', note: { kind: 'address', text: '国外転出', date: command.plannedMoveOutDate } }];
    if (card.certificates.signature.status === 'valid') events.push({ type: 'SignatureCertificateCutShort', on: command.plannedMoveOutDate, reason: 'moved-abroad' });
    return success(events);
  },

  /**
   * 廃止; a lapse only of a card still waiting for its continuation, from its lapse day (R-8); a
   * scheduled abolition only of a card scheduled for it, from its day and dated on it (R-17).
   */
  abolish(command, card, context) {
    // R-19: only a card still waiting, and only from its discardOn (the holder may collect it up to the day before).
    if (command.reason === 'uncollected') {
      const pickup = card.status === 'ready' ? card.pickup : null;
      if (pickup === null) return success([]);
      const deadline = pickupDeadline({ readyOn: pickup.readyOn }, context.rules);
      if (!deadline.ok) return deadline;
      if (command.on < deadline.value.discardOn) return success([]);
    }
    if (command.reason === 'continuation-lapsed' && (card.continuation === null || command.on < card.continuation.lapsesOn)) return success([]);
    if (command.asScheduled) {
      const scheduled = card.scheduledAbolition;
      if (scheduled === null || command.on < scheduled.on) return success([]);
      return success([{ type: 'CardAbolished', on: scheduled.on, reason: scheduled.reason }]);
    }
    return success([{ type: 'CardAbolished', on: command.on, reason: command.reason }]);
  },

  /** 返納 (seed). */
  return(command) {
    return success([{ type: 'CardReturned', on: command.on, reason: command.reason }]);
  },
};

/**
 * What a command must say of itself, whatever the card: a hotline operator suspends through the
 * hotline channel; a proxy continues a card only with an approval, and an approval means a proxy
 * came (R-13).
 */
function selfContradiction(command: CardCommand): Result<never> | undefined {
  if (command.type === 'suspend' && command.by === 'hotline' && command.channel !== 'hotline') {
    return refuseField('channel', 'a hotline operator suspends through the hotline channel');
  }
  if (command.type === 'continue') {
    const byProxy = command.presentedBy === Presenter.ProxyAfterEnquiry;
    if (byProxy && !command.withProxyApproval) return refuseField('proxyApprovalId', 'a proxy continues the card only with an approved proxy request');
    if (!byProxy && command.withProxyApproval) {
      return refuseField('presentedBy', `is ${command.presentedBy}, but a proxy approval was given: a proxy presents the card as ${Presenter.ProxyAfterEnquiry}`);
    }
  }
  return undefined;
}

/**
 * Decides a command on an existing card: refused with a stable code and nothing to record, or
 * the events to record. A command must not contradict itself, and its action must be allowed in
 * the card's status (TRANSITIONS); each decider receives the card typed by the statuses that
 * allow its action.
 */
export function decideCard(command: CardCommand, card: CardState, context: DecisionContext): Result<CardEvent[]> {
  const contradiction = selfContradiction(command);
  if (contradiction) return contradiction;
  if (!allows(card, command.type)) return invalidTransition(card, command.type);
  // The table pairs each action with its own command and card type; TypeScript cannot follow the pair.
  return (DECIDERS[command.type] as Decider<CardAction>)(command as CommandOf<CardAction>, card as CardFor<CardAction>, context);
}
