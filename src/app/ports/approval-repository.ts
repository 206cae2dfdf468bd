import type { Approval } from '../../domain/approval.ts';
import type { LockOption } from './store.ts';

/** An approval as the records keep it (docs/domain.md). */
export type ApprovalRecord = Approval;

export interface ApprovalRepository {
  insert(record: ApprovalRecord): Promise<void>;
  get(id: string, options?: LockOption): Promise<ApprovalRecord | undefined>;
  update(record: ApprovalRecord): Promise<void>;
  list(filter: { readonly status?: ApprovalRecord['status']; readonly residentId?: string; readonly limit: number }): Promise<ApprovalRecord[]>;
  count(status: ApprovalRecord['status']): Promise<number>;
}
