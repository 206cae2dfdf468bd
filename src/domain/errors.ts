import type { RuleErrorCode } from '../rules/errors.ts';
import { refuse, refuseField, success, type Refusal, type Result as CoreResult } from '../rules/result.ts';
import type { PlainDate } from '../rules/plain-date.ts';

/**
 * Refusals of the records service (docs/api.md): stable codes that clients act on. `src/http` maps
 * each to a status in one table; the domain and the use cases return them as values.
 */
export const DomainErrorCode = {
  CardNotFound: 'CARD.NOT_FOUND',
  CardInvalidTransition: 'CARD.INVALID_TRANSITION',
  CardVersionConflict: 'CARD.VERSION_CONFLICT',
  CardNotesFull: 'CARD.NOTES_FULL',
  CardContinuationLapsed: 'CARD.CONTINUATION_LAPSED',
  CardNoContinuationPending: 'CARD.NO_CONTINUATION_PENDING',
  CardNotExtendable: 'CARD.NOT_EXTENDABLE',
  ResidentNotFound: 'RESIDENT.NOT_FOUND',
  ResidentInvalidNumber: 'RESIDENT.INVALID_INDIVIDUAL_NUMBER',
  ResidentDuplicate: 'RESIDENT.DUPLICATE',
  ResidentCardAlreadyHeld: 'RESIDENT.CARD_ALREADY_HELD',
  ResidentInvalidTransition: 'RESIDENT.INVALID_TRANSITION',
  ResidentVersionConflict: 'RESIDENT.VERSION_CONFLICT',
  ResidentDeceased: 'RESIDENT.DECEASED',
  PhotoTooOld: 'APPLICATION.PHOTO_TOO_OLD',
  IdentityInsufficient: 'IDENTITY.INSUFFICIENT',
  PinLocked: 'PIN.LOCKED',
  PinMismatch: 'PIN.MISMATCH',
  PinInvalidFormat: 'PIN.INVALID_FORMAT',
  PoliceReportRequired: 'REISSUE.POLICE_REPORT_REQUIRED',
  RenewalWindowNotOpen: 'RENEWAL.WINDOW_NOT_OPEN',
  ApprovalNotFound: 'APPROVAL.NOT_FOUND',
  ApprovalAlreadyDecided: 'APPROVAL.ALREADY_DECIDED',
  ApprovalNotUsable: 'APPROVAL.NOT_USABLE',
  ApprovalSelf: 'APPROVAL.SELF_APPROVAL',
  EnquiryNotFound: 'PROXY.ENQUIRY_NOT_FOUND',
  ProxyNotAllowedForRepresented: 'PROXY.NOT_ALLOWED_FOR_REPRESENTED',
  RepresentativeRequired: 'REPRESENTATIVE.REQUIRED',
  AuthOfficeNotAllowed: 'AUTH.OFFICE_NOT_ALLOWED',
  UnknownOffice: 'OFFICE.UNKNOWN',
  AppointmentNotFound: 'APPOINTMENT.NOT_FOUND',
  AppointmentSlotFull: 'APPOINTMENT.SLOT_FULL',
  AppointmentCardNotReady: 'APPOINTMENT.CARD_NOT_READY',
  AppointmentNotASlot: 'APPOINTMENT.NOT_A_SLOT',
  AppointmentSlotPast: 'APPOINTMENT.SLOT_PAST',
  AppointmentAfterCollectBy: 'APPOINTMENT.AFTER_COLLECT_BY',
  AppointmentNotBooked: 'APPOINTMENT.NOT_BOOKED',
  AppointmentNotYet: 'APPOINTMENT.NOT_YET',
} as const;
export type DomainErrorCode = (typeof DomainErrorCode)[keyof typeof DomainErrorCode];

export type ErrorCode = DomainErrorCode | RuleErrorCode;

/** A refusal of the records service: a code of the rules or of the domain. */
export type DomainError = Refusal<ErrorCode>;

/** What a decider or a use case answers (one Result type for the whole core, with the records' codes). */
export type Result<T> = CoreResult<T, DomainError>;

export { refuse, refuseField, success };

/** The refusal of a date that has not come yet, or nothing. */
export function notInFuture(field: string, date: PlainDate, context: { readonly today: PlainDate }): Result<never> | undefined {
  return date > context.today ? refuseField(field, `${date} is after today (${context.today})`) : undefined;
}

