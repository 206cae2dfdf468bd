/**
 * Refusals of the rules core, as values (house style: errors are values with stable codes).
 * The codes are part of the API contract (api.md, rules.md); `src/http` maps each to a status.
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

export interface RuleError {
  readonly code: RuleErrorCode;
  readonly message: string;
  readonly errors?: readonly FieldError[];
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: RuleError };

export function ok<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function fail(code: RuleErrorCode, message: string, errors?: readonly FieldError[]): Outcome<never> {
  return { ok: false, error: errors ? { code, message, errors } : { code, message } };
}

/** Input that has the right shape but does not make sense, e.g. a card issued before its holder was born. */
export function invalidField(field: string, message: string): Outcome<never> {
  const text = `${field}: ${message}`;
  return fail(RuleErrorCode.InputInvalid, text, [{ pointer: `/${field}`, message: text }]);
}
