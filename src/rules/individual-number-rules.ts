/**
 * R-11's arithmetic (C: 番号法施行令8条, 命令5条), with no schema: the records service and the
 * public rule check numbers with it, and the counter app checks one before it sends it.
 */
const FULL_WIDTH_DIGIT = /[０-９]/g;
const TWELVE_DIGITS = /^\d{12}$/;

/** Full-width digits (０-９) as ASCII digits, as a clerk or a form may type them. */
export function normalizeDigits(text: string): string {
  return text.replace(FULL_WIDTH_DIGIT, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

/**
 * The check digit for the first eleven digits of an individual number: with the digits read
 * from the right as P1…P11 and weights Qn = n+1 for n ≤ 6 and n−5 for n ≥ 7, it is
 * 11 − (Σ Pn·Qn mod 11), or 0 when that remainder is 0 or 1.
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

export type IndividualNumberCheck =
  | { readonly valid: true; readonly digits: string; readonly checkDigit: number }
  | { readonly valid: false; readonly reason: 'format' }
  | { readonly valid: false; readonly reason: 'check-digit'; readonly checkDigit: number };

/** Format (12 digits, full-width accepted) and check digit; not whether the number was ever assigned. */
export function checkIndividualNumber(text: string): IndividualNumberCheck {
  const digits = normalizeDigits(text);
  if (!TWELVE_DIGITS.test(digits)) return { valid: false, reason: 'format' };
  const checkDigit = checkDigitOf(digits);
  if (digits.charCodeAt(11) - 48 !== checkDigit) return { valid: false, reason: 'check-digit', checkDigit };
  return { valid: true, digits, checkDigit };
}
