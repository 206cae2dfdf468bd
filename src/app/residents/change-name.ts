import { Procedure } from '../../rules/procedures.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { ResidentName } from '../../domain/resident.ts';
import type { ProxyInput, VersionedInput } from '../command-input.ts';
import type { Idempotency } from '../command.ts';
import { residentCommand } from './resident-command.ts';

/** The new name with its readings (フリガナ), and the day it took effect. */
export interface NameChangeInput extends ResidentName, VersionedInput, ProxyInput<'resident.change-name'> {
  readonly effectiveDate: PlainDate;
}

/** A change of name: the signature certificate is revoked (R-4, seed). */
export async function changeName(app: AppContext, actor: Actor, id: string, body: NameChangeInput, idempotency?: Idempotency) {
  const { expectedVersion, proxyApprovalId, ...name } = body;
  return residentCommand(
    app,
    actor,
    { action: 'resident.change-name', idempotency, proxy: { approvalId: proxyApprovalId, procedure: Procedure.FamilyRegisterNotification } },
    id,
    expectedVersion,
    { type: 'change-name', ...name },
    { kind: 'name-change' },
  );
}
