import { checkApprovalUse } from '../domain/approval.ts';
import { success } from '../domain/errors.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './context.ts';
import type { ApprovalRecord } from './ports/approval-repository.ts';
import type { Repositories } from './ports/store.ts';
import type { ProxyProcedure } from './proxy-procedures.ts';
import type { Result } from './app-errors.ts';

/** The approval a command was given, and the R-13 procedure it must name. */
export interface ProxyRequest {
  readonly approvalId: string | undefined;
  readonly procedure: ProxyProcedure;
}

/** What the procedure record keeps of a proxy: the approval, the proxy's identity and authority, who approved and who served. */
export type ProxyRecord = Record<string, unknown>;

interface CheckedApproval {
  readonly approval: ApprovalRecord;
  readonly record: ProxyRecord;
}

/**
 * A proxy (代理人) acts only with a recorded prior enquiry and a supervisor's approval (docs/domain.md,
 * procedure 11). The approval names the resident and the R-13 procedure; it must be approved and
 * not yet used. Null when no approval was given: the holder (or a household member) came.
 */
export async function checkProxyApproval(
  tx: Repositories,
  actor: Actor,
  request: ProxyRequest,
  residentId: string,
): Promise<Result<CheckedApproval | null>> {
  const { approvalId, procedure } = request;
  if (approvalId === undefined) return success(null);
  const approval = checkApprovalUse(await tx.approvals.get(approvalId, { lock: true }), approvalId, residentId, procedure);
  if (!approval.ok) return approval;
  return success({ approval: approval.value, record: { approvalId, ...approval.value.payload, approvedBy: approval.value.decidedBy, usedBy: actor.id } });
}

/**
 * Does `work` for the proxy the approval names (or for the holder, when none was given or the
 * command takes no proxy) and marks the approval used only when the work is done: a refused
 * procedure, committed for its audit entry, leaves the approval as it was, so the proxy may try again.
 */
export async function useProxyApproval<T>(
  app: AppContext,
  tx: Repositories,
  actor: Actor,
  request: ProxyRequest | undefined,
  residentId: string,
  work: (proxy: ProxyRecord | null) => Promise<Result<T>>,
): Promise<Result<T>> {
  if (request === undefined) return work(null);
  const checked = await checkProxyApproval(tx, actor, request, residentId);
  if (!checked.ok) return checked;
  const result = await work(checked.value?.record ?? null);
  if (result.ok && checked.value) await tx.approvals.update({ ...checked.value.approval, status: 'used', usedAt: app.clock.now() });
  return result;
}
