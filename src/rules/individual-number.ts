import { Type, type Static } from 'typebox';
import { type Result, success } from './result.ts';
import { InputObject } from './schema.ts';

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

const FULL_WIDTH_DIGIT = /[０-９]/g;
const TWELVE_DIGITS = /^\d{12}$/;

/** Full-width digits (０-９) as ASCII digits, as a clerk or a form may type them. */
export function normalizeDigits(text: string): string {
  return text.replace(FULL_WIDTH_DIGIT, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

/**
 * The check digit for the first eleven digits of an individual number (R-11, C: 番号法施行令8条,
 * 命令5条): with the digits read from the right as P1…P11 and weights Qn = n+1 for n ≤ 6 and
 * n−5 for n ≥ 7, it is 11 − (Σ Pn·Qn mod 11), or 0 when that remainder is 0 or 1.
 */
export function checkDigitOf(firstEleven: string): number {
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const digit = firstEleven.charCodeAt(11 - n) - 48;
    sum += digit * (n <= 6 ? n + 1 : n - 5);
  }
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

/** R-11 `individual-number`: format and check digit; not whether the number was ever assigned. */
export function individualNumber(input: IndividualNumberInput): Result<IndividualNumberOutput> {
  const digits = normalizeDigits(input.number);
  if (!TWELVE_DIGITS.test(digits)) return success({ valid: false, reason: 'format' });
  const checkDigit = checkDigitOf(digits);
  if (digits.charCodeAt(11) - 48 !== checkDigit) return success({ valid: false, checkDigit, reason: 'check-digit' });
  return success({ valid: true, checkDigit });
}
