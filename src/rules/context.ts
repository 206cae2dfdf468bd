import { createCalendar, type Calendar } from './calendar.ts';
import { DEFAULT_POLICY, type Policy } from './policy.ts';

/** What every rule may consult besides its input: the city's policy and the calendar built from it. */
export interface RuleContext {
  readonly policy: Policy;
  readonly calendar: Calendar;
}

export function createRuleContext(policy: Policy = DEFAULT_POLICY): RuleContext {
  return { policy, calendar: createCalendar(policy) };
}

export const DEFAULT_CONTEXT: RuleContext = createRuleContext();
