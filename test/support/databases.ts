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
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      // A closed pool may still be saying goodbye on its sockets: a forced drop would cut them
      // off, and the 'terminating connection' error would surface in no test, as an uncaught one.
      for (let wait = 0; wait < 100; wait++) {
        const { rows } = await client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0]!.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
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
