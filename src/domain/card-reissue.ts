import type { IdentityDocument } from '../rules/identity-documents.ts';
import type { PlainDate } from '../rules/plain-date.ts';
import type { ReissueReason } from '../rules/policy.ts';
import { reissueFee, type ReissueFeeOutput } from '../rules/reissue-fee.ts';
import { renewalWindow } from '../rules/renewal-window.ts';
import type { CardEvent, CardState } from './card.ts';
import { decideNewCard } from './card-application.ts';
import { checkIdentity } from './card-checks.ts';
import { decideCard } from './card-decider.ts';
import type { DecisionContext } from './decision-context.ts';
import { DomainErrorCode, refuse, refuseField, success, type Result } from './errors.ts';
import type { Holder } from './holder.ts';

export interface ReissueCommand {
  readonly newCardId: string;
  readonly reason: ReissueReason;
  readonly lostAtHome?: boolean | undefined;
  readonly policeReportNumber?: string | undefined;
  readonly applicationDate: PlainDate;
  readonly photoTakenOn: PlainDate;
  readonly identityDocuments: readonly IdentityDocument[];
  /** The certificates the new card gets; the old card's by default. */
  readonly withSignatureCertificate?: boolean | undefined;
  readonly withUserCertificate?: boolean | undefined;
  /** The counter that takes the application, where the new card will wait. */
  readonly officeId: string;
  readonly holder: Holder;
}

export interface Reissue {
  readonly oldCard: CardEvent[];
  readonly newCard: CardEvent[];
  readonly fee: ReissueFeeOutput;
}

/**
 * 再交付 within validity (docs/domain.md procedure 6): the old card is taken back, or abolished when it
 * is lost or stolen; a renewal only inside R-6's window; the R-10 fee, and a police report number
 * for a loss or theft unless lost at home; then a new card is applied for (photo, certificates)
 * with identity checked, and follows the usual path.
 */
export function decideReissue(command: ReissueCommand, card: CardState, context: DecisionContext): Result<Reissue> {
  // The free card of a number change comes only with the change itself (a supervisor's act).
  if (command.reason === 'number-change') return refuseField('reason', 'a card for a new individual number comes with the individual number change, not as a reissue');
  const lostCard = command.reason === 'lost' || command.reason === 'stolen';
  const replaced = decideCard({ type: 'replace', on: context.today, oldCardReturned: !lostCard }, card, context);
  if (!replaced.ok) return replaced;
  if (command.reason === 'renewal' && card.expiryDate !== null) {
    const window = renewalWindow({ expiryDate: card.expiryDate, today: command.applicationDate }, context.rules);
    if (window.ok && !window.value.open) {
      return refuse(DomainErrorCode.RenewalWindowNotOpen, `renewal opens on ${window.value.opensOn}, 3 months before the expiry ${card.expiryDate}`, {
        opensOn: window.value.opensOn,
      });
    }
  }
  const withSignatureCertificate = command.withSignatureCertificate ?? card.wantsSignatureCertificate;
  const withUserCertificate = command.withUserCertificate ?? card.wantsUserCertificate;
  const fee = reissueFee(
    {
      reason: command.reason,
      withCertificates: withSignatureCertificate || withUserCertificate,
      ...(command.reason === 'lost' && command.lostAtHome !== undefined && { lostAtHome: command.lostAtHome }),
    },
    context.rules,
  );
  if (!fee.ok) return fee;
  if (fee.value.policeReportRequired && command.policeReportNumber === undefined) {
    return refuse(DomainErrorCode.PoliceReportRequired, 'a police report number (警察署の受理番号) is needed for a lost or stolen card', { reason: command.reason });
  }
  const newCard = decideNewCard(
    {
      cardId: command.newCardId,
      applicationDate: command.applicationDate,
      photoTakenOn: command.photoTakenOn,
      withSignatureCertificate,
      withUserCertificate,
      reason: command.reason,
      previousCardId: card.id,
      pickupOfficeId: command.officeId,
    },
    card.residentId,
    command.holder,
    context,
  );
  if (!newCard.ok) return newCard;
  const identity = checkIdentity(command.identityDocuments, command.applicationDate, context.rules.policy);
  if (identity) return identity;
  return success({ oldCard: replaced.value, newCard: newCard.value, fee: fee.value });
}
