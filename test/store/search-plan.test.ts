import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { describe, expect, it } from 'vitest';
import { generateResidents } from '../../src/app/demo-generate.ts';
import { systemActor } from '../../src/app/staff.ts';
import { residentRepository } from '../../src/store/repositories/resident-repository.ts';
import type { Tables } from '../../src/store/schema.ts';
import { sqliteDialect } from '../../src/store/sqlite/sqlite-dialect.ts';
import { openTestApp } from '../support/app.ts';
import { DIALECTS } from '../support/databases.ts';

const sqlite = DIALECTS.find((dialect) => dialect.name === 'sqlite')!;

/**
 * sqlite_stat1 of the residents' indexes as the server's sampled ANALYZE left them in a file of a
 * million residents (measured 2026-12-04): a thousand rows seemed to share each municipality code.
 */
const MILLION: Record<string, string> = {
  residents_phone: '1000000 1001 1 1 1',
  residents_name_kanji: '1000000 1001 501 1',
  residents_name_kana: '1000000 1001 501 1',
  residents_birth_date: '1000000 1001 28 1 1',
  sqlite_autoindex_residents_1: '1000000 1',
};

/**
 * The plan SQLite picks for the page of a contains search, on the statistics the server keeps at a
 * million residents: the candidates found by the trigram index must be read by id and sorted, not
 * found by walking the whole city's name index (docs/architecture.md "Resident search"; 18 ms
 * instead of 1 ms at a million residents).
 */
describe('the page of a phone or address search, on sqlite', () => {
  it('reads its candidates by id, on the statistics of a million residents', async () => {
    const t = await openTestApp(await sqlite.create());
    const file = new SQLite(path.join(t.database.dataDir, 'madoguchi.sqlite'));
    try {
      await generateResidents(t.app, systemActor('test'), 2_500, () => undefined);
      // An application may write sqlite_stat1; ANALYZE sqlite_schema makes this connection read it again.
      const setStat = file.prepare("update sqlite_stat1 set stat = ? where tbl = 'residents' and idx = ?");
      for (const [index, stat] of Object.entries(MILLION)) expect(setStat.run(stat, index).changes, index).toBe(1);
      file.exec('analyze sqlite_schema');
      const queries: CompiledQuery[] = [];
      const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: file }), log: (event) => void queries.push(event.query) });
      const residents = residentRepository({ db, dialect: sqliteDialect, municipalityCode: t.app.offices.municipality.code });
      const sample = (await db.selectFrom('residents').select(['phone_digits', 'address_search']).where('phone_digits', 'is not', null).executeTakeFirstOrThrow());
      // Texts most residents contain, so that the page is chosen among as many candidates as a search looks at.
      for (const query of [{ phone: sample.phone_digits!.slice(0, 3) }, { address: sample.address_search.slice(0, 4) }]) {
        queries.length = 0;
        const found = await residents.search({ ...query, limit: 20 });
        expect(found.truncated, JSON.stringify(query)).toBe(true);
        const page = queries.at(-1)!;
        const plan = file.prepare(`explain query plan ${page.sql}`).all(...(page.parameters as unknown[])) as { detail: string }[];
        const details = plan.map((row) => row.detail).join(' | ');
        expect(details, JSON.stringify(query)).toMatch(/USING INDEX sqlite_autoindex_residents_1 \(id=\?\)/);
        expect(details, JSON.stringify(query)).not.toMatch(/residents_name_kana/);
      }
    } finally {
      file.close();
      await t.close();
      await t.database.drop();
    }
  });
});
