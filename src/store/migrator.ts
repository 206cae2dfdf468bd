import { Migrator, type Kysely, type Migration } from 'kysely';
import type { MigrationStatus } from '../app/ports/store.ts';
import type { StoreDialect } from './dialect.ts';
import * as records from './migrations/0001-records.ts';
import * as keyIds from './migrations/0003-key-ids.ts';
import * as staffSetup from './migrations/0004-staff-setup.ts';
import * as auditOrder from './migrations/0005-audit-order.ts';
import * as jobLeases from './migrations/0006-job-leases.ts';
import * as guideFeedback from './migrations/0007-guide-feedback.ts';
import * as adultWard from './migrations/0008-adult-ward.ts';
import * as scheduledAbolition from './migrations/0009-scheduled-abolition.ts';
import * as instanceMode from './migrations/0010-instance-mode.ts';
import * as pickup from './migrations/0011-pickup.ts';
import * as phoneDigits from './migrations/0015-phone-digits.ts';
import * as appointments from './migrations/0016-appointments.ts';
import * as postalCode from './migrations/0017-postal-code.ts';
import * as municipalities from './migrations/0019-municipalities.ts';

/** The shared migrations, frozen once released; a change to the schema is a new entry. */
const SHARED: Readonly<Record<string, Migration>> = {
  '0001-records': records,
  '0003-key-ids': keyIds,
  '0004-staff-setup': staffSetup,
  '0005-audit-order': auditOrder,
  '0006-job-leases': jobLeases,
  '0007-guide-feedback': guideFeedback,
  '0008-adult-ward': adultWard,
  '0009-scheduled-abolition': scheduledAbolition,
  '0010-instance-mode': instanceMode,
  '0011-pickup': pickup,
  '0015-phone-digits': phoneDigits,
  '0016-appointments': appointments,
  '0017-postal-code': postalCode,
  '0019-municipalities': municipalities,
};

const MIGRATION_TABLE = 'madoguchi_migrations';

/** The name of the last migration this version knows for a database: a backup made under a later one cannot be opened by it. */
export function latestMigration(dialect: StoreDialect): string {
  return Object.keys({ ...SHARED, ...dialect.migrations }).sort().at(-1)!;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function migratorOf(db: Kysely<any>, dialect: StoreDialect, before?: string): Migrator {
  const migrations = Object.fromEntries(Object.entries({ ...SHARED, ...dialect.migrations }).filter(([name]) => before === undefined || name < before));
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: 'madoguchi_migrations_lock',
  });
}

/** Runs every migration not yet run, shared and the dialect's own, in name order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  await migrateUpTo(db, dialect);
}

/**
 * Runs the migrations whose names sort before `before` (all of them without it): a database as an
 * older version left it, for the tests of a migration over the records it finds.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateUpTo(db: Kysely<any>, dialect: StoreDialect, before?: string): Promise<void> {
  const migrator = migratorOf(db, dialect, before);
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'a migration';
    throw new Error(`database migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
  }
}

/**
 * The code's migrations against those the database has run, without changing anything: those
 * not yet run (the database is older than the code, e.g. a backup restored under a running
 * server) and those the code does not know (a newer version ran on it).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrationStatus(db: Kysely<any>, dialect: StoreDialect): Promise<MigrationStatus> {
  const known = await migratorOf(db, dialect).getMigrations();
  const pending = known.filter((migration) => migration.executedAt === undefined).map((migration) => migration.name);
  // Before the first migration there is no table to read the others from.
  if (pending.length === known.length) return { pending, unknown: [] };
  const names = new Set(known.map((migration) => migration.name));
  const ran = await db.selectFrom(MIGRATION_TABLE).select('name').execute();
  return { pending, unknown: ran.map((row: { name: string }) => row.name).filter((name) => !names.has(name)).sort() };
}
