import { decideCard, type CardCommand } from '../../domain/card-decider.ts';
import { Procedure } from '../../rules/procedures.ts';
import { holderOf } from '../../domain/holder.ts';
import type { LegalRepresentative } from '../../domain/representation.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { Presenter } from '../../rules/procedures.ts';
import type { ProxyInput, VersionedInput } from '../command-input.ts';
import type { Idempotency } from '../command.ts';
import { cardCommand } from './card-command.ts';
import { decideAndSave } from './card-command.ts';
import { checkResidentRegistryPin } from './card-command.ts';

/** 継続利用: the 住基 PIN, who brought the card and the day. */
export interface ContinuationInput extends VersionedInput, ProxyInput<'card.continuation'> {
  readonly pin: string;
  readonly presentedBy: Presenter;
  readonly date: PlainDate;
  /** The 法定代理人 of a holder under 15 on the day or an adult ward. */
  readonly legalRepresentative?: LegalRepresentative;
}

/**
 * 継続利用 after a move in, with the 住基 PIN: by the holder, a member of the household, or a
 * proxy with an approval (R-13 lets each of them come); who brought the card and the approval agree.
 */
export async function continueCard(app: AppContext, actor: Actor, id: string, body: ContinuationInput, idempotency?: Idempotency) {
  return cardCommand(
    app,
    actor,
    id,
    {
      action: 'card.continuation',
      permission: 'card.counter-procedure',
      expectedVersion: body.expectedVersion,
      idempotency,
      proxy: { approvalId: body.proxyApprovalId, procedure: Procedure.Continuation },
    },
    async (w) => {
      const command: CardCommand = {
        type: 'continue',
        on: body.date,
        presentedBy: body.presentedBy,
        withProxyApproval: body.proxyApprovalId !== undefined,
        holder: holderOf(await w.resident()),
        legalRepresentative: body.legalRepresentative,
      };
      const decided = decideCard(command, w.card, w.context);
      if (!decided.ok) return decided;
      const pin = await checkResidentRegistryPin(app, w, body.pin);
      if (!pin.ok) return pin;
      return decideAndSave(app, actor, w, command, { kind: 'continuation', details: { presentedBy: body.presentedBy }, legalRepresentative: body.legalRepresentative });
    },
  );
}
