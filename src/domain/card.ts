import type { ExpiryBasis } from '../rules/card-expiry.ts';
import type { IdentityDocument } from '../rules/identity-documents.ts';
import type { PlainDate } from '../rules/plain-date.ts';
import type { PinKind, ReissueReason } from '../rules/policy.ts';
import type { Presenter } from '../rules/procedures.ts';

/**
 * A My Number Card (個人番号カード) and its lifecycle (domain.md "Card status"). The card's
 * events are the truth; `CardState` is what they fold to, and the `cards` row stores it.
 */
export const CardStatus = {
  Applied: 'applied',
  Ready: 'ready',
  Active: 'active',
  Suspended: 'suspended',
  Expired: 'expired',
  Abolished: 'abolished',
  Returned: 'returned',
} as const;
export type CardStatus = (typeof CardStatus)[keyof typeof CardStatus];
export const CARD_STATUSES = Object.values(CardStatus);

export const CertificateStatus = { None: 'none', Valid: 'valid', Revoked: 'revoked', Expired: 'expired' } as const;
export type CertificateStatus = (typeof CertificateStatus)[keyof typeof CertificateStatus];

/** An electronic certificate on the chip: 署名用 (signature) or 利用者証明用 (user). */
export interface Certificate {
  readonly status: CertificateStatus;
  readonly issuedOn: PlainDate | null;
  readonly expiresOn: PlainDate | null;
  readonly revokedOn: PlainDate | null;
  readonly revokedReason: string | null;
}

export const NO_CERTIFICATE: Certificate = { status: 'none', issuedOn: null, expiresOn: null, revokedOn: null, revokedReason: null };

export const FrontNoteKind = { Address: 'address', Name: 'name', Other: 'other' } as const;
export type FrontNoteKind = (typeof FrontNoteKind)[keyof typeof FrontNoteKind];

/** A dated entry of the 追記欄 on the card's face. */
export interface FrontNote {
  readonly kind: FrontNoteKind;
  readonly text: string;
  readonly date: PlainDate;
}

export const SuspensionReason = { Lost: 'lost', Stolen: 'stolen' } as const;
export type SuspensionReason = (typeof SuspensionReason)[keyof typeof SuspensionReason];
export const Channel = { Hotline: 'hotline', Counter: 'counter' } as const;
export type Channel = (typeof Channel)[keyof typeof Channel];

export const AbolitionReason = {
  ContinuationLapsed: 'continuation-lapsed',
  MoveInLate: 'move-in-late',
  MovedOutBeforeContinuation: 'moved-out-before-continuation',
  MovedAbroad: 'moved-abroad',
  Replaced: 'replaced',
  NumberChanged: 'number-changed',
  Withdrawn: 'withdrawn',
} as const;
export type AbolitionReason = (typeof AbolitionReason)[keyof typeof AbolitionReason];

export const ReturnReason = { NotNeeded: 'not-needed', Expired: 'expired', MovedAbroad: 'moved-abroad', Replaced: 'replaced' } as const;
export type ReturnReason = (typeof ReturnReason)[keyof typeof ReturnReason];

/** Why a card was applied for: a first card, or a new card within validity (R-10 reasons). */
export type ApplicationReason = 'first' | ReissueReason;

export interface ContinuationPending {
  readonly notificationDate: PlainDate;
  readonly deadline: PlainDate;
  readonly lapsesOn: PlainDate;
}

