import type { Static } from 'typebox';
import { Procedure } from '../../rules/procedures.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import type { ResumeBody } from '../schemas.ts';
import type { Idempotency } from '../command.ts';
import { cardCommand } from './card-command.ts';
import { decideAndSave } from './card-command.ts';

/** 一時停止解除: only at a counter with identity documents, never by phone (seed). */
export async function resumeCard(app: AppContext, actor: Actor, id: string, body: Static<typeof ResumeBody>, idempotency?: Idempotency) {
  return cardCommand(
    app,
    actor,
    id,
    { action: 'card.resume', permission: 'card.counter-procedure', expectedVersion: body.expectedVersion, idempotency, proxy: { approvalId: body.proxyApprovalId, procedure: Procedure.SuspensionRelease } },
    (w) =>
      decideAndSave(app, actor, w, { type: 'resume', on: w.context.today, officeId: actor.officeId, identityDocuments: body.identityDocuments }, {
        kind: 'card-resumption',
        documents: body.identityDocuments,
      }),
  );
}
