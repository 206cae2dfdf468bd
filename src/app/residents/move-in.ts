import { Procedure } from '../../rules/procedures.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { ProxyInput, VersionedInput } from '../command-input.ts';
import type { Idempotency } from '../command.ts';
import { residentCommand } from './resident-command.ts';

/** 転入届 of a resident moving back in, and whether the card came along. */
export interface MoveInInput extends VersionedInput, ProxyInput<'resident.move-in'> {
  readonly moveInDate: PlainDate;
  readonly notificationDate: PlainDate;
  readonly address: string;
  /** The new address's 郵便番号; without it the record keeps none (the old one was the old address's). */
  readonly postalCode?: string;
  readonly cardPresented: boolean;
}

/** 転入届 of a resident of this system moving back in, with the card they took along. */
export async function moveIn(app: AppContext, actor: Actor, id: string, body: MoveInInput, idempotency?: Idempotency) {
  return residentCommand(
    app,
    actor,
    { action: 'resident.move-in', idempotency, proxy: { approvalId: body.proxyApprovalId, procedure: Procedure.MoveInNotification } },
    id,
    body.expectedVersion,
    { type: 'move-in', moveInDate: body.moveInDate, notificationDate: body.notificationDate, address: body.address, postalCode: body.postalCode ?? null, cardPresented: body.cardPresented },
    { kind: 'move-in', details: { cardPresented: body.cardPresented } },
  );
}
