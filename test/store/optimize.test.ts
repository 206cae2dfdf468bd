import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { systemActor } from '../../src/app/staff.ts';
import { generateResidents } from '../../src/app/demo-generate.ts';
import { openTestApp } from '../support/app.ts';
import { DIALECTS } from '../support/databases.ts';

const postgres = DIALECTS.find((dialect) => dialect.name === 'postgres');

describe.skipIf(!postgres)('planner statistics at a server start, on postgres', () => {
  it('analyses the tables that have none yet, and at the next start leaves those alone for autovacuum', async () => {
    const t = await openTestApp(await postgres!.create());
    try {
      const analysed = async () =>
        new Map(
          (await sql<{ relname: string; at: string | null }>`select relname, last_analyze::text as at from pg_stat_user_tables`.execute(t.store.db)).rows.map((row) => [row.relname, row.at]),
        );
      expect((await analysed()).get('residents')).toBeNull();
      await t.store.optimize({ neverAnalysed: true });
      const first = await analysed();
      expect([...first.values()].filter((at) => at === null)).toEqual([]);
      await t.store.optimize({ neverAnalysed: true });
      expect(await analysed()).toEqual(first);
    } finally {
      await t.close();
      await t.database.drop();
    }
  });
});

const sqlite = DIALECTS.find((dialect) => dialect.name === 'sqlite')!;

describe('planner statistics after a bulk load, on sqlite', () => {
  it('count every resident under the one municipality code of the file, so that a found resident is read by id', async () => {
    const t = await openTestApp(await sqlite.create());
    try {
      await generateResidents(t.app, systemActor('test'), 2_500, () => undefined);
      // sqlite_stat1: the rows of the index, then the rows for each value of its first column (municipality_code).
      const stats = (await sql<{ idx: string; stat: string }>`select idx, stat from sqlite_stat1 where tbl = 'residents'`.execute(t.store.db)).rows;
      expect(stats.length).toBeGreaterThan(3);
      for (const { idx, stat } of stats.filter((row) => row.idx.startsWith('residents_name'))) expect(stat.split(' ').slice(0, 2), idx).toEqual(['2500', '2500']);
      const ids = (await t.store.db.selectFrom('residents').select('id').limit(50).execute()).map((row) => row.id);
      const plan = await sql<{ detail: string }>`explain query plan select * from residents where municipality_code = '131237' and id in (${sql.join(ids)}) order by name_kana_search, id limit 20`.execute(t.store.db);
      expect(plan.rows.map((row) => row.detail).join(' | ')).toMatch(/sqlite_autoindex_residents_1 \(id=\?\)/);
    } finally {
      await t.close();
      await t.database.drop();
    }
  });
});
