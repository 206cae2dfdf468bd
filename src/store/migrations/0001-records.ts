import type { Kysely } from 'kysely';

/**
 * Frozen: the records service's tables on both databases. A later change is a new migration.
 * Every table leads with the municipality code, and so does every index, so the schema can be
 * distributed by that key (docs/domain.md "Scale").
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('residents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('resident_code', 'text', (c) => c.notNull())
    .addColumn('number_hash', 'text', (c) => c.notNull())
    .addColumn('number_last4', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name_kana', 'text', (c) => c.notNull())
    .addColumn('given_name_kana', 'text', (c) => c.notNull())
    .addColumn('name_kana_search', 'text', (c) => c.notNull())
    .addColumn('name_kanji_search', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('address_search', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addColumn('nationality', 'text', (c) => c.notNull())
    .addColumn('residency', 'text', (c) => c.notNull())
    .addColumn('period_of_stay_end', 'text')
    .addColumn('residence_card_number', 'text')
    .addColumn('registration', 'text', (c) => c.notNull())
    .addColumn('planned_move_out_date', 'text')
    .addColumn('move_out_destination', 'text')
    .addColumn('move_in_date', 'text')
    .addColumn('move_in_notification_date', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('residents_number_hash').unique().on('residents').columns(['municipality_code', 'number_hash']).execute();
  await db.schema.createIndex('residents_resident_code').unique().on('residents').columns(['municipality_code', 'resident_code']).execute();
  await db.schema.createIndex('residents_birth_date').on('residents').columns(['municipality_code', 'birth_date', 'name_kana_search', 'id']).execute();
  await db.schema.createIndex('residents_name_kana').on('residents').columns(['municipality_code', 'name_kana_search', 'id']).execute();
  await db.schema.createIndex('residents_name_kanji').on('residents').columns(['municipality_code', 'name_kanji_search', 'id']).execute();
  await db.schema.createIndex('residents_household').on('residents').columns(['municipality_code', 'household_id']).execute();
  await db.schema.createIndex('residents_period_of_stay').on('residents').columns(['municipality_code', 'period_of_stay_end']).execute();
  await db.schema.createIndex('residents_phone').on('residents').columns(['municipality_code', 'phone', 'name_kana_search', 'id']).execute();

  await db.schema
    .createTable('resident_numbers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.notNull().references('residents.id'))
    .addColumn('ciphertext', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('number_hash', 'text', (c) => c.notNull())
    .addColumn('is_current', 'integer', (c) => c.notNull())
    .addColumn('assigned_on', 'text', (c) => c.notNull())
    .addColumn('retired_on', 'text')
    .execute();
  await db.schema.createIndex('resident_numbers_resident').on('resident_numbers').columns(['municipality_code', 'resident_id']).execute();
  await db.schema.createIndex('resident_numbers_hash').on('resident_numbers').columns(['municipality_code', 'number_hash']).execute();

  await db.schema
    .createTable('cards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.notNull().references('residents.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('application_date', 'text', (c) => c.notNull())
    .addColumn('photo_taken_on', 'text', (c) => c.notNull())
    .addColumn('application_reason', 'text', (c) => c.notNull())
    .addColumn('previous_card_id', 'text')
    .addColumn('pickup_office_id', 'text', (c) => c.notNull())
    .addColumn('wants_signature', 'integer', (c) => c.notNull())
    .addColumn('wants_user', 'integer', (c) => c.notNull())
    .addColumn('issue_date', 'text')
    .addColumn('expiry_date', 'text')
    .addColumn('expiry_basis', 'text')
    .addColumn('handed_over_on', 'text')
    .addColumn('handed_over_office_id', 'text')
    .addColumn('front_notes', 'text', (c) => c.notNull())
    .addColumn('signature_certificate', 'text', (c) => c.notNull())
    .addColumn('user_certificate', 'text', (c) => c.notNull())
    .addColumn('continuation_notification_date', 'text')
    .addColumn('continuation_deadline', 'text')
    .addColumn('continuation_lapses_on', 'text')
    .addColumn('suspension', 'text')
    .addColumn('next_certificate_expiry', 'text')
    .addColumn('ended_on', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cards_resident').on('cards').columns(['municipality_code', 'resident_id']).execute();
  await db.schema.createIndex('cards_status_expiry').on('cards').columns(['municipality_code', 'status', 'expiry_date']).execute();
  await db.schema.createIndex('cards_continuation').on('cards').columns(['municipality_code', 'continuation_lapses_on']).execute();
  await db.schema.createIndex('cards_certificate_expiry').on('cards').columns(['municipality_code', 'next_certificate_expiry']).execute();

  await db.schema
    .createTable('events')
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('stream_type', 'text', (c) => c.notNull())
    .addColumn('stream_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addPrimaryKeyConstraint('events_pk', ['municipality_code', 'stream_id', 'version'])
    .execute();

  await db.schema
    .createTable('chip_pins')
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('card_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('chip_pins_pk', ['municipality_code', 'card_id', 'kind'])
    .execute();

  await db.schema
    .createTable('procedures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text')
    .addColumn('card_id', 'text')
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('documents', 'text', (c) => c.notNull())
    .addColumn('fee', 'integer')
    .addColumn('receipt_number', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('proxy', 'text')
    .execute();
  await db.schema.createIndex('procedures_date').on('procedures').columns(['municipality_code', 'business_date']).execute();
  await db.schema.createIndex('procedures_resident').on('procedures').columns(['municipality_code', 'resident_id']).execute();
  await db.schema.createIndex('procedures_card').on('procedures').columns(['municipality_code', 'card_id']).execute();

  await db.schema
    .createTable('receipt_counters')
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('receipt_counters_pk', ['municipality_code', 'office_id', 'year'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('chain', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('office_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_log_pk', ['municipality_code', 'chain', 'seq'])
    .execute();
  await db.schema
    .createTable('audit_heads')
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('chain', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_heads_pk', ['municipality_code', 'chain'])
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').columns(['municipality_code', 'at']).execute();
  await db.schema.createIndex('audit_log_subject').on('audit_log').columns(['municipality_code', 'subject_id']).execute();
  await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['municipality_code', 'actor_id']).execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['municipality_code', 'actor_id', 'key'])
    .execute();

  await db.schema
    .createTable('staff')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('must_change_password', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_username').unique().on('staff').columns(['municipality_code', 'username']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('approvals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('procedure', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_office_id', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('approvals_status').on('approvals').columns(['municipality_code', 'status', 'requested_at']).execute();

  await db.schema
    .createTable('job_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('duration_ms', 'integer')
    .addColumn('counts', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('job_runs_started').on('job_runs').columns(['municipality_code', 'job', 'started_at']).execute();

  await db.schema
    .createTable('proxy_enquiries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('enquired_on', 'text', (c) => c.notNull())
    .addColumn('caller_name', 'text', (c) => c.notNull())
    .addColumn('relationship', 'text', (c) => c.notNull())
    .addColumn('procedure', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('proxy_enquiries_resident').on('proxy_enquiries').columns(['municipality_code', 'resident_id']).execute();
}
