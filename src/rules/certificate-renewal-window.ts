import { Type, type Static } from 'typebox';
import type { RuleContext } from './context.ts';
import { type Result, success } from './result.ts';
import { addMonthsClamped, type PlainDate } from './plain-date.ts';
import type { Policy } from './policy.ts';
import { DateField, DateSchema, InputObject } from './schema.ts';

export const CertificateRenewalWindowInput = InputObject(
  { certificateExpiryDate: DateField("The electronic certificate's expiry"), today: Type.Optional(DateSchema) },
  'An electronic certificate expiring on certificateExpiryDate',
);
export type CertificateRenewalWindowInput = Static<typeof CertificateRenewalWindowInput>;
export const CertificateRenewalWindowOutput = Type.Object({
  opensOn: DateSchema,
  closesOn: DateSchema,
  open: Type.Optional(Type.Boolean({ description: 'Whether renewal is possible on `today`; only when `today` was given' })),
});
export type CertificateRenewalWindowOutput = Static<typeof CertificateRenewalWindowOutput>;

/** The first day a certificate expiring on `certificateExpiryDate` may be renewed. */
export function certificateRenewalOpensOn(certificateExpiryDate: PlainDate, policy: Pick<Policy, 'certificateRenewalWindowMonths'>): PlainDate {
  return addMonthsClamped(certificateExpiryDate, -policy.certificateRenewalWindowMonths);
}

/**
 * R-14 `certificate-renewal-window` (C: J-LIS, 有効期限の3か月前から更新; the exact first day L):
 * the same day number 3 months before the certificate's expiry, or that month's last day when it
 * has none (R conventions: a certificate expiring 2028-02-29 opens on 2027-11-29, one expiring
 * 2026-05-31 on 2026-02-28), up to the expiry day itself. After that the certificate is not
 * renewed but issued anew, by the same steps and also free. A certificate that ends with
 * its card (R-4's cap) has the card's own renewal window; whether it can be renewed alone
 * is R-15's question.
 */
export function certificateRenewalWindow(input: CertificateRenewalWindowInput, context: RuleContext): Result<CertificateRenewalWindowOutput> {
  const opensOn = certificateRenewalOpensOn(input.certificateExpiryDate, context.policy);
  const closesOn = input.certificateExpiryDate;
  if (input.today === undefined) return success({ opensOn, closesOn });
  return success({ opensOn, closesOn, open: opensOn <= input.today && input.today <= closesOn });
}
