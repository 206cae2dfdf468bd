import { Type, type Static } from 'typebox';
import type { RuleContext } from './context.ts';
import { type Result, refuseField, success } from './result.ts';
import { dayOf, formatPlainDate, isLeapYear, monthOf, yearOf, type PlainDate } from './plain-date.ts';
import type { Policy } from './policy.ts';
import { DateSchema, InputObject } from './schema.ts';

export const NthBirthdayAfterInput = InputObject(
  {
    birthDate: DateSchema,
    after: DateSchema,
    n: Type.Integer({ minimum: 1, maximum: 20, description: '1 for the first birthday after `after`' }),
  },
  'The n-th birthday strictly after a date',
);
export type NthBirthdayAfterInput = Static<typeof NthBirthdayAfterInput>;
export const NthBirthdayAfterOutput = Type.Object({ date: DateSchema });
export type NthBirthdayAfterOutput = Static<typeof NthBirthdayAfterOutput>;

/**
 * The birthday in `year` of someone born on `birthDate`. For a Feb 29 birth in a common year
 * the policy decides (R-2, decision, U): Feb 28 by default, as 道路交通法 does, so that no card
 * claims a day of validity the law may not grant.
 */
export function birthdayIn(birthDate: PlainDate, year: number, policy: Pick<Policy, 'feb29Birthday'>): PlainDate {
  const month = monthOf(birthDate);
  const day = dayOf(birthDate);
  if (month === 2 && day === 29 && !isLeapYear(year)) {
    return policy.feb29Birthday === 'feb-28' ? formatPlainDate(year, 2, 28) : formatPlainDate(year, 3, 1);
  }
  return formatPlainDate(year, month, day);
}

/**
 * The n-th birthday strictly after `after`: a birthday on `after` itself does not count.
 * The caller guarantees `after` is not before `birthDate`, so the day of birth never counts.
 */
export function nthBirthdayAfterDate(
  birthDate: PlainDate,
  after: PlainDate,
  n: number,
  policy: Pick<Policy, 'feb29Birthday'>,
): PlainDate {
  const year = yearOf(after);
  const first = birthdayIn(birthDate, year, policy) > after ? year : year + 1;
  return birthdayIn(birthDate, first + n - 1, policy);
}

/** R-2 `nth-birthday-after`. */
export function nthBirthdayAfter(input: NthBirthdayAfterInput, context: RuleContext): Result<NthBirthdayAfterOutput> {
  if (input.after < input.birthDate) return refuseField('after', `${input.after} is before birthDate ${input.birthDate}`);
  return success({ date: nthBirthdayAfterDate(input.birthDate, input.after, input.n, context.policy) });
}
