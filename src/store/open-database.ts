import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../app/ports.ts';

export const SQLITE_FILE_NAME = 'madoguchi.sqlite';

export interface DatabaseSettings {
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
}

export interface OpenDatabase extends Database {
  readonly db: Kysely<unknown>;
  readonly dialect: 'sqlite' | 'postgres';
}

/**
 * The embedded SQLite file under DATA_DIR by default (WAL so readers never wait for the writer,
 * synchronous=FULL so a committed procedure survives a power cut), or PostgreSQL at DATABASE_URL.
 */
export function openDatabase(settings: DatabaseSettings): OpenDatabase {
  if (settings.databaseUrl !== undefined) {
    const pool = new pg.Pool({ connectionString: settings.databaseUrl, max: 10 });
    return wrap(new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) }), 'postgres');
  }
  mkdirSync(settings.dataDir, { recursive: true, mode: 0o700 });
  const file = new SQLite(path.join(settings.dataDir, SQLITE_FILE_NAME));
  file.pragma('journal_mode = WAL');
  file.pragma('synchronous = FULL');
  file.pragma('foreign_keys = ON');
  file.pragma('busy_timeout = 5000');
  return wrap(new Kysely<unknown>({ dialect: new SqliteDialect({ database: file }) }), 'sqlite');
}

function wrap(db: Kysely<unknown>, dialect: OpenDatabase['dialect']): OpenDatabase {
  return {
    db,
    dialect,
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}
