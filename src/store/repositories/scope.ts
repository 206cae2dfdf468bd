import { CompiledQuery, sql, type Insertable, type Kysely, type RawBuilder } from 'kysely';
import type { StoreDialect } from '../dialect.ts';
import type { Tables } from '../schema.ts';

/** What every repository works with: the connection or transaction, the dialect, the municipality. */
export interface Scope {
  readonly db: Kysely<Tables>;
  readonly dialect: StoreDialect;
  readonly municipalityCode: string;
}

/**
 * A status a partial index is defined on (`cards.status = 'ready'`, `appointments.status =
 * 'booked'`), written into the statement instead of bound. SQLite uses a partial index only when
 * it sees the value, and a statement whose bound value might decide the plan is planned again on
 * every run: the 照会番号 look-up cost 21 µs instead of 9, and the live appointment of a card was
 * looked for among all of the city's appointments (docs/architecture.md "Performance").
 */
export const indexedStatus = <T extends 'ready' | 'booked'>(status: T): RawBuilder<T> => sql.lit(status);

export const bool = (value: boolean): number => (value ? 1 : 0);

/** Rows per multi-row INSERT: far below SQLite's 32,766 bound variables with 32 columns a row. */
export const BULK_ROWS = 500;

export function chunks<T>(items: readonly T[], size = BULK_ROWS): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}

/**
 * The columns of `row` whose values differ from `old`'s, and `updated_at`, which every write
 * changes: what an UPDATE sets, so that the indexes of unchanged columns are left alone
 * (docs/architecture.md "Databases").
 */
export function changedColumns<R extends { updated_at: string }>(old: R, row: R): (keyof R)[] {
  return (Object.keys(row) as (keyof R)[]).filter((column) => column === 'updated_at' || row[column] !== old[column]);
}

const insertTexts = new Map<string, string>();

/**
 * Inserts rows of one table as multi-row INSERTs written here, not through Kysely's query
 * builder: building and compiling 500 rows × 30 values as an expression tree cost as much as
 * SQLite's own work in an import (measured: 6.0 s of 15 s for 100,000 residents). The column
 * names come from the typed rows, never from input; the SQL text is kept per shape.
 */
export async function insertRows<T extends keyof Tables>(scope: Pick<Scope, 'db' | 'dialect'>, table: T, rows: readonly Insertable<Tables[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!) as (keyof Insertable<Tables[T]> & string)[];
  for (const chunk of chunks(rows)) {
    const shape = `${scope.dialect.name}:${table}:${columns.join(',')}:${chunk.length}`;
    let text = insertTexts.get(shape);
    if (text === undefined) {
      let index = 0;
      const tuple = () => `(${columns.map(() => scope.dialect.placeholder(++index)).join(',')})`;
      text = `insert into "${table}" (${columns.map((column) => `"${column}"`).join(',')}) values ${chunk.map(tuple).join(',')}`;
      insertTexts.set(shape, text);
    }
    const parameters: unknown[] = [];
    for (const row of chunk) for (const column of columns) parameters.push(row[column]);
    await scope.db.executeQuery(CompiledQuery.raw(text, parameters));
  }
}
