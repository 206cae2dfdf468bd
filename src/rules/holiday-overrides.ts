import type { PlainDate } from './plain-date.ts';

/**
 * Corrections to the national holiday list of `@holiday-jp/holiday_jp`, for the time
 * between a change by law or Cabinet Office announcement and a release of the package that
 * carries it, or where it names a day wrongly: `holiday` adds or renames a holiday, `null`
 * removes one. Each entry cites its source. Checked against the Cabinet Office list
 * (内閣府「国民の祝日について」, syukujitsu.csv) for 2026–2027 in 2026-11.
 */
export interface HolidayOverride {
  readonly date: PlainDate;
  readonly holiday: { readonly name: string; readonly nameEn: string } | null;
  readonly source: string;
}

export const HOLIDAY_OVERRIDES: readonly HolidayOverride[] = [
  {
    date: '2026-05-06' as PlainDate,
    holiday: { name: '休日（憲法記念日の振替）', nameEn: 'Holiday in lieu (Constitution Memorial Day)' },
    source:
      '祝日法3条2項: 憲法記念日 2026-05-03 is a Sunday and May 4–5 are holidays, so May 6 is its 振替休日; ' +
      'the package names it こどもの日 振替休日',
  },
];
