import { Type, type Static } from 'typebox';
import type { RuleContext } from './context.ts';
import { type Result, success } from './result.ts';
import { addMonthsClamped } from './plain-date.ts';
import { DateField, DateSchema, InputObject } from './schema.ts';

export const RenewalWindowInput = InputObject(
  { expiryDate: DateField("The card's expiry"), today: Type.Optional(DateSchema) },
  'A card expiring on expiryDate',
);
export type RenewalWindowInput = Static<typeof RenewalWindowInput>;
export const RenewalWindowOutput = Type.Object({
  opensOn: DateSchema,
  closesOn: DateSchema,
  open: Type.Optional(Type.Boolean({ description: 'Whether renewal is possible on `today`; only when `today` was given' })),
});
export type RenewalWindowOutput = Static<typeof RenewalWindowOutput>;

/**
 * R-6 `renewal-window` (seed, C: 有効期間が満了する日までの期間が3か月未満となり更新する場合;
 * the exact first day is a decision): renewal opens on the same day number 3 months before
 * expiry, or that month's last day when it has no such day (2026-05-31 → 2026-02-28), and
 * stays open until the expiry day. Renewal is free.
 */
export function renewalWindow(input: RenewalWindowInput, context: RuleContext): Result<RenewalWindowOutput> {
  const opensOn = addMonthsClamped(input.expiryDate, -context.policy.renewalWindowMonths);
  const closesOn = input.expiryDate;
  if (input.today === undefined) return success({ opensOn, closesOn });
  return success({ opensOn, closesOn, open: opensOn <= input.today && input.today <= closesOn });
}
