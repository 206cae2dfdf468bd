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
