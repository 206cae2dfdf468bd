import { Type, type Static } from 'typebox';
import { ageOn } from './age-rules.ts';
import { nthBirthdayAfterDate } from './birthday.ts';
import type { RuleContext } from './context.ts';
import { type Result, refuseField, success } from './result.ts';
import type { PlainDate } from './plain-date.ts';
import type { Policy } from './policy.ts';
import { Residency, ResidencySchema } from './residency.ts';
import { DateField, DateSchema, InputObject } from './schema.ts';

export const ExpiryBasis = {
  TenthBirthday: '10th-birthday',
  FifthBirthday: '5th-birthday',
  PeriodOfStay: 'period-of-stay',
  SpecialPeriod: 'special-period',
} as const;
export type ExpiryBasis = (typeof ExpiryBasis)[keyof typeof ExpiryBasis];

export const CardExpiryInput = InputObject(
  {
    birthDate: DateSchema,
    issueDate: DateField("The card's 発行日 (the day it was made), not the hand-over day"),
    residency: Type.Optional(ResidencySchema),
    periodOfStayEnd: Type.Optional(DateSchema),
  },
  'A card being made on issueDate for a person born on birthDate',
);
export type CardExpiryInput = Static<typeof CardExpiryInput>;
export const CardExpiryOutput = Type.Object({
  expiryDate: DateSchema,
  basis: Type.Enum([ExpiryBasis.TenthBirthday, ExpiryBasis.FifthBirthday, ExpiryBasis.PeriodOfStay]),
  adultAtIssue: Type.Boolean(),
});
export type CardExpiryOutput = Static<typeof CardExpiryOutput>;

/** The age of majority that governed a card issued on `date` (R-3: 20 before 2022-04-01, then 18). */
export function adultAgeOn(date: PlainDate, policy: Pick<Policy, 'adultAge'>): number {
  let age = policy.adultAge[0]!.age;
  for (const step of policy.adultAge) if (step.from <= date) age = step.age;
  return age;
}

export interface StandardExpiry {
  readonly expiryDate: PlainDate;
  readonly basis: typeof ExpiryBasis.TenthBirthday | typeof ExpiryBasis.FifthBirthday;
  readonly adultAtIssue: boolean;
}

/**
 * The standard validity of a card issued on `issueDate` (R-3, C; seed): to the 10th birthday
 * after issue for those adult on that day, else to the 5th. Adulthood is the age attained by
 * the end of the issue day, so a card made the day before the 18th birthday is an adult's.
 * The caller guarantees `issueDate` is not before `birthDate`.
 */
export function standardExpiry(birthDate: PlainDate, issueDate: PlainDate, policy: Policy): StandardExpiry {
  const adultAtIssue = ageOn(birthDate, issueDate) >= adultAgeOn(issueDate, policy);
  const birthdays = adultAtIssue ? policy.cardValidityBirthdays.adult : policy.cardValidityBirthdays.minor;
  return {
    expiryDate: nthBirthdayAfterDate(birthDate, issueDate, birthdays, policy),
    basis: adultAtIssue ? ExpiryBasis.TenthBirthday : ExpiryBasis.FifthBirthday,
    adultAtIssue,
  };
}

/**
 * R-3 `card-expiry` (C; seed). A card of a foreign resident with a period of stay ends with
 * that period when it ends before the standard expiry. A renewal is simply a new card with its
 * own issue date, so it needs no case of its own.
 */
export function cardExpiry(input: CardExpiryInput, context: RuleContext): Result<CardExpiryOutput> {
  const { birthDate, issueDate, periodOfStayEnd } = input;
  const residency = input.residency ?? Residency.National;
  if (issueDate < birthDate) return refuseField('issueDate', `${issueDate} is before birthDate ${birthDate}`);
  if (residency === Residency.ForeignWithPeriod) {
    if (periodOfStayEnd === undefined) return refuseField('periodOfStayEnd', 'is required when residency is foreign-with-period');
    if (periodOfStayEnd <= issueDate) {
      return refuseField('periodOfStayEnd', `${periodOfStayEnd} is not after issueDate ${issueDate}: the period of stay has ended`);
    }
  } else if (periodOfStayEnd !== undefined) {
    return refuseField('periodOfStayEnd', `is only for residency foreign-with-period, not ${residency}`);
  }
  const standard = standardExpiry(birthDate, issueDate, context.policy);
  if (periodOfStayEnd !== undefined && periodOfStayEnd < standard.expiryDate) {
    return success({ expiryDate: periodOfStayEnd, basis: ExpiryBasis.PeriodOfStay, adultAtIssue: standard.adultAtIssue });
  }
  return success(standard);
}
