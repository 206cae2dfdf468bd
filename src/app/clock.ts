import type { PlainDate } from '../rules/plain-date.ts';
import { performance } from 'node:perf_hooks';
import type { Clock, RealTime } from './ports/clock.ts';

/** Japan Standard Time is UTC+9 all year: no daylight saving since 1951. */
const JST_OFFSET_MS = 9 * 3600_000;

/** The machine's clock; the business date is the date in Japan, whatever the server's zone. */
export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  today: () => new Date(Date.now() + JST_OFFSET_MS).toISOString().slice(0, 10) as PlainDate,
};

/** The machine's wall clock and its monotonic clock. */
export const systemRealTime: RealTime = {
  wallMs: () => Date.now(),
  monotonicMs: () => performance.now(),
};

/** The calendar date in Japan at an instant (ISO-8601). */
export function japanDateOf(instant: string): PlainDate {
  return new Date(Date.parse(instant) + JST_OFFSET_MS).toISOString().slice(0, 10) as PlainDate;
}

/** An instant (ISO-8601) as Japan time to the second, `2026-11-26T09:00:12+09:00`: the form pickup slots are written in. */
export function japanTimeOf(instant: string): string {
  return `${new Date(Date.parse(instant) + JST_OFFSET_MS).toISOString().slice(0, 19)}+09:00`;
}

/** Milliseconds from `now` to the next `HH:MM` in Japan. */
export function untilNextInJapan(at: string, now: number): number {
  const [hours, minutes] = at.split(':').map(Number) as [number, number];
  const japan = new Date(now + JST_OFFSET_MS);
  let next = Date.UTC(japan.getUTCFullYear(), japan.getUTCMonth(), japan.getUTCDate(), hours, minutes) - JST_OFFSET_MS;
  if (next <= now) next += 24 * 3600_000;
  return next - now;
}

/**
 * A training instance's clock (MADOGUCHI_TODAY, docs/architecture.md "Training mode"): the
 * business date is always `date`, and the time of day is Japan's now, so that the records of a
 * training day read like a day at the counter: an act at 10:15 in Japan is recorded at 10:15 of
 * the training date.
 */
export function trainingClock(date: PlainDate): Clock {
  const midnight = Date.parse(`${date}T00:00:00Z`) - JST_OFFSET_MS;
  const dayMs = 24 * 3600_000;
  return {
    now: () => new Date(midnight + ((Date.now() + JST_OFFSET_MS) % dayMs)).toISOString(),
    today: () => date,
  };
}

/**
 * A clock stopped at a date (tests, demos, replaying a day); time still moves within it. Its
 * moments run from the start of that day in Japan (00:00 UTC is 09:00 there) by the time that
 * has passed since the clock was made, so they always fall on the date in Japan and never go
 * back, whatever the hour of the machine that runs it.
 */
export function clockAt(today: PlainDate): Clock & { set(date: PlainDate): void } {
  let date = today;
  const started = Date.now();
  return {
    now: () => new Date(Date.parse(`${date}T00:00:00Z`) + (Date.now() - started)).toISOString(),
    today: () => date,
    set(next) {
      date = next;
    },
  };
}
