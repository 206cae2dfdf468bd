import type { LockOption } from './store.ts';

export interface ApprovalRecord {
  readonly id: string;
  readonly kind: 'proxy' | 'number-change';
  readonly status: 'pending' | 'approved' | 'refused' | 'used';
  readonly residentId: string;
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

export interface ApprovalRepository {
  insert(record: ApprovalRecord): Promise<void>;
  get(id: string, options?: LockOption): Promise<ApprovalRecord | undefined>;
  update(record: ApprovalRecord): Promise<void>;
  list(filter: { readonly status?: ApprovalRecord['status']; readonly residentId?: string; readonly limit: number }): Promise<ApprovalRecord[]>;
  count(status: ApprovalRecord['status']): Promise<number>;
}
