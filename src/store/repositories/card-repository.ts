import { CompiledQuery, sql } from 'kysely';
import type { CardRepository, DueKind } from '../../app/ports/card-repository.ts';
import { isStanding, type ApplicationReason, type CardState, type CardStatus, type Certificate, type FrontNote, type ScheduledAbolition } from '../../domain/card.ts';
import type { ExpiryBasis } from '../../rules/card-expiry.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { CardsTable, ResidentsTable } from '../schema.ts';
import { prepared } from './prepared.ts';
import { readResident, residentFromRow } from './resident-repository.ts';
import { bool, changedColumns, chunks, indexedStatus, insertRows, type Scope } from './scope.ts';

function toRow(state: CardState, municipalityCode: string, at: string): Omit<CardsTable, 'created_at'> {
  return {
    id: state.id,
    municipality_code: municipalityCode,
    resident_id: state.residentId,
    status: state.status,
    version: state.version,
    application_date: state.applicationDate,
    photo_taken_on: state.photoTakenOn,
    application_reason: state.applicationReason,
    previous_card_id: state.previousCardId,
    pickup_office_id: state.pickupOfficeId,
    wants_signature: bool(state.wantsSignatureCertificate),
    wants_user: bool(state.wantsUserCertificate),
    issue_date: state.issueDate,
    expiry_date: state.expiryDate,
    expiry_basis: state.expiryBasis,
    ready_on: state.pickup?.readyOn ?? null,
    pickup_reference: state.pickup?.referenceNumber ?? null,
    handed_over_on: state.handedOverOn,
    handed_over_office_id: state.handedOverOfficeId,
    front_notes: JSON.stringify(state.frontNotes),
    signature_certificate: JSON.stringify(state.certificates.signature),
    user_certificate: JSON.stringify(state.certificates.user),
    continuation_notification_date: state.continuation?.notificationDate ?? null,
    continuation_deadline: state.continuation?.deadline ?? null,
    continuation_lapses_on: state.continuation?.lapsesOn ?? null,
    suspension: state.suspension && JSON.stringify(state.suspension),
    next_certificate_expiry: nextCertificateExpiry(state),
    scheduled_abolition_on: state.scheduledAbolition?.on ?? null,
    scheduled_abolition_reason: state.scheduledAbolition?.reason ?? null,
    ended_on: state.endedOn,
    end_reason: state.endReason,
    updated_at: at,
  };
}

function nextCertificateExpiry(state: CardState): string | null {
  // A held certificate (一時保留) still expires on its day; the sweep marks it as a valid one.
  const dates = [state.certificates.signature, state.certificates.user].flatMap((certificate) => (isStanding(certificate) ? [certificate.expiresOn] : []));
  return dates.length ? dates.sort()[0]! : null;
}

/** The read model's row as the state it was written from: the events' fold guarantees each status's fields. */
function fromRow(row: CardsTable): CardState {
  return {
    id: row.id,
    residentId: row.resident_id,
    status: row.status as CardStatus,
    version: row.version,
    applicationDate: row.application_date as PlainDate,
    photoTakenOn: row.photo_taken_on as PlainDate,
    applicationReason: row.application_reason as ApplicationReason,
    previousCardId: row.previous_card_id,
    pickupOfficeId: row.pickup_office_id,
    wantsSignatureCertificate: row.wants_signature === 1,
    wantsUserCertificate: row.wants_user === 1,
    issueDate: row.issue_date as PlainDate | null,
    expiryDate: row.expiry_date as PlainDate | null,
    expiryBasis: row.expiry_basis as ExpiryBasis | null,
    pickup: row.ready_on === null ? null : { readyOn: row.ready_on as PlainDate, referenceNumber: row.pickup_reference },
    handedOverOn: row.handed_over_on as PlainDate | null,
    handedOverOfficeId: row.handed_over_office_id,
    frontNotes: JSON.parse(row.front_notes) as FrontNote[],
    certificates: {
      signature: JSON.parse(row.signature_certificate) as Certificate,
      user: JSON.parse(row.user_certificate) as Certificate,
    },
    continuation:
      row.continuation_deadline === null
        ? null
        : {
            notificationDate: row.continuation_notification_date as PlainDate,
            deadline: row.continuation_deadline as PlainDate,
            lapsesOn: row.continuation_lapses_on as PlainDate,
          },
    scheduledAbolition:
      row.scheduled_abolition_on === null ? null : { on: row.scheduled_abolition_on as PlainDate, reason: row.scheduled_abolition_reason as ScheduledAbolition['reason'] },
    suspension: row.suspension === null ? null : JSON.parse(row.suspension),
    endedOn: row.ended_on as PlainDate | null,
    endReason: row.end_reason,
  } as CardState;
}

