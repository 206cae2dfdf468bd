import type { Database } from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Tables } from '../schema.ts';

interface Pending {
  readonly work: (db: Kysely<Tables>) => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit for the embedded database. SQLite has one writer and pays one fsync per commit,
 * so commands that arrive together run one after another inside one transaction, each in its
 * own savepoint, and share the commit: a command that fails rolls back to its savepoint alone.
 * No command is answered before the commit that makes it durable; if that commit fails, all of
 * the batch fail. Under no load a batch is a single command, a moment later.
 *
 * The transaction statements go straight to the connection (`raw`), which is the one Kysely's
 * `db` uses: nothing else writes through `db` while batches run, and queries of a command run
 * inside the open transaction.
 */
export function groupCommit(db: Kysely<Tables>, raw: Database, maxBatch = 64): <T>(work: (db: Kysely<Tables>) => Promise<T>) => Promise<T> {
  const queue: Pending[] = [];
  let draining = false;

  async function runBatch(batch: Pending[]): Promise<void> {
    const outcomes: { pending: Pending; ok: boolean; value: unknown }[] = [];
    raw.exec('begin immediate');
    try {
      for (const pending of batch) {
        raw.exec('savepoint command');
        try {
          const value = await pending.work(db);
          raw.exec('release command');
          outcomes.push({ pending, ok: true, value });
        } catch (error) {
          raw.exec('rollback to command');
          raw.exec('release command');
          outcomes.push({ pending, ok: false, value: error });
        }
      }
      raw.exec('commit');
    } catch (error) {
      if (raw.inTransaction) raw.exec('rollback');
      for (const pending of batch) pending.reject(error);
      return;
    }
    for (const { pending, ok, value } of outcomes) (ok ? pending.resolve : pending.reject)(value);
  }

  async function drain(): Promise<void> {
    draining = true;
    try {
      while (queue.length > 0) {
        // The database answers synchronously, so a batch never yields to the event loop; yield
        // once before it, so that the requests that arrived meanwhile join it.
        await new Promise((resolve) => setImmediate(resolve));
        await runBatch(queue.splice(0, maxBatch));
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
