import { sql, type Kysely } from 'kysely';
import { escapeLike, type StoreDialect } from '../dialect.ts';

/**
 * PostgreSQL: the search columns use the "C" collation, so that a prefix LIKE becomes a range on
 * the ordinary ordered index (whatever the database's collation) and results come in that
 * index's order; infix search by LIKE on pg_trgm GIN indexes. The trigram index needs a UTF-8
 * database whose ctype classes Japanese as letters (C.UTF-8, ja_JP.UTF-8); under plain C it
 * still answers, by scanning.
 */
export const postgresDialect: StoreDialect = {
  name: 'postgres',
  supportsRowLocks: true,
  migrations: {
    '0002-search': {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      async up(db: Kysely<any>) {
        await sql`create extension if not exists pg_trgm`.execute(db);
        for (const column of ['name_kana_search', 'name_kanji_search', 'address_search']) {
          await sql`alter table residents alter column ${sql.ref(column)} type text collate "C"`.execute(db);
          await sql`create index ${sql.id(`residents_${column}_trgm`)} on residents using gin (${sql.ref(column)} gin_trgm_ops)`.execute(db);
        }
      },
    },
    '0005-audit-order-sequence': {
      // Writers of different chains run in parallel: a sequence hands each its number without a lock.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      async up(db: Kysely<any>) {
        await sql`create sequence audit_log_position_seq as bigint`.execute(db);
        await sql`select setval('audit_log_position_seq', coalesce(max(position), 0) + 1, false) from audit_log`.execute(db);
      },
    },
  },
  nextAuditPosition() {
    return sql<number>`nextval('audit_log_position_seq')`;
  },
  startsWith(column, prefix) {
    return sql<boolean>`${sql.ref(column)} like ${`${escapeLike(prefix)}%`}`;
  },
  residentContains(column, text) {
    return sql<boolean>`${sql.ref(`residents.${column}`)} like ${`%${escapeLike(text)}%`}`;
  },
};
