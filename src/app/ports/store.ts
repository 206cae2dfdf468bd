import type { GuideFeedbackRepository } from './guide-feedback-repository.ts';
import type { StoreCondition } from '../store-fault.ts';
import type { AuditCheckpointFiles } from './audit-checkpoint-files.ts';
import type { ResidentRepository } from './resident-repository.ts';
import type { CardRepository } from './card-repository.ts';
import type { EventRepository } from './event-repository.ts';
import type { NumberRepository } from './number-repository.ts';
import type { ChipRepository } from './chip-repository.ts';
import type { ActRecordRepository } from './act-record-repository.ts';
import type { ReceiptRepository } from './receipt-repository.ts';
import type { AuditRepository } from './audit-repository.ts';
import type { IdempotencyRepository } from './idempotency-repository.ts';
import type { StaffRepository } from './staff-repository.ts';
import type { SessionRepository } from './session-repository.ts';
import type { ApprovalRepository } from './approval-repository.ts';
import type { EnquiryRepository } from './enquiry-repository.ts';
import type { JobRunRepository } from './job-run-repository.ts';
import type { ReportRepository } from './report-repository.ts';
import type { InstanceModeRepository } from './instance-mode-repository.ts';
import type { AppointmentRepository } from './appointment-repository.ts';
import type { MunicipalityRepository } from './municipality-repository.ts';

/**
 * The records, as the use cases need them (one file per port in `src/app/ports/`). `src/store`
 * implements the repositories on SQLite and PostgreSQL; `src/main.ts` wires them. Every
 * repository call inside `transaction` is part of one transaction: a command and its events,
 * audit entry and procedure record commit together.
 */
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
  /** The code's migrations against those the database has run (for the readiness check). */
  migrations(): Promise<MigrationStatus>;
  /** The database's size in bytes (SQLite: page_count × page_size; PostgreSQL: pg_database_size). */
  sizeBytes(): Promise<number>;
  /**
   * Refreshes the planner's statistics, after a bulk load or at start. `neverAnalysed` (a
   * server's start): on PostgreSQL only the tables that have no statistics yet — autovacuum keeps
   * the others', and a whole ANALYZE at ten million residents took minutes before the server
   * answered (docs/scale.md "Ten million residents").
   */
  optimize(options?: { readonly neverAnalysed?: boolean }): Promise<void>;
  close(): Promise<void>;
  /** One transaction: everything done through `tx` commits together or not at all. */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /** Reads outside a transaction, on the primary: they see every write that has committed. */
  readonly read: Repositories;
  /**
   * Reads that may be a moment behind the last commit: searches, reports and exports
   * (docs/architecture.md "Read replica"). The streaming replica at DATABASE_READ_URL when there
   * is one, else the same as `read`. Never for a read that must see a write just made (an
   * idempotency key, a record shown after its command): those use `read`.
   */
  readonly replica: Repositories;
  /** How the read replica is (for the readiness check); undefined when there is none. */
  replicaState(): Promise<ReplicaState | undefined>;
  /** Faults of the database as they happen (a full disk, a connection lost while idle). */
  readonly condition: StoreCondition;
  /** The checkpoints of the audit trail, kept outside the database (docs/security.md). */
  readonly auditCheckpoints: AuditCheckpointFiles;
  /**
   * A check of the database's own structure, cheap enough for every start (SQLite's
   * quick_check): a one-line description naming the file when it is damaged, else undefined.
   */
  checkIntegrity(): Promise<string | undefined>;
  /**
   * The store of another municipality of the same deployment, on the same connections
   * (docs/scale.md "Several municipalities"); PostgreSQL only: the embedded database serves one
   * municipality and refuses any other (ConfigError). Its close() leaves the connections open.
   */
  forMunicipality(code: string): Store;
}

export interface LockOption {
  /** Lock the row until the transaction ends (PostgreSQL); SQLite serialises writers anyway. */
  readonly lock?: boolean;
}

export interface Repositories {
  readonly residents: ResidentRepository;
  readonly cards: CardRepository;
  readonly events: EventRepository;
  readonly numbers: NumberRepository;
  readonly chip: ChipRepository;
  readonly acts: ActRecordRepository;
  readonly receipts: ReceiptRepository;
  readonly audit: AuditRepository;
  readonly idempotency: IdempotencyRepository;
  readonly staff: StaffRepository;
  readonly sessions: SessionRepository;
  readonly approvals: ApprovalRepository;
  readonly enquiries: EnquiryRepository;
  readonly jobRuns: JobRunRepository;
  readonly reports: ReportRepository;
  readonly guideFeedback: GuideFeedbackRepository;
  readonly instance: InstanceModeRepository;
  readonly appointments: AppointmentRepository;
  readonly municipalities: MunicipalityRepository;
}

/** Which migrations of the code the database has not run, and which it has run that the code does not know. */
export interface MigrationStatus {
  readonly pending: readonly string[];
  readonly unknown: readonly string[];
}

/**
 * The read replica as the readiness check reports it: answering, `lagSeconds` behind the primary
 * (0 when it has replayed all it received; null when it cannot tell), or not answering.
 */
export type ReplicaState = { readonly status: 'ok'; readonly lagSeconds: number | null } | { readonly status: 'unreachable' };

/** What the health checks need. */
export interface Database {
  /** Resolves once the database answers a query; rejects when it does not. */
  ping(): Promise<void>;
  migrations(): Promise<MigrationStatus>;
  /** The read replica's state, reported but never failing readiness; undefined when there is none. */
  replicaState(): Promise<ReplicaState | undefined>;
  close(): Promise<void>;
  /** Whether writes are refused for lack of space, though the database answers. */
  readonly condition: Pick<StoreCondition, 'full'>;
}
