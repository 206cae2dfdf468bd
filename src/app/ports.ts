import type { CardEvent, CardState } from '../domain/card.ts';
import type { ResidentEvent, ResidentState } from '../domain/resident.ts';
import type { Role } from '../domain/roles.ts';
import type { Result } from '../domain/errors.ts';
import type { PlainDate } from '../rules/plain-date.ts';
import type { PinKind } from '../rules/policy.ts';
import type { StoreCondition } from './store-fault.ts';

/**
 * What the use cases need from the world. `src/store` implements the repositories on SQLite and
 * PostgreSQL; `src/main.ts` wires them. Every repository call inside `transaction` is part of one
 * transaction: a command and its events, audit entry and procedure record commit together.
 */
export interface Clock {
  /** The instant, ISO-8601 UTC. */
  now(): string;
  /** The calendar date in Japan (Asia/Tokyo) at this instant: the business date of an act. */
  today(): PlainDate;
}

export interface Ids {
  next(): string;
}

/**
 * Real time, for what lasts so long (a session, a setup code) whatever business date the Clock
 * is set to. The wall clock dates records and is what other processes share; an NTP step may
 * move it back or forth, so a duration within one process is measured on the monotonic clock.
 */
export interface RealTime {
  /** Milliseconds since 1970 by the wall clock. */
  wallMs(): number;
  /** Milliseconds from an arbitrary origin, never going back (performance.now()). */
  monotonicMs(): number;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * How many audit chains new entries spread over: one where writers are serialised anyway
   * (SQLite), several where they run in parallel (PostgreSQL), so that a chain's head lock is
   * not one lock for the whole city.
   */
  readonly auditChains: number;
  ping(): Promise<void>;
  migrate(): Promise<void>;
  /** Refreshes the planner's statistics, after a bulk load or at start. */
  optimize(): Promise<void>;
  close(): Promise<void>;
  /** One transaction: everything done through `tx` commits together or not at all. */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /** Reads outside a transaction. */
  readonly read: Repositories;
  /** Faults of the database as they happen (a full disk, a connection lost while idle). */
  readonly condition: StoreCondition;
  /** The checkpoints of the audit trail, kept outside the database (docs/security.md). */
  readonly auditCheckpoints: AuditCheckpointFiles;
  /**
   * A check of the database's own structure, cheap enough for every start (SQLite's
   * quick_check): a one-line description naming the file when it is damaged, else undefined.
   */
  checkIntegrity(): Promise<string | undefined>;
}

/** The ends of the checkpoint file and of its copy, and the last line this process wrote. */
export interface CheckpointTail {
  /** The last lines of the file (at least the last complete one), oldest first. */
  readonly lines: readonly string[];
  /** The last lines of the copy in the operator's second place, if one is configured. */
  readonly copy: readonly string[];
  /** The last line appended by this process, remembered in memory. */
  readonly written: string | undefined;
}

/**
 * Where the checkpoints of the audit trail are kept: lines of text appended to a file outside
 * the database (and to a copy in a second place), never rewritten. What a line says and how it
 * is signed is the use cases' business (audit-checkpoints.ts).
 */
export interface AuditCheckpointFiles {
  /** The municipality whose trail the checkpoints hold. */
  readonly municipalityCode: string;
  /** The checkpoint file, for messages. */
  readonly file: string;
  /** The copy, when the operator named a second place. */
  readonly copyFile: string | undefined;
  /** Every line of the file, oldest first, as a stream. */
  lines(): AsyncIterable<string>;
  /** The ends of the file and its copy: cheap whatever the file's length. */
  tail(): Promise<CheckpointTail>;
  /**
   * Holds a lock that excludes every other writer, this process's and other processes', while
   * `next` reads the tail and decides the line to append (or none); the line is then synced to
   * the file, and copied to the second place once the lock is released (a copy that fails is
   * reported, not thrown: the line is in the file).
   */
  append(next: (tail: CheckpointTail) => Promise<string | undefined>): Promise<{ readonly line: string | undefined; readonly copyError?: Error }>;
}

export interface LockOption {
  /** Lock the row until the transaction ends (PostgreSQL); SQLite serialises writers anyway. */
  readonly lock?: boolean;
}

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
  /** Whether the name (or address) started with the text, or only contained it. */
  readonly match: 'prefix' | 'contains';
  /** More residents contained the text than a search looks at. */
  readonly truncated: boolean;
}

