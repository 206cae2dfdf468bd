import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { AuditPlace } from '../../app/ports/audit-repository.ts';

export interface SqliteCopy {
  /** What SQLite's quick_check found wrong in the copy (nothing when it is sound). */
  readonly problems: readonly string[];
  readonly migration: string | null;
  readonly mode: 'live' | 'training' | null;
  readonly chains: readonly AuditPlace[];
}

/**
 * The work of the copy, in a thread of its own: SQLite's online backup in one step (one read
 * transaction, so the copy is the database as of one commit), then the copy made self-contained
 * (no WAL beside it), checked, and read for the manifest. Plain JavaScript, because a worker
 * does not load TypeScript through tsx.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.module);
(async () => {
  const source = new SQLite(workerData.source, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(workerData.destination, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const copy = new SQLite(workerData.destination, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const problems = copy.pragma('quick_check').map((row) => row.quick_check).filter((text) => text !== 'ok');
    const migration = copy.prepare('select max(name) as name from madoguchi_migrations').get().name;
    const chains = copy.prepare('select chain, seq, hash from audit_heads where municipality_code = ? and seq > 0 order by chain').all(workerData.municipalityCode);
    const modes = copy.prepare("select 1 from sqlite_master where type = 'table' and name = 'instance_modes'").get();
    const mode = modes ? copy.prepare('select mode from instance_modes where municipality_code = ?').get(workerData.municipalityCode) : undefined;
    parentPort.postMessage({ problems, migration, chains, mode: mode ? mode.mode : null });
  } finally {
    copy.close();
  }
})().catch((error) => parentPort.postMessage({ error: String(error && error.message || error) }));
`;

/**
 * Copies the database file at `source` to `destination` while other connections write, off the
 * event loop: the server that makes its nightly backup goes on answering while the file is read
 * (about 8 ms per megabyte on a small machine).
 */
export function copySqliteDatabase(source: string, destination: string, municipalityCode: string): Promise<SqliteCopy> {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { module, source, destination, municipalityCode } });
    let answered = false;
    worker.once('message', (answer: SqliteCopy | { error: string }) => {
      answered = true;
      void worker.terminate();
      if ('error' in answer) reject(new Error(answer.error));
      else resolve(answer);
    });
    worker.once('error', (error) => {
      answered = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the copy of the database stopped (exit ${code})`));
    });
  });
}
