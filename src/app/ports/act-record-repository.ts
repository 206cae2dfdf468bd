import type { PlainDate } from '../../rules/plain-date.ts';

/**
 * What was done: each kind of act a counter, the hotline or the system records. An act carries
 * out an R-13 procedure (a `Procedure`, what a resident comes for) or is the system's own (the
 * calendar's expiries); the audit trail names the command behind it by its `AuditAction`.
 */
export const ACT_KINDS = [
  'resident-registration',
  'arrival',
  'address-change',
  'name-change',
  'move-out',
  'move-out-abroad',
  'move-in',
  'death',
  'period-of-stay-update',
  'guardianship',
  'number-change',
  'card-application',
  'card-manufactured',
  'card-issue',
  'card-suspension',
  'card-resumption',
  'pin-reset',
  'certificate-issue',
  'front-note',
  'continuation',
  'validity-extension',
  'card-reissue',
  'card-return',
  'card-expiry',
  'certificate-expiry',
  'card-abolition',
] as const;
export type ActKind = (typeof ACT_KINDS)[number];

/**
 * The record of one act (docs/domain.md "Procedure record"): who did what, for whom, where and when,
 * with the documents checked and the fee taken. What the counter prints and the reports count.
 */
export interface ActRecord {
  readonly id: string;
  readonly kind: ActKind;
  readonly residentId: string | null;
  readonly cardId: string | null;
  readonly staffId: string;
  readonly officeId: string;
  readonly occurredAt: string;
  readonly businessDate: PlainDate;
  readonly documents: readonly string[];
  readonly fee: number | null;
  readonly receiptNumber: string | null;
  readonly outcome: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly proxy: Readonly<Record<string, unknown>> | null;
}

export interface ActRecordRepository {
  insert(record: ActRecord): Promise<void>;
  /** Many at once (a delivery's cards). */
  insertMany(records: readonly ActRecord[]): Promise<void>;
  /** Acts of these kinds recorded at or after the instant `since` (whose business date is `sinceDate`), with their details. */
  recordedSince(kinds: readonly ActKind[], sinceDate: PlainDate, since: string): Promise<{ readonly kind: ActKind; readonly details: Readonly<Record<string, unknown>> }[]>;
  get(id: string): Promise<ActRecord | undefined>;
  listByResident(residentId: string): Promise<ActRecord[]>;
}
