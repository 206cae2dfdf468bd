import type { PlainDate } from '../../rules/plain-date.ts';

export interface ProcedureRecord {
  readonly id: string;
  readonly kind: string;
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

export interface ProcedureRepository {
  insert(record: ProcedureRecord): Promise<void>;
  /** Procedures of these kinds recorded at or after the instant `since` (whose business date is `sinceDate`), with their details. */
  recordedSince(kinds: readonly string[], sinceDate: PlainDate, since: string): Promise<{ readonly kind: string; readonly details: Readonly<Record<string, unknown>> }[]>;
  get(id: string): Promise<ProcedureRecord | undefined>;
  listByResident(residentId: string): Promise<ProcedureRecord[]>;
}
