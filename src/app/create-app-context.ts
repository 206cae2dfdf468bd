import type { OfficeDirectory } from '../domain/office.ts';
import type { RuleContext } from '../rules/context.ts';
import type { PlainDate } from '../rules/plain-date.ts';
import { systemClock, systemRealTime, trainingClock } from './clock.ts';
import type { AppContext } from './context.ts';
import { createKeyRing } from './crypto/key-ring.ts';
import { uuidV7 } from './ids.ts';
import type { Clock, RealTime } from './ports/clock.ts';
import type { Ids } from './ports/ids.ts';
import type { Store } from './ports/store.ts';
import { SimulatedChip } from './simulated-chip.ts';

export interface AppParts {
  readonly store: Store;
  readonly masterKey: Buffer;
  readonly retiredKeys?: readonly Buffer[];
  readonly rules: RuleContext;
  readonly offices: OfficeDirectory;
  readonly clock?: Clock;
  readonly realTime?: RealTime;
  readonly ids?: Ids;
  /** MADOGUCHI_TODAY: the business date stands still there, and everything is marked as training. */
  readonly trainingDate?: PlainDate | undefined;
}

/**
 * The use cases' context from its parts: the system clocks and UUIDv7 ids unless given; a
 * training instance's clock stands at its date.
 */
export function createAppContext(parts: AppParts): AppContext {
  const keys = createKeyRing(parts.masterKey, parts.retiredKeys);
  return {
    store: parts.store,
    clock: parts.clock ?? (parts.trainingDate ? trainingClock(parts.trainingDate) : systemClock),
    realTime: parts.realTime ?? systemRealTime,
    ids: parts.ids ?? uuidV7,
    keys,
    rules: parts.rules,
    offices: parts.offices,
    trainingDate: parts.trainingDate,
    chip: new SimulatedChip(keys, parts.rules.policy),
  };
}
