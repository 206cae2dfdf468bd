import type { PlainDate } from '../../rules/plain-date.ts';
import type { Actor } from '../actor.ts';
import type { VersionedInput } from '../command-input.ts';
import type { AppContext } from '../context.ts';
import type { Idempotency } from '../command.ts';
import { residentCommand } from './resident-command.ts';

/** 死亡届 (or 職権消除): the date of death and the day it was notified. */
export interface DeathInput extends VersionedInput {
  readonly dateOfDeath: PlainDate;
  readonly notifiedOn: PlainDate;
}

/**
 * 死亡届 (or 職権消除) recorded (docs/rules.md "Death"): the resident becomes `deceased`, every live
 * card is abolished as of the date of death (reason death) with its certificates, and nothing
 * more can be done for them but a card handed back by the family (recorded as `returned`).
 */
export async function recordDeath(app: AppContext, actor: Actor, id: string, body: DeathInput, idempotency?: Idempotency) {
  return residentCommand(
    app,
    actor,
    { action: 'resident.record-death', idempotency },
    id,
    body.expectedVersion,
    { type: 'record-death', dateOfDeath: body.dateOfDeath, notifiedOn: body.notifiedOn },
    { kind: 'death', details: { dateOfDeath: body.dateOfDeath, notifiedOn: body.notifiedOn } },
  );
}
