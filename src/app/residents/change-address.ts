import { Procedure } from '../../rules/procedures.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { ProxyInput, VersionedInput } from '../command-input.ts';
import type { Idempotency } from '../command.ts';
import { residentCommand } from './resident-command.ts';

/** 転居: the new address and the day it took effect. */
export interface AddressChangeInput extends VersionedInput, ProxyInput<'resident.change-address'> {
  readonly address: string;
  /** The new address's 郵便番号; without it the record keeps none (the old one was the old address's). */
  readonly postalCode?: string;
  readonly effectiveDate: PlainDate;
}

/** An in-city move (転居): the address changes and the signature certificate is revoked (R-4, seed). */
export async function changeAddress(app: AppContext, actor: Actor, id: string, body: AddressChangeInput, idempotency?: Idempotency) {
  return residentCommand(
    app,
    actor,
    { action: 'resident.change-address', idempotency, proxy: { approvalId: body.proxyApprovalId, procedure: Procedure.AddressChangeNotification } },
    id,
    body.expectedVersion,
    { type: 'change-address', address: body.address, postalCode: body.postalCode ?? null, effectiveDate: body.effectiveDate },
    { kind: 'address-change' },
  );
}
