import { sql, type Expression, type Migration, type RawBuilder, type SqlBool } from 'kysely';

/**
 * What differs between the embedded SQLite and PostgreSQL, as capabilities and small query
 * pieces (Kysely's DialectAdapter), so no query asks which database it runs on.
 */
export interface StoreDialect {
  readonly name: 'sqlite' | 'postgres';
  /** Whether `SELECT … FOR UPDATE` exists; SQLite has one writer at a time and needs no row locks. */
  readonly supportsRowLocks: boolean;
  /**
   * Whether each statement is a round trip to a server (PostgreSQL), so that many rows' updates
   * are best one statement; SQLite runs in the process, and its UPDATE … FROM (VALUES …) is
   * slower than the same updates one by one (measured for bench/deliveries.ts).
   */
  readonly statementRoundTrips: boolean;
  /** The n-th parameter (from 1) of SQL written by hand: `$n` or `?`. */
  placeholder(n: number): string;
  /** Migrations of this database only, run after the shared ones of the same number. */
  readonly migrations: Readonly<Record<string, Migration>>;
  /** The place of a new audit entry in the order of appends, across all chains of the municipality. */
  nextAuditPosition(municipalityCode: string): Expression<number>;
  /** The places of `count` new audit entries, one row each (`position`), to be used in ascending order. */
  nextAuditPositions(municipalityCode: string, count: number): RawBuilder<{ position: number | string }>;
  /** `column` starts with `prefix`, using the column's ordinary index. */
  startsWith(column: string, prefix: string): Expression<SqlBool>;
  /** `column` of residents contains `text` (at least 3 characters), using the trigram index; the query that uses it takes at most `limit` rows. */
  residentContains(column: ResidentSearchColumn, text: string, limit: number): Expression<SqlBool>;
}

/** The residents' columns a search finds text inside of, through a trigram index. */
export type ResidentSearchColumn = 'name_kana_search' | 'name_kanji_search' | 'address_search' | 'phone_digits';

/** `text` with the wildcard characters of LIKE escaped by backslash. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** `column` contains `text`, by scanning: for rows already narrowed down by an indexed criterion. */
export function likeContains(column: string, text: string): Expression<SqlBool> {
  return sql<boolean>`${sql.ref(column)} like ${`%${escapeLike(text)}%`} escape '\\'`;
}
