import { moveInDeadline } from '../rules/move-in-deadline.ts';
import type { PlainDate } from '../rules/plain-date.ts';
import { evolveCard, isHeld, isLive, type CardEvent, type CardState } from './card.ts';
import { decideCard } from './card-decider.ts';
import type { DecisionContext } from './decision-context.ts';
import { success, type Result } from './errors.ts';
import type { ResidentEvent, ResidentState } from './resident.ts';

export interface MoveIn {
  readonly moveInDate: PlainDate;
  readonly notificationDate: PlainDate;
  /** The 転出予定日 given to the town moved from, when known (R-7's 30-day limit). */
  readonly plannedMoveOutDate: PlainDate | null;
}

export interface MoveInFate {
  readonly events: CardEvent[];
  /** R-7's deadline for the 転入届, or null when the card was not one to carry along. */
  readonly deadline: PlainDate | null;
  readonly late: boolean;
}

/**
 * A card's fate on a 転入届 (R-7, R-8): abolished when the 転入届 came after the move-in deadline,
 * else its continued use must follow within the R-8 days, and its signature certificate is
 * revoked on the notification day: the 転入届 changes the address, one of the four basic facts
 * (docs/rules.md R-4, "Corrections 2026-12"; R-13's move-in row), whether the holder comes from
 * another town or back to this one. A card not in the holder's hands is left as it is.
 */
export function decideMoveIn(card: CardState, move: MoveIn, context: DecisionContext): Result<MoveInFate> {
  if (!isHeld(card)) return success({ events: [], deadline: null, late: false });
  const deadline = moveInDeadline({ moveInDate: move.moveInDate, ...(move.plannedMoveOutDate !== null && { plannedMoveOutDate: move.plannedMoveOutDate }) }, context.rules);
  if (!deadline.ok) return deadline;
  const late = move.notificationDate > deadline.value.deadline;
  if (late) {
    const abolished = decideCard({ type: 'abolish', on: context.today, reason: 'move-in-late' }, card, context);
    return abolished.ok ? success({ events: abolished.value, deadline: deadline.value.deadline, late }) : abolished;
  }
  const events: CardEvent[] = [];
  let current: CardState = card;
  for (const command of [
    { type: 'require-continuation', notificationDate: move.notificationDate },
    { type: 'revoke-signature', on: move.notificationDate, reason: 'move-in' },
  ] as const) {
    const decided = decideCard(command, current, context);
    if (!decided.ok) return decided;
    events.push(...decided.value);
    current = decided.value.reduce<CardState>(evolveCard, current);
  }
  return success({ events, deadline: deadline.value.deadline, late });
}

/**
 * A card on a 国外転出届: the active card kept for use abroad when 国外継続利用 was accepted
 * (its note, the signature certificate ending on the move-out date); any other live card
 * abolished on the planned move-out date by the sweep, and at once, dated on it, when that day
 * has come. An ended card is left as it is.
 */
export function decideMoveAbroad(card: CardState, event: Extract<ResidentEvent, { type: 'MovedOut' }>, context: DecisionContext): Result<CardEvent[]> {
  if (!isLive(card)) return success([]);
  const on = event.plannedMoveOutDate;
  if (event.keepCardAbroad === true && card.status === 'active') return decideCard({ type: 'keep-abroad', plannedMoveOutDate: on }, card, context);
  if (on <= context.today) return decideCard({ type: 'abolish', on, reason: 'moved-abroad' }, card, context);
  return decideCard({ type: 'schedule-abolition', on, reason: 'moved-abroad' }, card, context);
}

/** What one change of the resident record does to their live card. */
function reactTo(card: CardState, event: ResidentEvent, before: ResidentState, context: DecisionContext): Result<CardEvent[]> {
  switch (event.type) {
    // R-4 (seed): a change of address (in-city moves included) or name revokes the signature certificate.
    case 'AddressChanged':
      return isHeld(card) ? decideCard({ type: 'revoke-signature', on: event.effectiveDate, reason: 'address-change' }, card, context) : success([]);
    case 'NameChanged':
      return isHeld(card) ? decideCard({ type: 'revoke-signature', on: event.effectiveDate, reason: 'name-change' }, card, context) : success([]);
    // 転出届: moving abroad ends the card on the move-out date unless it is kept; a card still
    // waiting for continuation after a move in is abolished (seed: 継続手続きをしない場合…廃止);
    // otherwise the holder takes it along.
    case 'MovedOut':
      if (event.abroad) return decideMoveAbroad(card, event, context);
      if (card.continuation !== null) return decideCard({ type: 'abolish', on: context.today, reason: 'moved-out-before-continuation' }, card, context);
      return success([]);
    case 'MovedIn': {
      const fate = decideMoveIn(card, { moveInDate: event.moveInDate, notificationDate: event.notificationDate, plannedMoveOutDate: before.plannedMoveOutDate }, context);
      return fate.ok ? success(fate.value.events) : fate;
    }
    // The card follows a new period of stay only by its own extension; a number change has its own decider.
    // Death: the card is abolished as of the date of death, its certificates ending with it.
    case 'ResidentDied':
      return isLive(card) ? decideCard({ type: 'abolish', on: event.dateOfDeath, reason: 'death' }, card, context) : success([]);
    // Corrections 2026-12 (decision): an adult ward holds no signature certificate, so one still valid ends when the guardianship is recorded.
    case 'GuardianshipChanged':
      return event.adultWard && isHeld(card) ? decideCard({ type: 'revoke-signature', on: event.effectiveDate, reason: 'adult-ward' }, card, context) : success([]);
    case 'ResidentRegistered':
    case 'PeriodOfStayUpdated':
    case 'IndividualNumberChanged':
      return success([]);
    default: {
      const unhandled: never = event;
      throw new Error(`unknown resident event ${JSON.stringify(unhandled)}`);
    }
  }
}

/**
 * The events of the resident's live card that follow from the resident's own (a revoked
 * certificate, an abolition, a continuation to do), decided in order on the card as it becomes.
 */
export function reactToResident(card: CardState, before: ResidentState, events: readonly ResidentEvent[], context: DecisionContext): Result<CardEvent[]> {
  const reactions: CardEvent[] = [];
  let current = card;
  for (const event of events) {
    const decided = reactTo(current, event, before, context);
    if (!decided.ok) return decided;
    reactions.push(...decided.value);
    current = decided.value.reduce<CardState>(evolveCard, current);
  }
  return success(reactions);
}

/**
 * The card 国外継続利用 would keep, among a resident's live cards: the one in the holder's
 * hands, else the newest; its status is what R-17 asks about (none: nothing to keep).
 */
export function cardToKeepAbroad(cards: readonly CardState[]): CardState | undefined {
  const live = cards.filter(isLive);
  return live.find(isHeld) ?? live.at(-1);
}
