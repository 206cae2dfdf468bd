/**
 * The formats of R-12 (C: J-LIS), with no schema and no policy: what the records service checks
 * before a PIN is set, and what the counter app checks before it sends one. `pin-format.ts`
 * answers the public rule from it; the web app imports it (no typebox in its bundle).
 */
export const PinKind = {
  Signature: 'signature',
  User: 'user',
  ResidentRegistry: 'resident-registry',
  CardInfo: 'card-info',
} as const;
export type PinKind = (typeof PinKind)[keyof typeof PinKind];
export const PIN_KINDS = Object.values(PinKind);

/** Why a PIN is not in its format. */
export type PinFormatReason = 'length' | 'characters' | 'needs-letter-and-digit';

export type PinCheck = { readonly valid: true; readonly normalized: string } | { readonly valid: false; readonly reason: PinFormatReason };

const SIGNATURE_CHARACTERS = /^[A-Z0-9]*$/;
const LETTER = /[A-Z]/;
const DIGIT = /[0-9]/;
const FOUR_DIGITS = /^[0-9]*$/;

/**
 * The signature PIN (署名用) is 6–16 letters A–Z and digits with at least one of each, lower case
 * taken as upper case; the user (利用者証明用), resident-registry (住民基本台帳事務用) and card-info
 * (券面事項入力補助用) PINs are exactly 4 digits, and may be the same. `normalized` is the PIN as
 * the chip stores it.
 */
export function checkPinFormat(kind: PinKind, pin: string): PinCheck {
  const invalid = (reason: PinFormatReason): PinCheck => ({ valid: false, reason });
  if (kind === PinKind.Signature) {
    const upper = pin.replace(/[a-z]/g, (letter) => letter.toUpperCase());
    if (!SIGNATURE_CHARACTERS.test(upper)) return invalid('characters');
    if (upper.length < 6 || upper.length > 16) return invalid('length');
    if (!LETTER.test(upper) || !DIGIT.test(upper)) return invalid('needs-letter-and-digit');
    return { valid: true, normalized: upper };
  }
  if (!FOUR_DIGITS.test(pin)) return invalid('characters');
  if (pin.length !== 4) return invalid('length');
  return { valid: true, normalized: pin };
}
