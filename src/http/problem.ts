import { STATUS_CODES } from 'node:http';
import { Type, type Static } from 'typebox';
import type { AppError, AppErrorCode } from '../app/app-errors.ts';
import type { ErrorCode as RecordsErrorCode } from '../domain/errors.ts';
import type { FieldError } from '../rules/errors.ts';

/** Codes the HTTP layer itself answers with, besides those of the rules and the domain. */
export const HttpErrorCode = {
  RequestInvalid: 'REQUEST.INVALID',
  UnsupportedMediaType: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  PayloadTooLarge: 'REQUEST.TOO_LARGE',
  RequestTimeout: 'REQUEST.TIMEOUT',
  NotFound: 'NOT_FOUND',
  MethodNotAllowed: 'METHOD_NOT_ALLOWED',
  PreconditionFailed: 'REQUEST.PRECONDITION_FAILED',
  RangeNotSatisfiable: 'REQUEST.RANGE_NOT_SATISFIABLE',
  Throttled: 'REQUEST.THROTTLED',
  Unavailable: 'SERVICE.UNAVAILABLE',
  StorageFull: 'STORAGE.FULL',
  Internal: 'INTERNAL',
} as const;
export type HttpErrorCode = (typeof HttpErrorCode)[keyof typeof HttpErrorCode];

export type ErrorCode = RecordsErrorCode | AppErrorCode | HttpErrorCode;

/** The one place a code becomes a status (docs/api.md "General"); the compiler demands every code. */
export const STATUS_BY_CODE = {
  'INPUT.INVALID': 400,
  'RULE.UNKNOWN': 404,
  'CARD.EXPIRED': 422,
  'CARD.NOTHING_TO_EXTEND': 422,
  'CERTIFICATE.SIGNATURE_UNDER_15': 422,
  'CERTIFICATE.SIGNATURE_NOT_ALLOWED': 422,
  'CERTIFICATE.RENEWAL_WINDOW_NOT_OPEN': 422,
  'CERTIFICATE.CARD_RENEWAL_NEEDED': 422,
  'CARD.ABROAD_CONTINUATION_NOT_ALLOWED': 422,
  'CALENDAR.OUT_OF_RANGE': 422,
  'CARD.NOT_FOUND': 404,
  'CARD.INVALID_TRANSITION': 409,
  'CARD.VERSION_CONFLICT': 409,
  'CARD.NOTES_FULL': 422,
  'CARD.CONTINUATION_LAPSED': 422,
  'CARD.NO_CONTINUATION_PENDING': 409,
  'CARD.NOT_EXTENDABLE': 422,
  'RESIDENT.NOT_FOUND': 404,
  'RESIDENT.INVALID_INDIVIDUAL_NUMBER': 400,
  'RESIDENT.DUPLICATE': 409,
  'RESIDENT.CARD_ALREADY_HELD': 409,
  'RESIDENT.INVALID_TRANSITION': 409,
  'RESIDENT.DECEASED': 409,
  'RESIDENT.VERSION_CONFLICT': 409,
  'APPLICATION.PHOTO_TOO_OLD': 422,
  'IDENTITY.INSUFFICIENT': 422,
  'PIN.LOCKED': 422,
  'PIN.MISMATCH': 422,
  'PIN.INVALID_FORMAT': 422,
  'REISSUE.POLICE_REPORT_REQUIRED': 422,
  'RENEWAL.WINDOW_NOT_OPEN': 422,
  'APPROVAL.NOT_FOUND': 404,
  'APPROVAL.ALREADY_DECIDED': 409,
  'APPROVAL.NOT_USABLE': 422,
  'APPROVAL.SELF_APPROVAL': 403,
  'PROXY.ENQUIRY_NOT_FOUND': 422,
  'PROXY.NOT_ALLOWED_FOR_REPRESENTED': 422,
  'REPRESENTATIVE.REQUIRED': 422,
  'AUTH.INVALID_CREDENTIALS': 401,
  'AUTH.UNAUTHENTICATED': 401,
  'AUTH.FORBIDDEN': 403,
  'AUTH.COUNTER_ONLY': 403,
  'AUTH.OFFICE_NOT_ALLOWED': 403,
  'AUTH.CSRF': 403,
  'AUTH.PASSWORD_CHANGE_REQUIRED': 403,
  'AUTH.WEAK_PASSWORD': 422,
  'AUTH.SETUP_CODE_EXPIRED': 401,
  'STAFF.DUPLICATE': 409,
  'STAFF.NOT_FOUND': 404,
  'STAFF.SELF': 403,
  'MUNICIPALITY.EXISTS': 409,
  'STAFF.NOT_AWAITING_SETUP': 409,
  'OFFICE.UNKNOWN': 422,
  'APPOINTMENT.NOT_FOUND': 404,
  'APPOINTMENT.SLOT_FULL': 409,
  'APPOINTMENT.CARD_NOT_READY': 409,
  'APPOINTMENT.NOT_A_SLOT': 422,
  'APPOINTMENT.SLOT_PAST': 409,
  'APPOINTMENT.AFTER_COLLECT_BY': 422,
  'APPOINTMENT.NOT_BOOKED': 409,
  'APPOINTMENT.NOT_YET': 409,
  'IDEMPOTENCY.KEY_REUSED': 422,
  'JOB.FAILED': 500,
  'JOB.RUNNING': 409,
  'REQUEST.INVALID': 400,
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': 415,
  'REQUEST.TOO_LARGE': 413,
  'REQUEST.TIMEOUT': 408,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  'REQUEST.PRECONDITION_FAILED': 412,
  'REQUEST.RANGE_NOT_SATISFIABLE': 416,
  'REQUEST.THROTTLED': 429,
  'SERVICE.UNAVAILABLE': 503,
  'STORAGE.FULL': 503,
  INTERNAL: 500,
} as const satisfies Record<ErrorCode, number>;

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'A URI naming the kind of problem; one per code' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String({ description: 'What went wrong, for a person' }),
    code: Type.String({ description: 'Stable code to act on, e.g. CARD.EXPIRED' }),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          pointer: Type.String({ description: 'JSON pointer to the field in the request body (or /query/…, /params/…)' }),
          message: Type.String(),
        }),
      ),
    ),
  },
  {
    description: 'RFC 9457 problem details (application/problem+json); extension members name facts to act on, e.g. currentStatus',
    additionalProperties: true,
  },
);
export type Problem = Static<typeof ProblemSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problem(code: ErrorCode, detail: string, errors?: readonly FieldError[], details?: AppError['details']): Problem {
  const status = STATUS_BY_CODE[code];
  return {
    ...details,
    type: `urn:madoguchi:problem:${code}`,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(errors && errors.length > 0 && { errors: [...errors] }),
  };
}

/** The problem for a refusal of the rules or the records service. */
export function problemOf(error: AppError): Problem {
  return problem(error.code, error.message, error.errors, error.details);
}

export interface ProblemResponse {
  readonly description: string;
  readonly content: { readonly [PROBLEM_CONTENT_TYPE]: { readonly schema: typeof ProblemSchema } };
}

/** Response schemas for the problems a route may answer with, keyed by status, listing their codes. */
export function problemResponses(...codes: ErrorCode[]): Record<number, ProblemResponse> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(STATUS_BY_CODE[code], [...(byStatus.get(STATUS_BY_CODE[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, statusCodes]) => [
      status,
      { description: `Problem: ${statusCodes.join(', ')}`, content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } } },
    ]),
  );
}
