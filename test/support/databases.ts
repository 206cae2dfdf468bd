import { temporaryDataDir } from './http.ts';
import type { DatabaseSettings } from '../../src/store/open-database.ts';

/**
 * The databases every store test runs against (Kysely's DIALECTS loop): the embedded SQLite
 * always, PostgreSQL whenever TEST_DATABASE_URL names one (`.ci/run` always sets it).
 */
export const DIALECTS: readonly { readonly name: 'sqlite' | 'postgres'; readonly settings: () => DatabaseSettings }[] = [
  { name: 'sqlite', settings: () => ({ dataDir: temporaryDataDir(), databaseUrl: undefined }) },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: 'postgres' as const, settings: () => ({ dataDir: temporaryDataDir(), databaseUrl: process.env.TEST_DATABASE_URL }) }]
    : []),
];
