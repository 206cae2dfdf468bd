import type { JobRun } from '../api/types';
import type { MessageKey } from '../i18n/messages';

/** The counts of a sweep run, in the order a supervisor reads them; a count the server adds later is shown too. */
export const SWEEP_COUNTS = ['abolished', 'abolishedMovedAbroad', 'abolishedUncollected', 'expired', 'certificatesExpired', 'refused'] as const;

export function sweepCountKeys(run: JobRun): string[] {
  return [...SWEEP_COUNTS, ...Object.keys(run.counts).filter((key) => !(SWEEP_COUNTS as readonly string[]).includes(key))];
}

/**
 * What a supervisor must be warned of about the sweep: that none ever ran, that the last one
 * failed or was cut short, or that today's has not run yet (the cards due today are not yet
 * expired or abolished). Nothing when the last run did today's work.
 */
export function sweepWarning(last: JobRun | null, today: string): MessageKey | null {
  if (!last) return 'sweep.none';
  switch (last.status) {
    case 'failed':
      return 'sweep.failed';
    case 'interrupted':
      return 'sweep.interrupted';
    case 'running':
      return 'sweep.running';
    case 'done':
      return last.businessDate < today ? 'sweep.notToday' : null;
    default: {
      const never: never = last.status;
      return never;
    }
  }
}

/** Seconds with one decimal: a sweep takes from a blink to a few minutes. */
export function seconds(durationMs: number | null): string | null {
  return durationMs === null ? null : (durationMs / 1000).toFixed(1);
}
