import type { Kysely } from 'kysely';

/**
 * Frozen: the key each PIN hash and audit entry was written with, so that a rotated master key
 * leaves them readable (null: written before this migration, by a key the ring must still hold),
 * and an index to find the numbers not yet re-encrypted under the current key.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('chip_pins').addColumn('key_id', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('key_id', 'text').execute();
  await db.schema.createIndex('resident_numbers_key').on('resident_numbers').columns(['municipality_code', 'key_id']).execute();
}
