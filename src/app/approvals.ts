import { checkEnquiryFor, decideApproval as decideApprovalOf } from '../domain/approval.ts';
import { DomainErrorCode, refuse, success } from '../domain/errors.ts';
import { Procedure } from '../rules/procedures.ts';
import { holderOf } from '../domain/holder.ts';
import { checkRepresentation, type LegalRepresentative } from '../domain/representation.ts';
import { decisionContext } from './context.ts';
import type { Actor } from './actor.ts';
import { runCommand } from './command.ts';
import type { AppContext } from './context.ts';
import type { ApprovalRecord } from './ports/approval-repository.ts';
import { checkProxyApproval } from './proxy.ts';
import { numberChangeFor } from './residents/change-number.ts';
import type { Idempotency } from './command.ts';
import type { IdentityDocument } from '../rules/identity-documents.ts';
import type { ProxyInput } from './command-input.ts';
import type { ProxyProcedure } from './proxy-procedures.ts';
import type { Result } from './app-errors.ts';

/** A proxy procedure asked for: the recorded prior enquiry, and who the proxy is with what authority. */
export interface ProxyApprovalRequest {
  readonly kind: 'proxy';
  readonly residentId: string;
  readonly enquiryId: string;
  readonly procedure: ProxyProcedure;
  readonly proxy: {
    readonly name: string;
    readonly relationship: string;
    readonly identityDocuments: readonly IdentityDocument[];
    /** e.g. 委任状, 登記事項証明書. */
    readonly authorityDocument: string;
  };
}

/** An individual-number change asked for, by the holder or by a proxy with an approval of its own. */
export interface NumberChangeApprovalRequest extends ProxyInput<'resident.change-number'> {
  readonly kind: 'number-change';
  readonly residentId: string;
  readonly reason: string;
  /** for a holder under 15 or an adult ward, the 法定代理人 who asks; checked now and when carried out. */
  readonly legalRepresentative?: LegalRepresentative | undefined;
}

export type ApprovalRequestInput = ProxyApprovalRequest | NumberChangeApprovalRequest;

/** A supervisor's decision, with a note. */
export interface ApprovalDecisionInput {
  readonly note?: string;
}

/**
 * A request for a supervisor: a proxy procedure (with its recorded prior enquiry, which must have
 * been about that procedure, and the proxy's identity and authority document), or an individual-number change — asked for by the holder, or
 * by a proxy whose own approval is checked now and used when the change is carried out.
 */
export async function requestApproval(app: AppContext, actor: Actor, body: ApprovalRequestInput, idempotency?: Idempotency): Promise<Result<ApprovalRecord>> {
  return runCommand(app, actor, { action: 'approval.request', permission: 'approval.request', subjectType: 'resident', subjectId: body.residentId, idempotency }, async (tx, note) => {
    const resident = await tx.residents.get(body.residentId);
    if (!resident) return refuse(DomainErrorCode.ResidentNotFound, `no resident ${body.residentId}`);
    let payload: Record<string, unknown>;
    if (body.kind === 'proxy') {
      const enquiry = checkEnquiryFor(await tx.enquiries.get(body.enquiryId), body.residentId, body.procedure);
      if (!enquiry.ok) return enquiry;
      payload = { enquiryId: enquiry.value.id, enquiredOn: enquiry.value.enquiredOn, proxy: body.proxy };
    } else {
      const proxy = await checkProxyApproval(tx, actor, { approvalId: body.proxyApprovalId, procedure: Procedure.NumberChange }, body.residentId);
      if (!proxy.ok) return proxy;
      // R-18 before a supervisor is asked: the change itself checks it again on the day it is carried out.
      const acting = { legalRepresentative: body.legalRepresentative, withProxyApproval: body.proxyApprovalId !== undefined };
      const context = decisionContext(app);
      const represented = checkRepresentation(Procedure.NumberChange, holderOf(resident.state), context.today, acting, context);
      if (represented) return represented;
      payload = {
        reason: body.reason,
        ...(body.proxyApprovalId !== undefined && { proxyApprovalId: body.proxyApprovalId }),
        ...(body.legalRepresentative !== undefined && { legalRepresentative: body.legalRepresentative }),
      };
    }
    const record: ApprovalRecord = {
      id: app.ids.next(),
      kind: body.kind,
      status: 'pending',
      residentId: body.residentId,
      procedure: body.kind === 'proxy' ? body.procedure : Procedure.NumberChange,
      payload,
      requestedBy: actor.id,
      requestedOfficeId: actor.officeId,
      requestedAt: app.clock.now(),
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
      usedAt: null,
    };
    await tx.approvals.insert(record);
    note.details = { approvalId: record.id, kind: record.kind, procedure: record.procedure };
    return success(record);
  });
}

/**
 * A supervisor of the requesting office approves or refuses, never their own request. An
 * approved number change is carried out at once; an approved proxy may then act once.
 */
export async function decideApproval(
  app: AppContext,
  actor: Actor,
  id: string,
  approve: boolean,
  body: ApprovalDecisionInput,
  idempotency?: Idempotency,
): Promise<Result<ApprovalRecord>> {
  return runCommand(
    app,
    actor,
    { action: approve ? 'approval.approve' : 'approval.refuse', permission: 'approval.decide', subjectType: 'approval', subjectId: id, idempotency },
    async (tx, note) => {
      const record = await tx.approvals.get(id, { lock: true });
      if (!record) return refuse(DomainErrorCode.ApprovalNotFound, `no approval ${id}`);
      const outcome = decideApprovalOf(record, { approve, by: actor, at: app.clock.now(), note: body.note ?? null });
      if (!outcome.ok) return outcome;
      const decided = outcome.value;
      note.details = { kind: record.kind, residentId: record.residentId };
      if (approve && record.kind === 'number-change') {
        const { reason, proxyApprovalId, legalRepresentative } = record.payload;
        const changed = await numberChangeFor(app, tx, actor, record.residentId, {
          reason: String(reason),
          ...(typeof proxyApprovalId === 'string' && { proxyApprovalId }),
          ...(legalRepresentative !== undefined && { legalRepresentative: legalRepresentative as LegalRepresentative }),
        });
        if (!changed.ok) return changed;
        await tx.approvals.update({ ...decided, status: 'used', usedAt: decided.decidedAt });
        return success({ ...decided, status: 'used' as const, usedAt: decided.decidedAt });
      }
      await tx.approvals.update(decided);
      return success(decided);
    },
  );
}

/** A request as the approvals screen lists it: with the resident's name and kana, to decide without opening the record. */
export interface ListedApproval extends ApprovalRecord {
  readonly resident: { readonly name: string; readonly kana: string } | null;
}

export async function listApprovals(app: AppContext, filter: { status?: ApprovalRecord['status'] | undefined; residentId?: string | undefined }): Promise<ListedApproval[]> {
  const approvals = await app.store.read.approvals.list({ ...(filter.status && { status: filter.status }), ...(filter.residentId && { residentId: filter.residentId }), limit: 200 });
  const residents = new Map(
    (await app.store.read.residents.getMany([...new Set(approvals.map((approval) => approval.residentId))])).map(({ state }) => [
      state.id,
      { name: `${state.familyName} ${state.givenName}`, kana: `${state.familyNameKana} ${state.givenNameKana}` },
    ]),
  );
  return approvals.map((approval) => ({ ...approval, resident: residents.get(approval.residentId) ?? null }));
}
