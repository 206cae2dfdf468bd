import holidayJp from '@holiday-jp/holiday_jp';
import { RuleErrorCode } from './errors.ts';
import { type Result, refuse, success } from './result.ts';
import { HOLIDAY_OVERRIDES, type HolidayOverride } from './holiday-overrides.ts';
import { addDays, dayOfWeek, dayOf, monthOf, type PlainDate } from './plain-date.ts';
import type { Policy } from './policy.ts';

export const ClosureReason = {
  Saturday: 'saturday',
  Sunday: 'sunday',
  NationalHoliday: 'national-holiday',
  YearEnd: 'year-end',
} as const;
export type ClosureReason = (typeof ClosureReason)[keyof typeof ClosureReason];

export interface Holiday {
  readonly name: string;
  readonly nameEn: string;
}

/**
 * The municipal calendar (R-9, C): the days a city office is closed. Built once from the
 * national holiday list, the project's overrides and the policy's year-end closure.
 * `firstDate`..`lastDate` are the years the holiday data covers; outside them nothing is known.
 */
export interface Calendar {
  readonly firstDate: PlainDate;
  readonly lastDate: PlainDate;
  readonly holidays: ReadonlyMap<string, Holiday>;
  readonly yearEnd: { readonly from: number; readonly to: number };
}

export interface DayStatus {
  readonly businessDay: boolean;
  readonly reason?: ClosureReason;
  readonly holiday?: Holiday;
}

interface HolidayEntry {
  readonly date: string;
  readonly name: string;
  readonly name_en: string;
}

export function createCalendar(
  policy: Pick<Policy, 'yearEndClosure'>,
  overrides: readonly HolidayOverride[] = HOLIDAY_OVERRIDES,
  entries: readonly HolidayEntry[] = Object.values(holidayJp.holidays),
): Calendar {
  const holidays = new Map<string, Holiday>();
  let firstYear = Infinity;
  let lastYear = -Infinity;
  for (const entry of entries) {
    holidays.set(entry.date, { name: entry.name, nameEn: entry.name_en });
    const year = Number(entry.date.slice(0, 4));
    firstYear = Math.min(firstYear, year);
    lastYear = Math.max(lastYear, year);
  }
  for (const override of overrides) {
    if (override.holiday) holidays.set(override.date, override.holiday);
    else holidays.delete(override.date);
  }
  return {
    firstDate: `${firstYear}-01-01` as PlainDate,
    lastDate: `${lastYear}-12-31` as PlainDate,
    holidays,
    yearEnd: { from: monthDayNumber(policy.yearEndClosure.from), to: monthDayNumber(policy.yearEndClosure.to) },
  };
}

function monthDayNumber(monthDay: string): number {
  return Number(monthDay.slice(0, 2)) * 100 + Number(monthDay.slice(3, 5));
}

function outOfRange(calendar: Calendar, date: PlainDate): Result<never> {
  return refuse(
    RuleErrorCode.CalendarOutOfRange,
    `${date} is outside the years the holiday calendar covers (${calendar.firstDate} to ${calendar.lastDate})`,
  );
}

/** Whether `date` falls in the year-end closure (R-9, policy `yearEndClosure`). */
export function inYearEnd(calendar: Calendar, date: PlainDate): boolean {
  const monthDay = monthOf(date) * 100 + dayOf(date);
  const { from, to } = calendar.yearEnd;
  return from <= to ? monthDay >= from && monthDay <= to : monthDay >= from || monthDay <= to;
}

/**
 * Whether the office is open on `date`. Closed: Saturday, Sunday, national holidays
 * (国民の祝日, 振替休日, 国民の休日 as the Cabinet Office publishes them) and the year-end days;
 * a day closed for several reasons reports the first in that order.
 */
export function dayStatus(calendar: Calendar, date: PlainDate): Result<DayStatus> {
  if (date < calendar.firstDate || date > calendar.lastDate) return outOfRange(calendar, date);
  const holiday = calendar.holidays.get(date);
  const weekday = dayOfWeek(date);
  const reason =
    weekday === 6
      ? ClosureReason.Saturday
      : weekday === 0
        ? ClosureReason.Sunday
        : holiday
          ? ClosureReason.NationalHoliday
          : inYearEnd(calendar, date)
            ? ClosureReason.YearEnd
            : undefined;
  if (reason === undefined) return success({ businessDay: true });
  return success(holiday ? { businessDay: false, reason, holiday } : { businessDay: false, reason });
}

/** `date` itself when the office is open then, else the first open day after it. */
export function nextBusinessDay(calendar: Calendar, date: PlainDate): Result<PlainDate> {
  let day = date;
  for (;;) {
    const status = dayStatus(calendar, day);
    if (!status.ok) return day === date ? status : outOfRange(calendar, day);
    if (status.value.businessDay) return success(day);
    day = addDays(day, 1);
  }
}
