import type { Kysely } from 'kysely';

/**
 * Frozen: the one-time setup code of an account that awaits its first password (only its hash
 * and when it stops working), and an index to end every session of one staff member at once
 * (disabling, a reset, a new role) without reading the whole sessions table.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('staff').addColumn('setup_code_hash', 'text').execute();
  await db.schema.alterTable('staff').addColumn('setup_code_expires_at', 'text').execute();
  await db.schema.createIndex('sessions_staff').on('sessions').columns(['municipality_code', 'staff_id']).execute();
}
