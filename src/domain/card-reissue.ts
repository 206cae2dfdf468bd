import type { IdentityDocument } from '../rules/identity-documents.ts';
import type { PlainDate } from '../rules/plain-date.ts';
import type { ReissueReason } from '../rules/policy.ts';
import { reissueFee, type ReissueFeeOutput } from '../rules/reissue-fee.ts';
import { renewalWindow } from '../rules/renewal-window.ts';
import { oldCardKeptUntilHandOver } from '../rules/card-replacement.ts';
import { isHeld, isLive, type CardEvent, type CardState } from './card.ts';
import { decideNewCard } from './card-application.ts';
import { checkIdentity } from './card-checks.ts';
import { decideCard, invalidTransition, type CardCommand } from './card-decider.ts';
import { allows } from './card-transitions.ts';
import type { DecisionContext } from './decision-context.ts';
import { DomainErrorCode, refuse, refuseField, success, type Result } from './errors.ts';
import type { Holder } from './holder.ts';
import { checkRepresentation, type Acting } from './representation.ts';
import { REISSUE_PROCEDURE } from '../rules/procedures.ts';

export interface ReissueCommand extends Acting {
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
  /** The resident's other cards: a successor already being made refuses a second one. */
  readonly otherCards: readonly CardState[];
}

export interface Reissue {
  readonly oldCard: CardEvent[];
  readonly newCard: CardEvent[];
  readonly fee: ReissueFeeOutput;
}

/**
 * 再交付 within validity (docs/domain.md procedure 6): a renewal only inside R-6's window; the R-10
 * fee, and a police report number for a loss or theft unless lost at home; then a new card is
 * applied for (photo, certificates) with identity checked, and follows the usual path. The old
 * card (R-16): lost or stolen, it is abolished now; otherwise it stays as it is, certificates and
 * all, until the new card is handed over (decideHandOver). One successor at a time: a second
 * reissue while one is being made is refused, so a resident never holds two active cards.
 */
export function decideReissue(command: ReissueCommand, card: CardState, context: DecisionContext): Result<Reissue> {
  // The free card of a number change comes only with the change itself (a supervisor's act).
  if (command.reason === 'number-change') return refuseField('reason', 'a card for a new individual number comes with the individual number change, not as a reissue');
  if (!allows(card, 'replace')) return invalidTransition(card, 'replace');
  const successor = command.otherCards.find((other) => isLive(other) && other.previousCardId === card.id);
  if (successor) {
    return refuse(DomainErrorCode.ResidentCardAlreadyHeld, `a new card (${successor.id}, ${successor.status}) is already being made to replace this one`, {
      currentStatus: successor.status,
      cardId: successor.id,
    });
  }
  const replaced = oldCardKeptUntilHandOver(command.reason) ? success([]) : decideCard({ type: 'replace', on: context.today, oldCardReturned: false }, card, context);
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
  // a new card for a child or an adult ward is asked for by the 法定代理人.
  const acting = checkRepresentation(REISSUE_PROCEDURE[command.reason], command.holder, command.applicationDate, command, context);
  if (acting) return acting;
  return success({ oldCard: replaced.value, newCard: newCard.value, fee: fee.value });
}

export interface HandOver {
  readonly card: CardEvent[];
  /** The events of the card it replaces: taken back (`returned`, reason `replaced`) or nothing. */
  readonly previous: CardEvent[];
}

/**
 * 交付 of a card (the `issue` command) together with what it does to the card it replaces:
 * a card kept until this hand-over (renewal, notes-full, damaged, dirty) is taken back now, dated
 * on the hand-over, and its certificates end with it; one that has expired meanwhile is taken
 * back as well. A card already abolished (lost, stolen, number change) has nothing left to do.
 */
export function decideHandOver(
  command: Extract<CardCommand, { type: 'issue' }>,
  card: CardState,
  previous: CardState | undefined,
  context: DecisionContext,
): Result<HandOver> {
  const issued = decideCard(command, card, context);
  if (!issued.ok) return issued;
  const takenBack =
    previous !== undefined && card.applicationReason !== 'first' && oldCardKeptUntilHandOver(card.applicationReason) && (isHeld(previous) || previous.status === 'expired');
  if (!takenBack) return success({ card: issued.value, previous: [] });
  const returned = decideCard({ type: 'return', on: command.handedOverOn, reason: 'replaced' }, previous, context);
  if (!returned.ok) return returned;
  return success({ card: issued.value, previous: returned.value });
}
