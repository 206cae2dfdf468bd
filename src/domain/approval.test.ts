import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../rules/plain-date.ts';
import { checkApprovalUse, checkEnquiryFor, decideApproval, type Approval, type Enquiry } from './approval.ts';
import { residentRegistryPinRefusal } from './card-checks.ts';
import { accepted, expectRefused } from './testing/given.ts';

const pending: Approval = {
  id: 'approval-1',
  kind: 'proxy',
  status: 'pending',
  residentId: 'resident-1',
  procedure: 'pin-reset',
  payload: { enquiryId: 'enquiry-1' },
  requestedBy: 'clerk-1',
  requestedOfficeId: 'honcho',
  requestedAt: '2026-12-01T01:00:00Z',
  decidedBy: null,
  decidedAt: null,
  decisionNote: null,
  usedAt: null,
};
const enquiry: Enquiry = {
  id: 'enquiry-1',
  residentId: 'resident-1',
  enquiredOn: '2026-11-30' as PlainDate,
  callerName: '江戸川 一郎',
  relationship: '子',
  procedure: 'pin-reset',
  notes: '',
  recordedBy: 'clerk-1',
  recordedAt: '2026-11-30T02:00:00Z',
};
const supervisor = { id: 'supervisor-1', officeId: 'honcho' };

describe('代理人 (proxy): a prior enquiry, a supervisor of the office, one use', () => {
  it('asks for a proxy only after an enquiry about this resident and this procedure', () => {
    expect(accepted(checkEnquiryFor(enquiry, 'resident-1', 'pin-reset'))).toBe(enquiry);
    expectRefused(checkEnquiryFor(undefined, 'resident-1', 'pin-reset'), 'PROXY.ENQUIRY_NOT_FOUND');
    expectRefused(checkEnquiryFor(enquiry, 'resident-2', 'pin-reset'), 'PROXY.ENQUIRY_NOT_FOUND');
    expectRefused(checkEnquiryFor(enquiry, 'resident-1', 'continuation'), 'INPUT.INVALID');
  });

  it('is decided by another supervisor of the office that asked, once, and refused only with a reason', () => {
    const approved = accepted(decideApproval(pending, { approve: true, by: supervisor, at: '2026-12-01T02:00:00Z', note: null }));
    expect(approved).toMatchObject({ status: 'approved', decidedBy: 'supervisor-1', decidedAt: '2026-12-01T02:00:00Z' });
    expect(accepted(decideApproval(pending, { approve: false, by: supervisor, at: '2026-12-01T02:00:00Z', note: '本人に確認できず' }))).toMatchObject({ status: 'refused', decisionNote: '本人に確認できず' });
    for (const note of [null, '', '  ']) expectRefused(decideApproval(pending, { approve: false, by: supervisor, at: '2026-12-01T02:00:00Z', note }), 'INPUT.INVALID');
    expectRefused(decideApproval(approved, { approve: true, by: supervisor, at: '2026-12-01T03:00:00Z', note: null }), 'APPROVAL.ALREADY_DECIDED', { approvalStatus: 'approved' });
    expectRefused(decideApproval(pending, { approve: true, by: { id: 'clerk-1', officeId: 'honcho' }, at: '2026-12-01T02:00:00Z', note: null }), 'APPROVAL.SELF_APPROVAL');
    expectRefused(decideApproval(pending, { approve: true, by: { id: 'supervisor-2', officeId: 'kasai' }, at: '2026-12-01T02:00:00Z', note: null }), 'AUTH.OFFICE_NOT_ALLOWED', { officeId: 'honcho' });
  });

  it('is used only for its resident and its procedure, approved and not yet used', () => {
    const approved: Approval = { ...pending, status: 'approved', decidedBy: 'supervisor-1' };
    expect(accepted(checkApprovalUse(approved, 'approval-1', 'resident-1', 'pin-reset'))).toBe(approved);
    expectRefused(checkApprovalUse(undefined, 'approval-1', 'resident-1', 'pin-reset'), 'APPROVAL.NOT_FOUND');
    expectRefused(checkApprovalUse({ ...approved, kind: 'number-change' }, 'approval-1', 'resident-1', 'pin-reset'), 'APPROVAL.NOT_FOUND');
    expectRefused(checkApprovalUse(approved, 'approval-1', 'resident-2', 'pin-reset'), 'APPROVAL.NOT_USABLE');
    expectRefused(checkApprovalUse(pending, 'approval-1', 'resident-1', 'pin-reset'), 'APPROVAL.NOT_USABLE', { approvalStatus: 'pending' });
    expectRefused(checkApprovalUse({ ...approved, status: 'used' }, 'approval-1', 'resident-1', 'pin-reset'), 'APPROVAL.NOT_USABLE', { approvalStatus: 'used' });
    expectRefused(checkApprovalUse(approved, 'approval-1', 'resident-1', 'continuation'), 'APPROVAL.NOT_USABLE', { approvedProcedure: 'pin-reset', procedure: 'continuation' });
  });
});

describe('住民基本台帳事務用 PIN (R-12): a wrong entry refuses the command, saying what is left', () => {
  it('passes a right PIN, counts a wrong one down, and offers the reset once it is locked', () => {
    expect(residentRegistryPinRefusal({ ok: true, remainingAttempts: 3, locked: false })).toBeUndefined();
    expectRefused(residentRegistryPinRefusal({ ok: false, remainingAttempts: 1, locked: false })!, 'PIN.MISMATCH', { kind: 'resident-registry', remainingAttempts: 1 });
    expectRefused(residentRegistryPinRefusal({ ok: false, remainingAttempts: 0, locked: true })!, 'PIN.LOCKED', { kind: 'resident-registry', remainingAttempts: 0 });
  });
});
