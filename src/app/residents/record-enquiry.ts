import { DomainErrorCode, refuse, success } from '../../domain/errors.ts';
import type { Actor } from '../actor.ts';
import { runCommand, type Idempotency } from '../command.ts';
import type { AppContext } from '../context.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { ProxyProcedure } from '../proxy-procedures.ts';

/** A proxy's prior enquiry: who called, as what, and for which R-13 procedure. */
export interface ProxyEnquiryInput {
  readonly enquiredOn: PlainDate;
  readonly callerName: string;
  readonly relationship: string;
  readonly procedure: ProxyProcedure;
  readonly notes?: string;
}

/** A proxy's prior enquiry (代理人は必ず事前にお問い合わせください), recorded for the later approval. */
export async function recordEnquiry(app: AppContext, actor: Actor, residentId: string, body: ProxyEnquiryInput, idempotency?: Idempotency) {
  return runCommand(app, actor, { action: 'proxy.enquiry', permission: 'approval.request', subjectType: 'resident', subjectId: residentId, idempotency }, async (tx, note) => {
    if (!(await tx.residents.get(residentId))) return refuse(DomainErrorCode.ResidentNotFound, `no resident ${residentId}`);
    const record = {
      id: app.ids.next(),
      residentId,
      enquiredOn: body.enquiredOn,
      callerName: body.callerName,
      relationship: body.relationship,
      procedure: body.procedure,
      notes: body.notes ?? '',
      recordedBy: actor.id,
      recordedAt: app.clock.now(),
    };
    await tx.enquiries.insert(record);
    note.details = { enquiryId: record.id, procedure: body.procedure };
    return success(record);
  });
}
