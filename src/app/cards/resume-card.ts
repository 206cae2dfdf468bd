import { Procedure } from '../../rules/procedures.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import type { IdentityDocument } from '../../rules/identity-documents.ts';
import type { ProxyInput, VersionedInput } from '../command-input.ts';
import type { Idempotency } from '../command.ts';
import { cardCommand } from './card-command.ts';
import { decideAndSave } from './card-command.ts';

/** 一時停止解除: the documents the clerk checked. */
export interface ResumeInput extends VersionedInput, ProxyInput<'card.resume'> {
  readonly identityDocuments: readonly IdentityDocument[];
}

/** 一時停止解除: only at a counter with identity documents, never by phone (seed). */
export async function resumeCard(app: AppContext, actor: Actor, id: string, body: ResumeInput, idempotency?: Idempotency) {
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
