import type { Database } from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Tables } from '../schema.ts';

interface Pending {
  readonly work: (db: Kysely<Tables>) => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

export interface GroupCommitOptions {
  readonly maxBatch?: number;
  /** The error a batch is refused with, from the database's own (a StoreFault for a lock held elsewhere, a full disk). */
  readonly translate?: (error: unknown) => unknown;
  /** Called after each commit of a batch in which a command succeeded. */
  readonly committed?: () => void;
  /** Told how many commands each batch holds, as it begins (for the metrics: how much commits are shared). */
  readonly observe?: (commands: number) => void;
}

/**
 * Group commit for the embedded database. SQLite has one writer and pays one fsync per commit,
 * so commands that arrive together run one after another inside one transaction, each in its
 * own savepoint, and share the commit: a command that fails rolls back to its savepoint alone.
 * No command is answered before the commit that makes it durable; if the transaction cannot
 * begin (another process holds the write lock past the busy timeout) or commit, or SQLite
 * rolls it back itself (a full disk may), every command of the batch is refused with that
 * error and the next batch starts afresh: a batch never goes unanswered, and a failure never
 * escapes as an unhandled rejection. Under no load a batch is a single command, a moment later.
 *
 * The transaction statements go straight to the connection (`raw`), which is the one Kysely's
 * `db` uses: nothing else writes through `db` while batches run, and queries of a command run
 * inside the open transaction. A batch holds Kysely's connection from its begin to its commit,
 * so its queries skip the connection lock each would otherwise take and give back (about 7% of
 * a booking's time, docs/architecture.md "Performance").
 */
export function groupCommit(db: Kysely<Tables>, raw: Database, options: GroupCommitOptions = {}): <T>(work: (db: Kysely<Tables>) => Promise<T>) => Promise<T> {
  const { maxBatch = 64, translate = (error: unknown) => error, committed = () => undefined, observe = () => undefined } = options;
  const queue: Pending[] = [];
  let draining = false;

  const runBatch = (batch: Pending[]) => db.connection().execute((held) => runBatchOn(held, batch));
  async function runBatchOn(db: Kysely<Tables>, batch: Pending[]): Promise<void> {
    const outcomes: { pending: Pending; ok: boolean; value: unknown }[] = [];
    try {
      // A transaction left open by a failure that SQLite did not roll back is ended first.
      if (raw.inTransaction) raw.exec('rollback');
      raw.exec('begin immediate');
      for (const pending of batch) {
        raw.exec('savepoint command');
        try {
          const value = await pending.work(db);
          raw.exec('release command');
          outcomes.push({ pending, ok: true, value });
        } catch (error) {
          // SQLite may roll back the whole transaction on its own (SQLITE_FULL, SQLITE_IOERR):
          // then the commands before this one are gone too, and the whole batch fails.
          if (!raw.inTransaction) throw error;
          raw.exec('rollback to command');
          raw.exec('release command');
          outcomes.push({ pending, ok: false, value: error });
        }
      }
      raw.exec('commit');
    } catch (error) {
      try {
        if (raw.inTransaction) raw.exec('rollback');
      } catch {
        // The next batch rolls back what is still open before it begins.
      }
      const refusal = translate(error);
      for (const pending of batch) pending.reject(refusal);
      return;
    }
    // Only a batch that wrote something shows that storage has room again.
    if (outcomes.some((outcome) => outcome.ok)) committed();
    for (const { pending, ok, value } of outcomes) (ok ? pending.resolve : pending.reject)(value);
  }

  async function drain(): Promise<void> {
    draining = true;
    try {
      while (queue.length > 0) {
        // The database answers synchronously, so a batch never yields to the event loop; yield
        // once before it, so that the requests that arrived meanwhile join it.
        await new Promise((resolve) => setImmediate(resolve));
        const batch = queue.splice(0, maxBatch);
        observe(batch.length);
        await runBatch(batch);
      }
    } finally {
      draining = false;
    }
  }

  return <T>(work: (db: Kysely<Tables>) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!draining) void drain();
    });
}
