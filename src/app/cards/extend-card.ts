import { holderOf } from '../../domain/holder.ts';
import { Procedure } from '../../rules/procedures.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { ProxyInput, VersionedInput } from '../command-input.ts';
import type { Idempotency } from '../command.ts';
import { cardCommand } from './card-command.ts';
import { decideAndSave } from './card-command.ts';

/** The new end of the period of stay, or an application for one still pending. */
export interface ExtensionInput extends VersionedInput, ProxyInput<'card.extension'> {
  readonly newPeriodOfStayEnd?: PlainDate;
  readonly applicationPending?: boolean;
  readonly today: PlainDate;
}

/** A foreign resident's card follows the period of stay; the residence card is shown, no photo. */
export async function extendCard(app: AppContext, actor: Actor, id: string, body: ExtensionInput, idempotency?: Idempotency) {
  return cardCommand(
    app,
    actor,
    id,
    { action: 'card.extension', permission: 'card.counter-procedure', expectedVersion: body.expectedVersion, idempotency, proxy: { approvalId: body.proxyApprovalId, procedure: Procedure.ValidityExtension } },
    async (w) =>
      decideAndSave(
        app,
        actor,
        w,
        {
          type: 'extend',
          on: body.today,
          ...(body.newPeriodOfStayEnd !== undefined && { newPeriodOfStayEnd: body.newPeriodOfStayEnd }),
          ...(body.applicationPending !== undefined && { applicationPending: body.applicationPending }),
          holder: holderOf(await w.resident()),
        },
        { kind: 'validity-extension', documents: ['residence-card', 'my-number-card'] },
      ),
  );
}
