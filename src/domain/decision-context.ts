import type { RuleContext } from '../rules/context.ts';
import type { PlainDate } from '../rules/plain-date.ts';

/** What every decider is given besides the command and the state: the day and the city's rules. */
export interface DecisionContext {
  /** The business date in Japan when the command is decided (the clock lives outside the core). */
  readonly today: PlainDate;
  readonly rules: RuleContext;
}
