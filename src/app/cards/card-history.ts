import type { CardEvent } from '../../domain/card.ts';
import { DomainErrorCode, refuse, success } from '../../domain/errors.ts';
import { authorize, type Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';

export async function cardHistory(app: AppContext, actor: Actor, id: string) {
  const allowed = authorize(actor, 'card.read');
  if (!allowed.ok) return allowed;
  const card = await app.store.read.cards.get(id);
  if (!card) return refuse(DomainErrorCode.CardNotFound, `no card ${id}`);
  const events = await app.store.read.events.list<CardEvent>(id);
  return success(events.map(({ version, event, recordedAt, actorId }) => ({ version, type: event.type, recordedAt, actorId, data: event })));
}