export interface ResidentRepository {
  get(id: string, options?: LockOption): Promise<ResidentRecord | undefined>;
  insert(record: ResidentRecord, numberHash: string, at: string): Promise<void>;
  /** Many at once (bulk loading: imports, generated data). */
  insertMany(rows: readonly { readonly record: ResidentRecord; readonly numberHash: string }[], at: string): Promise<void>;
  /** Writes the new state if the stored version is still `previousVersion`; false when it is not. */
  update(record: ResidentRecord, previousVersion: number, at: string): Promise<boolean>;
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

export interface CardRepository {
  get(id: string, options?: LockOption): Promise<CardState | undefined>;
  listByResident(residentId: string): Promise<CardState[]>;
  listByResidents(residentIds: readonly string[]): Promise<CardState[]>;
  insert(state: CardState, at: string): Promise<void>;
  insertMany(states: readonly CardState[], at: string): Promise<void>;
  update(state: CardState, previousVersion: number, at: string): Promise<boolean>;
  /** Cards in id order after `afterId`, for walks over all of them. */
  page(afterId: string, limit: number): Promise<CardState[]>;
  count(): Promise<number>;
  /** Writes a read model rebuilt from the events, whatever the row held. */
  overwrite(state: CardState, at: string): Promise<void>;
  /**
   * Cards the nightly sweep must act on for the business day `today`, through an index by the
   * due date, so the work is proportional to what is due: expired (the day after the expiry),
   * lapsed (continuation not done by `lapsesOn`), or holding a certificate past its expiry.
   */
  due(kind: DueKind, today: PlainDate, limit: number): Promise<string[]>;
  countDue(kind: DueKind, today: PlainDate): Promise<number>;
}

export interface StoredEvent<E> {
  readonly version: number;
  readonly event: E;
  readonly recordedAt: string;
  readonly actorId: string | null;
}

export interface EventRepository {
  append(
    streamType: 'card' | 'resident',
    streamId: string,
    firstVersion: number,
    events: readonly (CardEvent | ResidentEvent)[],
    meta: { readonly at: string; readonly actorId: string | null },
  ): Promise<void>;
  appendMany(
    streams: readonly { readonly streamType: 'card' | 'resident'; readonly streamId: string; readonly events: readonly (CardEvent | ResidentEvent)[] }[],
    meta: { readonly at: string; readonly actorId: string | null },
  ): Promise<void>;
  list<E extends CardEvent | ResidentEvent>(streamId: string): Promise<StoredEvent<E>[]>;
}

export interface EncryptedNumber {
  readonly ciphertext: string;
  readonly keyId: string;
}

export interface NumberRepository {
  insert(record: {
    readonly id: string;
    readonly residentId: string;
    readonly encrypted: EncryptedNumber;
    readonly hash: string;
    readonly assignedOn: PlainDate;
  }): Promise<void>;
  insertMany(
    records: readonly { readonly id: string; readonly residentId: string; readonly encrypted: EncryptedNumber; readonly hash: string; readonly assignedOn: PlainDate }[],
  ): Promise<void>;
  current(residentId: string): Promise<EncryptedNumber | undefined>;
  /** The current numbers of many residents at once, by resident id. */
  currentOf(residentIds: readonly string[]): Promise<Map<string, EncryptedNumber>>;
  retireCurrent(residentId: string, on: PlainDate): Promise<void>;
  hashEverUsed(hash: string): Promise<boolean>;
  /** Which of these hashes any resident has ever had. */
  usedHashes(hashes: readonly string[]): Promise<Set<string>>;
  /** Up to `limit` numbers, current or past, written under another key than this one. */
  notUnderKey(keyId: string, limit: number): Promise<StoredNumber[]>;
  /** A number written again: its ciphertext and lookup hash under another key. */
  rewrite(id: string, encrypted: EncryptedNumber, hash: string): Promise<void>;
}

export interface StoredNumber {
  readonly id: string;
  readonly residentId: string;
  readonly encrypted: EncryptedNumber;
  readonly current: boolean;
}

export interface PinRecord {
  readonly kind: string;
  readonly hash: string;
  /** The master key whose pepper the hash took (null: before key ids were kept, any key of the ring). */
  readonly keyId: string | null;
  readonly failures: number;
  readonly locked: boolean;
}

export interface ChipRepository {
  list(cardId: string): Promise<PinRecord[]>;
  put(cardId: string, record: PinRecord, at: string): Promise<void>;
  /** New chips' PINs at once (bulk loading). */
  insertMany(rows: readonly { readonly cardId: string; readonly record: PinRecord }[], at: string): Promise<void>;
}

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

export interface ReceiptRepository {
  /** The next serial number of `officeId` in `year`, counting from 1. */
  next(officeId: string, year: number): Promise<number>;
}

export interface AuditEntry {
  /** Which of the municipality's audit chains the entry belongs to (entries of one subject share a chain). */
  readonly chain: number;
  /** The place of the entry in its chain, from 1. */
  readonly seq: number;
  readonly at: string;
  readonly actorId: string | null;
  readonly actorRole: string | null;
  readonly officeId: string | null;
  readonly action: string;
  readonly subjectType: string | null;
  readonly subjectId: string | null;
  readonly outcome: 'ok' | 'refused';
  readonly code: string | null;
  readonly details: Readonly<Record<string, unknown>>;
  readonly prevHash: string;
  readonly hash: string;
  /** The master key the hash was made with (null: before key ids were kept, any key of the ring). */
  readonly keyId: string | null;
}

export interface AuditFilter {
  readonly from?: string;
  readonly to?: string;
  readonly actorId?: string;
  readonly subjectId?: string;
  readonly action?: string;
  readonly limit: number;
}

/** A place in the audit trail and the hash of the entry there. */
export interface AuditPlace {
  readonly chain: number;
  readonly seq: number;
  readonly hash: string;
}

export interface AuditRepository {
  /** The last entry's sequence and hash of a chain, locking the chain's head until the transaction ends. */
  head(chain: number): Promise<{ readonly seq: number; readonly hash: string } | undefined>;
  /** Every chain's head as its row says, for verification and checkpoints. */
  heads(): Promise<AuditPlace[]>;
  /** The entries at these places (chain and sequence) that exist, with their hashes. */
  at(places: readonly { readonly chain: number; readonly seq: number }[]): Promise<AuditPlace[]>;
  append(entry: AuditEntry): Promise<void>;
  /** Entries in the order they were appended (never by their time: a clock may go back). */
  list(filter: AuditFilter): Promise<AuditEntry[]>;
  /** A chain's entries in sequence order, in batches, for verification. */
  scan(chain: number, afterSeq: number, limit: number): Promise<AuditEntry[]>;
}

export interface IdempotencyRepository {
  find(actorId: string, key: string): Promise<{ readonly fingerprint: string; readonly result: string } | undefined>;
  insert(actorId: string, key: string, fingerprint: string, result: string, at: string): Promise<void>;
}

/** A one-time setup code as stored: only its hash, and when it stops working. */
export interface SetupCodeRecord {
  readonly hash: string;
  readonly expiresAt: string;
}

export interface StaffRecord {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly role: Role;
  readonly officeId: string;
  /** null: the account has no password yet; it awaits setup with a code a supervisor issues. */
  readonly passwordHash: string | null;
  readonly mustChangePassword: boolean;
  /** false: disabled, no sign-in and no session. */
  readonly active: boolean;
  readonly setupCode: SetupCodeRecord | null;
}

export interface StaffRepository {
  insert(record: StaffRecord, at: string): Promise<void>;
  findByUsername(username: string): Promise<StaffRecord | undefined>;
  get(id: string): Promise<StaffRecord | undefined>;
  list(): Promise<StaffRecord[]>;
  /** A new password, or none (null); an outstanding setup code stops working either way. */
  setPassword(id: string, passwordHash: string | null, mustChange: boolean): Promise<void>;
  setSetupCode(id: string, code: SetupCodeRecord | null): Promise<void>;
  /** The first password, in exchange for the setup code whose hash is given: false when that code is no longer the account's. */
  useSetupCode(id: string, codeHash: string, passwordHash: string): Promise<boolean>;
  setActive(id: string, active: boolean): Promise<void>;
  setRole(id: string, role: Role, officeId: string): Promise<void>;
  count(): Promise<number>;
}

export interface SessionRecord {
  readonly tokenHash: string;
  readonly staffId: string;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revoked: boolean;
}

export interface SessionRepository {
  insert(record: SessionRecord): Promise<void>;
  find(tokenHash: string): Promise<SessionRecord | undefined>;
  /** A session with its staff member, in one query: what every signed-in request reads. */
  findWithStaff(tokenHash: string): Promise<{ readonly session: SessionRecord; readonly staff: StaffRecord } | undefined>;
  revoke(tokenHash: string): Promise<void>;
  /** Ends every session of a staff member (but the one named, if any); how many were still open. */
  revokeAllOf(staffId: string, exceptTokenHash?: string): Promise<number>;
}

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

export type DueKind = 'expiry' | 'lapse' | 'certificate';

export interface JobRun {
  readonly id: string;
  readonly job: string;
  readonly businessDate: PlainDate;
  readonly status: 'running' | 'done' | 'failed' | 'interrupted';
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly durationMs: number | null;
  readonly counts: Readonly<Record<string, number>>;
  readonly actorId: string;
  readonly error: string | null;
}

/** Which run may do a job now: one at a time, across processes and hosts. */
export interface JobLease {
  readonly runId: string;
  /** The host and process of the run, so that a lease whose process ended is known at once on that host. */
  readonly host: string;
  readonly pid: number;
  /** ISO-8601 UTC; the lease is free after it unless renewed. */
  readonly expiresAt: string;
}

export interface JobRunRepository {
  insert(run: JobRun): Promise<void>;
  update(run: JobRun): Promise<void>;
  list(job: string, limit: number): Promise<JobRun[]>;
  /** The job's lease, locked until the transaction ends (PostgreSQL); undefined when no run holds it. */
  lease(job: string): Promise<JobLease | undefined>;
  /** Gives the lease to a run; after `lease` in the same transaction. */
  holdLease(job: string, lease: JobLease): Promise<void>;
  /** Moves the lease's end if `runId` still holds it; false when another run has taken it. */
  renewLease(job: string, runId: string, expiresAt: string): Promise<boolean>;
  /** Frees the lease if `runId` holds it. */
  releaseLease(job: string, runId: string): Promise<void>;
}

/** A card with its holder, as the notices need them (never the individual number). */
export interface NoticeCandidate {
  readonly residentId: string;
  readonly cardId: string;
  readonly familyName: string;
  readonly givenName: string;
  readonly familyNameKana: string;
  readonly givenNameKana: string;
  readonly address: string;
  readonly residency: string;
  readonly periodOfStayEnd: PlainDate | null;
  readonly cardStatus: string;
  readonly expiryDate: PlainDate | null;
  /** Why the card ends then: a birthday, or the period of stay. */
  readonly expiryBasis: string | null;
  readonly pickupOfficeId: string;
  readonly continuationNotificationDate: PlainDate | null;
  readonly continuationDeadline: PlainDate | null;
  readonly continuationLapsesOn: PlainDate | null;
}

/** Which cards a notice is about, each through an index on the date it follows. */
export type NoticeQuery =
  | { readonly by: 'expiry'; readonly statuses: readonly string[]; readonly from: PlainDate; readonly to: PlainDate }
  | { readonly by: 'lapse'; readonly from: PlainDate; readonly to: PlainDate }
  | { readonly by: 'period-of-stay'; readonly from: PlainDate; readonly to: PlainDate };

/** Counts over the records for the supervisors' reports: read-only, grouped in the database. */
export interface ReportRepository {
  noticeCandidates(query: NoticeQuery): Promise<NoticeCandidate[]>;
  cardsByStatus(): Promise<{ officeId: string; status: string; count: number }[]>;
  proceduresByDay(from: PlainDate, to: PlainDate): Promise<{ date: PlainDate; kind: string; officeId: string; count: number }[]>;
  receipts(from: PlainDate, to: PlainDate): Promise<{ date: PlainDate; officeId: string; receiptNumber: string; kind: string; fee: number; occurredAt: string }[]>;
  /** Live cards (active or suspended) expiring, by month YYYY-MM. */
  expiriesByMonth(from: PlainDate, to: PlainDate): Promise<{ month: string; count: number }[]>;
  /** Continuations not done by their deadline, by the month the card lapses. */
  lapsesByMonth(from: PlainDate, to: PlainDate): Promise<{ month: string; count: number }[]>;
}

export interface Repositories {
  readonly residents: ResidentRepository;
  readonly cards: CardRepository;
  readonly events: EventRepository;
  readonly numbers: NumberRepository;
  readonly chip: ChipRepository;
  readonly procedures: ProcedureRepository;
  readonly receipts: ReceiptRepository;
  readonly audit: AuditRepository;
  readonly idempotency: IdempotencyRepository;
  readonly staff: StaffRepository;
  readonly sessions: SessionRepository;
  readonly approvals: ApprovalRepository;
  readonly enquiries: EnquiryRepository;
  readonly jobRuns: JobRunRepository;
  readonly reports: ReportRepository;
}

export interface PinCheck {
  readonly ok: boolean;
  readonly remainingAttempts: number;
  readonly locked: boolean;
}

export interface PinState {
  readonly set: boolean;
  readonly locked: boolean;
  readonly remainingAttempts: number;
}

/**
 * The card's chip (domain.md "The chip"): verify, set and reset PINs. The built-in adapter
 * simulates it in the database; a card reader adapter would offer the same operations.
 */
export interface CardChip {
  /**
   * PINs made ready for the chip (hashed), before the transaction that sets them: hashing takes
   * tens of milliseconds, which no transaction should hold the database for.
   */
  seal(pins: readonly { readonly kind: PinKind; readonly pin: string }[]): Promise<PinRecord[]>;
  /** Sets sealed PINs anew (at issue, on taking a card over, or a reset): no wrong entries, unlocked. */
  setPins(tx: Repositories, cardId: string, pins: readonly PinRecord[], at: string): Promise<void>;
  verify(tx: Repositories, cardId: string, kind: PinKind, pin: string, at: string): Promise<Result<PinCheck>>;
  states(tx: Repositories, cardId: string): Promise<Record<PinKind, PinState>>;
}

/** What the health check needs. */
export interface Database {
  /** Resolves once the database answers a query; rejects when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** Whether writes are refused for lack of space, though the database answers. */
  readonly condition: Pick<StoreCondition, 'full'>;
}
