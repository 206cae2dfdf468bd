import { isLive, type CardEvent, type CardState } from './card.ts';
import { decideNewCard } from './card-application.ts';
import { decideCard } from './card-decider.ts';
import type { DecisionContext } from './decision-context.ts';
import { success, type Result } from './errors.ts';
import { holderOf } from './holder.ts';
import { decideResident } from './resident-decider.ts';
import type { ResidentEvent, ResidentState } from './resident.ts';

export interface NumberChange {
  readonly resident: ResidentEvent[];
  /** The events of the card that ends, and of its free successor (none when no card was live). */
  readonly oldCard: CardEvent[];
  readonly newCard: CardEvent[];
}

/**
 * 個人番号の変更 (docs/domain.md procedure 9): the resident gets a new number (chosen by the caller, who
 * must know it was never anyone's), the live card is abolished, and a free new card is applied
 * for with the old card's photo, certificates and counter (R-10 number-change).
 */
export function decideNumberChange(
  command: { readonly reason: string; readonly newCardId: string },
  resident: ResidentState,
  card: CardState | undefined,
  context: DecisionContext,
): Result<NumberChange> {
  const changed = decideResident({ type: 'change-number', reason: command.reason }, resident, context);
  if (!changed.ok) return changed;
  if (card === undefined || !isLive(card)) return success({ resident: changed.value, oldCard: [], newCard: [] });
  const abolished = decideCard({ type: 'abolish', on: context.today, reason: 'number-changed' }, card, context);
  if (!abolished.ok) return abolished;
  const applied = decideNewCard(
    {
      cardId: command.newCardId,
      applicationDate: context.today,
      photoTakenOn: card.photoTakenOn,
      withSignatureCertificate: card.wantsSignatureCertificate,
      withUserCertificate: card.wantsUserCertificate,
      reason: 'number-change',
      previousCardId: card.id,
      pickupOfficeId: card.pickupOfficeId,
    },
    resident.id,
    holderOf(resident),
    context,
  );
  if (!applied.ok) return applied;
  return success({ resident: changed.value, oldCard: abolished.value, newCard: applied.value });
}
