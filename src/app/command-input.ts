import type { CommandName, TakesProxy } from './proxy-procedures.ts';

/**
 * The parts of the use cases' inputs that many commands share. The inputs are plain TypeScript:
 * each boundary (the HTTP routes, the registry import, the demo) checks what it was given against
 * its own schema, and src/http/agreement.ts holds the HTTP bodies to these types at compile time.
 */

/** The version the client last saw; a use case refuses a change of another version (…VERSION_CONFLICT). */
export interface VersionedInput {
  readonly expectedVersion?: number;
}

/**
 * `proxyApprovalId` for a command whose R-13 row lets a proxy come, nothing for one whose row does
 * not (proxy-procedures.ts): the table decides which inputs have the field, and a use case only
 * compiles when it reads it from an input that has it.
 */
export type ProxyInput<C extends CommandName> = TakesProxy<C> extends true ? { readonly proxyApprovalId?: string } : Record<never, never>;
