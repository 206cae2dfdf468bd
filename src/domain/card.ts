import type { ExpiryBasis } from '../rules/card-expiry.ts';
import type { IdentityDocument } from '../rules/identity-documents.ts';
import { addDays, type PlainDate } from '../rules/plain-date.ts';
import type { PinKind, ReissueReason } from '../rules/policy.ts';
import type { Presenter } from '../rules/procedures.ts';

/**
 * A My Number Card (個人番号カード) and its lifecycle (docs/domain.md "Card status"). The card's
 * events are the truth; `CardState` is what they fold to, and the `cards` row stores it.
 */
export const CARD_STATUSES = [
  'applied',
  'ready',
  'active',
  'suspended',
  'expired',
  'abolished',
  'returned',
] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

/**
 * A certificate's status: R-15's input (rules/certificate-issue.ts), and `held` (一時保留): the
 * certificates of a card suspended after a loss or theft, until the release revokes them
 * (docs/rules.md "Corrections 2026-12"). Only a suspended card holds any.
 */
export const CERTIFICATE_STATUSES = ['none', 'valid', 'held', 'revoked', 'expired'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/**
 * An electronic certificate on the chip: 署名用 (signature) or 利用者証明用 (user), tagged by
 * its status, so that a valid, held, revoked or expired certificate has its dates by type.
 */
export type Certificate =
  | { readonly status: 'none'; readonly issuedOn: null; readonly expiresOn: null; readonly revokedOn: null; readonly revokedReason: null }
  | { readonly status: 'valid' | 'held' | 'expired'; readonly issuedOn: PlainDate; readonly expiresOn: PlainDate; readonly revokedOn: null; readonly revokedReason: null }
  | { readonly status: 'revoked'; readonly issuedOn: PlainDate; readonly expiresOn: PlainDate; readonly revokedOn: PlainDate; readonly revokedReason: string };

export const NO_CERTIFICATE: Certificate = { status: 'none', issuedOn: null, expiresOn: null, revokedOn: null, revokedReason: null };

export const FRONT_NOTE_KINDS = ['address', 'name', 'other'] as const;
export type FrontNoteKind = (typeof FRONT_NOTE_KINDS)[number];

/** A dated entry of the 追記欄 on the card's face. */
export interface FrontNote {
  readonly kind: FrontNoteKind;
  readonly text: string;
  readonly date: PlainDate;
}

export const SUSPENSION_REASONS = ['lost', 'stolen'] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];
export const CHANNELS = ['hotline', 'counter'] as const;
export type Channel = (typeof CHANNELS)[number];

export const ABOLITION_REASONS = [
  'continuation-lapsed',
  'move-in-late',
  'moved-out-before-continuation',
  'moved-abroad',
  'replaced',
  'number-changed',
  'withdrawn',
  'death',
  /** a made card not collected by its `collectBy`, destroyed (廃棄) by the sweep of `discardOn`. */
  'uncollected',
] as const;
export type AbolitionReason = (typeof ABOLITION_REASONS)[number];

export const RETURN_REASONS = ['not-needed', 'expired', 'moved-abroad', 'replaced', 'death'] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/** Why a card was applied for: a first card, or a new card within validity (R-10 reasons). */
export type ApplicationReason = 'first' | ReissueReason;

export interface ContinuationPending {
  readonly notificationDate: PlainDate;
  readonly deadline: PlainDate;
  readonly lapsesOn: PlainDate;
}

/**
 * An abolition the nightly sweep carries out on its day (R-17: a card is abolished on the planned
 * move-out date of a 国外転出届, not on the day it is filed; it works until then).
 */
export interface ScheduledAbolition {
  readonly on: PlainDate;
  readonly reason: Extract<AbolitionReason, 'moved-abroad'>;
}

export interface Suspension {
  readonly reason: SuspensionReason;
  readonly since: PlainDate;
  readonly channel: Channel;
}

