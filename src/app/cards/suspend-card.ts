import type { SuspensionReason } from '../../domain/card.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import type { ProxyInput, VersionedInput } from '../command-input.ts';
import type { Idempotency } from '../command.ts';
import { cardCommand } from './card-command.ts';
import { decideAndSave } from './card-command.ts';

/** A lost or stolen card reported, by the hotline or at a counter, and who called. */
export interface SuspendInput extends VersionedInput, ProxyInput<'card.suspend'> {
  readonly reason: 'lost' | 'stolen';
  readonly channel: 'hotline' | 'counter';
  readonly caller?: { readonly name?: string; readonly relationship?: string; readonly phone?: string };
}

/**
 * 一時停止 of a lost or stolen card, by the 24-hour hotline or at a counter; the signature
 * certificate is revoked with it (R-4, L). A hotline operator can only use the hotline channel.
 */
export async function suspendCard(app: AppContext, actor: Actor, id: string, body: SuspendInput, idempotency?: Idempotency) {
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
