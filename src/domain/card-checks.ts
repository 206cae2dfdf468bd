import { documentCounts, identityIsSufficient, type IdentityDocument } from '../rules/identity-documents.ts';
import { pinFormat } from '../rules/pin-format.ts';
import type { PlainDate } from '../rules/plain-date.ts';
import type { PinKind, Policy } from '../rules/policy.ts';
import type { DecisionContext } from './decision-context.ts';
import { DomainErrorCode, refuse, refuseField, type Result } from './errors.ts';

/** The four PINs a card is given at its hand-over (R-12), by the API's field names. */
export interface CardPins {
  readonly signature?: string;
  readonly user: string;
  readonly residentRegistry: string;
  readonly cardInfo: string;
}

export const PIN_FIELD: Record<keyof CardPins, PinKind> = {
  signature: 'signature',
  user: 'user',
  residentRegistry: 'resident-registry',
  cardInfo: 'card-info',
};

/** The PINs given, each with its field and the chip's kind. */
export function pinEntries(pins: Partial<CardPins>): { readonly field: keyof CardPins; readonly kind: PinKind; readonly pin: string }[] {
  return (Object.entries(PIN_FIELD) as [keyof CardPins, PinKind][]).flatMap(([field, kind]) => {
    const pin = pins[field];
    return pin === undefined ? [] : [{ field, kind, pin }];
  });
}

/** Every PIN given in its format (R-12), and the signature PIN when the signature certificate is issued. */
export function checkPins(pins: Partial<CardPins>, wantsSignature: boolean, context: DecisionContext): Result<never> | undefined {
  if (wantsSignature && pins.signature === undefined) return refuseField('pins/signature', 'is required for the signature certificate');
  for (const { field, kind, pin } of pinEntries(pins)) {
    const format = pinFormat({ kind, pin }, context.rules);
    if (format.ok && !format.value.valid) {
      return refuse(DomainErrorCode.PinInvalidFormat, `the ${kind} PIN is not valid (${format.value.reason})`, { pin: field, reason: format.value.reason ?? null });
    }
  }
  return undefined;
}

/** A PIN set anew at a counter, in its format (R-12). */
export function checkNewPin(kind: PinKind, pin: string, context: DecisionContext): Result<never> | undefined {
  const format = pinFormat({ kind, pin }, context.rules);
  return format.ok && !format.value.valid
    ? refuse(DomainErrorCode.PinInvalidFormat, `the new ${kind} PIN is not valid (${format.value.reason})`, { reason: format.value.reason ?? null })
    : undefined;
}

/**
 * One photo document, or two without, of those that count on the procedure's day (R-13; a paper
 * health insurance card counts only up to the policy's date); the refusal when the set falls short.
 */
export function checkIdentity(documents: readonly IdentityDocument[], on: PlainDate, policy: Policy): Result<never> | undefined {
  if (identityIsSufficient(documents, on, policy)) return undefined;
  const paperCard = documents.includes('health-insurance-card') && !documentCounts('health-insurance-card', on, policy);
  return refuse(
    DomainErrorCode.IdentityInsufficient,
    `identity must be shown with one photo document or two documents without a photo${paperCard ? `; a paper health insurance card counts only up to ${policy.healthInsuranceCardValidUntil} (a 資格確認書 replaces it)` : ''}`,
  );
}

/** What the chip says of a PIN entered (R-12): right, or wrong with the tries left, or now locked. */
export interface PinEntry {
  readonly ok: boolean;
  readonly remainingAttempts: number;
  readonly locked: boolean;
}

/**
 * A command that needs the 住民基本台帳事務用 PIN is refused when it was wrong, saying how many
 * tries are left, or that it is now locked and can be reset at the counter (R-12).
 */
export function residentRegistryPinRefusal(entry: PinEntry): Result<never> | undefined {
  if (entry.ok) return undefined;
  return entry.locked
    ? refuse(DomainErrorCode.PinLocked, 'the 住民基本台帳事務用 PIN is now locked; it can be reset at this counter with identity documents', {
        kind: 'resident-registry',
        remainingAttempts: 0,
      })
    : refuse(DomainErrorCode.PinMismatch, `the 住民基本台帳事務用 PIN is wrong; ${entry.remainingAttempts} tries left`, {
        kind: 'resident-registry',
        remainingAttempts: entry.remainingAttempts,
      });
}
