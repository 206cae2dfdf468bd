import { Type, type Static } from 'typebox';
import type { RuleContext } from './context.ts';
import { type Result, refuseField, success } from './result.ts';
import { REISSUE_REASONS, ReissueReason } from './policy.ts';
import { InputObject } from './schema.ts';

export const ReissueFeeInput = InputObject(
  {
    reason: Type.Enum(REISSUE_REASONS, { description: 'Why a new card is made within validity' }),
    withCertificates: Type.Boolean({ description: 'Electronic certificates are put on the new card' }),
    lostAtHome: Type.Optional(Type.Boolean({ description: 'Only for reason lost: the card was lost at home' })),
  },
  'A new card within validity (再交付)',
);
export type ReissueFeeInput = Static<typeof ReissueFeeInput>;
export const ReissueFeeOutput = Type.Object({
  cardFee: Type.Integer({ description: 'yen' }),
  certificateFee: Type.Integer({ description: 'yen' }),
  total: Type.Integer({ description: 'yen' }),
  policeReportRequired: Type.Boolean({ description: 'A document proving the loss or theft (警察署での受理確認書など) is needed' }),
});
export type ReissueFeeOutput = Static<typeof ReissueFeeOutput>;

/**
 * R-10 `reissue-fee` (seed, C for lost, stolen, damaged, dirty: 800円, and 200円 more with
 * electronic certificates; a police report for loss or theft, except a loss at home, C).
 * No fee is named for a full notes field, a renewal or a number change (the last a decision);
 * the amounts live in the policy.
 */
export function reissueFee(input: ReissueFeeInput, context: RuleContext): Result<ReissueFeeOutput> {
  const { reason, withCertificates, lostAtHome } = input;
  if (lostAtHome === true && reason !== ReissueReason.Lost) return refuseField('lostAtHome', `is only for reason lost, not ${reason}`);
  const fee = context.policy.reissueFees[reason];
  const certificateFee = withCertificates ? fee.certificateFee : 0;
  const policeReportRequired = fee.policeReport === 'always' || (fee.policeReport === 'unless-lost-at-home' && lostAtHome !== true);
  return success({ cardFee: fee.cardFee, certificateFee, total: fee.cardFee + certificateFee, policeReportRequired });
}
