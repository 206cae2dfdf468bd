import { Migrator, type Kysely, type Migration } from 'kysely';
import type { StoreDialect } from './dialect.ts';
import * as records from './migrations/0001-records.ts';
import * as keyIds from './migrations/0003-key-ids.ts';
import * as staffSetup from './migrations/0004-staff-setup.ts';
import * as auditOrder from './migrations/0005-audit-order.ts';
import * as jobLeases from './migrations/0006-job-leases.ts';
import * as guideFeedback from './migrations/0007-guide-feedback.ts';

/** The shared migrations, frozen once released; a change to the schema is a new entry. */
const SHARED: Readonly<Record<string, Migration>> = {
  '0001-records': records,
  '0003-key-ids': keyIds,
  '0004-staff-setup': staffSetup,
  '0005-audit-order': auditOrder,
  '0006-job-leases': jobLeases,
  '0007-guide-feedback': guideFeedback,
};

/** Runs every migration not yet run, shared and the dialect's own, in name order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  const migrations = { ...SHARED, ...dialect.migrations };
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'madoguchi_migrations',
    migrationLockTableName: 'madoguchi_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'a migration';
    throw new Error(`database migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
  }
}
