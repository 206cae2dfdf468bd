import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dates, evaluate, oracleAddDays, value } from '../../test/support/rules.ts';
import { createRuleContext } from './context.ts';
import { DEFAULT_POLICY } from './policy.ts';
import { lastReadyOnDue } from './pickup-deadline.ts';
import { addMonthsClamped, type PlainDate } from './plain-date.ts';

describe('R-19 pickup-deadline', () => {
  it.each([
    ['ready on Aug 31: Nov 30, and the last day of February', '2026-08-31', '2026-11-30', '2027-02-27', '2027-02-28'],
    ['ready on Aug 29, destroyed on Feb 29 of a leap year', '2027-08-29', '2027-11-29', '2028-02-28', '2028-02-29'],
    ['ready on Aug 30 of a common year', '2026-08-30', '2026-11-30', '2027-02-27', '2027-02-28'],
    ['ready on May 31', '2026-05-31', '2026-08-31', '2026-11-29', '2026-11-30'],
    ['ready on Sep 30', '2026-09-30', '2026-12-30', '2027-03-29', '2027-03-30'],
    ['ready in December, across the new year', '2026-12-15', '2027-03-15', '2027-06-14', '2027-06-15'],
    ['ready on Mar 1: collected by the end of August', '2027-03-01', '2027-06-01', '2027-08-31', '2027-09-01'],
  ])('%s', (_, readyOn, reminderOn, collectBy, discardOn) => {
    expect(evaluate('pickup-deadline', { readyOn })).toEqual({ noticeOn: readyOn, reminderOn, collectBy, discardOn });
  });

  it('follows the months of the policy', () => {
    const context = createRuleContext({ ...DEFAULT_POLICY, pickup: { reminderMonths: 1, keepMonths: 2 } });
    expect(evaluate('pickup-deadline', { readyOn: '2026-12-31' }, context)).toEqual({
      noticeOn: '2026-12-31',
      reminderOn: '2027-01-31',
      collectBy: '2027-02-27',
      discardOn: '2027-02-28',
    });
  });

  it.each([[{}, ['/readyOn']], [{ readyOn: '2026-02-29' }, ['/readyOn']]])('refuses %j', (input, pointers) => {
    expect(evaluate('pickup-deadline', input)).toEqual({ error: 'INPUT.INVALID', pointers });
  });

  it('sends the notice, then the reminder, and destroys the card last, the day after the last day to collect it', () => {
    fc.assert(
      fc.property(dates(), (readyOn) => {
        const { noticeOn, reminderOn, collectBy, discardOn } = value('pickup-deadline', { readyOn });
        expect(noticeOn).toBe(readyOn);
        expect(readyOn < reminderOn && reminderOn < collectBy && collectBy < discardOn).toBe(true);
        expect(oracleAddDays(collectBy, 1)).toBe(discardOn);
        expect(reminderOn >= oracleAddDays(readyOn, 89) && reminderOn <= oracleAddDays(readyOn, 92)).toBe(true);
        expect(discardOn >= oracleAddDays(readyOn, 181) && discardOn <= oracleAddDays(readyOn, 184)).toBe(true);
      }),
    );
  });
});

describe('lastReadyOnDue: the cards due a step of R-19 by a date, as an index bound', () => {
  it.each([
    ['2027-02-28', '2026-08-31'],
    ['2027-02-27', '2026-08-27'],
    ['2028-02-29', '2027-08-31'],
    ['2028-02-28', '2027-08-28'],
    ['2027-03-01', '2026-09-01'],
    ['2026-11-30', '2026-05-31'],
  ])('discard by %s: ready on or before %s', (date, bound) => {
    expect(lastReadyOnDue(date as PlainDate, 6)).toBe(bound);
  });

  it('agrees with the rule for every day', () => {
    fc.assert(
      fc.property(dates(), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 12 }), (readyOn, offset, months) => {
        const date = oracleAddDays(addMonthsClamped(readyOn as PlainDate, months), offset - 20) as PlainDate;
        expect(addMonthsClamped(readyOn as PlainDate, months) <= date).toBe(readyOn <= lastReadyOnDue(date, months));
      }),
    );
  });
});
