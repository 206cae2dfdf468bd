import { Type, type Static } from 'typebox';
import { nthBirthdayAfterDate } from './birthday.ts';
import { signatureCertificateAllowed } from './certificate-rules.ts';
import type { RuleContext } from './context.ts';
import { RuleErrorCode } from './errors.ts';
import { type Result, refuse, refuseField, success } from './result.ts';
import { minDate } from './plain-date.ts';
import { DateField, DateSchema, InputObject } from './schema.ts';

export const CertificateKind = { Signature: 'signature', User: 'user' } as const;
export type CertificateKind = (typeof CertificateKind)[keyof typeof CertificateKind];

export const CertificateExpiryInput = InputObject(
  {
    birthDate: DateSchema,
    issueDate: DateField('The day the certificate is issued'),
    cardExpiryDate: DateField('The expiry of the card that carries it'),
    kind: Type.Enum(Object.values(CertificateKind), { description: 'signature 署名用, user 利用者証明用' }),
  },
  'An electronic certificate issued on issueDate onto a card',
);
export type CertificateExpiryInput = Static<typeof CertificateExpiryInput>;
export const CertificateExpiryOutput = Type.Object({ expiryDate: DateSchema });
export type CertificateExpiryOutput = Static<typeof CertificateExpiryOutput>;

/**
 * R-4 `certificate-expiry` (C): the 5th birthday after issue, never later than the card.
 * No signature certificate (署名用電子証明書) for someone under 15 on the issue day.
 * Revocations (address or name change, loss) are events the records service applies.
 */
export function certificateExpiry(input: CertificateExpiryInput, context: RuleContext): Result<CertificateExpiryOutput> {
  const { birthDate, issueDate, cardExpiryDate, kind } = input;
  const { policy } = context;
  if (issueDate < birthDate) return refuseField('issueDate', `${issueDate} is before birthDate ${birthDate}`);
  if (cardExpiryDate < issueDate) return refuseField('cardExpiryDate', `${cardExpiryDate} is before issueDate ${issueDate}`);
  if (kind === CertificateKind.Signature && !signatureCertificateAllowed(birthDate, issueDate, policy)) {
    return refuse(
      RuleErrorCode.SignatureUnder15,
      `no signature certificate for someone under ${policy.signatureCertificateMinAge} on ${issueDate}`,
    );
  }
  const ownExpiry = nthBirthdayAfterDate(birthDate, issueDate, policy.certificateValidityBirthdays, policy);
  return success({ expiryDate: minDate(ownExpiry, cardExpiryDate) });
}
