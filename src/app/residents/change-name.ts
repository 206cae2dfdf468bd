import type { Static } from 'typebox';
import { Procedure } from '../../rules/procedures.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import type { NameChangeBody } from '../schemas.ts';
import type { Idempotency } from '../command.ts';
import { residentCommand } from './resident-command.ts';

/** A change of name: the signature certificate is revoked (R-4, seed). */
export async function changeName(app: AppContext, actor: Actor, id: string, body: Static<typeof NameChangeBody>, idempotency?: Idempotency) {
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
