import { describe, expect, it } from 'vitest';
import { evaluate } from '../../test/support/rules.ts';
import { createRuleContext } from './context.ts';
import { DEFAULT_POLICY } from './policy.ts';

describe('R-8 continuation-deadline: 90 days counting the notification day', () => {
  it.each([
    ['day 90 on a Monday', '2026-06-03', '2026-08-31', '2026-09-01', false],
    ['day 90 on a Saturday', '2026-06-01', '2026-08-31', '2026-09-01', true],
    ['day 90 in the year-end days', '2026-10-01', '2027-01-04', '2027-01-05', true],
    ['day 90 on the 国民の休日', '2026-06-25', '2026-09-24', '2026-09-25', true],
  ])('%s', (_, moveInNotificationDate, deadline, lapsesOn, movedForHoliday) => {
    expect(evaluate('continuation-deadline', { moveInNotificationDate })).toEqual({ deadline, lapsesOn, movedForHoliday });
  });
  it('keeps day 90 when the policy does not move deadlines', () => {
    const context = createRuleContext({ ...DEFAULT_POLICY, holidayShift: { moveIn: 'next-business-day', continuation: 'none' } });
    expect(evaluate('continuation-deadline', { moveInNotificationDate: '2026-06-01' }, context)).toEqual({
      deadline: '2026-08-29',
      lapsesOn: '2026-08-30',
      movedForHoliday: false,
    });
  });
  it('refuses a missing date', () => {
    expect(evaluate('continuation-deadline', {})).toEqual({ error: 'INPUT.INVALID', pointers: ['/moveInNotificationDate'] });
  });
});
