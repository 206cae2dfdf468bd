import { parsePlainDate, type PlainDate } from '../../../src/rules/plain-date.ts';
import type { Policy as RulesPolicy } from '../../../src/rules/policy.ts';
import type { Policy } from '../api/types';

/** A date as the rules take it, from what was typed or answered; undefined when it is no real date. */
export function day(text: string | null | undefined): PlainDate | undefined {
  return text ? parsePlainDate(text) : undefined;
}

/**
 * The policy as the rules take it. The server answers it checked against its own schema
 * (GET /api/v1/policy), so its dates are real dates: only their type is told here.
 */
export function rulesPolicy(policy: Policy): RulesPolicy {
  return policy as RulesPolicy;
}
