import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect.ts';
import type { Tables } from '../schema.ts';

/** What every repository works with: the connection or transaction, the dialect, the municipality. */
export interface Scope {
  readonly db: Kysely<Tables>;
  readonly dialect: StoreDialect;
  readonly municipalityCode: string;
}

export const bool = (value: boolean): number => (value ? 1 : 0);

/** Rows per multi-row INSERT: far below SQLite's 32,766 bound variables with 32 columns a row. */
export const BULK_ROWS = 500;

export function chunks<T>(items: readonly T[], size = BULK_ROWS): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}
