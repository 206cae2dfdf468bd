import { Type, type Static } from 'typebox';
import type { RuleContext } from './context.ts';
import { type Result, success } from './result.ts';
import { PIN_KINDS, PinKind } from './policy.ts';
import { InputObject } from './schema.ts';

export const PinFormatInput = InputObject(
  {
    kind: Type.Enum(PIN_KINDS, {
      description: 'signature 署名用, user 利用者証明用, resident-registry 住民基本台帳事務用, card-info 券面事項入力補助用',
    }),
    pin: Type.String({ maxLength: 64 }),
  },
  'A PIN to check before it is set on a card',
);
export type PinFormatInput = Static<typeof PinFormatInput>;
export const PinFormatOutput = Type.Object({
  valid: Type.Boolean(),
  normalized: Type.Optional(Type.String({ description: 'The PIN as the chip stores it (signature PINs in upper case)' })),
  maxAttempts: Type.Integer({ description: 'Consecutive wrong entries that lock this PIN' }),
  reason: Type.Optional(Type.Enum(['length', 'characters', 'needs-letter-and-digit'])),
});
export type PinFormatOutput = Static<typeof PinFormatOutput>;

const SIGNATURE_CHARACTERS = /^[A-Z0-9]*$/;
const LETTER = /[A-Z]/;
const DIGIT = /[0-9]/;
const FOUR_DIGITS = /^[0-9]*$/;

/**
 * R-12 `pin-format` (C: J-LIS). The signature PIN (署名用) is 6–16 letters A–Z and digits with
 * at least one of each, lower case taken as upper case, locking after 5 wrong tries; the user
 * (利用者証明用), resident-registry (住民基本台帳事務用) and card-info (券面事項入力補助用) PINs are
 * exactly 4 digits, locking after 3, and may be the same. Lock counts are the chip's business.
 */
export function pinFormat(input: PinFormatInput, context: RuleContext): Result<PinFormatOutput> {
  const maxAttempts = context.policy.pinMaxAttempts[input.kind];
  const invalid = (reason: NonNullable<PinFormatOutput['reason']>) => success({ valid: false, maxAttempts, reason });
  if (input.kind === PinKind.Signature) {
    const pin = input.pin.replace(/[a-z]/g, (letter) => letter.toUpperCase());
    if (!SIGNATURE_CHARACTERS.test(pin)) return invalid('characters');
    if (pin.length < 6 || pin.length > 16) return invalid('length');
    if (!LETTER.test(pin) || !DIGIT.test(pin)) return invalid('needs-letter-and-digit');
    return success({ valid: true, normalized: pin, maxAttempts });
  }
  if (!FOUR_DIGITS.test(input.pin)) return invalid('characters');
  if (input.pin.length !== 4) return invalid('length');
  return success({ valid: true, normalized: input.pin, maxAttempts });
}
