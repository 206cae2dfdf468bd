import { Procedure } from '../../rules/procedures.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { ProxyInput, VersionedInput } from '../command-input.ts';
import type { Idempotency } from '../command.ts';
import { residentCommand } from './resident-command.ts';

/** 転出届: the planned day, where to, and whether abroad. */
export interface MoveOutInput extends VersionedInput, ProxyInput<'resident.move-out'> {
  readonly plannedMoveOutDate: PlainDate;
  readonly destination: string;
  readonly abroad?: boolean;
}

/**
 * 転出届: moving abroad abolishes the card; a card still waiting for continuation after a move
 * in is abolished too (seed: 継続手続きをしない場合…廃止); otherwise the holder takes it along.
 */
export async function moveOut(app: AppContext, actor: Actor, id: string, body: MoveOutInput, idempotency?: Idempotency) {
  const abroad = body.abroad ?? false;
  return residentCommand(
    app,
    actor,
    { action: 'resident.move-out', idempotency, proxy: { approvalId: body.proxyApprovalId, procedure: Procedure.MoveOutNotification } },
    id,
    body.expectedVersion,
    { type: 'move-out', plannedMoveOutDate: body.plannedMoveOutDate, destination: body.destination, abroad },
    { kind: abroad ? 'move-out-abroad' : 'move-out', details: { plannedMoveOutDate: body.plannedMoveOutDate } },
  );
}
