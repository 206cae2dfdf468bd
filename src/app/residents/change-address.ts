import type { Static } from 'typebox';
import { Procedure } from '../../rules/procedures.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import type { AddressChangeBody } from '../schemas.ts';
import type { Idempotency } from '../command.ts';
import { residentCommand } from './resident-command.ts';

/** An in-city move (転居): the address changes and the signature certificate is revoked (R-4, seed). */
export async function changeAddress(app: AppContext, actor: Actor, id: string, body: Static<typeof AddressChangeBody>, idempotency?: Idempotency) {
  return residentCommand(
    app,
    actor,
    { action: 'resident.change-address', idempotency, proxy: { approvalId: body.proxyApprovalId, procedure: Procedure.AddressChangeNotification } },
    id,
    body.expectedVersion,
    { type: 'change-address', address: body.address, effectiveDate: body.effectiveDate },
    { kind: 'address-change' },
  );
}
