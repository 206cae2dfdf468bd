import { Type, type Static } from 'typebox';
import { ageOn } from './age-rules.ts';
import { certificateExpiry, CertificateKind } from './certificate-expiry.ts';
import { certificateRenewalOpensOn } from './certificate-renewal-window.ts';
import type { RuleContext } from './context.ts';
import { RuleErrorCode, type RuleError } from './errors.ts';
import { type Result, refuseField, success } from './result.ts';
import { DateField, DateSchema, InputObject } from './schema.ts';

/** The status of a certificate on the card (docs/domain.md "Card"). */
export const CertificateStatus = { None: 'none', Valid: 'valid', Revoked: 'revoked', Expired: 'expired' } as const;
export type CertificateStatus = (typeof CertificateStatus)[keyof typeof CertificateStatus];

/** Why R-15 says no. Each has the refusal code of `CERTIFICATE_REFUSAL_CODE`. */
export const CertificateIssueReason = {
  CardExpired: 'card-expired',
  SignatureUnder15: 'signature-under-15',
  SignatureNotAllowed: 'signature-not-allowed',
  RenewalWindowNotOpen: 'renewal-window-not-open',
  CardRenewalNeeded: 'card-renewal-needed',
} as const;
export type CertificateIssueReason = (typeof CertificateIssueReason)[keyof typeof CertificateIssueReason];

export const CertificateIssueInput = InputObject(
  {
    kind: Type.Enum(Object.values(CertificateKind), { description: 'signature 署名用, user 利用者証明用' }),
    birthDate: DateSchema,
    cardExpiryDate: DateField('The expiry of the card the certificate goes on'),
    today: DateField('The day of the counter procedure, the issue day of the certificate'),
    currentStatus: Type.Enum(Object.values(CertificateStatus), { description: "The status of the card's certificate of this kind now" }),
    certificateExpiryDate: Type.Optional(DateField('The expiry of the current certificate; required when currentStatus is valid, and only then')),
    adultWard: Type.Optional(Type.Boolean({ description: 'The holder is an adult under guardianship (成年被後見人, R-18); default false' })),
  },
  'A certificate asked for at the counter on today, on an active card',
);
export type CertificateIssueInput = Static<typeof CertificateIssueInput>;
export const CertificateIssueOutput = Type.Object({
  allowed: Type.Boolean(),
  expiryDate: Type.Optional(DateField('The new certificate runs to this day (R-4 with today as its issue date); only when allowed')),
  reason: Type.Optional(Type.Enum(Object.values(CertificateIssueReason), { description: 'Why not; only when not allowed' })),
  renewalOpensOn: Type.Optional(DateField('With reason renewal-window-not-open: the first day the certificate may be renewed (R-14)')),
});
export type CertificateIssueOutput = Static<typeof CertificateIssueOutput>;

/**
 * R-15 `certificate-issue` (C; R-14 for renewals; Corrections 2026-12 for adult wards): whether a
 * certificate of `kind` may be put on the card on `today`, and until when it would run.
 *
 * - A certificate that is `none`, `revoked` or `expired` is issued anew; so is one still marked
 *   `valid` whose `certificateExpiryDate` has passed (the sweep has not marked it yet): after its
 *   expiry a certificate is not renewed but newly issued (R-14).
 * - A `valid` certificate is renewed, and only inside its R-14 window (decision: R-15 answers for
 *   both acts, so that the counter asks one question; the `valid` case needs the current
 *   `certificateExpiryDate`). `renewalOpensOn` says from when.
 * - A renewal that would not run past the current expiry is refused, `card-renewal-needed`
 *   (decision, L: J-LIS renews such a certificate together with the card): it is capped by the
 *   card (R-4), so only a new card (R-6, whose window is then the same) gives it a longer life.
 * - No signature certificate for someone under 15 on `today` (R-1's end-of-day reading: born
 *   2011-12-03, 15 on 2026-12-02) nor for an adult ward, whatever the current status.
 * - A card past its expiry (the sweep not yet run) carries nothing new: `card-expired`.
 *
 * The refusals are values of a normal answer (`allowed: false`, `reason`) so that the public
 * rules API explains them; `certificateIssueRefusal` turns one into the records service's refusal.
 * Free (no fee, C). The card's status (`active`) is the records service's check, not this rule's.
 */
