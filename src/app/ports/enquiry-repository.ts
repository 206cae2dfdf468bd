import type { Enquiry } from '../../domain/approval.ts';

/** A prior enquiry as the records keep it. */
export type EnquiryRecord = Enquiry;

export interface EnquiryRepository {
  insert(record: EnquiryRecord): Promise<void>;
  get(id: string): Promise<EnquiryRecord | undefined>;
  /** A resident's enquiries, the latest first. */
  listByResident(residentId: string, limit: number): Promise<EnquiryRecord[]>;
}
