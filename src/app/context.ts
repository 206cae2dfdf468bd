import type { DecisionContext } from '../domain/decision-context.ts';
import type { OfficeDirectory } from '../domain/office.ts';
import type { RuleContext } from '../rules/context.ts';
import type { PlainDate } from '../rules/plain-date.ts';
import type { KeyRing } from './crypto/key-ring.ts';
import type { CardChip } from './ports/card-chip.ts';
import type { Clock, RealTime } from './ports/clock.ts';
import type { Ids } from './ports/ids.ts';
import type { Store } from './ports/store.ts';

/** Everything a use case works with, built once by the composition root. */
export interface AppContext {
  readonly store: Store;
  readonly clock: Clock;
  /** Real time for durations (sessions, setup codes), apart from the business clock. */
  readonly realTime: RealTime;
  readonly ids: Ids;
  readonly keys: KeyRing;
  readonly chip: CardChip;
  readonly rules: RuleContext;
  readonly offices: OfficeDirectory;
  /**
   * A training instance's fixed business date (MADOGUCHI_TODAY, docs/architecture.md "Training
   * mode"): every screen, slip, letter and answer says so. Undefined for live records.
   */
  readonly trainingDate?: PlainDate | undefined;
}

/** What a decider is given: the business date in Japan now, and the city's rules. */
export function decisionContext(app: AppContext): DecisionContext {
  return { today: app.clock.today(), rules: app.rules };
}
