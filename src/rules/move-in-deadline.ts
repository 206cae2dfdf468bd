import { Type, type Static } from 'typebox';
import { nextBusinessDay } from './calendar.ts';
import type { RuleContext } from './context.ts';
import { type Result, success } from './result.ts';
import { addDays, type PlainDate } from './plain-date.ts';
import type { Policy } from './policy.ts';
import { DateField, InputObject } from './schema.ts';

export const MoveInBasis = {
  FourteenDaysAfterMoveIn: '14-days-after-move-in',
  ThirtyDaysAfterPlannedMoveOut: '30-days-after-planned-move-out',
} as const;
export type MoveInBasis = (typeof MoveInBasis)[keyof typeof MoveInBasis];

export const MoveInDeadlineInput = InputObject(
  {
    moveInDate: DateField('The day living at the new address began'),
    plannedMoveOutDate: Type.Optional(DateField('転出予定日 given in the 転出届 to the previous municipality')),
  },
  'A move into the city with a My Number Card',
);
export type MoveInDeadlineInput = Static<typeof MoveInDeadlineInput>;
export const MoveInDeadlineOutput = Type.Object({
  deadline: DateField('The last day to file the 転入届'),
  basis: Type.Enum(Object.values(MoveInBasis)),
  movedForHoliday: Type.Boolean({ description: 'The deadline fell on a closed day and was moved to the next business day' }),
});
export type MoveInDeadlineOutput = Static<typeof MoveInDeadlineOutput>;

/** A deadline moved off a closed day when the policy says so (地方自治法4条の2④). */
export function shiftDeadline(
  context: RuleContext,
  day: PlainDate,
  shift: Policy['holidayShift'][keyof Policy['holidayShift']],
): Result<{ deadline: PlainDate; movedForHoliday: boolean }> {
  if (shift === 'none') return success({ deadline: day, movedForHoliday: false });
  const next = nextBusinessDay(context.calendar, day);
  if (!next.ok) return next;
  return success({ deadline: next.value, movedForHoliday: next.value !== day });
}

/**
 * R-7 `move-in-deadline` (C; seed wording): the 転入届 is due 14 days after living at the new
 * address began (住基法22条); a card moves with its holder only while the special move rule of
 * 住基法24条の2 lasts, which ends 30 days after the planned move-out day, so the earlier of the
 * two wins. A deadline on a closed day moves to the next business day (地方自治法4条の2④).
 * The seed's simpler advice ("within 14 days of the move-out date") is the guide's business.
 */
export function moveInDeadline(input: MoveInDeadlineInput, context: RuleContext): Result<MoveInDeadlineOutput> {
  const { policy } = context;
  const afterMoveIn = addDays(input.moveInDate, policy.moveInDays);
  const afterMoveOut = input.plannedMoveOutDate === undefined ? undefined : addDays(input.plannedMoveOutDate, policy.specialMoveOutDays);
  const [day, basis] =
    afterMoveOut !== undefined && afterMoveOut < afterMoveIn
      ? [afterMoveOut, MoveInBasis.ThirtyDaysAfterPlannedMoveOut]
      : [afterMoveIn, MoveInBasis.FourteenDaysAfterMoveIn];
  const shifted = shiftDeadline(context, day, policy.holidayShift.moveIn);
  if (!shifted.ok) return shifted;
  return success({ deadline: shifted.value.deadline, basis, movedForHoliday: shifted.value.movedForHoliday });
}
