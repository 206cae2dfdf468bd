import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dates, oracleAddDays } from '../../test/support/rules.ts';
import {
  addDays,
  addMonthsClamped,
  dayOfWeek,
  endOfMonthsPeriod,
  fromEpochDay,
  parsePlainDate,
  plainDate,
  toEpochDay,
} from './plain-date.ts';

describe('parsePlainDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2026-12-31', '0001-01-01', '9999-12-31'])('accepts %s', (text) => {
    expect(parsePlainDate(text)).toBe(text);
  });
  it.each(['2023-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-1', '20260101', '2026-01-01T00:00', ' 2026-01-01', '０２０２６-01-01', ''])(
    'rejects %j',
    (text) => {
      expect(parsePlainDate(text)).toBeUndefined();
    },
  );
});

describe('day arithmetic', () => {
  it('agrees with the UTC calendar of JavaScript', () => {
    fc.assert(
      fc.property(dates('1900-01-01', '2100-12-31'), fc.integer({ min: -40000, max: 40000 }), (date, days) => {
        expect(addDays(date, days)).toBe(oracleAddDays(date, days));
        expect(fromEpochDay(toEpochDay(date))).toBe(date);
      }),
    );
  });
  it('steps over month, year and leap-day ends', () => {
    expect(addDays(plainDate('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(plainDate('2023-02-28'), 1)).toBe('2023-03-01');
    expect(addDays(plainDate('2026-12-31'), 1)).toBe('2027-01-01');
    expect(addDays(plainDate('2026-01-01'), -1)).toBe('2025-12-31');
  });
  it('knows the weekday', () => {
    expect(dayOfWeek(plainDate('1970-01-01'))).toBe(4);
    expect(dayOfWeek(plainDate('2026-11-26'))).toBe(4);
    expect(dayOfWeek(plainDate('2026-11-29'))).toBe(0);
    expect(dayOfWeek(plainDate('1969-12-31'))).toBe(3);
  });
});

describe('months', () => {
  it.each([
    ['2026-05-31', -3, '2026-02-28'],
    ['2028-05-31', -3, '2028-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2027-01-15', -3, '2026-10-15'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2026-06-30', 2, '2026-08-30'],
  ])('%s %i months is %s, the last day when the month is shorter', (date, months, expected) => {
    expect(addMonthsClamped(plainDate(date), months)).toBe(expected);
  });
  it.each([
    ['2026-06-15', '2026-08-15'],
    ['2026-06-30', '2026-08-31'],
    ['2026-11-30', '2027-01-31'],
    ['2026-12-31', '2027-02-28'],
    ['2027-12-31', '2028-02-29'],
    ['2026-12-30', '2027-02-28'],
    ['2027-02-28', '2027-04-30'],
    ['2028-02-28', '2028-04-28'],
  ])('a 2-month period after %s ends on %s (民法140・143条)', (date, expected) => {
    expect(endOfMonthsPeriod(plainDate(date), 2)).toBe(expected);
  });
});
