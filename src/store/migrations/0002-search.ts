import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Frozen: the indexes of the residents' search, one migration per database, as each finds text
 * inside a name or an address its own way.
 *
 * SQLite: an FTS5 table with the trigram tokenizer over the residents' search columns, kept in
 * step by triggers.
 */
export const sqlite: Migration = {
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
};

/**
 * PostgreSQL: the search columns in the "C" collation (a prefix LIKE becomes a range on the
 * ordinary index) and pg_trgm GIN indexes for text inside them.
 */
export const postgres: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    await sql`create extension if not exists pg_trgm`.execute(db);
    for (const column of ['name_kana_search', 'name_kanji_search', 'address_search']) {
      await sql`alter table residents alter column ${sql.ref(column)} type text collate "C"`.execute(db);
      await sql`create index ${sql.id(`residents_${column}_trgm`)} on residents using gin (${sql.ref(column)} gin_trgm_ops)`.execute(db);
    }
  },
};
