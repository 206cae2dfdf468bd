import { addDays, dayOf, monthOf, yearOf, type PlainDate } from './plain-date.ts';

/**
 * The age attained by the end of `on` (R-1, C: 年齢計算ニ関スル法律, 民法143条; the end-of-day
 * reading for thresholds L, as in election practice). A year of age is completed at the end of
 * the day before each anniversary of birth, so the age at the end of `on` is the ordinary
 * age on the following day: born 2008-04-02, 18 on 2026-04-01. Someone born on Feb 29 completes
 * a year at the end of Feb 28 in every year (in a common year the anniversary month has no 29th,
 * 民法143条②), which the comparison gives because the day after Feb 28 is Mar 1 or Feb 29.
 * The caller guarantees `on` is not before `birthDate`. No schema here: the web app imports it.
 */
export function ageOn(birthDate: PlainDate, on: PlainDate): number {
  const next = addDays(on, 1);
  const beforeAnniversary = monthOf(next) * 100 + dayOf(next) < monthOf(birthDate) * 100 + dayOf(birthDate);
  return yearOf(next) - yearOf(birthDate) - (beforeAnniversary ? 1 : 0);
}
