import { STATUS_CODES } from 'node:http';
import { Type, type Static } from 'typebox';
import type { RuleErrorCode} from '../rules/errors.ts';
import { type FieldError } from '../rules/errors.ts';

/** Codes the HTTP layer itself answers with, besides those of the rules and the domain. */
export const HttpErrorCode = {
  RequestInvalid: 'REQUEST.INVALID',
  UnsupportedMediaType: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  PayloadTooLarge: 'REQUEST.TOO_LARGE',
  NotFound: 'NOT_FOUND',
  MethodNotAllowed: 'METHOD_NOT_ALLOWED',
  Throttled: 'REQUEST.THROTTLED',
  Unavailable: 'SERVICE.UNAVAILABLE',
  Internal: 'INTERNAL',
} as const;
export type HttpErrorCode = (typeof HttpErrorCode)[keyof typeof HttpErrorCode];

export type ErrorCode = RuleErrorCode | HttpErrorCode;

/** The one place a code becomes a status (api.md "General"); the compiler demands every code. */
export const STATUS_BY_CODE = {
  'INPUT.INVALID': 400,
  'RULE.UNKNOWN': 404,
  'CARD.EXPIRED': 422,
  'CARD.NOTHING_TO_EXTEND': 422,
  'CERTIFICATE.SIGNATURE_UNDER_15': 422,
  'CALENDAR.OUT_OF_RANGE': 422,
  'REQUEST.INVALID': 400,
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': 415,
  'REQUEST.TOO_LARGE': 413,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  'REQUEST.THROTTLED': 429,
  'SERVICE.UNAVAILABLE': 503,
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
  { description: 'RFC 9457 problem details (application/problem+json)' },
);
export type Problem = Static<typeof ProblemSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problem(code: ErrorCode, detail: string, errors?: readonly FieldError[]): Problem {
  const status = STATUS_BY_CODE[code];
  return {
    type: `urn:madoguchi:problem:${code}`,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(errors && errors.length > 0 && { errors: [...errors] }),
  };
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
