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
  // SQLite computes the whole right side of an IN before it reads a row: without the LIMIT inside,
  // four digits of a phone number or a town's name made it collect every match of the city (tens
  // of thousands at a million residents) to keep the first `limit` (docs/architecture.md
  // "Resident search"). The file holds one municipality, so the first matches are all its own.
  residentContains(column, text, limit) {
    const phrase = `{${column}}: "${text.replace(/"/g, '""')}"`;
    return sql<boolean>`residents.rowid in (select rowid from residents_search where residents_search match ${phrase} limit ${limit})`;
  },
};
