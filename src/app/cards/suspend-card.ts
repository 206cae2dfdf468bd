import type { Static } from 'typebox';
import type { SuspensionReason } from '../../domain/card.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import type { SuspendBody } from '../schemas.ts';
import type { Idempotency } from '../command.ts';
import { cardCommand } from './card-command.ts';
import { decideAndSave } from './card-command.ts';

/**
 * 一時停止 of a lost or stolen card, by the 24-hour hotline or at a counter; the signature
 * certificate is revoked with it (R-4, L). A hotline operator can only use the hotline channel.
 */
export async function suspendCard(app: AppContext, actor: Actor, id: string, body: Static<typeof SuspendBody>, idempotency?: Idempotency) {
  return cardCommand(app, actor, id, { action: 'card.suspend', permission: 'card.suspend', expectedVersion: body.expectedVersion, idempotency }, (w) =>
    decideAndSave(
      app,
      actor,
      w,
      { type: 'suspend', on: w.context.today, reason: body.reason as SuspensionReason, channel: body.channel, by: actor.role },
      { kind: 'card-suspension', details: { reason: body.reason, channel: body.channel, ...(body.caller && { caller: body.caller }) } },
    ),
  );
}
