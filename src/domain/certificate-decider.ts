import { certificateIssue, certificateIssueRefusal, type CertificateStatus as IssueStatus } from '../rules/certificate-issue.ts';
import type { CertificateKind } from '../rules/certificate-expiry.ts';
import type { IdentityDocument } from '../rules/identity-documents.ts';
import type { PlainDate } from '../rules/plain-date.ts';
import type { ActiveCard, CardEvent, Certificate } from './card.ts';
import { checkIdentity, checkNewPin } from './card-checks.ts';
import type { DecisionContext } from './decision-context.ts';
import { refuse, success, type Result } from './errors.ts';
import type { Holder } from './holder.ts';

/** 電子証明書の発行・更新 at a counter (docs/rules.md ): one certificate of `kind` on an active card. */
export interface IssueCertificateCommand {
  readonly type: 'issue-certificate';
  readonly kind: CertificateKind;
  /** The day of the counter procedure: the certificate's issue day. */
  readonly on: PlainDate;
  /** The certificate's new PIN, set on the chip by the holder (R-12 format of its kind). */
  readonly pin: string;
  readonly identityDocuments: readonly IdentityDocument[];
  readonly holder: Holder;
}

/**
 * R-15's input status of a certificate on an active card. A certificate on hold (一時保留) is only
 * on a suspended card, whose release revokes it (docs/rules.md "Corrections 2026-12"): were one
 * still found, it is issued anew as a revoked one is.
 */
function issueStatus(certificate: Certificate): IssueStatus {
  return certificate.status === 'held' ? 'revoked' : certificate.status;
}

/**
 * R-14/R-15: a certificate that is none, revoked or expired is issued anew; a valid one is
 * renewed, only inside its window. Refused first for what no document or PIN can change (R-15's
 * refusals: under 15, adult ward, window, card-capped), then for the identity documents (R-13), then
 * for the PIN's format (R-12). Free: no fee is ever asked.
 */
export function decideIssueCertificate(command: IssueCertificateCommand, card: ActiveCard, context: DecisionContext): Result<CardEvent[]> {
  const current = card.certificates[command.kind];
  const status = issueStatus(current);
  const answer = certificateIssue(
    {
      kind: command.kind,
      birthDate: command.holder.birthDate,
      cardExpiryDate: card.expiryDate,
      today: command.on,
      currentStatus: status,
      adultWard: command.holder.adultWard,
      ...(status === 'valid' && current.expiresOn !== null && { certificateExpiryDate: current.expiresOn }),
    },
    context.rules,
  );
  if (!answer.ok) return answer;
  const refusal = certificateIssueRefusal(command.kind, answer.value);
  if (refusal) {
    return refuse(refusal.code, refusal.message, {
      kind: command.kind,
      ...(answer.value.renewalOpensOn !== undefined && { renewalOpensOn: answer.value.renewalOpensOn }),
    });
  }
  const documents = checkIdentity(command.identityDocuments, command.on, context.rules.policy);
  if (documents) return documents;
  const pin = checkNewPin(command.kind, command.pin, context);
  if (pin) return pin;
  const renewal = status === 'valid' && current.expiresOn !== null && current.expiresOn >= command.on;
  return success([{ type: 'CertificateIssued', kind: command.kind, issuedOn: command.on, expiresOn: answer.value.expiryDate as PlainDate, renewal }]);
}
