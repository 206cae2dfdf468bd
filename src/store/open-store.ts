import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect, type LogConfig } from 'kysely';
import pg from 'pg';
import type { Repositories, Store } from '../app/ports/store.ts';
import { ConfigError } from '../app/config-error.ts';
import { StoreFault } from '../app/store-fault.ts';
import type { StoreDialect } from './dialect.ts';
import { faultAware, postgresFault, sqliteFault, storeCondition } from './faults.ts';
import { migrateToLatest, migrationStatus } from './migrator.ts';
import { withNamedStatements } from './postgres/named-statements.ts';
import { createMunicipalityPartitions } from './postgres/municipality-partitions.ts';
import { postgresDialect } from './postgres/postgres-dialect.ts';
import { openReadReplica } from './read-replica.ts';
import { auditCheckpointFiles } from './audit-checkpoint-files.ts';
import { approvalRepository, enquiryRepository } from './repositories/approval-repository.ts';
import { guideFeedbackRepository } from './repositories/guide-feedback-repository.ts';
import { appointmentRepository } from './repositories/appointment-repository.ts';
import { auditRepository } from './repositories/audit-repository.ts';
import { cardRepository } from './repositories/card-repository.ts';
import { chipRepository } from './repositories/chip-repository.ts';
import { eventRepository } from './repositories/event-repository.ts';
import { idempotencyRepository } from './repositories/idempotency-repository.ts';
import { reportRepository } from './repositories/report-repository.ts';
import { jobRunRepository } from './repositories/job-run-repository.ts';
import { instanceModeRepository } from './repositories/instance-mode-repository.ts';
import { municipalityRepository } from './repositories/municipality-repository.ts';
import { numberRepository } from './repositories/number-repository.ts';
import { actRecordRepository } from './repositories/act-record-repository.ts';
import { receiptRepository } from './repositories/receipt-repository.ts';
import { residentRepository } from './repositories/resident-repository.ts';
import type { Scope } from './repositories/scope.ts';
import { sessionRepository } from './repositories/session-repository.ts';
import { staffRepository } from './repositories/staff-repository.ts';
import type { Tables } from './schema.ts';
import { sqliteDialect } from './sqlite/sqlite-dialect.ts';
import { groupCommit } from './sqlite/group-commit.ts';
import { withStatementCache } from './sqlite/statement-cache.ts';

export const SQLITE_FILE_NAME = 'madoguchi.sqlite';

export interface StoreSettings {
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  /** A streaming replica of databaseUrl for searches, reports and exports (DATABASE_READ_URL; docs/architecture.md "Read replica"). */
  readonly databaseReadUrl?: string | undefined;
  readonly municipalityCode: string;
  /** How long a write waits for another process's write lock on the embedded database before it is refused (default 5 s). */
  readonly busyTimeoutMs?: number;
  /** A second place for the audit checkpoints (AUDIT_CHECKPOINT_COPY_DIR). */
  readonly checkpointCopyDir?: string | undefined;
  /**
   * Told the number of commands in each batch the embedded database's group commit runs (the
   * server's metrics); PostgreSQL commits each command on its own and never calls it.
   */
  readonly onCommitBatch?: (commands: number) => void;
  /**
   * How long PostgreSQL lets a session of this store sit idle inside a transaction before it ends
   * it, rolling the transaction back and releasing its locks (default 30 s; docs/architecture.md
   * "Databases"). Tests shorten it; 0 turns it off, for the bulk load whose transactions wait
   * for its COPY streams to drain (store/postgres/copy-generate.ts).
   */
  readonly idleInTransactionTimeoutMs?: number;
  /** Told each statement PostgreSQL's primary runs, with its parameters (Kysely's `log`): for tests that check what the repositories send. */
  readonly log?: LogConfig;
}

/**
 * No transaction of Madoguchi waits for a person or another service: what takes long (hashing a
 * password or new PINs, reading a file) is done before it begins, and checking one PIN inside it
 * takes tens of milliseconds, so its connection is idle inside it for milliseconds at a time. One idle for this long belongs to a process
 * that is paused (SIGSTOP, a hung VM) or cut off, and its locks (cards, the audit chains' heads)
 * would hold every clerk's command on them until it went on.
 */
export const IDLE_IN_TRANSACTION_TIMEOUT_MS = 30_000;

export interface OpenStore extends Store {
  readonly db: Kysely<Tables>;
}

/** How each repository is made for a scope. */
const REPOSITORIES: { readonly [K in keyof Repositories]: (scope: Scope) => Repositories[K] } = {
  residents: residentRepository,
  cards: cardRepository,
  events: eventRepository,
  numbers: numberRepository,
  chip: chipRepository,
  acts: actRecordRepository,
  receipts: receiptRepository,
  audit: auditRepository,
  idempotency: idempotencyRepository,
  staff: staffRepository,
  sessions: sessionRepository,
  approvals: approvalRepository,
  enquiries: enquiryRepository,
  jobRuns: jobRunRepository,
  reports: reportRepository,
  guideFeedback: guideFeedbackRepository,
  instance: instanceModeRepository,
  appointments: appointmentRepository,
  municipalities: municipalityRepository,
};

