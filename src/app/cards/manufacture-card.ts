import type { Static } from 'typebox';
import { holderOf } from '../../domain/holder.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import type { ManufactureBody } from '../schemas.ts';
import type { Idempotency } from '../command.ts';
import { cardCommand } from './card-command.ts';
import { decideAndSave } from './card-command.ts';

/** The card has been made (by J-LIS): 発行日 and expiry are set; it waits at its counter. */
export async function manufactureCard(app: AppContext, actor: Actor, id: string, body: Static<typeof ManufactureBody>, idempotency?: Idempotency) {
  return cardCommand(app, actor, id, { action: 'card.manufacture', permission: 'card.counter-procedure', expectedVersion: body.expectedVersion, idempotency }, async (w) =>
    decideAndSave(app, actor, w, { type: 'manufacture', issueDate: body.issueDate, holder: holderOf(await w.resident()) }, { kind: 'card-manufactured' }),
  );
}
