import { sql } from 'kysely';
import { escapeLike, type StoreDialect } from '../dialect.ts';
import * as search from '../migrations/0002-search.ts';
import * as phoneDigits from '../migrations/0015-phone-digits.ts';
import * as auditOrder from '../migrations/0005-audit-order.ts';
import * as partitions from '../migrations/0018-partitions.ts';

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
  statementRoundTrips: true,
  placeholder: (n) => `$${n}`,
  migrations: {
    '0002-search': search.postgres,
    '0005-audit-order-sequence': auditOrder.postgresSequence,
    '0015-phone-digits-search': phoneDigits.postgres,
    '0018-partitions': partitions.postgres,
  },
  nextAuditPosition() {
    return sql<number>`nextval('audit_log_position_seq')`;
  },
  // A sequence: concurrent transactions take numbers in between, never the same one.
  nextAuditPositions(_municipalityCode, count) {
    return sql<{ position: string }>`select nextval('audit_log_position_seq') as position from generate_series(1, ${count}::int)`;
  },
  startsWith(column, prefix) {
    return sql<boolean>`${sql.ref(column)} like ${`${escapeLike(prefix)}%`}`;
  },
  residentContains(column, text) {
    return sql<boolean>`${sql.ref(`residents.${column}`)} like ${`%${escapeLike(text)}%`}`;
  },
};
