import type { ColumnType } from 'kysely';

/**
 * The tables as Kysely sees them. Dates are `YYYY-MM-DD` text and times ISO-8601 UTC text on
 * both databases, so that no driver turns a calendar date into a moment; JSON is text;
 * booleans are 0/1. Every table carries the municipality code (docs/domain.md "Scale").
 */
export interface ResidentsTable {
  id: string;
  municipality_code: string;
  resident_code: string;
  number_hash: string;
  /** The last four digits, all that is ever shown without a logged reveal. */
  number_last4: string;
  family_name: string;
  given_name: string;
  family_name_kana: string;
  given_name_kana: string;
  name_kana_search: string;
  name_kanji_search: string;
  birth_date: string;
  sex: string;
  address: string;
  address_search: string;
  /** 郵便番号 `NNN-NNNN`, null when not known (migration 0017). */
  postal_code: string | null;
  phone: string | null;
  /** The phone's digits only, for a search by any part of it (0015). */
  phone_digits: string | null;
  household_id: string;
  nationality: string;
  residency: string;
  period_of_stay_end: string | null;
  residence_card_number: string | null;
  registration: string;
  planned_move_out_date: string | null;
  move_out_destination: string | null;
  move_in_date: string | null;
  move_in_notification_date: string | null;
  /** 成年被後見人, 0 or 1 (migration 0008). */
  adult_ward: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ResidentNumbersTable {
  id: string;
  municipality_code: string;
  resident_id: string;
  ciphertext: string;
  key_id: string;
  number_hash: string;
  is_current: number;
  assigned_on: string;
  retired_on: string | null;
}

export interface CardsTable {
  id: string;
  municipality_code: string;
  resident_id: string;
  status: string;
  version: number;
  application_date: string;
  photo_taken_on: string;
  application_reason: string;
  previous_card_id: string | null;
  pickup_office_id: string;
  wants_signature: number;
  wants_user: number;
  issue_date: string | null;
  expiry_date: string | null;
  expiry_basis: string | null;
  handed_over_on: string | null;
  handed_over_office_id: string | null;
  front_notes: string;
  signature_certificate: string;
  user_certificate: string;
  continuation_notification_date: string | null;
  continuation_deadline: string | null;
  continuation_lapses_on: string | null;
  suspension: string | null;
  /** The day a made card arrived at its counter (migration 0011, R-19). */
  ready_on: string | null;
  /** 照会番号 of its 交付通知書, unique among ready cards (migration 0011). */
  pickup_reference: string | null;
  /** The earliest expiry among the card's valid certificates: what the nightly sweep looks up. */
  next_certificate_expiry: string | null;
  /** An abolition the sweep carries out on its day; null when none is scheduled. Migration 0009. */
  scheduled_abolition_on: string | null;
  scheduled_abolition_reason: string | null;
  ended_on: string | null;
  end_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventsTable {
  municipality_code: string;
  stream_type: string;
  stream_id: string;
  version: number;
  type: string;
  data: string;
  recorded_at: string;
  actor_id: string | null;
}

export interface ChipPinsTable {
  municipality_code: string;
  card_id: string;
  kind: string;
  hash: string;
  failures: number;
  locked: number;
  updated_at: string;
  /** The master key whose pepper the hash took; null before migration 0003. */
  key_id: string | null;
}

export interface ProceduresTable {
  id: string;
  municipality_code: string;
  kind: string;
  resident_id: string | null;
  card_id: string | null;
  staff_id: string;
  office_id: string;
  occurred_at: string;
  business_date: string;
  documents: string;
  fee: number | null;
  receipt_number: string | null;
  outcome: string;
  details: string;
  proxy: string | null;
}

export interface ReceiptCountersTable {
  municipality_code: string;
  office_id: string;
  year: number;
  last: number;
}

export interface AuditLogTable {
  municipality_code: string;
  chain: number;
  seq: number;
  at: string;
  actor_id: string | null;
  actor_role: string | null;
  office_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  outcome: string;
  code: string | null;
  details: string;
  prev_hash: string;
  hash: string;
  /** The master key of the entry's MAC; null before migration 0003. */
  key_id: string | null;
  /** The order of appends across chains (migration 0005): what the trail is listed by. */
  position: ColumnType<number | string | null, number | undefined, never>;
}

/** The last entry of each of a municipality's chains: the rows that serialise appends. */
export interface AuditHeadsTable {
  municipality_code: string;
  chain: number;
  seq: number;
  hash: string;
}

export interface IdempotencyKeysTable {
  municipality_code: string;
  actor_id: string;
  key: string;
  fingerprint: string;
  result: string;
  created_at: string;
}

export interface StaffTable {
  id: string;
  municipality_code: string;
  username: string;
  name: string;
  role: string;
  office_id: string;
  /** The argon2id hash of the password; empty while the account has none (it awaits setup). */
  password_hash: string;
  must_change_password: number;
  active: number;
  created_at: string;
  /** The SHA-256 of the account's outstanding setup code, null when there is none (migration 0004). */
  setup_code_hash: string | null;
  setup_code_expires_at: string | null;
}

export interface SessionsTable {
  token_hash: string;
  municipality_code: string;
  staff_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  revoked: number;
}

export interface ApprovalsTable {
  id: string;
  municipality_code: string;
  kind: string;
  status: string;
  resident_id: string;
  procedure: string | null;
  payload: string;
  requested_by: string;
  requested_office_id: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  used_at: string | null;
}

export interface ProxyEnquiriesTable {
  id: string;
  municipality_code: string;
  resident_id: string;
  enquired_on: string;
  caller_name: string;
  relationship: string;
  procedure: string;
  notes: string;
  recorded_by: string;
  recorded_at: string;
}

export interface JobRunsTable {
  id: string;
  municipality_code: string;
  job: string;
  business_date: string;
  status: string;
  started_at: string;
  finished_at: string | null;
  duration_ms: number | null;
  counts: string;
  actor_id: string;
  error: string | null;
}

export interface JobLeasesTable {
  municipality_code: string;
  job: string;
  run_id: string | null;
  host: string | null;
  pid: number | null;
  expires_at: string | null;
}

export interface GuideFeedbackTable {
  id: string;
  municipality_code: string;
  situation: string;
  lang: string;
  helpful: string;
  easy_to_find: string;
  comment: string | null;
  received_on: string;
  received_at: string;
}

/** Whether the municipality's records are live or a training instance's, since when. */
export interface InstanceModesTable {
  municipality_code: string;
  mode: string;
  since: string;
}

/** A municipality this deployment serves besides its own (docs/scale.md "Several municipalities"). */
export interface MunicipalitiesTable {
  municipality_code: string;
  name: string;
  /** The offices file's JSON, as it was checked when added. */
  offices: string;
  /** The policy file's JSON, or null for the deployment's policy. */
  policy: string | null;
  /** The host name (lower case) under which its residents' pages are served, or null. */
  public_host: string | null;
  added_at: string;
}

/** Places taken in each pickup slot of an office (docs/pickup.md "Appointments"). */
export interface AppointmentSlotsTable {
  municipality_code: string;
  office_id: string;
  slot_start: string;
  booked: number;
}

/** A pickup appointment; the cancel code only as its hash. */
export interface AppointmentsTable {
  id: string;
  municipality_code: string;
  card_id: string;
  resident_id: string;
  office_id: string;
  slot_date: string;
  slot_start: string;
  slot_end: string;
  status: string;
  cancel_code_hash: string;
  booked_at: string;
  updated_at: string;
}

/**
 * Each character of a resident's name in kanji, once (0015): the index of a search for one or two
 * characters inside a name (田 finds 山田 and 太田), which a trigram index cannot look up.
 */
export interface ResidentNameCharsTable {
  municipality_code: string;
  ch: string;
  resident_id: string;
}

export interface Tables {
  residents: ResidentsTable;
  resident_name_chars: ResidentNameCharsTable;
  resident_numbers: ResidentNumbersTable;
  cards: CardsTable;
  events: EventsTable;
  chip_pins: ChipPinsTable;
  procedures: ProceduresTable;
  receipt_counters: ReceiptCountersTable;
  audit_log: AuditLogTable;
  audit_heads: AuditHeadsTable;
  idempotency_keys: IdempotencyKeysTable;
  staff: StaffTable;
  sessions: SessionsTable;
  approvals: ApprovalsTable;
  proxy_enquiries: ProxyEnquiriesTable;
  job_runs: JobRunsTable;
  job_leases: JobLeasesTable;
  guide_feedback: GuideFeedbackTable;
  instance_modes: InstanceModesTable;
  appointment_slots: AppointmentSlotsTable;
  appointments: AppointmentsTable;
  municipalities: MunicipalitiesTable;
}