type CardRow = ReturnType<typeof toRow>;
/** The cards' columns of type integer; the others are text. */
const INTEGER_COLUMNS = new Set<keyof CardRow>(['version', 'wants_signature', 'wants_user']);
/** Cards per UPDATE of updateMany: (2 + columns) parameters each, far below either database's bound. */
const UPDATE_ROWS = 250;
/** The UPDATEs of updateMany, by the columns changed and the rows: written once per shape, like insertRows' texts. */
const updateTexts = new Map<string, string>();

/**
 * The card of a 照会番号 with its holder's birth date, which a booking checks against the one
 * typed: the card waiting now, else the last one that had it. Compiled once, with and without the
 * row lock (docs/architecture.md "Performance").
 */
function pickupReferenceQuery(waiting: boolean, lock: boolean) {
  return prepared((db, a: { municipalityCode: string; referenceNumber: string }, dialect) => {
    let query = db
      .selectFrom('cards')
      .innerJoin('residents', (join) => join.onRef('residents.municipality_code', '=', 'cards.municipality_code').onRef('residents.id', '=', 'cards.resident_id'))
      .selectAll('cards')
      .select('residents.birth_date as holder_birth_date')
      .where('cards.municipality_code', '=', a.municipalityCode)
      .where('cards.pickup_reference', '=', a.referenceNumber);
    query = waiting ? query.where('cards.status', '=', indexedStatus('ready')) : query.orderBy('cards.ready_on', 'desc').orderBy('cards.id', 'desc').limit(1);
    return lock && dialect.supportsRowLocks ? query.forUpdate('cards') : query;
  });
}
// A card by id, with and without its row lock, and a resident's cards: every card command reads them.
const cardById = [false, true].map((lock) =>
  prepared((db, a: { municipalityCode: string; id: string }, dialect) => {
    const query = db.selectFrom('cards').selectAll().where('municipality_code', '=', a.municipalityCode).where('id', '=', a.id);
    return lock && dialect.supportsRowLocks ? query.forUpdate() : query;
  }),
);
/** The card and its holder's row as JSON (every column text or integer, as the row would give them): one round trip. */
const cardWithHolder = [false, true].map((lock) =>
  prepared((db, a: { municipalityCode: string; id: string }) => {
    const query = db
      .selectFrom('cards')
      .leftJoin('residents', (join) => join.onRef('residents.municipality_code', '=', 'cards.municipality_code').onRef('residents.id', '=', 'cards.resident_id'))
      .selectAll('cards')
      .select(sql<ResidentsTable | null>`to_jsonb(residents.*)`.as('holder'))
      .where('cards.municipality_code', '=', a.municipalityCode)
      .where('cards.id', '=', a.id);
    return lock ? query.forUpdate('cards') : query;
  }),
);
const cardsOfResident = prepared((db, a: { municipalityCode: string; residentId: string }) =>
  db.selectFrom('cards').selectAll().where('municipality_code', '=', a.municipalityCode).where('resident_id', '=', a.residentId).orderBy('application_date').orderBy('created_at'),
);

