import { ageOn } from './age-rules.ts';
import type { PlainDate } from './plain-date.ts';
import type { Policy } from './policy.ts';

/**
 * whether someone may hold a signature certificate (署名用電子証明書) on a day: they
 * have reached the policy's `signatureCertificateMinAge` (15) by the end of it. No schema here:
 * the web app imports it to know whether a card's handing-over sets a signature PIN.
 */
export function signatureCertificateAllowed(birthDate: PlainDate, on: PlainDate, policy: Pick<Policy, 'signatureCertificateMinAge'>): boolean {
  return ageOn(birthDate, on) >= policy.signatureCertificateMinAge;
}
