import type { PlainDate } from '../../rules/plain-date.ts';

export interface EnquiryRecord {
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

export interface EnquiryRepository {
  insert(record: EnquiryRecord): Promise<void>;
  get(id: string): Promise<EnquiryRecord | undefined>;
}
