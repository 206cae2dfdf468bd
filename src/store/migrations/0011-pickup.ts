import { sql, type Kysely } from 'kysely';

/**
 * Frozen: the pickup of a made card (docs/pickup.md). The day the card arrived at its counter
 * (`ready_on`, from which R-19 counts the notice, the reminder and the discard) and the 照会番号 of
 * its 交付通知書 (`pickup_reference`). A reference is unique among the cards waiting at a
 * municipality's counters (a partial unique index: a handed-over card's reference may come round
 * again). Cards made before this migration count as arrived on their issue date, as their events
 * fold (a card taken over from another city arrived at no counter of ours and keeps none).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cards').addColumn('ready_on', 'text').execute();
  await db.schema.alterTable('cards').addColumn('pickup_reference', 'text').execute();
  await countArrivalsFromIssueDates(db);
  await db.schema
    .createIndex('cards_pickup_reference')
    .unique()
    .on('cards')
    .columns(['municipality_code', 'pickup_reference'])
    .where(sql.ref('status'), '=', 'ready')
    .execute();
  await db.schema.createIndex('cards_ready_on').on('cards').columns(['municipality_code', 'status', 'ready_on']).execute();
}

/**
 * Cards made before 0011 arrived, as their events fold, on their 発行日: every card with one but
 * those taken over from another city (never handed over here, yet naming the issuer).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function countArrivalsFromIssueDates(db: Kysely<any>): Promise<void> {
  await sql`update cards set ready_on = issue_date
            where issue_date is not null and not (handed_over_on is null and handed_over_office_id is not null)`.execute(db);
}