export interface CardState {
  readonly id: string;
  readonly residentId: string;
  readonly status: CardStatus;
  readonly version: number;
  readonly applicationDate: PlainDate;
  readonly photoTakenOn: PlainDate;
  readonly applicationReason: ApplicationReason;
  readonly previousCardId: string | null;
  readonly pickupOfficeId: string;
  readonly wantsSignatureCertificate: boolean;
  readonly wantsUserCertificate: boolean;
  readonly issueDate: PlainDate | null;
  readonly expiryDate: PlainDate | null;
  readonly expiryBasis: ExpiryBasis | null;
  readonly handedOverOn: PlainDate | null;
  readonly handedOverOfficeId: string | null;
  readonly frontNotes: readonly FrontNote[];
  readonly certificates: { readonly signature: Certificate; readonly user: Certificate };
  readonly continuation: ContinuationPending | null;
  readonly suspension: { readonly reason: SuspensionReason; readonly since: PlainDate; readonly channel: Channel } | null;
  /** Set when the card ended: abolished, expired or returned, and why. */
  readonly endedOn: PlainDate | null;
  readonly endReason: string | null;
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
  | { readonly type: 'CardManufactured'; readonly issueDate: PlainDate; readonly expiryDate: PlainDate; readonly basis: ExpiryBasis }
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
  | { readonly type: 'CardSuspended'; readonly on: PlainDate; readonly reason: SuspensionReason; readonly channel: Channel }
  | { readonly type: 'CardResumed'; readonly on: PlainDate; readonly officeId: string }
  | { readonly type: 'ContinuationRequired'; readonly notificationDate: PlainDate; readonly deadline: PlainDate; readonly lapsesOn: PlainDate }
  | { readonly type: 'ContinuationCompleted'; readonly on: PlainDate; readonly presentedBy: Presenter }
  | { readonly type: 'CardExtended'; readonly on: PlainDate; readonly expiryDate: PlainDate; readonly basis: ExpiryBasis; readonly previousExpiryDate: PlainDate }
  | { readonly type: 'PinReset'; readonly on: PlainDate; readonly kind: PinKind }
  | { readonly type: 'CertificateExpired'; readonly on: PlainDate; readonly kind: 'signature' | 'user' }
  | { readonly type: 'CardExpired'; readonly on: PlainDate }
  | { readonly type: 'CardAbolished'; readonly on: PlainDate; readonly reason: AbolitionReason }
  | { readonly type: 'CardReturned'; readonly on: PlainDate; readonly reason: ReturnReason };


function certificateFrom(plan: CertificatePlan): Certificate {
  return plan ? { status: 'valid', issuedOn: plan.issuedOn, expiresOn: plan.expiresOn, revokedOn: null, revokedReason: null } : NO_CERTIFICATE;
}

function revoke(certificate: Certificate, on: PlainDate, reason: string): Certificate {
  return certificate.status === 'valid' ? { ...certificate, status: 'revoked', revokedOn: on, revokedReason: reason } : certificate;
}

function end(certificate: Certificate): Certificate {
  return certificate.status === 'valid' ? { ...certificate, status: 'expired' } : certificate;
}

/** Folds one event into the state; the first event of a card creates it. */
export function evolveCard(state: CardState | undefined, event: CardEvent): CardState {
  if (event.type === 'CardApplied') {
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
      handedOverOn: null,
      handedOverOfficeId: null,
      frontNotes: [],
      certificates: { signature: NO_CERTIFICATE, user: NO_CERTIFICATE },
      continuation: null,
      suspension: null,
      endedOn: null,
      endReason: null,
    };
  }
  if (event.type === 'CardTakenOver') {
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
      handedOverOn: null,
      handedOverOfficeId: event.issuedBy,
      frontNotes: [],
      certificates: { signature: certificateFrom(event.signature), user: certificateFrom(event.user) },
      continuation: null,
      suspension: null,
      endedOn: null,
      endReason: null,
    };
  }
  if (state === undefined) throw new Error(`${event.type} before the card exists`);
  const next = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'CardManufactured':
      return { ...next, status: 'ready', issueDate: event.issueDate, expiryDate: event.expiryDate, expiryBasis: event.basis };
    case 'CardIssued':
      return {
        ...next,
        status: 'active',
        handedOverOn: event.handedOverOn,
        handedOverOfficeId: event.officeId,
        certificates: { signature: certificateFrom(event.signature), user: certificateFrom(event.user) },
      };
    case 'FrontNoteAdded':
      return { ...next, frontNotes: [...state.frontNotes, event.note] };
    case 'SignatureCertificateRevoked':
      return { ...next, certificates: { ...state.certificates, signature: revoke(state.certificates.signature, event.on, event.reason) } };
    case 'CardSuspended':
      return { ...next, status: 'suspended', suspension: { reason: event.reason, since: event.on, channel: event.channel } };
    case 'CardResumed':
      return { ...next, status: 'active', suspension: null };
    case 'ContinuationRequired':
      return { ...next, continuation: { notificationDate: event.notificationDate, deadline: event.deadline, lapsesOn: event.lapsesOn } };
    case 'ContinuationCompleted':
      return { ...next, continuation: null };
    case 'CardExtended':
      return { ...next, expiryDate: event.expiryDate, expiryBasis: event.basis };
    case 'PinReset':
      return next;
    case 'CertificateExpired':
      return { ...next, certificates: { ...state.certificates, [event.kind]: end(state.certificates[event.kind]) } };
    case 'CardExpired':
      return {
        ...next,
        status: 'expired',
        endedOn: event.on,
        endReason: 'expired',
        certificates: { signature: end(state.certificates.signature), user: end(state.certificates.user) },
      };
    case 'CardAbolished':
      return {
        ...next,
        status: 'abolished',
        endedOn: event.on,
        endReason: event.reason,
        continuation: null,
        certificates: {
          signature: revoke(state.certificates.signature, event.on, event.reason),
          user: revoke(state.certificates.user, event.on, event.reason),
        },
      };
    case 'CardReturned':
      return {
        ...next,
        status: 'returned',
        endedOn: state.endedOn ?? event.on,
        endReason: state.endReason ?? event.reason,
        continuation: null,
        certificates: {
          signature: revoke(state.certificates.signature, event.on, 'returned'),
          user: revoke(state.certificates.user, event.on, 'returned'),
        },
      };
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
