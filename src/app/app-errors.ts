import type { ErrorCode } from '../domain/errors.ts';
import type { Refusal, Result as CoreResult } from '../rules/result.ts';

/**
 * Refusals of the service around the domain: who is signed in and may act (AUTH), staff accounts
 * (STAFF), a reused Idempotency-Key, the nightly jobs (JOB). Stable codes that clients act on,
 * like the domain's; `src/http` maps each to a status.
 */
export const AppErrorCode = {
  AuthInvalidCredentials: 'AUTH.INVALID_CREDENTIALS',
  AuthUnauthenticated: 'AUTH.UNAUTHENTICATED',
  AuthForbidden: 'AUTH.FORBIDDEN',
  AuthCounterOnly: 'AUTH.COUNTER_ONLY',
  AuthCsrf: 'AUTH.CSRF',
  AuthPasswordChangeRequired: 'AUTH.PASSWORD_CHANGE_REQUIRED',
  AuthWeakPassword: 'AUTH.WEAK_PASSWORD',
  AuthSetupCodeExpired: 'AUTH.SETUP_CODE_EXPIRED',
  StaffDuplicate: 'STAFF.DUPLICATE',
  StaffNotFound: 'STAFF.NOT_FOUND',
  /** An act on one's own account that needs someone else (a setup code, disabling, a new role). */
  StaffSelf: 'STAFF.SELF',
  MunicipalityExists: 'MUNICIPALITY.EXISTS',
  StaffNotAwaitingSetup: 'STAFF.NOT_AWAITING_SETUP',
  IdempotencyKeyReused: 'IDEMPOTENCY.KEY_REUSED',
  JobFailed: 'JOB.FAILED',
  JobRunning: 'JOB.RUNNING',
} as const;
export type AppErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode];

/** A refusal a use case may answer: the rules', the domain's or the service's own. */
export type AppError = Refusal<ErrorCode | AppErrorCode>;

/** What a use case answers (the core's one Result type, with every code a use case may give). */
export type Result<T> = CoreResult<T, AppError>;
