import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../dialect.ts';

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
  migrations: {
    '0002-search': {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      async up(db: Kysely<any>) {
        await sql`create virtual table residents_search using fts5(
          name_kana_search, name_kanji_search, address_search,
          content='residents', content_rowid='rowid', tokenize='trigram')`.execute(db);
        await sql`create trigger residents_search_insert after insert on residents begin
          insert into residents_search(rowid, name_kana_search, name_kanji_search, address_search)
          values (new.rowid, new.name_kana_search, new.name_kanji_search, new.address_search);
        end`.execute(db);
        await sql`create trigger residents_search_delete after delete on residents begin
          insert into residents_search(residents_search, rowid, name_kana_search, name_kanji_search, address_search)
          values ('delete', old.rowid, old.name_kana_search, old.name_kanji_search, old.address_search);
        end`.execute(db);
        await sql`create trigger residents_search_update after update of name_kana_search, name_kanji_search, address_search on residents begin
          insert into residents_search(residents_search, rowid, name_kana_search, name_kanji_search, address_search)
          values ('delete', old.rowid, old.name_kana_search, old.name_kanji_search, old.address_search);
          insert into residents_search(rowid, name_kana_search, name_kanji_search, address_search)
          values (new.rowid, new.name_kana_search, new.name_kanji_search, new.address_search);
        end`.execute(db);
      },
    },
  },
  // One writer at a time: the next number after the last is taken by no one else.
  nextAuditPosition(municipalityCode) {
    return sql<number>`(select coalesce(max(position), 0) + 1 from audit_log where municipality_code = ${municipalityCode})`;
  },
  startsWith(column, prefix) {
    return sql<boolean>`${sql.ref(column)} glob ${`${escapeGlob(prefix)}*`}`;
  },
  residentContains(column, text) {
    const phrase = `{${column}}: "${text.replace(/"/g, '""')}"`;
    return sql<boolean>`residents.rowid in (select rowid from residents_search where residents_search match ${phrase})`;
  },
};
