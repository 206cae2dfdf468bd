import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/databases.ts';
import { openDatabase, SQLITE_FILE_NAME } from './open-database.ts';

describe.each(DIALECTS)('openDatabase on $name', ({ name, settings }) => {
  it('answers a ping and closes', async () => {
    const database = openDatabase(settings());
    expect(database.dialect).toBe(name);
    await expect(database.ping()).resolves.toBeUndefined();
    await database.close();
  });
});

describe('the embedded database', () => {
  it('lives in DATA_DIR, owner-only, with WAL and full synchronous writes', async () => {
    const { dataDir } = DIALECTS[0]!.settings();
    const target = path.join(dataDir, 'nested');
    const database = openDatabase({ dataDir: target, databaseUrl: undefined });
    expect(existsSync(path.join(target, SQLITE_FILE_NAME))).toBe(true);
    expect(statSync(target).mode & 0o777).toBe(0o700);
    const { rows: journal } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(database.db);
    const { rows: sync } = await sql<{ synchronous: number }>`pragma synchronous`.execute(database.db);
    expect(journal[0]?.journal_mode).toBe('wal');
    expect(sync[0]?.synchronous).toBe(2);
    await database.close();
  });
});
