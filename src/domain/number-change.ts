import { isLive, type CardEvent, type CardState } from './card.ts';
import { decideNewCard } from './card-application.ts';
import { decideCard } from './card-decider.ts';
import type { DecisionContext } from './decision-context.ts';
import { success, type Result } from './errors.ts';
import { holderOf } from './holder.ts';
import { decideResident } from './resident-decider.ts';
import { checkRepresentation, type Acting } from './representation.ts';
import { Procedure } from '../rules/procedures.ts';
import type { ResidentEvent, ResidentState } from './resident.ts';

export interface NumberChange {
  readonly resident: ResidentEvent[];
  /** The events of each live card, all of which end (R-16: an old card kept and its successor), and of the free successor (none when no card was live). */
  readonly oldCards: ReadonlyArray<{ readonly cardId: string; readonly events: CardEvent[] }>;
  readonly newCard: CardEvent[];
}

/**
 * 個人番号の変更 (docs/domain.md procedure 9): the resident gets a new number (chosen by the caller, who
 * must know it was never anyone's), every live card is abolished (an old card kept until the
 * hand-over of its successor, and that successor, R-16), and a free new card is applied for with
 * the newest card's photo, certificates and counter (R-10 number-change).
 */
export function decideNumberChange(
  command: { readonly reason: string; readonly newCardId: string } & Acting,
  resident: ResidentState,
  cards: readonly CardState[],
  context: DecisionContext,
): Result<NumberChange> {
  const changed = decideResident({ type: 'change-number', reason: command.reason }, resident, context);
  if (!changed.ok) return changed;
  // a holder under 15 or an adult ward asks through the 法定代理人, never through a voluntary proxy.
  const acting = checkRepresentation(Procedure.NumberChange, holderOf(resident), context.today, command, context);
  if (acting) return acting;
  const live = cards.filter(isLive);
  const card = live.at(-1);
  if (card === undefined) return success({ resident: changed.value, oldCards: [], newCard: [] });
  const oldCards: { cardId: string; events: CardEvent[] }[] = [];
  for (const each of live) {
    const abolished = decideCard({ type: 'abolish', on: context.today, reason: 'number-changed' }, each, context);
    if (!abolished.ok) return abolished;
    oldCards.push({ cardId: each.id, events: abolished.value });
  }
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
  return success({ resident: changed.value, oldCards, newCard: applied.value });
}
