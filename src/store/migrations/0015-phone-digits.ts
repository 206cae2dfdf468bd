import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Frozen: what a search by the counter's one box needs beside the indexes of 0002-search
 * (docs/architecture.md "Resident search"):
 * - a resident's phone number as its digits only (`03-5662-9200` → `0356629200`), so that a number
 *   typed with or without hyphens, or any part of it, is found; each database then indexes it the
 *   way it indexes text inside names and addresses;
 * - each character of the name in kanji, once, indexed: one or two characters inside a name
 *   (田 finds 山田 and 太田) are looked up there, as a trigram index has nothing to look up for them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('residents').addColumn('phone_digits', 'text').execute();
  // A phone is digits and hyphens only (resident-formats.ts PHONE_PATTERN).
  await sql`update residents set phone_digits = replace(phone, '-', '') where phone is not null`.execute(db);
  await db.schema
    .createTable('resident_name_chars')
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('ch', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('resident_name_chars_pk', ['municipality_code', 'ch', 'resident_id'])
    .execute();
  await db.schema.createIndex('resident_name_chars_resident').on('resident_name_chars').columns(['municipality_code', 'resident_id']).execute();
  let after = '';
  for (;;) {
    const rows: { id: string; municipality_code: string; name_kanji_search: string }[] = await db
      .selectFrom('residents')
      .select(['id', 'municipality_code', 'name_kanji_search'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute();
    if (rows.length === 0) break;
    const chars = rows.flatMap((row) => [...new Set(row.name_kanji_search)].map((ch) => ({ municipality_code: row.municipality_code, ch, resident_id: row.id })));
    for (let at = 0; at < chars.length; at += 300) await db.insertInto('resident_name_chars').values(chars.slice(at, at + 300)).execute();
    after = rows.at(-1)!.id;
  }
}

/** SQLite: the FTS5 trigram table of the search columns, made again with the digits beside them, and its triggers. */
export const sqlite: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    for (const trigger of ['residents_search_insert', 'residents_search_delete', 'residents_search_update']) await sql`drop trigger ${sql.id(trigger)}`.execute(db);
    await sql`drop table residents_search`.execute(db);
    await sql`create virtual table residents_search using fts5(
      name_kana_search, name_kanji_search, address_search, phone_digits,
      content='residents', content_rowid='rowid', tokenize='trigram')`.execute(db);
    await sql`create trigger residents_search_insert after insert on residents begin
      insert into residents_search(rowid, name_kana_search, name_kanji_search, address_search, phone_digits)
      values (new.rowid, new.name_kana_search, new.name_kanji_search, new.address_search, new.phone_digits);
    end`.execute(db);
    await sql`create trigger residents_search_delete after delete on residents begin
      insert into residents_search(residents_search, rowid, name_kana_search, name_kanji_search, address_search, phone_digits)
      values ('delete', old.rowid, old.name_kana_search, old.name_kanji_search, old.address_search, old.phone_digits);
    end`.execute(db);
    await sql`create trigger residents_search_update after update of name_kana_search, name_kanji_search, address_search, phone_digits on residents begin
      insert into residents_search(residents_search, rowid, name_kana_search, name_kanji_search, address_search, phone_digits)
      values ('delete', old.rowid, old.name_kana_search, old.name_kanji_search, old.address_search, old.phone_digits);
      insert into residents_search(rowid, name_kana_search, name_kanji_search, address_search, phone_digits)
      values (new.rowid, new.name_kana_search, new.name_kanji_search, new.address_search, new.phone_digits);
    end`.execute(db);
    await sql`insert into residents_search(residents_search) values ('rebuild')`.execute(db);
  },
};

/** PostgreSQL: a pg_trgm GIN index on the digits, as on the names and addresses. */
export const postgres: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    await sql`alter table residents alter column phone_digits type text collate "C"`.execute(db);
    await sql`create index residents_phone_digits_trgm on residents using gin (phone_digits gin_trgm_ops)`.execute(db);
  },
};
