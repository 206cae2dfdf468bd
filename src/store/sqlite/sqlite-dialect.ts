import { sql } from 'kysely';
import type { StoreDialect } from '../dialect.ts';
import * as search from '../migrations/0002-search.ts';
import * as phoneDigits from '../migrations/0015-phone-digits.ts';

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]]/g, (char) => `[${char}]`);
}

/**
 * SQLite: prefix search by GLOB (case-sensitive, so it uses the column's index) and infix search
 * through an FTS5 table with the trigram tokenizer over the residents' search columns.
 */
export const sqliteDialect: StoreDialect = {
  name: 'sqlite',
  supportsRowLocks: false,
  statementRoundTrips: false,
  placeholder: () => '?',
  migrations: { '0002-search': search.sqlite, '0015-phone-digits-search': phoneDigits.sqlite },
  // One writer at a time: the next number after the last is taken by no one else.
  nextAuditPosition(municipalityCode) {
    return sql<number>`(select coalesce(max(position), 0) + 1 from audit_log where municipality_code = ${municipalityCode})`;
  },
  nextAuditPositions(municipalityCode, count) {
    return sql<{ position: number }>`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${count})
      select (select coalesce(max(position), 0) from audit_log where municipality_code = ${municipalityCode}) + i as position from n`;
  },
  startsWith(column, prefix) {
    return sql<boolean>`${sql.ref(column)} glob ${`${escapeGlob(prefix)}*`}`;
  },
  residentContains(column, text) {
    const phrase = `{${column}}: "${text.replace(/"/g, '""')}"`;
    return sql<boolean>`residents.rowid in (select rowid from residents_search where residents_search match ${phrase})`;
  },
};