const SCOPE = Symbol('scope');

/**
 * The repositories of a transaction, each made when the work first uses it: every transaction
 * gets its own, and making all eighteen for each (a few hundred closures, each named at run time
 * by the TypeScript loader) was a sixth of a hotline suspension's time (docs/architecture.md
 * "Performance"). A command uses four or five.
 */
const lazyRepositories: object = Object.create(
  null,
  Object.fromEntries(
    Object.entries(REPOSITORIES).map(([name, make]) => [
      name,
      {
        enumerable: true,
        get(this: { [SCOPE]: Scope }) {
          const repository = (make as (scope: Scope) => unknown)(this[SCOPE]);
          Object.defineProperty(this, name, { value: repository, enumerable: true, writable: true, configurable: true });
          return repository;
        },
      },
    ]),
  ),
);

function repositories(scope: Scope): Repositories {
  const made = Object.create(lazyRepositories) as Repositories & { [SCOPE]: Scope };
  made[SCOPE] = scope;
  return made;
}

/**
 * The database file is made owner-only before SQLite opens it (an older one is made so too), as
 * are a journal left beside it: SQLite makes its -wal and -shm files with the database's mode,
 * and its own default is readable by everyone.
 */
function ownerOnly(database: string): void {
  closeSync(openSync(database, 'a', 0o600));
  for (const file of [database, `${database}-wal`, `${database}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
}

/**
 * The embedded SQLite file under DATA_DIR by default (WAL so readers never wait for the writer,
 * synchronous=FULL so a committed procedure survives a power cut), or PostgreSQL at DATABASE_URL.
 */
export function openStore(settings: StoreSettings): OpenStore {
  const scope = (on: Kysely<Tables>, dialect: StoreDialect, municipalityCode = settings.municipalityCode): Scope => ({ db: on, dialect, municipalityCode });
  const auditCheckpoints = auditCheckpointFiles({ dataDir: settings.dataDir, municipalityCode: settings.municipalityCode, copyDir: settings.checkpointCopyDir });
  if (settings.databaseUrl !== undefined) {
    const condition = storeCondition(postgresFault);
    // A database that does not answer refuses a request after 10 s rather than holding it for ever;
    // keep-alive finds a connection whose server went away without a word (a failover).
    const pool = new pg.Pool({ connectionString: settings.databaseUrl, max: 20, connectionTimeoutMillis: 10_000, keepAlive: true });
    // A connection that breaks (a restart, a failover, pg_terminate_backend, a proxy's idle
    // timeout) emits 'error': without a listener Node ends the process. The pool drops the broken
    // client and opens a new one when next asked; a request on it fails with a StoreFault (503).
    pool.on('error', (error) => condition.background(new StoreFault('unavailable', (error as { code?: string }).code ?? 'CONNECTION_LOST', `a pooled connection to the database was lost: ${error.message}`, { cause: error })));
    // Set on each new connection, ahead of any statement of the pool's user (a client runs its
    // queries in order); a URL's own `options` are kept. Its failure is that of the connection,
    // which the next statement meets.
    const idleInTransaction = Math.max(0, Math.trunc(settings.idleInTransactionTimeoutMs ?? IDLE_IN_TRANSACTION_TIMEOUT_MS));
    pool.on('connect', (client) => {
      client.on('error', () => undefined);
      client.query(`set idle_in_transaction_session_timeout = ${idleInTransaction}`).catch(() => undefined);
      withNamedStatements(client);
    });
    const db = new Kysely<Tables>({ dialect: faultAware(new PostgresDialect({ pool }), condition), ...(settings.log && { log: settings.log }) });
    // The replica's lost connections go to the same log as the primary's; its faults are its own (a full replica refuses no write).
    const replica = settings.databaseReadUrl === undefined ? undefined : openReadReplica(settings.databaseReadUrl, (fault) => condition.background(fault));
    /**
     * The store of one municipality on the shared connections (docs/scale.md "Several
     * municipalities"): its own scope in every repository, its own audit checkpoints and
     * partitions. Only the owner's close() closes the connections.
     */
    const municipalityStore = (municipalityCode: string, owner: boolean): OpenStore => {
      const read = repositories(scope(db, postgresDialect, municipalityCode));
      return {
        db,
        dialect: 'postgres',
        condition,
        auditChains: 16,
        read,
        replica: replica ? repositories(scope(replica.db, postgresDialect, municipalityCode)) : read,
        replicaState: async () => replica?.state(),
        auditCheckpoints: owner ? auditCheckpoints : auditCheckpointFiles({ dataDir: settings.dataDir, municipalityCode, copyDir: settings.checkpointCopyDir }),
        // PostgreSQL checks its pages as it reads them (with data checksums on); there is no cheap whole check.
        checkIntegrity: async () => undefined,
        ping: async () => void (await sql`select 1`.execute(db)),
        // The partitions of the municipality this store serves (docs/scale.md "Partitions"), made at each start if missing.
        async migrate() {
          await migrateToLatest(db, postgresDialect);
          await createMunicipalityPartitions(db, municipalityCode);
        },
        migrations: () => migrationStatus(db, postgresDialect),
        async sizeBytes() {
          const { rows } = await sql<{ size: string }>`select pg_database_size(current_database())::text as size`.execute(db);
          return Number(rows[0]!.size);
        },
        async optimize(options) {
          if (!options?.neverAnalysed) return void (await sql`analyze`.execute(db));
          const { rows } = await sql<{ name: string }>`select format('%I.%I', schemaname, relname) as name from pg_stat_user_tables where last_analyze is null and last_autoanalyze is null`.execute(db);
          for (const { name } of rows) await sql`analyze ${sql.raw(name)}`.execute(db);
        },
        async close() {
          if (!owner) return;
          await replica?.close();
          await db.destroy();
        },
        transaction: (work) => db.transaction().execute((trx) => work(repositories(scope(trx, postgresDialect, municipalityCode)))),
        forMunicipality: (code) => (code === settings.municipalityCode ? store : municipalityStore(code, false)),
      };
    };
    const store = municipalityStore(settings.municipalityCode, true);
    return store;
  }
  if (settings.databaseReadUrl !== undefined) throw new ConfigError('DATABASE_READ_URL needs DATABASE_URL: a read replica is one of a PostgreSQL primary, not of the embedded database');
  // One connection writes, with group commit; another reads, so that reads never wait for a
  // batch of commands (WAL lets a reader see the last commit while the writer works).
  mkdirSync(settings.dataDir, { recursive: true, mode: 0o700 });
  const database = path.join(settings.dataDir, SQLITE_FILE_NAME);
  ownerOnly(database);
  const condition = storeCondition(sqliteFault);
  const open = () => {
    const file = new SQLite(database);
    file.pragma('journal_mode = WAL');
    file.pragma('synchronous = FULL');
    file.pragma('foreign_keys = ON');
    file.pragma(`busy_timeout = ${Math.max(0, Math.trunc(settings.busyTimeoutMs ?? 5000))}`);
    // A city's database is gigabytes. Each connection keeps 32 MiB of hot index pages; the rest
    // is read through the operating system's page cache. No mmap: mapped pages count as the
    // server's own memory (the startup integrity check alone would map the whole file), and the
    // server is meant to stay within 300 MB at a million residents (docs/architecture.md "Databases").
    file.pragma('cache_size = -32768');
    file.pragma('temp_store = memory');
    return { file, db: new Kysely<Tables>({ dialect: faultAware(new SqliteDialect({ database: withStatementCache(file) }), condition) }) };
  };
  const { file, db } = open();
  const { file: readerFile, db: reader } = open();
  const write = groupCommit(db, file, {
    translate: (error) => condition.translate(error),
    committed: () => condition.committed(),
    ...(settings.onCommitBatch && { observe: settings.onCommitBatch }),
  });
  const fileName = path.join(settings.dataDir, SQLITE_FILE_NAME);
  const read = repositories(scope(reader, sqliteDialect));
  return {
    db,
    dialect: 'sqlite',
    condition,
    auditChains: 1,
    read,
    // The embedded file has no replica (config.ts refuses DATABASE_READ_URL without DATABASE_URL): the reader serves searches too.
    replica: read,
    replicaState: async () => undefined,
    auditCheckpoints,
    // quick_check reads every page of the file once (seconds for gigabytes), on the reader: it takes no write lock.
    async checkIntegrity() {
      let problems: string[];
      try {
        problems = (readerFile.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check).filter((text) => text !== 'ok');
      } catch (error) {
        problems = [(error as Error).message];
      }
      if (problems.length === 0) return undefined;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : '';
      return `the database file ${fileName} is damaged: ${problems[0]!.replace(/\s+/g, ' ')}${more}`;
    },
    ping: async () => void (await sql`select 1`.execute(reader)),
    migrate: () => migrateToLatest(db, sqliteDialect),
    migrations: () => migrationStatus(reader, sqliteDialect),
    // The main file as its pages count it, read on the reader (the -wal journal beside it aside).
    async sizeBytes() {
      const { rows } = await sql<{ size: number }>`select page_count * page_size as size from pragma_page_count(), pragma_page_size()`.execute(reader);
      return Number(rows[0]!.size);
    },
    // A bounded ANALYZE of what changed (analysis_limit keeps it to milliseconds on a big file).
    // Its sample of the first rows sees one municipality code, so the planner believes a code holds
    // about a thousand rows; a whole ANALYZE was tried and made things worse (the sweep's range
    // look-ups on mostly-NULL date columns became table scans: docs/architecture.md "What bounds
    // each aim"), so queries that need a plan say so themselves (the search's page of candidates).
    optimize: () => write(async () => void file.exec('pragma analysis_limit = 1000; pragma optimize = 0x10002')),
    async close() {
      await reader.destroy();
      await db.destroy();
    },
    transaction: (work) => write((trx) => work(repositories(scope(trx, sqliteDialect)))),
    forMunicipality(code) {
      if (code === settings.municipalityCode) return this;
      throw new ConfigError(`the embedded database serves one municipality (${settings.municipalityCode}); several municipalities in one deployment need PostgreSQL (DATABASE_URL)`);
    },
  };
}
