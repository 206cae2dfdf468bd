import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
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