/** What every card has from its application on. */
interface CardFacts {
  readonly id: string;
  readonly residentId: string;
  readonly version: number;
  readonly applicationDate: PlainDate;
  readonly photoTakenOn: PlainDate;
  readonly applicationReason: ApplicationReason;
  readonly previousCardId: string | null;
  readonly pickupOfficeId: string;
  readonly wantsSignatureCertificate: boolean;
  readonly wantsUserCertificate: boolean;
  readonly frontNotes: readonly FrontNote[];
  readonly certificates: { readonly signature: Certificate; readonly user: Certificate };
  readonly continuation: ContinuationPending | null;
  readonly scheduledAbolition: ScheduledAbolition | null;
}

/**
 * 交付待ち: the day a made card arrived at its counter, from which R-19 counts the 交付通知書, the
 * reminder and the discard, and the 照会番号 on that notice with which the holder books a pickup
 * (docs/pickup.md). Cards that arrived before reference numbers existed have none.
 */
export interface Pickup {
  readonly readyOn: PlainDate;
  readonly referenceNumber: string | null;
}

/** Not made yet: no 発行日, no expiry. */
interface Unmade {
  readonly issueDate: null;
  readonly expiryDate: null;
  readonly expiryBasis: null;
  readonly pickup: null;
}

/** Made by J-LIS: its 発行日 and expiry. A card taken over from elsewhere has no known basis. */
interface Made {
  readonly issueDate: PlainDate;
  readonly expiryDate: PlainDate;
  readonly expiryBasis: ExpiryBasis | null;
  /** Kept after the hand-over; none on a card taken over from another city. */
  readonly pickup: Pickup | null;
}

interface NotHandedOver {
  readonly handedOverOn: null;
  readonly handedOverOfficeId: null;
}

/** Handed over (交付) at an office; a card taken over on arrival names its issuer and no day. */
interface HandedOver {
  readonly handedOverOn: PlainDate | null;
  readonly handedOverOfficeId: string;
}

interface Live {
  readonly endedOn: null;
  readonly endReason: null;
}

interface Ended {
  readonly endedOn: PlainDate;
  readonly endReason: string;
}

/** 申請受付: applied for, being made. */
export type AppliedCard = CardFacts & Unmade & NotHandedOver & Live & { readonly status: 'applied'; readonly suspension: null };
/** 交付待ち: made, waiting at its counter. */
export type ReadyCard = CardFacts & Made & NotHandedOver & Live & { readonly status: 'ready'; readonly suspension: null; readonly pickup: Pickup };
/** In the holder's hands and usable. */
export type ActiveCard = CardFacts & Made & HandedOver & Live & { readonly status: 'active'; readonly suspension: null };
/** 一時停止: lost or stolen, until released at a counter. */
export type SuspendedCard = CardFacts & Made & HandedOver & Live & { readonly status: 'suspended'; readonly suspension: Suspension };
/** Past its expiry (the sweep, the day after). */
export type ExpiredCard = CardFacts & Made & HandedOver & Ended & { readonly status: 'expired'; readonly suspension: Suspension | null };
/**
 * 廃止 or 返納: ended, from any earlier status, so whether it was made or handed over depends on
 * when it ended.
 */
export type EndedCard = CardFacts &
  (Made | Unmade) &
  (HandedOver | NotHandedOver) &
  Ended & { readonly status: 'abolished' | 'returned'; readonly suspension: Suspension | null };

/**
 * A card's state, tagged by its status: what each status implies is there by type (a ready card
 * has its issue and expiry dates, a suspended card its suspension), so no code has to assert it.
 */
export type CardState = AppliedCard | ReadyCard | ActiveCard | SuspendedCard | ExpiredCard | EndedCard;

/** Held: a card in the holder's hands (active or suspended). */
export type HeldCard = ActiveCard | SuspendedCard;
/**
 * Live: a card that has not ended (being made, waiting, or held). A resident has at most one
 * live card (docs/domain.md "Card status").
 */
export type LiveCard = AppliedCard | ReadyCard | HeldCard;
export const LIVE_STATUSES = ['applied', 'ready', 'active', 'suspended'] as const satisfies readonly CardStatus[];

export function isHeld(card: CardState): card is HeldCard {
  return card.status === 'active' || card.status === 'suspended';
}

export function isLive(card: CardState): card is LiveCard {
  return (LIVE_STATUSES as readonly CardStatus[]).includes(card.status);
}

export type CertificatePlan = { readonly issuedOn: PlainDate; readonly expiresOn: PlainDate } | null;

