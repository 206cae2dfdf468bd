import type { Kysely } from 'kysely';

/**
 * Frozen: the municipalities one deployment serves besides the one its offices file names
 * (docs/scale.md "Several municipalities"): each with its name, its own offices and hotline
 * (the offices file's JSON as it was added), its own policy (null: the deployment's), and the
 * host name its residents' pages are served under.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('municipalities')
    .addColumn('municipality_code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('offices', 'text', (c) => c.notNull())
    .addColumn('policy', 'text')
    .addColumn('public_host', 'text')
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();
}
