import { ageOn } from './age-rules.ts';
import type { PlainDate } from './plain-date.ts';

/**
 * The age bands of the monthly statistics (docs/statistics.md): five years each, 0–4 to 95–99,
 * and 100 and over — the bands of the ministry's tables of card holders by age and sex.
 */
export const AGE_BANDS = [...Array.from({ length: 20 }, (_, index) => `${index * 5}-${index * 5 + 4}`), '100+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The band of someone born on `birthDate`, by their age at the end of `on`; nobody is younger than 0. */
export function ageBandOn(birthDate: PlainDate, on: PlainDate): AgeBand {
  const age = on < birthDate ? 0 : ageOn(birthDate, on);
  return AGE_BANDS[Math.min(Math.floor(age / 5), AGE_BANDS.length - 1)]!;
}
