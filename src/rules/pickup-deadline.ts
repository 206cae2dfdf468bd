import { Type, type Static } from 'typebox';
import type { RuleContext } from './context.ts';
import { type Result, success } from './result.ts';
import { addDays, addMonthsClamped, type PlainDate } from './plain-date.ts';
import { DateField, InputObject } from './schema.ts';

export const PickupDeadlineInput = InputObject(
  { readyOn: DateField('The day the card arrived at its counter (ready, 交付待ち)') },
  'A card waiting at its counter since readyOn',
);
export type PickupDeadlineInput = Static<typeof PickupDeadlineInput>;
export const PickupDeadlineOutput = Type.Object({
  noticeOn: DateField('The 交付通知書 goes out'),
  reminderOn: DateField('A reminder goes out if the card is still waiting'),
  collectBy: DateField('The last day the card can be collected: the day before discardOn'),
  discardOn: DateField('The nightly sweep of this day destroys the card (廃棄) if it is still waiting'),
});
export type PickupDeadlineOutput = Static<typeof PickupDeadlineOutput>;

/**
 * R-19 `pickup-deadline` (decision): the 交付通知書 on the day the card is ready, a reminder
 * `pickup.reminderMonths` later, and destruction `pickup.keepMonths` later, both by the R
 * conventions for months (the same day number, or the month's last day: ready 2026-08-31, reminder
 * 2026-11-30, destroyed 2027-02-28). The sweep of `discardOn` destroys the card before the counter
 * opens, as it abolishes a lapsed card on R-8's `lapsesOn`, so `collectBy`, the date the letters
 * print, is the day before (decision). The card then becomes `abolished` (reason `uncollected`)
 * and a new application is needed, free of the reissue fee since no card was handed over.
 */
export function pickupDeadline(input: PickupDeadlineInput, context: RuleContext): Result<PickupDeadlineOutput> {
  const { reminderMonths, keepMonths } = context.policy.pickup;
  const discardOn = addMonthsClamped(input.readyOn, keepMonths);
  return success({ noticeOn: input.readyOn, reminderOn: addMonthsClamped(input.readyOn, reminderMonths), collectBy: addDays(discardOn, -1), discardOn });
}

/**
 * The last `readyOn` whose date `months` later (R conventions) has come by `date`: the cards that
 * arrived on or before it are due what follows `months` after arrival (the reminder, the
 * discard). Adding months is monotone, so this is the bound of an index range: `date − months`,
 * moved on over the days that clamp onto `date` at a month's end (ready Aug 29–31, discarded
 * Feb 28 of a common year).
 */
export function lastReadyOnDue(date: PlainDate, months: number): PlainDate {
  let bound = addMonthsClamped(date, -months);
  while (bound > date || addMonthsClamped(bound, months) > date) bound = addDays(bound, -1);
  while (addMonthsClamped(addDays(bound, 1), months) <= date) bound = addDays(bound, 1);
  return bound;
}
