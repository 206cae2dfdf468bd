import type { Kysely } from 'kysely';

/**
 * Frozen: whether a resident is an adult under guardianship (成年被後見人, docs/rules.md R-18), as
 * 0 or 1 like the other flags; every resident registered before is not one.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('residents').addColumn('adult_ward', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