const pickupLookup = {
  ready: [pickupReferenceQuery(true, false), pickupReferenceQuery(true, true)],
  latest: [pickupReferenceQuery(false, false), pickupReferenceQuery(false, true)],
};

export function cardRepository(scope: Scope): CardRepository {
  const { db, dialect, municipalityCode } = scope;
  const scoped = () => db.selectFrom('cards').selectAll().where('municipality_code', '=', municipalityCode);
  const dueQuery = (kind: DueKind, today: string) => {
    const cards = db.selectFrom('cards').where('municipality_code', '=', municipalityCode);
    if (kind === 'expiry') return cards.where('status', 'in', ['active', 'suspended']).where('expiry_date', '<', today);
    if (kind === 'lapse') return cards.where('continuation_lapses_on', '<=', today).where('status', 'in', ['active', 'suspended']);
    if (kind === 'uncollected') return cards.where('status', '=', 'ready').where('ready_on', '<=', today);
    if (kind === 'scheduled') return cards.where('scheduled_abolition_on', '<=', today).where('status', 'in', ['applied', 'ready', 'active', 'suspended']);
    return cards.where('next_certificate_expiry', '<', today);
  };
  const repository: CardRepository = {
    async get(id, options) {
      const row = (await cardById[Number(options?.lock === true)]!(scope, { municipalityCode, id })).rows[0];
      return row && fromRow(row);
    },
    async getWithHolder(id, options) {
      if (!dialect.statementRoundTrips) {
        const card = await repository.get(id, options);
        // The holder through its compiled statement, not a resident repository made for one read.
        return card && { card, holder: await readResident(scope, card.residentId) };
      }
      const row = (await cardWithHolder[Number(options?.lock === true)]!(scope, { municipalityCode, id })).rows[0];
      return row && { card: fromRow(row), holder: row.holder === null ? undefined : residentFromRow(row.holder) };
    },
    async getMany(ids, options) {
      const cards: CardState[] = [];
      for (const chunk of chunks([...new Set(ids)].sort())) {
        let query = scoped().where('id', 'in', chunk).orderBy('id');
        if (options?.lock && dialect.supportsRowLocks) query = query.forUpdate();
        cards.push(...(await query.execute()).map(fromRow));
      }
      return cards;
    },
    async readyPickupReferencesAmong(referenceNumbers) {
      const taken = new Set<string>();
      for (const chunk of chunks(referenceNumbers)) {
        const rows = await db
          .selectFrom('cards')
          .select('pickup_reference')
          .where('municipality_code', '=', municipalityCode)
          .where('status', '=', indexedStatus('ready'))
          .where('pickup_reference', 'in', chunk)
          .execute();
        for (const row of rows) if (row.pickup_reference !== null) taken.add(row.pickup_reference);
      }
      return taken;
    },
    async findByPickupReference(referenceNumber, options) {
      const lock = options?.lock === true;
      const args = { municipalityCode, referenceNumber };
      const row = (await pickupLookup.ready[Number(lock)]!(scope, args)).rows[0] ?? (await pickupLookup.latest[Number(lock)]!(scope, args)).rows[0];
      return row && { card: fromRow(row), holderBirthDate: row.holder_birth_date as PlainDate };
    },
    async listByResident(residentId) {
      return (await cardsOfResident(scope, { municipalityCode, residentId })).rows.map(fromRow);
    },
    async listByResidents(residentIds) {
      if (residentIds.length === 0) return [];
      const rows = await scoped().where('resident_id', 'in', residentIds).orderBy('application_date').orderBy('created_at').execute();
      return rows.map(fromRow);
    },
    async insert(state, at) {
      await insertRows(scope, 'cards', [{ ...toRow(state, municipalityCode, at), created_at: at }]);
    },
    async insertMany(states, at) {
      await insertRows(scope, 'cards', states.map((state) => ({ ...toRow(state, municipalityCode, at), created_at: at })));
    },
    async due(kind, today, limit) {
      return (await dueQuery(kind, today).select('id').orderBy('id').limit(limit).execute()).map((row) => row.id);
    },
    async countDue(kind, today) {
      const row = await dueQuery(kind, today)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async page(afterId, limit) {
      return (await scoped().where('id', '>', afterId).orderBy('id').limit(limit).execute()).map(fromRow);
    },
    async count() {
      const row = await db
        .selectFrom('cards')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('municipality_code', '=', municipalityCode)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async overwrite(state, at) {
      await db.updateTable('cards').set(toRow(state, municipalityCode, at)).where('municipality_code', '=', municipalityCode).where('id', '=', state.id).execute();
    },
    async updateMany(changes, at) {
      // Cards changed alike (the same columns) are written together, by one UPDATE … FROM
      // (VALUES …) per chunk where a statement is a round trip, else one UPDATE each.
      const shapes = new Map<string, { columns: (keyof CardRow)[]; rows: unknown[][] }>();
      for (const { before, after } of changes) {
        const old = toRow(before, municipalityCode, at);
        const row = toRow(after, municipalityCode, at);
        // id and municipality_code name the row; updated_at changes with every write.
        // Only the columns that changed: SQLite rewrites every index holding a column a statement
        // sets, changed or not, and the cards carry nine (a whole-row update cost three times as much).
        const columns = changedColumns(old, row).filter((column) => column !== 'id' && column !== 'municipality_code');
        const key = columns.join(',');
        const shape = shapes.get(key) ?? { columns, rows: [] };
        shape.rows.push([after.id, before.version, ...columns.map((column) => row[column])]);
        shapes.set(key, shape);
      }
      for (const { columns, rows } of shapes.values()) {
        for (const chunk of chunks(rows, dialect.statementRoundTrips ? UPDATE_ROWS : 1)) {
          const key = `${dialect.name}:${columns.join(',')}:${chunk.length}`;
          let text = updateTexts.get(key);
          const alone = !dialect.statementRoundTrips;
          if (text === undefined && alone) {
            const n = columns.length;
            const set = columns.map((column, index) => `"${column}" = ${dialect.placeholder(index + 1)}`).join(', ');
            text = `update "cards" set ${set} where "municipality_code" = ${dialect.placeholder(n + 1)} and "id" = ${dialect.placeholder(n + 2)} and "version" = ${dialect.placeholder(n + 3)}`;
            updateTexts.set(key, text);
          }
          if (text === undefined) {
            let n = 0;
            // Typed, so that PostgreSQL knows the VALUES' columns' types.
            const types = ['text', 'integer', ...columns.map((column) => (INTEGER_COLUMNS.has(column) ? 'integer' : 'text'))];
            const tuple = () => `(${types.map((type) => `cast(${dialect.placeholder(++n)} as ${type})`).join(', ')})`;
            const values = chunk.map(tuple).join(', ');
            const set = columns.map((column, index) => `"${column}" = v.column${index + 3}`).join(', ');
            text = `update "cards" set ${set} from (values ${values}) as v where "cards"."municipality_code" = ${dialect.placeholder(++n)} and "cards"."id" = v.column1 and "cards"."version" = v.column2`;
            updateTexts.set(key, text);
          }
          // The parameters in the order the text names them (SQLite's `?` are by position).
          const parameters = alone ? [...chunk[0]!.slice(2), municipalityCode, chunk[0]![0], chunk[0]![1]] : [...chunk.flat(), municipalityCode];
          const result = await db.executeQuery(CompiledQuery.raw(text!, parameters));
          if (Number(result.numAffectedRows) !== chunk.length) return false;
        }
      }
      return true;
    },
    update(state, previous, at) {
      return repository.updateMany([{ before: previous, after: state }], at);
    },
  };
  return repository;
}
