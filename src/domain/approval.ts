import type { PlainDate } from '../rules/plain-date.ts';
import { DomainErrorCode, refuse, refuseField, success, type Result } from './errors.ts';

/**
 * A supervisor's approval (docs/domain.md procedures 9 and 11): of a proxy (代理人) for one R-13
 * procedure of one resident, or of an individual-number change. Asked for at an office, decided
 * by another supervisor of that office, used once.
 */
export interface Approval {
  readonly id: string;
  readonly kind: 'proxy' | 'number-change';
  readonly status: 'pending' | 'approved' | 'refused' | 'used';
  readonly residentId: string;
  /** The R-13 procedure it is for (the number change's own for a number change). */
  readonly procedure: string | null;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly requestedBy: string;
  readonly requestedOfficeId: string;
  readonly requestedAt: string;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly decisionNote: string | null;
  readonly usedAt: string | null;
}

/** A proxy's prior enquiry (代理人は必ず事前にお問い合わせください), which a proxy approval must follow. */
export interface Enquiry {
  readonly id: string;
  readonly residentId: string;
  readonly enquiredOn: PlainDate;
  readonly callerName: string;
  readonly relationship: string;
  readonly procedure: string;
  readonly notes: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

/** A proxy is asked for only after an enquiry about this resident and this very procedure. */
export function checkEnquiryFor(enquiry: Enquiry | undefined, residentId: string, procedure: string): Result<Enquiry> {
  if (!enquiry || enquiry.residentId !== residentId) {
    return refuse(DomainErrorCode.EnquiryNotFound, 'a proxy needs a recorded prior enquiry for this resident (代理人は事前にお問い合わせください)');
  }
  if (enquiry.procedure !== procedure) {
    return refuseField('procedure', `the enquiry of ${enquiry.enquiredOn} was for ${enquiry.procedure}; a proxy for ${procedure} must ask about it first`);
  }
  return success(enquiry);
}

/**
 * A supervisor of the office that asked decides a pending request, never their own: it becomes
 * approved, or refused with the reason.
 */
export function decideApproval(
  approval: Approval,
  decision: { readonly approve: boolean; readonly by: { readonly id: string; readonly officeId: string }; readonly at: string; readonly note: string | null },
): Result<Approval> {
  if (approval.status !== 'pending') return refuse(DomainErrorCode.ApprovalAlreadyDecided, `the request is already ${approval.status}`, { approvalStatus: approval.status });
  if (approval.requestedBy === decision.by.id) return refuse(DomainErrorCode.ApprovalSelf, 'a request is decided by another supervisor than the one who made it');
  if (approval.requestedOfficeId !== decision.by.officeId) {
    return refuse(DomainErrorCode.AuthOfficeNotAllowed, `the request was made at ${approval.requestedOfficeId}; a supervisor there decides it`, {
      officeId: approval.requestedOfficeId,
    });
  }
  // A refusal is told to the resident or the proxy, and read again in the audit: it says why.
  const note = decision.note?.trim() || null;
  if (!decision.approve && note === null) return refuseField('note', 'a refusal needs its reason');
  return success({ ...approval, status: decision.approve ? 'approved' : 'refused', decidedBy: decision.by.id, decidedAt: decision.at, decisionNote: note });
}

/**
 * A proxy acts with an approval that names this resident and the R-13 procedure the command
 * carries out, approved and not yet used (docs/domain.md procedure 11).
 */
export function checkApprovalUse(approval: Approval | undefined, approvalId: string, residentId: string, procedure: string): Result<Approval> {
  if (!approval || approval.kind !== 'proxy') return refuse(DomainErrorCode.ApprovalNotFound, `no proxy approval ${approvalId}`);
  if (approval.residentId !== residentId) return refuse(DomainErrorCode.ApprovalNotUsable, 'the proxy approval is for another resident');
  if (approval.status !== 'approved') {
    return refuse(DomainErrorCode.ApprovalNotUsable, `the proxy approval is ${approval.status}, not approved`, { approvalStatus: approval.status });
  }
  if (approval.procedure !== procedure) {
    return refuse(DomainErrorCode.ApprovalNotUsable, `the proxy approval is for ${approval.procedure}, not ${procedure}`, { approvedProcedure: approval.procedure, procedure });
  }
  return success(approval);
}
