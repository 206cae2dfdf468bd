import type { Static } from 'typebox';
import { Procedure } from '../../rules/procedures.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import type { MoveInBody } from '../schemas.ts';
import type { Idempotency } from '../command.ts';
import { residentCommand } from './resident-command.ts';

/** 転入届 of a resident of this system moving back in, with the card they took along. */
export async function moveIn(app: AppContext, actor: Actor, id: string, body: Static<typeof MoveInBody>, idempotency?: Idempotency) {
  return residentCommand(
    app,
    actor,
    { action: 'resident.move-in', idempotency, proxy: { approvalId: body.proxyApprovalId, procedure: Procedure.MoveInNotification } },
    id,
    body.expectedVersion,
    { type: 'move-in', moveInDate: body.moveInDate, notificationDate: body.notificationDate, address: body.address, cardPresented: body.cardPresented },
    { kind: 'move-in', details: { cardPresented: body.cardPresented } },
  );
}