export function certificateIssue(input: CertificateIssueInput, context: RuleContext): Result<CertificateIssueOutput> {
  const { kind, birthDate, cardExpiryDate, today, currentStatus, certificateExpiryDate } = input;
  const { policy } = context;
  if (today < birthDate) return refuseField('today', `${today} is before birthDate ${birthDate}`);
  if (cardExpiryDate < birthDate) return refuseField('cardExpiryDate', `${cardExpiryDate} is before birthDate ${birthDate}`);
  if (currentStatus === CertificateStatus.Valid) {
    if (certificateExpiryDate === undefined) return refuseField('certificateExpiryDate', 'is required when currentStatus is valid');
    if (certificateExpiryDate > cardExpiryDate) {
      return refuseField('certificateExpiryDate', `${certificateExpiryDate} is after cardExpiryDate ${cardExpiryDate}: a certificate never outlives its card`);
    }
  } else if (certificateExpiryDate !== undefined) {
    return refuseField('certificateExpiryDate', `is only for currentStatus valid, not ${currentStatus}`);
  }
  if (today > cardExpiryDate) return refused(CertificateIssueReason.CardExpired);
  if (kind === CertificateKind.Signature) {
    if (ageOn(birthDate, today) < policy.signatureCertificateMinAge) return refused(CertificateIssueReason.SignatureUnder15);
    if (input.adultWard === true) return refused(CertificateIssueReason.SignatureNotAllowed);
  }
  const issued = certificateExpiry({ birthDate, issueDate: today, cardExpiryDate, kind }, context);
  if (!issued.ok) return issued;
  // Only a `valid` certificate has an expiry; one past it is issued anew, not renewed.
  if (certificateExpiryDate !== undefined && certificateExpiryDate >= today) {
    const renewalOpensOn = certificateRenewalOpensOn(certificateExpiryDate, policy);
    if (today < renewalOpensOn) return success({ allowed: false, reason: CertificateIssueReason.RenewalWindowNotOpen, renewalOpensOn });
    if (issued.value.expiryDate <= certificateExpiryDate) return refused(CertificateIssueReason.CardRenewalNeeded);
  }
  return success({ allowed: true, expiryDate: issued.value.expiryDate });
}

function refused(reason: CertificateIssueReason): Result<CertificateIssueOutput> {
  return success({ allowed: false, reason });
}

/** The refusal code of each R-15 reason, for a command the records service refuses (docs/api.md: 422). */
export const CERTIFICATE_REFUSAL_CODE = {
  [CertificateIssueReason.CardExpired]: RuleErrorCode.CardExpired,
  [CertificateIssueReason.SignatureUnder15]: RuleErrorCode.SignatureUnder15,
  [CertificateIssueReason.SignatureNotAllowed]: RuleErrorCode.SignatureNotAllowed,
  [CertificateIssueReason.RenewalWindowNotOpen]: RuleErrorCode.CertificateRenewalWindowNotOpen,
  [CertificateIssueReason.CardRenewalNeeded]: RuleErrorCode.CertificateCardRenewalNeeded,
} as const satisfies Record<CertificateIssueReason, RuleErrorCode>;

const REFUSAL_MESSAGE: Record<CertificateIssueReason, (kind: CertificateKind, answer: CertificateIssueOutput) => string> = {
  'card-expired': () => 'the card has expired: a new card is needed, and certificates come with it',
  'signature-under-15': () => 'no signature certificate for someone under 15',
  'signature-not-allowed': () => 'no signature certificate for an adult under guardianship (成年被後見人)',
  'renewal-window-not-open': (kind, answer) => `the ${kind} certificate is valid; it can be renewed from ${answer.renewalOpensOn}`,
  'card-renewal-needed': (kind) => `the ${kind} certificate ends with the card: renew the card, and the certificate is issued on the new card`,
};

/**
 * The records service's refusal for an R-15 answer (`CERTIFICATE.*`, or `CARD.EXPIRED`), or
 * undefined when the certificate may be issued.
 */
export function certificateIssueRefusal(kind: CertificateKind, answer: CertificateIssueOutput): RuleError | undefined {
  if (answer.allowed || answer.reason === undefined) return undefined;
  return { code: CERTIFICATE_REFUSAL_CODE[answer.reason], message: REFUSAL_MESSAGE[answer.reason](kind, answer) };
}
