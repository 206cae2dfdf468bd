import { signatureCertificateAllowed } from '../../../src/rules/certificate-rules.ts';
import { photoIsRecent } from '../../../src/rules/photo-age.ts';
import { answer, api } from '../api/client';
import type { MessageKey } from '../i18n/messages';
import { bool, str, type ProcedureContext, type Values } from './procedure';
import { day, rulesPolicy } from './rules';

/**
 * What the server is bound to refuse, found before the review step from the same rules it decides
 * with: the small pure ones imported (src/rules), the others asked of the public rules API
 * (POST /api/v1/rules/{rule}), which the previews already use — so the clerk never confirms a
 * request that can only come back refused. The server still checks everything; these only move its
 * answer earlier. Each check answers a field's problem, or nothing when the rule allows it, a date
 * is not yet real, or the rules could not be asked (the server's own check then answers).
 */
export type FieldCheck = { field: string; message: string };

/** The application photo: taken within the policy's months before the application, and not after it (docs/rules.md: policy photoMaxAgeMonths). */
export function photoCheck(values: Values, context: ProcedureContext): FieldCheck[] {
  const taken = day(str(values, 'photoTakenOn'));
  const applied = day(str(values, 'applicationDate'));
  if (!taken || !applied || photoIsRecent(taken, applied, rulesPolicy(context.policy))) return [];
  return [{ field: 'photoTakenOn', message: taken > applied ? context.t('check.photoAfterApplication') : context.error('APPLICATION.PHOTO_TOO_OLD', '') }];
}

/** An application date in the future is refused by the server: one is typed by mistake. */
export function applicationDateCheck(values: Values, context: ProcedureContext): FieldCheck[] {
  const applied = str(values, 'applicationDate');
  return day(applied) && applied > context.today ? [{ field: 'applicationDate', message: context.t('check.futureDate', { label: context.t('field.applicationDate') }) }] : [];
}

/** A signature certificate asked for a holder who may not have one on the application day (R-4 age, R-18 guardianship). */
export function signatureCheck(values: Values, context: ProcedureContext): FieldCheck[] {
  if (str(values, 'certificates') !== 'both' || !context.resident) return [];
  if (context.resident.adultWard) return [{ field: 'certificates', message: context.error('CERTIFICATE.SIGNATURE_NOT_ALLOWED', '') }];
  const birth = day(context.resident.birthDate);
  const on = day(str(values, 'applicationDate'));
  if (!birth || !on || signatureCertificateAllowed(birth, on, rulesPolicy(context.policy))) return [];
  return [{ field: 'certificates', message: context.error('CERTIFICATE.SIGNATURE_UNDER_15', '') }];
}

const REISSUE_REASONS = ['lost', 'stolen', 'damaged', 'dirty', 'notes-full', 'renewal'] as const;
type ReissueReason = (typeof REISSUE_REASONS)[number];
const reissueReason = (values: Values): ReissueReason | undefined => REISSUE_REASONS.find((reason) => reason === str(values, 'reason'));

/** a police report number for a loss or theft (a loss at home excepted), as the fee rule says. */
export async function policeReportCheck(values: Values, context: ProcedureContext): Promise<FieldCheck[]> {
  const reason = reissueReason(values);
  if (!reason || str(values, 'policeReportNumber').trim()) return [];
  const fee = await answer(
    api.POST('/api/v1/rules/reissue-fee', { body: { reason, withCertificates: str(values, 'certificates') !== 'none', ...(reason === 'lost' && { lostAtHome: bool(values, 'lostAtHome') }) } }),
  );
  return fee.ok && fee.data.policeReportRequired ? [{ field: 'policeReportNumber', message: context.error('REISSUE.POLICE_REPORT_REQUIRED', '') }] : [];
}

/** a renewal only from the policy's months before the card's expiry, counted on the application day. */
export async function renewalWindowCheck(values: Values, context: ProcedureContext): Promise<FieldCheck[]> {
  const expiryDate = context.card?.expiryDate;
  const today = str(values, 'applicationDate');
  if (reissueReason(values) !== 'renewal' || !expiryDate || !day(today)) return [];
  const window = await answer(api.POST('/api/v1/rules/renewal-window', { body: { expiryDate, today } }));
  if (!window.ok || window.data.open !== false) return [];
  return [{ field: 'reason', message: context.t('check.renewalOpensOn', { date: context.date(window.data.opensOn) }) }];
}

/** the certificate asked for can be issued or renewed today, as the server decides it (a held certificate counts as revoked). */
export async function certificateCheck(kind: 'signature' | 'user', context: ProcedureContext): Promise<FieldCheck[]> {
  const card = context.card;
  const resident = context.resident;
  if (!card?.expiryDate || !resident) return [];
  const current = card.certificates[kind];
  const status = current.status === 'held' ? 'revoked' : current.status;
  const issue = await answer(
    api.POST('/api/v1/rules/certificate-issue', {
      body: {
        kind,
        birthDate: resident.birthDate,
        cardExpiryDate: card.expiryDate,
        today: context.today,
        currentStatus: status,
        adultWard: resident.adultWard,
        ...(status === 'valid' && current.expiresOn && { certificateExpiryDate: current.expiresOn }),
      },
    }),
  );
  if (!issue.ok || issue.data.allowed || !issue.data.reason) return [];
  const message =
    issue.data.reason === 'renewal-window-not-open' && issue.data.renewalOpensOn
      ? context.t('check.certificateOpensOn', { date: context.date(issue.data.renewalOpensOn) })
      : context.t(`certificateRefusal.${issue.data.reason}` as MessageKey);
  return [{ field: 'kind', message }];
}
