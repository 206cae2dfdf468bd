import type { Kysely } from 'kysely';

/**
 * Frozen: the resident guide's feedback (「このページの情報は役に立ちましたか？」「見つけやすかったですか？」):
 * for which situation and language, the two answers, an optional comment with digits and
 * phone-like strings already taken out, and the business day it came. No address, no person:
 * nothing that names who sent it. The table and its index are made in the one transaction the
 * migrator runs each migration in (both dialects take DDL in a transaction).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('guide_feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('situation', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('helpful', 'text', (c) => c.notNull())
    .addColumn('easy_to_find', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('guide_feedback_by_day').on('guide_feedback').columns(['municipality_code', 'received_on']).execute();
}
