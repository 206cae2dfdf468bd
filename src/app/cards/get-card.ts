import { DomainErrorCode, refuse, success } from '../../domain/errors.ts';
import { authorize, type Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import type { CardView } from '../views.ts';
import { cardViewOf } from '../views.ts';
import type { Result } from '../app-errors.ts';

export async function getCard(app: AppContext, actor: Actor, id: string): Promise<Result<CardView>> {
  const allowed = authorize(actor, 'card.read');
  if (!allowed.ok) return allowed;
  const card = await app.store.read.cards.get(id);
  if (!card) return refuse(DomainErrorCode.CardNotFound, `no card ${id}`);
  return success(await cardViewOf(app, app.store.read, card, actor.role));
}
