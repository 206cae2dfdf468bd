import type { Kysely } from 'kysely';

/**
 * Frozen: an abolition the nightly sweep carries out on its day (docs/rules.md R-17: the card of a
 * resident moving abroad is abolished on the planned move-out date, not when the 国外転出届 is
 * filed). The day and the reason on the card's row, and an index by the day so the sweep finds
 * what is due without reading every card. Rows from before hold none (null).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cards').addColumn('scheduled_abolition_on', 'text').execute();
  await db.schema.alterTable('cards').addColumn('scheduled_abolition_reason', 'text').execute();
  await db.schema.createIndex('cards_scheduled_abolition').on('cards').columns(['municipality_code', 'scheduled_abolition_on']).execute();
}
