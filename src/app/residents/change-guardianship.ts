import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { VersionedInput } from '../command-input.ts';
import type { Idempotency } from '../command.ts';
import { residentCommand } from './resident-command.ts';

/** A guardianship (成年後見) begun or ended, from the day the court's decision took effect. */
export interface GuardianshipInput extends VersionedInput {
  readonly adultWard: boolean;
  readonly effectiveDate: PlainDate;
}

/**
 * 成年後見 recorded on the resident (docs/rules.md R-18): an adult ward is represented by the guardian
 * at the card procedures, may not send a voluntary proxy, and holds no signature certificate (a
 * valid one is revoked, reason `adult-ward`; Corrections 2026-12).
 */
export async function changeGuardianship(app: AppContext, actor: Actor, id: string, body: GuardianshipInput, idempotency?: Idempotency) {
  return residentCommand(
    app,
    actor,
    { action: 'resident.guardianship', idempotency },
    id,
    body.expectedVersion,
    { type: 'set-guardianship', adultWard: body.adultWard, effectiveDate: body.effectiveDate },
    { kind: 'guardianship', details: { adultWard: body.adultWard, effectiveDate: body.effectiveDate } },
  );
}
