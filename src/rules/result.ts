import type { FieldError, RuleErrorCode } from './errors.ts';

/** A refusal as a value (house style: errors are values with stable codes that clients act on). */
export interface Refusal<C extends string = string> {
  readonly code: C;
  readonly message: string;
  /** Each field at fault, located by a JSON pointer into the input. */
  readonly errors?: readonly FieldError[];
  /** Facts a client may act on, e.g. `{ currentStatus: "suspended" }` or `{ remainingAttempts: 1 }`. */
  readonly details?: Readonly<Record<string, string | number | boolean | null>>;
}

/**
 * What every rule, decider and use case answers: its value, or a refusal. One type for the
 * whole core; each layer names the refusals it gives (the rules core's own by default).
 */
export type Result<T, E extends Refusal = Refusal<RuleErrorCode>> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export function success<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** A refusal with its code, and the facts a client may act on. */
export function refuse<C extends string>(code: C, message: string, details?: Refusal['details']): { readonly ok: false; readonly error: Refusal<C> } {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}

/** Input of the right shape that does not make sense, e.g. a card issued before its holder was born. */
export function refuseField(field: string, message: string): { readonly ok: false; readonly error: Refusal<'INPUT.INVALID'> } {
  const text = `${field}: ${message}`;
  return refuseFields([{ pointer: `/${field}`, message: text }], text);
}

/** Input that fails its schema: every field at fault, each located by its JSON pointer. */
export function refuseFields(errors: readonly FieldError[], message = errors.map((error) => error.message).join('; ') || 'invalid input'): { readonly ok: false; readonly error: Refusal<'INPUT.INVALID'> } {
  return { ok: false, error: { code: 'INPUT.INVALID', message, errors } };
}
