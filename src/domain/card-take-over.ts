import { pinFormat } from '../rules/pin-format.ts';
import type { PlainDate } from '../rules/plain-date.ts';
import { evolveCard, type CardEvent, type CertificatePlan } from './card.ts';
import { pinEntries, type CardPins } from './card-checks.ts';
import { decideMoveIn, type MoveIn } from './card-reactions.ts';
import type { DecisionContext } from './decision-context.ts';
import { refuseField, success, type Result } from './errors.ts';

/** A card issued by another municipality, as the arrival's papers describe it. */
export interface ForeignCard {
  readonly cardId: string;
  readonly issueDate: PlainDate;
  readonly expiryDate: PlainDate;
  readonly issuedBy: string;
  readonly certificates: { readonly signature?: NonNullable<CertificatePlan>; readonly user?: NonNullable<CertificatePlan> };
  /** Only to initialise the simulated chip. */
  readonly pins?: CardPins;
}

/**
 * The card of a person moving in from a municipality this system does not serve, taken over with
 * its own dates (docs/domain.md procedure 3); then the 転入届 decides its fate as for anyone moving in
 * abolished when filed late, else its continued use is due.
 */
export function decideTakeOver(
  card: ForeignCard,
  holder: { readonly residentId: string; readonly birthDate: PlainDate },
  move: MoveIn,
  context: DecisionContext,
): Result<{ readonly events: CardEvent[]; readonly deadline: PlainDate | null; readonly late: boolean }> {
  if (card.expiryDate < move.notificationDate) return refuseField('card/expiryDate', `the card expired on ${card.expiryDate}; an expired card is not taken over`);
  if (card.issueDate > card.expiryDate || card.issueDate < holder.birthDate) return refuseField('card/issueDate', 'does not fit the card’s expiry and the birth date');
  for (const { field, kind, pin } of pinEntries(card.pins ?? {})) {
    const format = pinFormat({ kind, pin }, context.rules);
    if (format.ok && !format.value.valid) return refuseField(`card/pins/${field}`, `is not a valid ${kind} PIN (${format.value.reason})`);
  }
  const takenOver: CardEvent = {
    type: 'CardTakenOver',
    cardId: card.cardId,
    residentId: holder.residentId,
    issueDate: card.issueDate,
    expiryDate: card.expiryDate,
    issuedBy: card.issuedBy,
    signature: card.certificates.signature ?? null,
    user: card.certificates.user ?? null,
    on: context.today,
  };
  const fate = decideMoveIn(evolveCard(undefined, takenOver), move, context);
  if (!fate.ok) return fate;
  return success({ events: [takenOver, ...fate.value.events], deadline: fate.value.deadline, late: fate.value.late });
}
