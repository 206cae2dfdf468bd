import type { Refusal } from './result.ts';

/**
 * Refusals of the rules core, as values (house style: errors are values with stable codes).
 * The codes are part of the API contract (docs/api.md, docs/rules.md); `src/http` maps each to a status.
 * Some rules answer a refusal as a value in their output instead (R-15 `allowed: false`, R-17
 * `continuationAllowed: false`, each with a `reason`), so that the public rules API can say why;
 * their codes are here all the same, for the records service to refuse a command with
 * (`certificateIssueRefusal`, `abroadContinuationRefusal`).
 */
export const RuleErrorCode = {
  InputInvalid: 'INPUT.INVALID',
  RuleUnknown: 'RULE.UNKNOWN',
  CardExpired: 'CARD.EXPIRED',
  NothingToExtend: 'CARD.NOTHING_TO_EXTEND',
  SignatureUnder15: 'CERTIFICATE.SIGNATURE_UNDER_15',
  SignatureNotAllowed: 'CERTIFICATE.SIGNATURE_NOT_ALLOWED',
  CertificateRenewalWindowNotOpen: 'CERTIFICATE.RENEWAL_WINDOW_NOT_OPEN',
  CertificateCardRenewalNeeded: 'CERTIFICATE.CARD_RENEWAL_NEEDED',
  AbroadContinuationNotAllowed: 'CARD.ABROAD_CONTINUATION_NOT_ALLOWED',
  CalendarOutOfRange: 'CALENDAR.OUT_OF_RANGE',
} as const;
export type RuleErrorCode = (typeof RuleErrorCode)[keyof typeof RuleErrorCode];

/** One problem with one field, located by a JSON pointer into the input (`/birthDate`). */
export interface FieldError {
  readonly pointer: string;
  readonly message: string;
}

/** A refusal of the rules core. */
export type RuleError = Refusal<RuleErrorCode>;
