import { evolveCard, isLive, type CardEvent, type CardState } from '../domain/card.ts';
import { evolveResident, type ResidentEvent } from '../domain/resident.ts';
import { VersionConflict } from './command.ts';
import type { ResidentRecord } from './ports/resident-repository.ts';
import type { Repositories } from './ports/store.ts';

export interface Recorded {
  readonly at: string;
  readonly actorId: string | null;
}

/**
 * Records a card's new events and its read model in the caller's transaction. The row is
 * written only if it still has the version the command was decided on; else the whole command
 * is rolled back as a conflict.
 */
export async function saveCard(tx: Repositories, before: CardState | undefined, events: readonly CardEvent[], meta: Recorded): Promise<CardState> {
  if (events.length === 0) {
    if (!before) throw new Error('a new card needs an event');
    return before;
  }
  let after = before;
  for (const event of events) after = evolveCard(after, event);
  const state = after!;
  await tx.events.append('card', state.id, (before?.version ?? 0) + 1, events, meta);
  if (before === undefined) await tx.cards.insert(state, meta.at);
  else if (!(await tx.cards.update(state, before, meta.at))) throw new VersionConflict('CARD.VERSION_CONFLICT');
  return state;
}

/** The same for a resident; the record's phone and masked number travel with the state. */
export async function saveResident(
  tx: Repositories,
  before: ResidentRecord,
  events: readonly ResidentEvent[],
  meta: Recorded,
): Promise<ResidentRecord> {
  if (events.length === 0) return before;
  let state = before.state;
  for (const event of events) state = evolveResident(state, event);
  const after = { ...before, state };
  await tx.events.append('resident', state.id, before.state.version + 1, events, meta);
  if (!(await tx.residents.update(after, before, meta.at))) throw new VersionConflict('RESIDENT.VERSION_CONFLICT');
  return after;
}

/**
 * The resident's cards that count: applied, ready, active or suspended, oldest first. At most two:
 * an old card kept until the hand-over of its successor, and that successor.
 */
export async function liveCards(tx: Repositories, residentId: string, lock = false): Promise<CardState[]> {
  const live = (await tx.cards.listByResident(residentId)).filter(isLive);
  if (!lock) return live;
  const locked: CardState[] = [];
  for (const card of live) {
    const row = await tx.cards.get(card.id, { lock: true });
    if (row) locked.push(row);
  }
  return locked;
}
