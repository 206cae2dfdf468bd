import { Type, type Static } from 'typebox';
import { checkIndividualNumber } from './individual-number-rules.ts';
import { type Result, success } from './result.ts';
import { InputObject } from './schema.ts';

export { checkDigitOf, normalizeDigits } from './individual-number-rules.ts';

export const IndividualNumberInput = InputObject(
  { number: Type.String({ description: '12 digits; full-width digits are accepted', maxLength: 64 }) },
  'An individual number (個人番号) to check',
);
export type IndividualNumberInput = Static<typeof IndividualNumberInput>;
export const IndividualNumberOutput = Type.Object({
  valid: Type.Boolean(),
  checkDigit: Type.Optional(Type.Integer({ minimum: 0, maximum: 9, description: 'The check digit the first 11 digits call for' })),
  reason: Type.Optional(Type.Enum(['format', 'check-digit'])),
});
export type IndividualNumberOutput = Static<typeof IndividualNumberOutput>;

/** R-11 `individual-number`: the format and check digit of `individual-number-rules.ts`. */
export function individualNumber(input: IndividualNumberInput): Result<IndividualNumberOutput> {
  const check = checkIndividualNumber(input.number);
  if (check.valid) return success({ valid: true, checkDigit: check.checkDigit });
  return success(check.reason === 'format' ? { valid: false, reason: 'format' } : { valid: false, checkDigit: check.checkDigit, reason: 'check-digit' });
}
