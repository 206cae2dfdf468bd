import { decideCard } from '../../domain/card-decider.ts';
import type { PinKind } from '../../rules/policy.ts';
import type { Actor } from '../actor.ts';
import type { Idempotency } from '../command.ts';
import type { AppContext } from '../context.ts';
import { cardCommand } from './card-command.ts';

/** The PIN entered, checked on the chip. */
export interface PinVerifyInput {
  readonly pin: string;
}

/** A PIN typed on the counter's reader: right, wrong (counted), or locked. */
export async function verifyPin(app: AppContext, actor: Actor, id: string, kind: PinKind, body: PinVerifyInput, idempotency?: Idempotency) {
  return cardCommand(app, actor, id, { action: 'card.pin-verify', permission: 'card.counter-procedure', idempotency }, async (w) => {
    const allowed = decideCard({ type: 'verify-pin' }, w.card, w.context);
    if (!allowed.ok) return allowed;
    const check = await app.chip.verify(w.tx, w.card.id, kind, body.pin, w.meta.at);
    w.note.details = { kind, ...(check.ok && { ok: check.value.ok, locked: check.value.locked }) };
    return check;
  });
}
