import { cardToKeepAbroad } from '../../domain/card-reactions.ts';
import { Procedure } from '../../rules/procedures.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { ProxyInput, VersionedInput } from '../command-input.ts';
import type { Idempotency } from '../command.ts';
import { residentCommand } from './resident-command.ts';

/** 転出届: the planned day, where to, whether abroad, and whether the card is to be kept there. */
export interface MoveOutInput extends VersionedInput, ProxyInput<'resident.move-out'> {
  readonly plannedMoveOutDate: PlainDate;
  readonly destination: string;
  readonly abroad?: boolean;
  readonly keepCardAbroad?: boolean;
}

/**
 * 転出届. Abroad: the card works until the planned move-out date, when the nightly sweep
 * abolishes it (at once, dated on it, when that day has come), unless 国外継続利用 is asked and
 * allowed: then it gets the note 国外転出 and its signature certificate ends on that date. Within
 * Japan: a card still waiting for continuation after a move in is abolished (seed:
 * 継続手続きをしない場合…廃止); otherwise the holder takes it along.
 */
export async function moveOut(app: AppContext, actor: Actor, id: string, body: MoveOutInput, idempotency?: Idempotency) {
  const abroad = body.abroad ?? false;
  const keepCardAbroad = body.keepCardAbroad ?? false;
  return residentCommand(
    app,
    actor,
    { action: 'resident.move-out', idempotency, proxy: { approvalId: body.proxyApprovalId, procedure: Procedure.MoveOutNotification } },
    id,
    body.expectedVersion,
    (cards) => ({
      type: 'move-out',
      plannedMoveOutDate: body.plannedMoveOutDate,
      destination: body.destination,
      abroad,
      keepCardAbroad,
      cardStatus: cardToKeepAbroad(cards)?.status ?? null,
    }),
    { kind: abroad ? 'move-out-abroad' : 'move-out', details: { plannedMoveOutDate: body.plannedMoveOutDate, ...(keepCardAbroad && { keepCardAbroad }) } },
  );
}
