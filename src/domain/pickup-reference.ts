/**
 * 照会番号: the reference number on a 交付通知書 (docs/pickup.md). Ten digits: nine drawn at random
 * by the app and a Luhn check digit, so that a mistyped digit or two swapped neighbours are told
 * apart from a number that does not exist, without saying anything about which numbers exist.
 */
export const PICKUP_REFERENCE_PATTERN = '^[0-9]{10}$';

function luhnDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    // From the right, every second digit of the payload (the first next to the check digit) is doubled.
    let digit = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** Nine digits with their check digit appended. */
export function pickupReferenceOf(nineDigits: string): string {
  if (!/^[0-9]{9}$/.test(nineDigits)) throw new RangeError(`a reference payload is nine digits, not ${JSON.stringify(nineDigits)}`);
  return nineDigits + String(luhnDigit(nineDigits));
}

/** Ten digits whose last one checks the other nine. */
export function isWellFormedPickupReference(value: string): boolean {
  return new RegExp(PICKUP_REFERENCE_PATTERN).test(value) && luhnDigit(value.slice(0, 9)) === Number(value[9]);
}
