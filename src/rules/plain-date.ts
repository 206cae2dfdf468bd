/**
 * A calendar date in Japan, `YYYY-MM-DD` (docs/rules.md "Conventions").
 *
 * A plain date has no time and no zone, so it is never built through JavaScript's Date,
 * which reads a date string as UTC midnight and shifts the day in other zones. The value is
 * the ISO string itself, branded so that an unchecked string cannot pass for a date;
 * ISO strings of four-digit years sort in date order, so `<` and `===` compare dates.
 *
 * The arithmetic is written here rather than taken from temporal-polyfill because the
 * rules need only a handful of integer operations and run in hot loops (the nightly sweep,
 * `rules --batch`); Temporal objects cost an allocation per step, these cost none.
 */
export type PlainDate = string & { readonly __brand: 'PlainDate' };

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** The date for a string, or `undefined` when it is not a real `YYYY-MM-DD` date (2023-02-29 is not). */
export function parsePlainDate(text: string): PlainDate | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return text as PlainDate;
}

/** The date for a string the caller has already validated (a schema with `format: 'date'`). */
export function plainDate(text: string): PlainDate {
  const date = parsePlainDate(text);
  if (date === undefined) throw new RangeError(`not a calendar date: ${text}`);
  return date;
}

export function formatPlainDate(year: number, month: number, day: number): PlainDate {
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}` as PlainDate;
}

export function yearOf(date: PlainDate): number {
  return (
    (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + date.charCodeAt(3) - 48
  );
}

export function monthOf(date: PlainDate): number {
  return (date.charCodeAt(5) - 48) * 10 + date.charCodeAt(6) - 48;
}

export function dayOf(date: PlainDate): number {
  return (date.charCodeAt(8) - 48) * 10 + date.charCodeAt(9) - 48;
}

/**
 * Days since 1970-01-01 (negative before), by Howard Hinnant's `days_from_civil`.
 * Used for day arithmetic and weekdays; months and years are handled field by field.
 */
export function toEpochDay(date: PlainDate): number {
  const month = monthOf(date);
  const year = yearOf(date) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + dayOf(date) - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function fromEpochDay(epochDay: number): PlainDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return formatPlainDate(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

export function addDays(date: PlainDate, days: number): PlainDate {
  if (days === 1) {
    // The common step (a day after, the next business day) without the epoch round trip.
    const year = yearOf(date);
    const month = monthOf(date);
    const day = dayOf(date);
    if (day < daysInMonth(year, month)) return formatPlainDate(year, month, day + 1);
    return month < 12 ? formatPlainDate(year, month + 1, 1) : formatPlainDate(year + 1, 1, 1);
  }
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * The same day number `months` months later (earlier when negative); when that month has
 * no such day, its last day (docs/rules.md "Conventions": 2026-05-31 minus 3 months is 2026-02-28).
 */
export function addMonthsClamped(date: PlainDate, months: number): PlainDate {
  const index = yearOf(date) * 12 + monthOf(date) - 1 + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return formatPlainDate(year, month, Math.min(dayOf(date), daysInMonth(year, month)));
}

/**
 * The last day of a period of `months` months that starts the day after `date`
 * (民法140条: the first day is not counted; 143条②: the period ends the day before the
 * day corresponding to its start, or at the end of the month when there is no such day).
 * "2 months from 2026-06-30" ends on 2026-08-31, not 2026-08-30.
 */
export function endOfMonthsPeriod(date: PlainDate, months: number): PlainDate {
  const start = addDays(date, 1);
  const index = yearOf(start) * 12 + monthOf(start) - 1 + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const day = dayOf(start);
  if (day > daysInMonth(year, month)) return formatPlainDate(year, month, daysInMonth(year, month));
  return addDays(formatPlainDate(year, month, day), -1);
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function dayOfWeek(date: PlainDate): number {
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

export function minDate(a: PlainDate, b: PlainDate): PlainDate {
  return a < b ? a : b;
}
