import type { ResidentState } from '../../domain/resident.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { LockOption } from './store.ts';

export interface ResidentRecord {
  readonly state: ResidentState;
  readonly phone: string | null;
  /** The last four digits of the individual number, for the masked form. */
  readonly numberLast4: string;
}

export interface ResidentQuery {
  readonly name?: string;
  readonly birthDate?: PlainDate;
  readonly address?: string;
  readonly phone?: string;
  readonly limit: number;
  readonly after?: { readonly key: string; readonly id: string };
  /** Continue a search whose first page matched by containing, not by starting with. */
  readonly match?: 'prefix' | 'contains';
}

export interface ResidentPage {
  readonly records: ResidentRecord[];
  /** The value of the ordering column for each record, for the next page's cursor. */
  readonly keys: string[];
  readonly order: string;
  /** Whether the last record's name (or address) started with the text, or only contained it: where the next page goes on. */
  readonly match: 'prefix' | 'contains';
  /** For each record, whether its name started with the text or contained it further on. */
  readonly matches: ('prefix' | 'contains')[];
  /** More residents contained the text than a search looks at. */
  readonly truncated: boolean;
}

export interface ResidentRepository {
  get(id: string, options?: LockOption): Promise<ResidentRecord | undefined>;
  insert(record: ResidentRecord, numberHash: string, at: string): Promise<void>;
  /** Many at once (bulk loading: imports, generated data). */
  insertMany(rows: readonly { readonly record: ResidentRecord; readonly numberHash: string }[], at: string): Promise<void>;
  /** Writes the new state if the stored version is still `previousVersion`; false when it is not. */
  /** Writes the changes from `previous` if the row is still at its version; false when it is not. */
  update(record: ResidentRecord, previous: ResidentRecord, at: string): Promise<boolean>;
  setNumber(id: string, numberHash: string, numberLast4: string): Promise<void>;
  residentCodeTaken(residentCode: string): Promise<boolean>;
  search(query: ResidentQuery): Promise<ResidentPage>;
  household(householdId: string): Promise<ResidentRecord[]>;
  count(): Promise<number>;
  /** Residents by 住民票コード with their number's hash, for imports. */
  findByResidentCodes(codes: readonly string[]): Promise<Map<string, { readonly id: string; readonly numberHash: string }>>;
  getMany(ids: readonly string[]): Promise<ResidentRecord[]>;
  /** Residents in id order after `afterId`, for exports. */
  page(afterId: string, limit: number): Promise<ResidentRecord[]>;
}
