import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { ReplicaState } from '../app/ports/store.ts';
import { StoreFault } from '../app/store-fault.ts';
import { faultAware, postgresFault, storeCondition, type FaultClassifier } from './faults.ts';
import type { Tables } from './schema.ts';

/** A streaming replica of the primary, for the reads that may be a moment behind (docs/architecture.md "Read replica"). */
export interface ReadReplica {
  readonly db: Kysely<Tables>;
  /** Its lag, 'unreachable' when it does not answer within 2 s; rejects with the fault when it refuses. */
  state(): Promise<ReplicaState>;
  close(): Promise<void>;
}

/** How long the readiness check waits for the replica: a probe every few seconds must not hang on a replica that is away. */
const STATE_TIMEOUT_MS = 2000;

/**
 * The primary's faults (src/store/faults.ts), said of the replica and always `unavailable`: a
 * replica out of room refuses no write. A query the replica cancels because replaying the
 * primary's changes needed the rows it read (40001, "conflict with recovery") is worth a retry,
 * as a lost connection is, and not a bug to answer 500.
 */
export const replicaFault: FaultClassifier = (error, connecting) => {
  const code = (error as { code?: unknown } | null)?.code;
  const message = (error as Error | null)?.message ?? String(error);
  if (code === '40001' && /conflict with recovery/.test(message)) {
    return new StoreFault('unavailable', code, `the read replica cancelled a query in conflict with replaying the primary: ${message}`, { cause: error });
  }
  const fault = postgresFault(error, connecting);
  return fault && new StoreFault('unavailable', fault.code, `the read replica cannot be used: ${message}`, { cause: error });
};

/**
 * Opens DATABASE_READ_URL as the primary is opened (src/store/open-store.ts): a bounded pool whose
 * lost connections are reported through `background` rather than ending the process, and whose
 * errors become StoreFaults, so a search on a replica that is away answers 503 as one on the
 * primary would.
 */
export function openReadReplica(url: string, background: (fault: StoreFault) => void): ReadReplica {
  const condition = storeCondition(replicaFault);
  const pool = new pg.Pool({ connectionString: url, max: 20, connectionTimeoutMillis: 10_000, keepAlive: true });
  pool.on('error', (error) => background(new StoreFault('unavailable', (error as { code?: string }).code ?? 'CONNECTION_LOST', `a pooled connection to the read replica was lost: ${error.message}`, { cause: error })));
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Tables>({ dialect: faultAware(new PostgresDialect({ pool }), condition) });
  return {
    db,
    async state() {
      // pg_last_xact_replay_timestamp() alone grows while the primary is idle: a replica that has
      // replayed everything it received is 0 behind. One whose receiver lost the primary keeps an
      // old receive position, and its lag grows, as it should.
      const lag = sql<{ lag: number | null }>`select case
          when not pg_is_in_recovery() then 0
          when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
          else extract(epoch from now() - pg_last_xact_replay_timestamp())
        end::float8 as lag`.execute(db);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), STATE_TIMEOUT_MS)));
      try {
        const result = await Promise.race([lag, timeout]);
        if (result === undefined) return { status: 'unreachable' };
        const seconds = result.rows[0]?.lag;
        return { status: 'ok', lagSeconds: seconds === null || seconds === undefined ? null : Math.max(0, Math.round(seconds * 1000) / 1000) };
      } finally {
        clearTimeout(timer);
        // The query left behind by a timeout settles later; its rejection is no one's to handle.
        lag.catch(() => undefined);
      }
    },
    close: () => db.destroy(),
  };
}
