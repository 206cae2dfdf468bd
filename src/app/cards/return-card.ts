import { Procedure } from '../../rules/procedures.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import type { ReturnReason } from '../../domain/card.ts';
import type { ProxyInput, VersionedInput } from '../command-input.ts';
import type { Idempotency } from '../command.ts';
import { cardCommand } from './card-command.ts';
import { decideAndSave } from './card-command.ts';

/** 返納: why the card comes back. */
export interface ReturnInput extends VersionedInput, ProxyInput<'card.return'> {
  readonly reason: ReturnReason;
}

/** 返納: the card handed back, when no longer needed, expired, replaced, or on moving abroad. */
export async function returnCard(app: AppContext, actor: Actor, id: string, body: ReturnInput, idempotency?: Idempotency) {
  return cardCommand(
    app,
    actor,
    id,
    { action: 'card.return', permission: 'card.counter-procedure', expectedVersion: body.expectedVersion, idempotency, proxy: { approvalId: body.proxyApprovalId, procedure: Procedure.Return } },
    (w) => decideAndSave(app, actor, w, { type: 'return', on: w.context.today, reason: body.reason }, { kind: 'card-return', details: { reason: body.reason } }),
  );
}
