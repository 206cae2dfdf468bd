import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certificateRenewalOpensOn } from './certificate-renewal-window.ts';
import { continuationNotices, expiredNotice, NOTICE_KINDS, noticeRange, periodOfStayNotice } from './notice-dates.ts';
import { addDays, addMonthsClamped, plainDate, type PlainDate } from './plain-date.ts';
import { DEFAULT_POLICY } from './policy.ts';

const d = (date: string) => plainDate(date);

describe('notice dates (letters before a deadline, policy noticeDays)', () => {
  it('reminds of a continuation 30 and 7 days before its deadline', () => {
    expect(continuationNotices(d('2027-01-04'), DEFAULT_POLICY)).toEqual([
      { noticeOn: '2026-12-05', deadline: '2027-01-04', daysBefore: 30 },
      { noticeOn: '2026-12-28', deadline: '2027-01-04', daysBefore: 7 },
    ]);
    expect(continuationNotices(d('2027-01-04'), { noticeDays: { continuationReminders: [14], periodOfStay: 60 } })).toEqual([{ noticeOn: '2026-12-21', deadline: '2027-01-04', daysBefore: 14 }]);
  });

  it('writes 60 days before a period of stay ends, naming the card’s expiry, and the day after a card expired', () => {
    expect(periodOfStayNotice(d('2027-03-31'), d('2027-03-31'), DEFAULT_POLICY)).toEqual({ noticeOn: '2027-01-30', deadline: '2027-03-31' });
    expect(expiredNotice(d('2026-12-31'))).toEqual({ noticeOn: '2027-01-01', deadline: null });
  });

  it('asks the records for every card whose letter can fall in the range (any range, any kind)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 4000 }), (start, length, expiryOffset) => {
        const from = addDays(d('2024-01-01'), start);
        const to = addDays(from, length);
        const expiry: PlainDate = addDays(d('2024-01-01'), expiryOffset);
        const within = (date: PlainDate, range: { from: PlainDate; to: PlainDate }) => range.from <= date && date <= range.to;
        // A card whose expiry letter falls in [from, to] is asked for.
        if (within(expiredNotice(expiry).noticeOn, { from, to })) expect(within(expiry, noticeRange('expired-not-returned', from, to, DEFAULT_POLICY))).toBe(true);
        // A reminder in the range: its card lapses (deadline + 1) inside the range asked for.
        // A certificate whose renewal window opens in the range (R-14, clamped to a month's end) is asked for.
        if (within(certificateRenewalOpensOn(expiry, DEFAULT_POLICY), { from, to })) {
          expect(within(expiry, noticeRange('certificate-renewal-window', from, to, DEFAULT_POLICY))).toBe(true);
        }
        // the 交付通知書 on the arrival day, and the reminder N months after it (clamped to a month's end).
        const readyOn = expiry;
        if (within(readyOn, { from, to })) expect(within(readyOn, noticeRange('pickup-notice', from, to, DEFAULT_POLICY))).toBe(true);
        const reminderOn = addMonthsClamped(readyOn, DEFAULT_POLICY.pickup.reminderMonths);
        expect(within(readyOn, noticeRange('pickup-reminder', from, to, DEFAULT_POLICY))).toBe(within(reminderOn, { from, to }));
        for (const reminder of continuationNotices(expiry, DEFAULT_POLICY)) {
          if (within(reminder.noticeOn, { from, to })) expect(within(addDays(expiry, 1), noticeRange('continuation-deadline', from, to, DEFAULT_POLICY))).toBe(true);
        }
      }),
    );
    expect(NOTICE_KINDS).toHaveLength(7);
  });
});
