import { decideCard, type CardCommand } from '../../domain/card-decider.ts';
import { Procedure } from '../../rules/procedures.ts';
import { holderOf } from '../../domain/holder.ts';
import type { LegalRepresentative } from '../../domain/representation.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { ProxyInput, VersionedInput } from '../command-input.ts';
import type { Idempotency } from '../command.ts';
import { cardCommand } from './card-command.ts';
import { decideAndSave } from './card-command.ts';
import { checkResidentRegistryPin } from './card-command.ts';

/** 券面記載事項変更: the note, its date, and the 住民基本台帳事務用 PIN checked on the chip. */
export interface FrontNoteInput extends VersionedInput, ProxyInput<'card.front-note'> {
  readonly kind: 'address' | 'name' | 'other';
  readonly text: string;
  readonly date: PlainDate;
  readonly pin: string;
  /** The 法定代理人 of a holder under 15 on the day or an adult ward. */
  readonly legalRepresentative?: LegalRepresentative;
}

/** 券面記載事項変更: a dated note on the card's face, the 住基 PIN checked; a full field needs a free new card. */
export async function addFrontNote(app: AppContext, actor: Actor, id: string, body: FrontNoteInput, idempotency?: Idempotency) {
  return cardCommand(
    app,
    actor,
    id,
    { action: 'card.front-note', permission: 'card.counter-procedure', expectedVersion: body.expectedVersion, idempotency, proxy: { approvalId: body.proxyApprovalId, procedure: Procedure.FrontSideChange } },
    async (w) => {
      const command: CardCommand = {
        type: 'add-front-note',
        note: { kind: body.kind, text: body.text, date: body.date },
        holder: holderOf(await w.resident()),
        legalRepresentative: body.legalRepresentative,
        withProxyApproval: w.proxy !== null,
      };
      const decided = decideCard(command, w.card, w.context);
      if (!decided.ok) return decided;
      const pin = await checkResidentRegistryPin(app, w, body.pin);
      if (!pin.ok) return pin;
      return decideAndSave(app, actor, w, command, { kind: 'front-note', details: { noteKind: body.kind }, legalRepresentative: body.legalRepresentative });
    },
  );
}
