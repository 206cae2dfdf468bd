import type { PlainDate } from '../../rules/plain-date.ts';

export interface Clock {
  /** The instant, ISO-8601 UTC. */
  now(): string;
  /** The calendar date in Japan (Asia/Tokyo) at this instant: the business date of an act. */
  today(): PlainDate;
}

/**
 * Real time, for what lasts so long (a session, a setup code) whatever business date the Clock
 * is set to. The wall clock dates records and is what other processes share; an NTP step may
 * move it back or forth, so a duration within one process is measured on the monotonic clock.
 */
export interface RealTime {
  /** Milliseconds since 1970 by the wall clock. */
  wallMs(): number;
  /** Milliseconds from an arbitrary origin, never going back (performance.now()). */
  monotonicMs(): number;
}
