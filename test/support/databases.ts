import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export function temporaryDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'madoguchi-test-'));
}

export interface TestDatabase {
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  /** A database of its own holding what this one holds now (no one may be connected to it). */
  copy(): Promise<TestDatabase>;
  drop(): Promise<void>;
}

function sqliteDatabase(dataDir = temporaryDataDir()): TestDatabase {
  return {
    dataDir,
    databaseUrl: undefined,
    async copy() {
      const copy = temporaryDataDir();
      cpSync(dataDir, copy, { recursive: true });
      return sqliteDatabase(copy);
    },
    drop: async () => undefined,
  };
}

/** How long the server may take over one statement of a test database's drop: twice this and the wait for sessions stay inside the hook timeout (60 s). */
const DROP_STATEMENT_MS = 15_000;

async function createPostgresDatabase(baseUrl: string, template?: string): Promise<TestDatabase> {
  const name = `madoguchi_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    dataDir: temporaryDataDir(),
    databaseUrl: url.toString(),
    copy: () => createPostgresDatabase(baseUrl, name),
    async drop() {
      // Every wait is bounded: a drop once hung for ever behind ProcSignalBarrier (the barrier a
      // drop sends every backend of the cluster) while another load ran on the cluster. The server
      // cancels a statement past DROP_STATEMENT_MS (the barrier's wait is cancellable), and the
      // client gives up on a server that does not answer at all.
      const client = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 10_000, statement_timeout: DROP_STATEMENT_MS, query_timeout: DROP_STATEMENT_MS + 5_000 });
      client.on('error', () => undefined);
      try {
        await client.connect();
        // A closed pool may still be saying goodbye on its sockets: a forced drop would cut them
        // off, and the 'terminating connection' error would surface in no test, as an uncaught one.
        for (let wait = 0; wait < 100; wait++) {
          const { rows } = await client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
          if (rows[0]!.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        // Once more if the first is cancelled or finds sessions that outlived its 5 s for them to end.
        for (let attempt = 1; ; attempt++) {
          try {
            await client.query(`drop database if exists ${name} with (force)`);
            break;
          } catch (error) {
            if (attempt === 2) throw error;
          }
        }
      } catch (error) {
        // The tests' verdict is about Madoguchi, not about a busy cluster: the database is left, named.
        process.stderr.write(`test database ${name} was not dropped (drop it by hand): ${(error as Error).message}\n`);
      } finally {
        await client.end().catch(() => undefined);
      }
    },
  };
}

/**
 * The databases every store and app test runs against (Kysely's DIALECTS loop): the embedded
 * SQLite always, PostgreSQL whenever TEST_DATABASE_URL names one (`.ci/run` always sets it).
 * Each `create` gives a database of its own: a fresh file, or a fresh PostgreSQL database.
 */
export const DIALECTS: readonly { readonly name: 'sqlite' | 'postgres'; readonly create: () => Promise<TestDatabase> }[] = [
  { name: 'sqlite', create: async () => sqliteDatabase() },
  ...(process.env.TEST_DATABASE_URL ? [{ name: 'postgres' as const, create: () => createPostgresDatabase(process.env.TEST_DATABASE_URL!) }] : []),
];
