import fc from 'fast-check';
import { DEFAULT_CONTEXT, type RuleContext } from '../../src/rules/context.ts';
import type { PlainDate } from '../../src/rules/plain-date.ts';
import { evaluateRule, type RuleName } from '../../src/rules/registry.ts';

// Outputs are JSON read by assertions, as a client would read them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

/** A rule's output, or `{ error, pointers }` for a refusal: what a CLI or API user would see. */
export function evaluate(name: RuleName, input: unknown, context: RuleContext = DEFAULT_CONTEXT): Json {
  const outcome = evaluateRule(name, input, context);
  if (outcome.ok) return outcome.value as Json;
  return { error: outcome.error.code, pointers: outcome.error.errors?.map((error) => error.pointer) ?? [] };
}

/** The output of a rule that must succeed. */
export function value(name: RuleName, input: unknown, context?: RuleContext): Json {
  const outcome = evaluateRule(name, input, context ?? DEFAULT_CONTEXT);
  if (!outcome.ok) throw new Error(`${name} refused ${JSON.stringify(input)}: ${outcome.error.message}`);
  return outcome.value as Json;
}

/** Calendar dates from JavaScript's own UTC calendar, independent of the code under test. */
export function dates(min = '1930-01-01', max = '2049-12-31'): fc.Arbitrary<PlainDate> {
  return fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10) as PlainDate);
}

/** `date` plus `days`, by JavaScript's UTC calendar (an oracle for the tests). */
export function oracleAddDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
