import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTEXT } from './context.ts';
import { plainDate, type PlainDate } from './plain-date.ts';
import { pickupDay, pickupSlotAt, pickupSlots, toJapanTime, type PickupSchedule } from './pickup-slots.ts';

const calendar = DEFAULT_CONTEXT.calendar;
const SCHEDULE: PickupSchedule = {
  slotMinutes: 30,
  capacity: 3,
  hours: { monday: '9:00–11:00', tuesday: '9:00–11:00', wednesday: '9:00–11:00', thursday: '9:00–11:00', friday: '9:00–10:45', saturday: '9:30–10:30' },
  closures: [{ from: plainDate('2026-12-02'), to: plainDate('2026-12-03'), note: '庁舎点検' }, { from: plainDate('2026-12-08') }],
};
const d = (text: string): PlainDate => plainDate(text);
const starts = (from: string, to = from) => {
  const result = pickupSlots(SCHEDULE, calendar, d(from), d(to));
  if (!result.ok) throw new Error(result.error.message);
  return result.value.map((slot) => slot.start.slice(5, 16));
};

describe('pickup slots of an office (docs/pickup.md "Appointments")', () => {
  it.each([
    // A Monday: four slots of 30 minutes from 9:00 to 11:00.
    ['2026-11-30', ['11-30T09:00', '11-30T09:30', '11-30T10:00', '11-30T10:30']],
    // A Friday closing at 10:45: no slot runs past the closing.
    ['2026-12-04', ['12-04T09:00', '12-04T09:30', '12-04T10:00']],
    // A Saturday with hours of its own (R-9 closes Saturdays, the schedule opens this one).
    ['2026-12-05', ['12-05T09:30', '12-05T10:00']],
    // A Sunday the schedule gives no hours.
    ['2026-12-06', []],
    // The office's own closure, a range and a single day.
    ['2026-12-02', []],
    ['2026-12-03', []],
    ['2026-12-08', []],
    // 勤労感謝の日 on a Monday: closed whatever the hours say.
    ['2026-11-23', []],
    // A Saturday with hours that falls in the year-end days: closed.
    ['2027-01-02', []],
    // Year-end days on weekdays.
    ['2026-12-28', ['12-28T09:00', '12-28T09:30', '12-28T10:00', '12-28T10:30']],
    ['2026-12-29', []],
    ['2026-12-31', []],
    ['2027-01-04', ['01-04T09:00', '01-04T09:30', '01-04T10:00', '01-04T10:30']],
    // 振替休日 (2026-05-06) and 国民の休日 (2026-09-22).
    ['2026-05-06', []],
    ['2026-09-22', []],
  ])('%s', (date, expected) => {
    expect(starts(date)).toEqual(expected);
  });

  it('lists a range in time order, with the end and capacity of each slot, in Japan time', () => {
    const result = pickupSlots(SCHEDULE, calendar, d('2026-12-04'), d('2026-12-07'));
    expect(result.ok && result.value.map((slot) => slot.start)).toEqual([
      '2026-12-04T09:00:00+09:00',
      '2026-12-04T09:30:00+09:00',
      '2026-12-04T10:00:00+09:00',
      '2026-12-05T09:30:00+09:00',
      '2026-12-05T10:00:00+09:00',
      '2026-12-07T09:00:00+09:00',
      '2026-12-07T09:30:00+09:00',
      '2026-12-07T10:00:00+09:00',
      '2026-12-07T10:30:00+09:00',
    ]);
    expect(result.ok && result.value[0]).toEqual({ start: '2026-12-04T09:00:00+09:00', end: '2026-12-04T09:30:00+09:00', date: '2026-12-04', capacity: 3 });
  });

  it.each([
    ['2026-11-30T09:30:00+09:00', '2026-11-30T09:30:00+09:00'],
    // The same moment in UTC: 00:30Z is 9:30 in Japan.
    ['2026-11-30T00:30:00Z', '2026-11-30T09:30:00+09:00'],
    // 23:00 UTC on the Sunday is 8:00 on Monday in Japan: before the opening.
    ['2026-11-29T23:00:00Z', undefined],
    ['2026-11-30T09:15:00+09:00', undefined],
    ['2026-11-30T10:30:00+09:00', '2026-11-30T10:30:00+09:00'],
    // 11:00 is the closing, not a slot.
    ['2026-11-30T11:00:00+09:00', undefined],
    ['2026-11-23T09:00:00+09:00', undefined],
    ['2026-11-30T09:30', undefined],
    ['not a time', undefined],
  ])('the slot at %s', (moment, expected) => {
    const result = pickupSlotAt(SCHEDULE, calendar, moment);
    expect(result.ok && result.value?.start).toBe(expected);
  });

  it('tells why a day has no slots', () => {
    const reason = (date: string) => {
      const day = pickupDay(SCHEDULE, calendar, d(date));
      return day.ok && (day.value.open ? 'open' : day.value.reason);
    };
    expect([reason('2026-11-30'), reason('2026-11-23'), reason('2026-12-30'), reason('2026-12-02'), reason('2026-12-06')]).toEqual([
      'open',
      'national-holiday',
      'year-end',
      'office-closure',
      'no-hours',
    ]);
  });

  it('refuses days outside the holiday data rather than guess', () => {
    const result = pickupSlots(SCHEDULE, calendar, d('2051-01-01'), d('2051-01-02'));
    expect(result.ok || result.error.code).toBe('CALENDAR.OUT_OF_RANGE');
  });

  it('writes moments with seconds or zones other than Japan as Japan time', () => {
    expect(toJapanTime('2026-11-30T01:00:00+01:00')).toBe('2026-11-30T09:00:00+09:00');
    expect(toJapanTime('2026-11-30T09:00:30+09:00')).toBeUndefined();
  });
});
