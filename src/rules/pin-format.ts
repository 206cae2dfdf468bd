import { Type, type Static } from 'typebox';
import type { RuleContext } from './context.ts';
import { type Result, success } from './result.ts';
import { checkPinFormat, PIN_KINDS } from './pin-rules.ts';
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

/**
 * R-12 `pin-format` (C: J-LIS): the format of `pin-rules.ts` (the signature PIN 6–16 letters and
 * digits, the others 4 digits), with the consecutive wrong entries that lock the PIN, 5 for the
 * signature PIN and 3 for the others by default (policy `pinMaxAttempts`). Lock counts are the chip's business.
 */
export function pinFormat(input: PinFormatInput, context: RuleContext): Result<PinFormatOutput> {
  const maxAttempts = context.policy.pinMaxAttempts[input.kind];
  const check = checkPinFormat(input.kind, input.pin);
  return success(check.valid ? { valid: true, normalized: check.normalized, maxAttempts } : { valid: false, maxAttempts, reason: check.reason });
}