/** What happened to a card, newest last. Every change of `CardState` is one of these. */
export type CardEvent =
  | {
      readonly type: 'CardApplied';
      readonly cardId: string;
      readonly residentId: string;
      readonly applicationDate: PlainDate;
      readonly photoTakenOn: PlainDate;
      readonly reason: ApplicationReason;
      readonly previousCardId: string | null;
      readonly pickupOfficeId: string;
      readonly withSignatureCertificate: boolean;
      readonly withUserCertificate: boolean;
    }
  | {
      /** A card that was issued elsewhere, taken over on arrival with its own dates. */
      readonly type: 'CardTakenOver';
      readonly cardId: string;
      readonly residentId: string;
      readonly issueDate: PlainDate;
      readonly expiryDate: PlainDate;
      readonly issuedBy: string;
      readonly signature: CertificatePlan;
      readonly user: CertificatePlan;
      readonly on: PlainDate;
    }
  | {
      readonly type: 'CardManufactured';
      readonly issueDate: PlainDate;
      readonly expiryDate: PlainDate;
      readonly basis: ExpiryBasis;
      /** Absent from events recorded before pickups were tracked: the card counts as arrived on its issue date. */
      readonly readyOn?: PlainDate;
      readonly referenceNumber?: string;
    }
  | {
      readonly type: 'CardIssued';
      readonly handedOverOn: PlainDate;
      readonly officeId: string;
      readonly signature: CertificatePlan;
      readonly user: CertificatePlan;
      readonly identityDocuments: readonly IdentityDocument[];
      readonly notificationCardReturned: boolean;
    }
  | { readonly type: 'FrontNoteAdded'; readonly note: FrontNote }
  | { readonly type: 'SignatureCertificateRevoked'; readonly on: PlainDate; readonly reason: string }
  /** A loss or theft suspension puts both valid certificates on hold (一時保留; Corrections 2026-12). */
  | { readonly type: 'CertificatesHeld'; readonly on: PlainDate }
  /** The release of a suspension at a counter revokes the held certificates (Corrections 2026-12). */
  | { readonly type: 'HeldCertificatesRevoked'; readonly on: PlainDate; readonly reason: string }
  | { readonly type: 'CardSuspended'; readonly on: PlainDate; readonly reason: SuspensionReason; readonly channel: Channel }
  | { readonly type: 'CardResumed'; readonly on: PlainDate; readonly officeId: string }
  | { readonly type: 'ContinuationRequired'; readonly notificationDate: PlainDate; readonly deadline: PlainDate; readonly lapsesOn: PlainDate }
  | { readonly type: 'ContinuationCompleted'; readonly on: PlainDate; readonly presentedBy: Presenter }
  | { readonly type: 'CardExtended'; readonly on: PlainDate; readonly expiryDate: PlainDate; readonly basis: ExpiryBasis; readonly previousExpiryDate: PlainDate }
  | { readonly type: 'PinReset'; readonly on: PlainDate; readonly kind: PinKind }
  | { readonly type: 'CertificateExpired'; readonly on: PlainDate; readonly kind: 'signature' | 'user' }
  /** a certificate renewed, or issued anew, at a counter on an active card. */
  | { readonly type: 'CertificateIssued'; readonly kind: 'signature' | 'user'; readonly issuedOn: PlainDate; readonly expiresOn: PlainDate; readonly renewal: boolean }
  | { readonly type: 'CardExpired'; readonly on: PlainDate }
  | { readonly type: 'CardAbolitionScheduled'; readonly on: PlainDate; readonly reason: ScheduledAbolition['reason'] }
  /** R-17 国外継続利用: the signature certificate ends on `on` (valid through the day before); the user certificate stays. */
  | { readonly type: 'SignatureCertificateCutShort'; readonly on: PlainDate; readonly reason: string }
  | { readonly type: 'CardAbolished'; readonly on: PlainDate; readonly reason: AbolitionReason }
  | { readonly type: 'CardReturned'; readonly on: PlainDate; readonly reason: ReturnReason };


function certificateFrom(plan: CertificatePlan): Certificate {
  return plan ? { status: 'valid', issuedOn: plan.issuedOn, expiresOn: plan.expiresOn, revokedOn: null, revokedReason: null } : NO_CERTIFICATE;
}

