import { sql, type Kysely } from 'kysely';

/**
 * Frozen: pickup appointments (docs/pickup.md "Appointments"). `appointment_slots` counts the
 * places taken in each slot of an office; a booking takes a place by a conditional update
 * (`booked < capacity`) of that one row, so two bookings of the last place cannot both succeed on
 * either database. `appointments` keeps each booking with the hash of its cancel code, never the
 * code; at most one live (`booked`) appointment per card, by a partial unique index. Cards are
 * found by their 照会番号 whatever their status (a card no longer waiting is told apart).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('appointment_slots')
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('slot_start', 'text', (c) => c.notNull())
    .addColumn('booked', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('appointment_slots_pk', ['municipality_code', 'office_id', 'slot_start'])
    .execute();
  await db.schema
    .createTable('appointments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('card_id', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('slot_date', 'text', (c) => c.notNull())
    .addColumn('slot_start', 'text', (c) => c.notNull())
    .addColumn('slot_end', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cancel_code_hash', 'text', (c) => c.notNull())
    .addColumn('booked_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('appointments_live_card')
    .unique()
    .on('appointments')
    .columns(['municipality_code', 'card_id'])
    .where(sql.ref('status'), '=', 'booked')
    .execute();
  // A booking tells a card handed over since its 交付通知書 from no card at all (the partial index of 0011 holds only ready cards).
  await db.schema.createIndex('cards_pickup_reference_any').on('cards').columns(['municipality_code', 'pickup_reference']).execute();
  await db.schema.createIndex('appointments_by_day').on('appointments').columns(['municipality_code', 'office_id', 'slot_date', 'slot_start']).execute();
}
