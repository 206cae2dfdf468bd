import type { DatabaseConnection, Dialect, Driver, QueryResult } from 'kysely';
import { StoreFault, type StoreCondition } from '../app/store-fault.ts';

/** Turns a driver's error into a StoreFault when it is a fault of the database; undefined otherwise. */
export type FaultClassifier = (error: unknown, connecting: boolean) => StoreFault | undefined;

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The embedded database: SQLITE_FULL (the disk, or a size limit such as `max_page_count`) is a
 * full storage; a lock held elsewhere past the busy timeout, an I/O error or a file that became
 * read-only leave the records unusable for now. Other errors (constraints, bugs) are not faults.
 */
export const sqliteFault: FaultClassifier = (error) => {
  const code = codeOf(error);
  if (code === undefined || !code.startsWith('SQLITE_')) return undefined;
  const message = (error as Error).message;
  if (code === 'SQLITE_FULL') return new StoreFault('full', code, `the database has no room left: ${message}`, { cause: error });
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return new StoreFault('unavailable', code, `the database is locked by another connection: ${message}`, { cause: error });
  if (/^SQLITE_(IOERR|READONLY|CANTOPEN|PROTOCOL)/.test(code)) return new StoreFault('unavailable', code, `the database file cannot be used: ${message}`, { cause: error });
  return undefined;
};

/** Node's errors of a connection that broke or could not be made. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** pg's own errors, which carry no code, when the connection is gone. */
const LOST_CONNECTION = /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Client was closed)/;

/**
 * PostgreSQL (SQLSTATE, appendix A of its manual): 53100 disk_full is a full storage; any failure
 * to connect, class 08 (connection exception), the rest of class 53 (insufficient resources),
 * 57P01–57P03 (the server shutting down or starting up: a restart, a failover,
 * `pg_terminate_backend`) and 25006 (a standby after a failover refuses writes) mean the
 * database is away for now, as does 25P03: the server ended this session for sitting idle inside
 * a transaction (`idle_in_transaction_session_timeout`, src/store/open-store.ts), as when its
 * process was paused, and rolled the transaction back.
 */
export const postgresFault: FaultClassifier = (error, connecting) => {
  const code = codeOf(error);
  const message = (error as Error | null)?.message ?? String(error);
  if (code === '53100') return new StoreFault('full', code, `the database server has no room left: ${message}`, { cause: error });
  const lost =
    connecting ||
    (code !== undefined && (NETWORK_CODES.has(code) || /^(08|53|57P0[1-3])/.test(code) || code === '25006' || code === '25P03')) ||
    LOST_CONNECTION.test(message);
  return lost ? new StoreFault('unavailable', code ?? 'CONNECTION_LOST', `the database server cannot be reached: ${message}`, { cause: error }) : undefined;
};

/** A StoreCondition that the store's adapters keep up to date. */
export interface StoreConditionState extends StoreCondition {
  /** The error as the store raises it: a fault in place of a driver's error that is one. */
  translate(error: unknown, connecting?: boolean): unknown;
  /** A write committed: storage has room again. */
  committed(): void;
  /** A fault met outside any request. */
  background(fault: StoreFault): void;
}

export function storeCondition(classify: FaultClassifier): StoreConditionState {
  let full: StoreFault | undefined;
  const listeners: ((fault: StoreFault) => void)[] = [];
  return {
    get full() {
      return full;
    },
    onBackgroundFault(listener) {
      listeners.push(listener);
    },
    translate(error, connecting = false) {
      const fault = error instanceof StoreFault ? error : classify(error, connecting);
      if (!fault) return error;
      if (fault.kind === 'full') full = fault;
      return fault;
    },
    committed() {
      full = undefined;
    },
    background(fault) {
      for (const listener of listeners) {
        try {
          listener(fault);
        } catch {
          // A listener that fails (a log that cannot be written) must not end the process from a pool's 'error' event.
        }
      }
    },
  };
}

/** A connection whose errors the store translates; the driver is given back its own. */
class FaultAwareConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly condition: StoreConditionState,
  ) {}

  async executeQuery<R>(query: Parameters<DatabaseConnection['executeQuery']>[0]): Promise<QueryResult<R>> {
    try {
      return await this.inner.executeQuery<R>(query);
    } catch (error) {
      throw this.condition.translate(error);
    }
  }

  async *streamQuery<R>(query: Parameters<DatabaseConnection['streamQuery']>[0], chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    try {
      yield* this.inner.streamQuery<R>(query, chunkSize);
    } catch (error) {
      throw this.condition.translate(error);
    }
  }
}

function faultAwareDriver(driver: Driver, condition: StoreConditionState): Driver {
  const inner = (connection: DatabaseConnection) => (connection as FaultAwareConnection).inner;
  const guard = async <T>(work: () => Promise<T>, connecting = false): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw condition.translate(error, connecting);
    }
  };
  return {
    init: () => guard(() => driver.init(), true),
    acquireConnection: () => guard(async () => new FaultAwareConnection(await driver.acquireConnection(), condition), true),
    beginTransaction: (connection, settings) => guard(() => driver.beginTransaction(inner(connection), settings)),
    commitTransaction: (connection) =>
      guard(async () => {
        await driver.commitTransaction(inner(connection));
        condition.committed();
      }),
    rollbackTransaction: (connection) => guard(() => driver.rollbackTransaction(inner(connection))),
    ...(driver.savepoint && { savepoint: (connection, name, compile) => guard(() => driver.savepoint!(inner(connection), name, compile)) }),
    ...(driver.rollbackToSavepoint && { rollbackToSavepoint: (connection, name, compile) => guard(() => driver.rollbackToSavepoint!(inner(connection), name, compile)) }),
    ...(driver.releaseSavepoint && { releaseSavepoint: (connection, name, compile) => guard(() => driver.releaseSavepoint!(inner(connection), name, compile)) }),
    releaseConnection: (connection) => driver.releaseConnection(inner(connection)),
    destroy: () => driver.destroy(),
  };
}

/**
 * Kysely's dialect with the errors of the database translated at the one place every query,
 * transaction and connection passes, so that a fault is a StoreFault wherever it surfaces.
 */
export function faultAware(dialect: Dialect, condition: StoreConditionState): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver: () => faultAwareDriver(dialect.createDriver(), condition),
  };
}