/** Whether a certificate still stands: valid, or on hold (it ends, by expiry or revocation, as a valid one does). */
export function isStanding(certificate: Certificate): certificate is Certificate & { readonly status: 'valid' | 'held'; readonly expiresOn: PlainDate } {
  return certificate.status === 'valid' || certificate.status === 'held';
}

function revoke(certificate: Certificate, on: PlainDate, reason: string): Certificate {
  return isStanding(certificate) ? { ...certificate, status: 'revoked', revokedOn: on, revokedReason: reason } : certificate;
}

function end(certificate: Certificate): Certificate {
  return isStanding(certificate) ? { ...certificate, status: 'expired' } : certificate;
}

function hold(certificate: Certificate): Certificate {
  return certificate.status === 'valid' ? { ...certificate, status: 'held' } : certificate;
}

function revokeHeld(certificate: Certificate, on: PlainDate, reason: string): Certificate {
  return certificate.status === 'held' ? revoke(certificate, on, reason) : certificate;
}

/** The state an event needs, or a stream that cannot be (its events were never decided in this order). */
function expect<S extends CardStatus>(state: CardState | undefined, event: CardEvent, ...statuses: S[]): Extract<CardState, { status: S }> {
  if (state === undefined) throw new Error(`${event.type} before the card exists`);
  if (!(statuses as CardStatus[]).includes(state.status)) throw new Error(`${event.type} on a card that is ${state.status}`);
  return { ...state, version: state.version + 1 } as Extract<CardState, { status: S }>;
}

