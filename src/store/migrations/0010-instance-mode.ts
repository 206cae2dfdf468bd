import type { Kysely } from 'kysely';

/**
 * Frozen: whether a municipality's records are live or a training instance's (MADOGUCHI_TODAY,
 * docs/architecture.md "Training mode"), written at the first start, so that training data and
 * real records can never be mixed in one database.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('instance_modes')
    .addColumn('municipality_code', 'text', (c) => c.primaryKey())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('since', 'text', (c) => c.notNull())
    .execute();
}
