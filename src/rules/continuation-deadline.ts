import { Type, type Static } from 'typebox';
import type { RuleContext } from './context.ts';
import { type Result, success } from './result.ts';
import { shiftDeadline } from './move-in-deadline.ts';
import { addDays } from './plain-date.ts';
import { DateField, InputObject } from './schema.ts';

export const ContinuationDeadlineInput = InputObject(
  { moveInNotificationDate: DateField('The day the 転入届 was filed') },
  'A card brought into the city, to be presented for continued use (継続利用)',
);
export type ContinuationDeadlineInput = Static<typeof ContinuationDeadlineInput>;
export const ContinuationDeadlineOutput = Type.Object({
  deadline: DateField('The last day to present the card for continued use'),
  lapsesOn: DateField('The day the card is abolished if it has not been presented'),
  movedForHoliday: Type.Boolean(),
});
export type ContinuationDeadlineOutput = Static<typeof ContinuationDeadlineOutput>;

/**
 * R-8 `continuation-deadline` (seed: 転入届の届出日から90日以内; counting and shift L): the
 * 90 days are counted from the notification day itself (起算して), so day 90 is the
 * notification date + 89; a day 90 on a closed day moves to the next business day (the card is
 * handed in to the city, 地方自治法4条の2④). The card is abolished (廃止) the day after.
 */
export function continuationDeadline(input: ContinuationDeadlineInput, context: RuleContext): Result<ContinuationDeadlineOutput> {
  const { policy } = context;
  const lastDay = addDays(input.moveInNotificationDate, policy.continuationDays - 1);
  const shifted = shiftDeadline(context, lastDay, policy.holidayShift.continuation);
  if (!shifted.ok) return shifted;
  const { deadline, movedForHoliday } = shifted.value;
  return success({ deadline, lapsesOn: addDays(deadline, 1), movedForHoliday });
}