/** Folds one event into the state; the first event of a card creates it. */
export function evolveCard(state: CardState | undefined, event: CardEvent): CardState {
  switch (event.type) {
    case 'CardApplied':
      return {
        id: event.cardId,
        residentId: event.residentId,
        status: 'applied',
        version: 1,
        applicationDate: event.applicationDate,
        photoTakenOn: event.photoTakenOn,
        applicationReason: event.reason,
        previousCardId: event.previousCardId,
        pickupOfficeId: event.pickupOfficeId,
        wantsSignatureCertificate: event.withSignatureCertificate,
        wantsUserCertificate: event.withUserCertificate,
        issueDate: null,
        expiryDate: null,
        expiryBasis: null,
        pickup: null,
        handedOverOn: null,
        handedOverOfficeId: null,
        frontNotes: [],
        certificates: { signature: NO_CERTIFICATE, user: NO_CERTIFICATE },
        continuation: null,
        scheduledAbolition: null,
        suspension: null,
        endedOn: null,
        endReason: null,
      };
    case 'CardTakenOver':
      return {
        id: event.cardId,
        residentId: event.residentId,
        status: 'active',
        version: 1,
        applicationDate: event.issueDate,
        photoTakenOn: event.issueDate,
        applicationReason: 'first',
        previousCardId: null,
        pickupOfficeId: event.issuedBy,
        wantsSignatureCertificate: event.signature !== null,
        wantsUserCertificate: event.user !== null,
        issueDate: event.issueDate,
        expiryDate: event.expiryDate,
        expiryBasis: null,
        pickup: null,
        handedOverOn: null,
        handedOverOfficeId: event.issuedBy,
        frontNotes: [],
        certificates: { signature: certificateFrom(event.signature), user: certificateFrom(event.user) },
        continuation: null,
        scheduledAbolition: null,
        suspension: null,
        endedOn: null,
        endReason: null,
      };
    case 'CardManufactured':
      return {
        ...expect(state, event, 'applied'),
        status: 'ready',
        issueDate: event.issueDate,
        expiryDate: event.expiryDate,
        expiryBasis: event.basis,
        pickup: { readyOn: event.readyOn ?? event.issueDate, referenceNumber: event.referenceNumber ?? null },
      };
    case 'CardIssued':
      return {
        ...expect(state, event, 'ready'),
        status: 'active',
        handedOverOn: event.handedOverOn,
        handedOverOfficeId: event.officeId,
        certificates: { signature: certificateFrom(event.signature), user: certificateFrom(event.user) },
      };
    case 'FrontNoteAdded': {
      const next = expect(state, event, 'active');
      return { ...next, frontNotes: [...next.frontNotes, event.note] };
    }
    case 'SignatureCertificateRevoked': {
      const next = expect(state, event, 'active', 'suspended');
      return { ...next, certificates: { ...next.certificates, signature: revoke(next.certificates.signature, event.on, event.reason) } };
    }
    case 'CertificatesHeld': {
      const next = expect(state, event, 'suspended');
      return { ...next, certificates: { signature: hold(next.certificates.signature), user: hold(next.certificates.user) } };
    }
    case 'HeldCertificatesRevoked': {
      const next = expect(state, event, 'suspended');
      const { signature, user } = next.certificates;
      return { ...next, certificates: { signature: revokeHeld(signature, event.on, event.reason), user: revokeHeld(user, event.on, event.reason) } };
    }
    case 'CardSuspended':
      return { ...expect(state, event, 'active'), status: 'suspended', suspension: { reason: event.reason, since: event.on, channel: event.channel } };
    case 'CardResumed':
      return { ...expect(state, event, 'suspended'), status: 'active', suspension: null };
    case 'ContinuationRequired':
      return { ...expect(state, event, 'active', 'suspended'), continuation: { notificationDate: event.notificationDate, deadline: event.deadline, lapsesOn: event.lapsesOn } };
    case 'ContinuationCompleted':
      return { ...expect(state, event, 'active'), continuation: null };
    case 'CardExtended':
      return { ...expect(state, event, 'active'), expiryDate: event.expiryDate, expiryBasis: event.basis };
    case 'PinReset':
      return expect(state, event, 'active');
    case 'CertificateExpired': {
      const next = expect(state, event, 'active', 'suspended');
      return { ...next, certificates: { ...next.certificates, [event.kind]: end(next.certificates[event.kind]) } };
    }
    case 'CertificateIssued': {
      const next = expect(state, event, 'active');
      return { ...next, certificates: { ...next.certificates, [event.kind]: certificateFrom({ issuedOn: event.issuedOn, expiresOn: event.expiresOn }) } };
    }
    case 'CardExpired': {
      const next = expect(state, event, 'active', 'suspended');
      return {
        ...next,
        status: 'expired',
        endedOn: event.on,
        endReason: 'expired',
        certificates: { signature: end(next.certificates.signature), user: end(next.certificates.user) },
      };
    }
    case 'CardAbolitionScheduled':
      return { ...expect(state, event, 'applied', 'ready', 'active', 'suspended'), scheduledAbolition: { on: event.on, reason: event.reason } };
    case 'SignatureCertificateCutShort': {
      const next = expect(state, event, 'active');
      const signature = next.certificates.signature;
      const lastDay = addDays(event.on, -1);
      return signature.status === 'valid' && signature.expiresOn > lastDay
        ? { ...next, certificates: { ...next.certificates, signature: { ...signature, expiresOn: lastDay } } }
        : next;
    }
    case 'CardAbolished': {
      const next = expect(state, event, 'applied', 'ready', 'active', 'suspended');
      return {
        ...next,
        status: 'abolished',
        endedOn: event.on,
        endReason: event.reason,
        continuation: null,
        scheduledAbolition: null,
        certificates: {
          signature: revoke(next.certificates.signature, event.on, event.reason),
          user: revoke(next.certificates.user, event.on, event.reason),
        },
      };
    }
    case 'CardReturned': {
      const next = expect(state, event, 'active', 'suspended', 'expired', 'abolished');
      return {
        ...next,
        status: 'returned',
        endedOn: next.endedOn ?? event.on,
        endReason: next.endReason ?? event.reason,
        continuation: null,
        scheduledAbolition: null,
        certificates: {
          signature: revoke(next.certificates.signature, event.on, 'returned'),
          user: revoke(next.certificates.user, event.on, 'returned'),
        },
      };
    }
    default: {
      const unhandled: never = event;
      throw new Error(`unknown card event ${JSON.stringify(unhandled)}`);
    }
  }
}

/** The state a card's events fold to: how the `cards` read model is rebuilt. */
export function foldCard(events: readonly CardEvent[]): CardState | undefined {
  let state: CardState | undefined;
  for (const event of events) state = evolveCard(state, event);
  return state;
}
