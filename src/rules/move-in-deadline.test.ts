import { describe, expect, it } from 'vitest';
import { evaluate } from '../../test/support/rules.ts';
import { createRuleContext } from './context.ts';
import { DEFAULT_POLICY } from './policy.ts';

describe('R-7 move-in-deadline', () => {
  it.each([
    ['an ordinary Monday', '2026-06-01', '2026-06-15', false],
    ['海の日 (2026-07-20)', '2026-07-06', '2026-07-21', true],
    ['a Sunday in Golden Week (憲法記念日)', '2026-04-19', '2026-05-07', true],
    ['a 振替休日 (2026-05-06)', '2026-04-22', '2026-05-07', true],
    ['the 国民の休日 2026-09-22, then 秋分の日', '2026-09-08', '2026-09-24', true],
    ['a Saturday', '2026-10-03', '2026-10-19', true],
    ['the year-end days', '2026-12-15', '2027-01-04', true],
  ])('14 days after the move, moved off %s', (_, moveInDate, deadline, movedForHoliday) => {
    expect(evaluate('move-in-deadline', { moveInDate })).toEqual({ deadline, basis: '14-days-after-move-in', movedForHoliday });
  });

  it('ends 30 days after the planned move-out when that is earlier', () => {
    expect(evaluate('move-in-deadline', { moveInDate: '2026-06-20', plannedMoveOutDate: '2026-05-10' })).toEqual({
      deadline: '2026-06-09',
      basis: '30-days-after-planned-move-out',
      movedForHoliday: false,
    });
  });
  it('keeps the 14 days when both fall on the same day or the move-out is later', () => {
    for (const plannedMoveOutDate of ['2026-05-16', '2026-06-10']) {
      expect(evaluate('move-in-deadline', { moveInDate: '2026-06-01', plannedMoveOutDate })).toEqual({
        deadline: '2026-06-15',
        basis: '14-days-after-move-in',
        movedForHoliday: false,
      });
    }
  });
  it('does not move the deadline when the policy says so', () => {
    const context = createRuleContext({ ...DEFAULT_POLICY, holidayShift: { moveIn: 'none', continuation: 'next-business-day' } });
    expect(evaluate('move-in-deadline', { moveInDate: '2026-07-06' }, context)).toEqual({
      deadline: '2026-07-20',
      basis: '14-days-after-move-in',
      movedForHoliday: false,
    });
  });
  it('refuses a deadline beyond the holiday data', () => {
    expect(evaluate('move-in-deadline', { moveInDate: '2050-12-20' })).toEqual({ error: 'CALENDAR.OUT_OF_RANGE', pointers: [] });
  });
  it('refuses a malformed date', () => {
    expect(evaluate('move-in-deadline', { moveInDate: '2026/07/06' })).toEqual({ error: 'INPUT.INVALID', pointers: ['/moveInDate'] });
  });
});
