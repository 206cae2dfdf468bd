import { holderOf } from '../../domain/holder.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { VersionedInput } from '../command-input.ts';
import type { Idempotency } from '../command.ts';
import { cardCommand } from './card-command.ts';
import { decideAndSave } from './card-command.ts';
import { drawPickupReference } from './pickup-reference.ts';

/** What the counter records when the made card arrives. */
export interface ManufactureInput extends VersionedInput {
  /** 発行日: the day the card was made. */
  readonly issueDate: PlainDate;
}

/**
 * The card has been made (by J-LIS) and arrived today: 発行日 and expiry are set; it waits at
 * its counter under a new 照会番号 (docs/pickup.md).
 */
export async function manufactureCard(app: AppContext, actor: Actor, id: string, body: ManufactureInput, idempotency?: Idempotency) {
  return cardCommand(app, actor, id, { action: 'card.manufacture', permission: 'card.counter-procedure', expectedVersion: body.expectedVersion, idempotency }, async (w) =>
    decideAndSave(
      app,
      actor,
      w,
      { type: 'manufacture', issueDate: body.issueDate, holder: holderOf(await w.resident()), readyOn: w.context.today, referenceNumber: await drawPickupReference(w.tx) },
      { kind: 'card-manufactured' },
    ),
  );
}
