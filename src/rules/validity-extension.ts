import { Type, type Static } from 'typebox';
import { ExpiryBasis, standardExpiry } from './card-expiry.ts';
import type { RuleContext } from './context.ts';
import { RuleErrorCode } from './errors.ts';
import { type Result, refuse, refuseField, success } from './result.ts';
import { endOfMonthsPeriod, type PlainDate } from './plain-date.ts';
import { DateField, DateSchema, InputObject } from './schema.ts';

export const ValidityExtensionInput = InputObject(
  {
    birthDate: DateSchema,
    cardIssueDate: DateField("The card's 発行日"),
    currentExpiryDate: DateField("The card's expiry today"),
    today: DateSchema,
    newPeriodOfStayEnd: Type.Optional(DateField('The end of the renewed or changed period of stay')),
    applicationPending: Type.Optional(
      Type.Boolean({ description: 'A renewal of the period of stay was applied for and is not yet decided (特例期間)' }),
    ),
    currentPeriodOfStayEnd: Type.Optional(DateField('The end of the current period of stay; needed with applicationPending')),
  },
  "A foreign resident's card to be extended with the period of stay",
);
export type ValidityExtensionInput = Static<typeof ValidityExtensionInput>;
export const ValidityExtensionOutput = Type.Object({
  expiryDate: DateSchema,
  basis: Type.Enum([ExpiryBasis.TenthBirthday, ExpiryBasis.FifthBirthday, ExpiryBasis.PeriodOfStay, ExpiryBasis.SpecialPeriod]),
});
export type ValidityExtensionOutput = Static<typeof ValidityExtensionOutput>;

/**
 * R-5 `validity-extension` (seed, C): a foreign resident's card follows the period of stay,
 * up to the standard expiry of the card's own issue date (10th birthday, 5th for those under
 * 18 — under 20 before 2022-04-01), and only while the card is still valid. During the
 * 特例期間 (入管法20条6項) the stay lasts until the decision, at most 2 months after the current
 * period ends; those 2 months are counted as a legal period (民法140・143条: from the day after,
 * ending the day before the corresponding day, or at the end of a month that has none).
 * No new photo is needed.
 */
export function validityExtension(input: ValidityExtensionInput, context: RuleContext): Result<ValidityExtensionOutput> {
  const { birthDate, cardIssueDate, currentExpiryDate, today, newPeriodOfStayEnd, applicationPending, currentPeriodOfStayEnd } =
    input;
  if (cardIssueDate < birthDate) return refuseField('cardIssueDate', `${cardIssueDate} is before birthDate ${birthDate}`);
  if (currentExpiryDate < cardIssueDate) {
    return refuseField('currentExpiryDate', `${currentExpiryDate} is before cardIssueDate ${cardIssueDate}`);
  }
  let candidate: PlainDate;
  let candidateBasis: typeof ExpiryBasis.PeriodOfStay | typeof ExpiryBasis.SpecialPeriod;
  if (newPeriodOfStayEnd !== undefined) {
    if (applicationPending) {
      return refuseField('applicationPending', 'give either newPeriodOfStayEnd (decided) or applicationPending (not yet decided), not both');
    }
    candidate = newPeriodOfStayEnd;
    candidateBasis = ExpiryBasis.PeriodOfStay;
  } else if (applicationPending) {
    if (currentPeriodOfStayEnd === undefined) return refuseField('currentPeriodOfStayEnd', 'is required with applicationPending');
    candidate = endOfMonthsPeriod(currentPeriodOfStayEnd, context.policy.specialPeriodMonths);
    candidateBasis = ExpiryBasis.SpecialPeriod;
  } else {
    return refuseField('newPeriodOfStayEnd', 'is required, or applicationPending: true with currentPeriodOfStayEnd');
  }
  if (today > currentExpiryDate) {
    return refuse(RuleErrorCode.CardExpired, `the card expired on ${currentExpiryDate}; a new card is needed instead`);
  }
  const ceiling = standardExpiry(birthDate, cardIssueDate, context.policy);
  const result =
    candidate < ceiling.expiryDate ? { expiryDate: candidate, basis: candidateBasis } : { expiryDate: ceiling.expiryDate, basis: ceiling.basis };
  if (result.expiryDate <= currentExpiryDate) {
    return refuse(
      RuleErrorCode.NothingToExtend,
      `the card already runs to ${currentExpiryDate}; the new end ${result.expiryDate} does not extend it`,
    );
  }
  return success(result);
}
