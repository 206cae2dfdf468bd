import { Type, type Static } from 'typebox';
import { ClosureReason, dayStatus, nextBusinessDay as nextOpenDay } from './calendar.ts';
import type { RuleContext } from './context.ts';
import { type Result, success } from './result.ts';
import { DateSchema, InputObject } from './schema.ts';

export const BusinessDayInput = InputObject({ date: DateSchema }, 'A date to check against the municipal calendar');
export type BusinessDayInput = Static<typeof BusinessDayInput>;
export const BusinessDayOutput = Type.Object({
  businessDay: Type.Boolean(),
  reason: Type.Optional(Type.Enum(Object.values(ClosureReason), { description: 'Why the office is closed, the first that applies' })),
  holidayName: Type.Optional(Type.String({ description: 'The national holiday on that day, in Japanese' })),
  holidayNameEn: Type.Optional(Type.String({ description: 'The national holiday on that day, in English' })),
});
export type BusinessDayOutput = Static<typeof BusinessDayOutput>;

export const NextBusinessDayOutput = Type.Object({ date: DateSchema });
export type NextBusinessDayOutput = Static<typeof NextBusinessDayOutput>;

/** R-9 `business-day` (C): whether the city office is open; see `dayStatus`. */
export function businessDay(input: BusinessDayInput, context: RuleContext): Result<BusinessDayOutput> {
  const status = dayStatus(context.calendar, input.date);
  if (!status.ok) return status;
  const { businessDay, reason, holiday } = status.value;
  return success({
    businessDay,
    ...(reason && { reason }),
    ...(holiday && { holidayName: holiday.name, holidayNameEn: holiday.nameEn }),
  });
}

/** R-9 `next-business-day` (C): the date itself when the office is open, else the next open day. */
export function nextBusinessDay(input: BusinessDayInput, context: RuleContext): Result<NextBusinessDayOutput> {
  const next = nextOpenDay(context.calendar, input.date);
  if (!next.ok) return next;
  return success({ date: next.value });
}
