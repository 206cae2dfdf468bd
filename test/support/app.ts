import { randomBytes } from 'node:crypto';
import { clockAt } from '../../src/app/clock.ts';
import type { AppContext } from '../../src/app/context.ts';
import { createAppContext } from '../../src/app/create-app-context.ts';
import { DEFAULT_OFFICES_FILE } from '../../src/app/config.ts';
import { loadOfficeDirectory } from '../../src/app/office-directory.ts';
import { addStaff, systemActor } from '../../src/app/staff.ts';
import type { Actor } from '../../src/app/actor.ts';
import { DEFAULT_CONTEXT } from '../../src/rules/context.ts';
import type { PlainDate } from '../../src/rules/plain-date.ts';
import { migrateUpTo } from '../../src/store/migrator.ts';
import { openStore, type OpenStore, type StoreSettings } from '../../src/store/open-store.ts';
import { postgresDialect } from '../../src/store/postgres/postgres-dialect.ts';
import { sqliteDialect } from '../../src/store/sqlite/sqlite-dialect.ts';
import type { TestDatabase } from './databases.ts';

export const OFFICES = loadOfficeDirectory(DEFAULT_OFFICES_FILE);
export const TEST_TODAY = '2026-11-26' as PlainDate;

export interface TestApp {
  readonly app: AppContext;
  readonly store: OpenStore;
  readonly clock: ReturnType<typeof clockAt>;
  readonly database: TestDatabase;
  readonly masterKey: Buffer;
  /** Opens the same database again, as a restarted server would. */
  reopen(): Promise<TestApp>;
  close(): Promise<void>;
}

/** What a test may add to the store's settings. */
export type TestStoreSettings = Pick<StoreSettings, 'onCommitBatch' | 'log'> & {
  /** Another municipality than config/offices.json's, with the same offices: two cities in one PostgreSQL database (docs/scale.md). */
  readonly municipalityCode?: string;
  /** Run only the migrations before this one: a database as an older version left it, to be migrated later. */
  readonly migrateBefore?: string;
};

/** The use cases on a fresh database of the given kind, with a clock stopped at TEST_TODAY. */
export async function openTestApp(database: TestDatabase, masterKey: Buffer = randomBytes(32), today = TEST_TODAY, settings: TestStoreSettings = {}): Promise<TestApp> {
  const { municipalityCode = OFFICES.municipality.code, migrateBefore, ...storeSettings } = settings;
  const offices = municipalityCode === OFFICES.municipality.code ? OFFICES : { ...OFFICES, municipality: { ...OFFICES.municipality, code: municipalityCode } };
  const store = openStore({ ...storeSettings, dataDir: database.dataDir, databaseUrl: database.databaseUrl, municipalityCode });
  if (migrateBefore === undefined) await store.migrate();
  else await migrateUpTo(store.db, store.dialect === 'postgres' ? postgresDialect : sqliteDialect, migrateBefore);
  const clock = clockAt(today);
  const app = createAppContext({ store, masterKey, rules: DEFAULT_CONTEXT, offices, clock });
  return {
    app,
    store,
    clock,
    database,
    masterKey,
    reopen: async () => {
      await store.close();
      return openTestApp(database, masterKey, clock.today(), settings);
    },
    close: async () => {
      await store.close();
    },
  };
}

export const PASSWORD = 'correct horse battery';

/** A staff member of each kind the tests need, created through the same use case as `user add`. */
export async function createStaff(app: AppContext, username: string, role: string, officeId: string): Promise<Actor> {
  const result = await addStaff(app, systemActor('test'), { username, role, officeId, password: PASSWORD });
  if (!result.ok) throw new Error(result.error.message);
  const { id, name } = result.value;
  return { id, username, name, role: result.value.role, officeId };
}
