import { DomainErrorCode, refuse, success, type Result } from '../domain/errors.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './context.ts';
import type { Repositories } from './ports.ts';

/**
 * A proxy (代理人) acts only with a recorded prior enquiry and a supervisor's approval
 * (domain.md, procedure 11). The approval names the resident and the procedure; it is used once.
 * Returns what the procedure record keeps of the proxy, or null when the holder came in person.
 */
export async function useProxyApproval(
  app: AppContext,
  tx: Repositories,
  actor: Actor,
  approvalId: string | undefined,
  residentId: string,
  procedure: string,
): Promise<Result<Record<string, unknown> | null>> {
  if (approvalId === undefined) return success(null);
  const approval = await tx.approvals.get(approvalId, { lock: true });
  if (!approval || approval.kind !== 'proxy') return refuse(DomainErrorCode.ApprovalNotFound, `no proxy approval ${approvalId}`);
  if (approval.residentId !== residentId) return refuse(DomainErrorCode.ApprovalNotUsable, 'the proxy approval is for another resident');
  if (approval.status !== 'approved') {
    return refuse(DomainErrorCode.ApprovalNotUsable, `the proxy approval is ${approval.status}, not approved`, { approvalStatus: approval.status });
  }
  if (approval.procedure !== procedure) {
    return refuse(DomainErrorCode.ApprovalNotUsable, `the proxy approval is for ${approval.procedure}, not ${procedure}`);
  }
  await tx.approvals.update({ ...approval, status: 'used', usedAt: app.clock.now() });
  return success({ approvalId, ...approval.payload, approvedBy: approval.decidedBy, usedBy: actor.id });
}
