import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dates, evaluate, oracleAddDays, value } from '../../test/support/rules.ts';
import { createCalendar, dayStatus } from './calendar.ts';
import { DEFAULT_POLICY } from './policy.ts';
import { plainDate } from './plain-date.ts';

describe('R-9 business-day', () => {
  it.each([
    ['2026-11-26', { businessDay: true }],
    ['2026-11-28', { businessDay: false, reason: 'saturday' }],
    ['2026-11-29', { businessDay: false, reason: 'sunday' }],
    ['2026-09-22', { businessDay: false, reason: 'national-holiday', holidayName: '休日', holidayNameEn: "Citizen's Holiday" }],
    ['2026-05-06', { businessDay: false, reason: 'national-holiday', holidayName: '休日（憲法記念日の振替）', holidayNameEn: 'Holiday in lieu (Constitution Memorial Day)' }],
    ['2026-05-03', { businessDay: false, reason: 'sunday', holidayName: '憲法記念日', holidayNameEn: 'Constitution Memorial Day' }],
    ['2026-12-28', { businessDay: true }],
    ['2026-12-29', { businessDay: false, reason: 'year-end' }],
    ['2026-12-31', { businessDay: false, reason: 'year-end' }],
    ['2027-01-01', { businessDay: false, reason: 'national-holiday', holidayName: '元日', holidayNameEn: "New Year's Day" }],
    ['2027-01-02', { businessDay: false, reason: 'saturday' }],
    ['2027-01-04', { businessDay: true }],
    ['2019-05-01', { businessDay: false, reason: 'national-holiday', holidayName: '休日（祝日扱い）', holidayNameEn: 'Holiday' }],
  ])('%s', (date, expected) => {
    expect(evaluate('business-day', { date })).toEqual(expected);
  });

  it.each(['1969-12-31', '2051-01-01'])('refuses %s, outside the holiday data, rather than guess', (date) => {
    expect(evaluate('business-day', { date })).toEqual({ error: 'CALENDAR.OUT_OF_RANGE', pointers: [] });
  });

  it('applies the project override table', () => {
    const calendar = createCalendar(DEFAULT_POLICY, [
      { date: plainDate('2026-11-26'), holiday: { name: '臨時休日', nameEn: 'Special holiday' }, source: 'test' },
      { date: plainDate('2026-09-22'), holiday: null, source: 'test' },
    ]);
    expect(dayStatus(calendar, plainDate('2026-11-26'))).toEqual({
      ok: true,
      value: { businessDay: false, reason: 'national-holiday', holiday: { name: '臨時休日', nameEn: 'Special holiday' } },
    });
    expect(dayStatus(calendar, plainDate('2026-09-22'))).toEqual({ ok: true, value: { businessDay: true } });
  });
});

describe('R-9 next-business-day', () => {
  it.each([
    ['2026-11-26', '2026-11-26'],
    ['2026-11-28', '2026-11-30'],
    ['2026-05-02', '2026-05-07'],
    ['2026-09-19', '2026-09-24'],
    ['2026-12-28', '2026-12-28'],
    ['2026-12-29', '2027-01-04'],
  ])('%s → %s', (date, next) => {
    expect(evaluate('next-business-day', { date })).toEqual({ date: next });
  });

  it('refuses to walk past the end of the holiday data', () => {
    expect(evaluate('next-business-day', { date: '2050-12-30' })).toEqual({ error: 'CALENDAR.OUT_OF_RANGE', pointers: [] });
  });

  it('returns a business day, not before its input, with only closed days between', () => {
    fc.assert(
      fc.property(dates('1970-01-01', '2050-12-20'), (date) => {
        const next = value('next-business-day', { date }).date as string;
        expect(next >= date).toBe(true);
        expect(value('business-day', { date: next }).businessDay).toBe(true);
        for (let day: string = date; day < next; day = oracleAddDays(day, 1)) {
          expect(value('business-day', { date: day }).businessDay).toBe(false);
        }
      }),
    );
  });
});
