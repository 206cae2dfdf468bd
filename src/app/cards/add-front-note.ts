import type { Static } from 'typebox';
import { decideCard, type CardCommand } from '../../domain/card-decider.ts';
import { Procedure } from '../../rules/procedures.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import type { FrontNoteBody } from '../schemas.ts';
import type { Idempotency } from '../command.ts';
import { cardCommand } from './card-command.ts';
import { decideAndSave } from './card-command.ts';
import { checkResidentRegistryPin } from './card-command.ts';

/** 券面記載事項変更: a dated note on the card's face, the 住基 PIN checked; a full field needs a free new card. */
export async function addFrontNote(app: AppContext, actor: Actor, id: string, body: Static<typeof FrontNoteBody>, idempotency?: Idempotency) {
  return cardCommand(
    app,
    actor,
    id,
    { action: 'card.front-note', permission: 'card.counter-procedure', expectedVersion: body.expectedVersion, idempotency, proxy: { approvalId: body.proxyApprovalId, procedure: Procedure.FrontSideChange } },
    async (w) => {
      const command: CardCommand = { type: 'add-front-note', note: { kind: body.kind, text: body.text, date: body.date } };
      const decided = decideCard(command, w.card, w.context);
      if (!decided.ok) return decided;
      const pin = await checkResidentRegistryPin(app, w, body.pin);
      if (!pin.ok) return pin;
      return decideAndSave(app, actor, w, command, { kind: 'front-note', details: { noteKind: body.kind } });
    },
  );
}
