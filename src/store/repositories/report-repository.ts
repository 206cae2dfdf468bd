import { sql } from 'kysely';
import type { NoticeCandidate, ReportRepository, StatisticsEvent } from '../../app/ports/report-repository.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { Scope } from './scope.ts';

const LIVE = ['active', 'suspended'];
/** The events the monthly statistics replay (docs/statistics.md): whether a resident lives here, whether a card is held, how it ended. */
const RESIDENT_EVENTS = ['ResidentRegistered', 'MovedOut', 'MovedIn', 'ResidentDied'];
const CARD_EVENTS = ['CardIssued', 'CardTakenOver', 'CardExpired', 'CardAbolished', 'CardReturned'];
const STATISTICS_ACTS = ['card-application', 'card-issue', 'card-reissue'];
/** Events read and folded at a time for the monthly statistics. */
const STATISTICS_PAGE = 5000;

/** Figures for the supervisors' reports and the lists behind the notices, grouped in the database. */
export function reportRepository({ db, municipalityCode }: Scope): ReportRepository {
  const month = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 7)`;
  const candidates = () =>
    db
      .selectFrom('cards')
      .innerJoin('residents', (join) => join.onRef('residents.id', '=', 'cards.resident_id').onRef('residents.municipality_code', '=', 'cards.municipality_code'))
      .select([
        'residents.id as residentId',
        'cards.id as cardId',
        'residents.family_name as familyName',
        'residents.given_name as givenName',
        'residents.family_name_kana as familyNameKana',
        'residents.given_name_kana as givenNameKana',
        'residents.address as address',
        'residents.postal_code as postalCode',
        'residents.residency as residency',
        'residents.period_of_stay_end as periodOfStayEnd',
        'cards.status as cardStatus',
        'cards.expiry_date as expiryDate',
        'cards.expiry_basis as expiryBasis',
        'cards.pickup_office_id as pickupOfficeId',
        'cards.continuation_notification_date as continuationNotificationDate',
        'cards.continuation_deadline as continuationDeadline',
        'cards.continuation_lapses_on as continuationLapsesOn',
        'cards.signature_certificate as signatureCertificate',
        'cards.user_certificate as userCertificate',
        'cards.ready_on as readyOn',
        'cards.pickup_reference as pickupReference',
        'residents.birth_date as birthDate',
        'residents.adult_ward as adultWard',
      ])
      .where('cards.municipality_code', '=', municipalityCode);

  return {
    async noticeCandidates(query) {
      let select = candidates();
      switch (query.by) {
        case 'expiry':
          select = select.where('cards.status', 'in', query.statuses).where('cards.expiry_date', '>=', query.from).where('cards.expiry_date', '<=', query.to);
          break;
        case 'lapse':
          // An ended card keeps its pending continuation; nothing is left to continue.
          select = select.where('cards.continuation_lapses_on', '>=', query.from).where('cards.continuation_lapses_on', '<=', query.to).where('cards.status', 'in', LIVE);
          break;
        case 'period-of-stay':
          select = select
            .where('residents.residency', '=', 'foreign-with-period')
            .where('residents.period_of_stay_end', '>=', query.from)
            .where('residents.period_of_stay_end', '<=', query.to)
            .where('cards.status', 'in', LIVE);
          break;
        case 'certificate-expiry':
          // A suspended card's certificates are on hold, not renewed; it gets no letter.
          select = select.where('cards.next_certificate_expiry', '>=', query.from).where('cards.next_certificate_expiry', '<=', query.to).where('cards.status', '=', 'active');
          break;
        case 'ready-on':
          // A card collected or destroyed meanwhile gets no letter (the cards_ready_on index).
          select = select.where('cards.status', '=', 'ready').where('cards.ready_on', '>=', query.from).where('cards.ready_on', '<=', query.to);
          break;
      }
      const rows = await select.orderBy('residents.address').orderBy('residents.id').execute();
      // SQLite keeps a boolean as 0 or 1.
      return rows.map((row) => ({ ...row, adultWard: Boolean(row.adultWard) })) as NoticeCandidate[];
    },
    async cardsByStatus() {
      const rows = await db
        .selectFrom('cards')
        .select(['pickup_office_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('municipality_code', '=', municipalityCode)
        .groupBy(['pickup_office_id', 'status'])
        .orderBy('pickup_office_id')
        .orderBy('status')
        .execute();
      return rows.map((row) => ({ officeId: row.pickup_office_id, status: row.status, count: Number(row.n) }));
    },
    async proceduresByDay(from, to) {
      const rows = await db
        .selectFrom('procedures')
        .select(['business_date', 'kind', 'office_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('municipality_code', '=', municipalityCode)
        .where('business_date', '>=', from)
        .where('business_date', '<=', to)
        .groupBy(['business_date', 'kind', 'office_id'])
        .orderBy('business_date')
        .orderBy('kind')
        .orderBy('office_id')
        .execute();
      return rows.map((row) => ({ date: row.business_date as PlainDate, kind: row.kind, officeId: row.office_id, count: Number(row.n) }));
    },
    async receipts(from, to) {
      const rows = await db
        .selectFrom('procedures')
        .select(['business_date', 'office_id', 'receipt_number', 'kind', 'fee', 'occurred_at'])
        .where('municipality_code', '=', municipalityCode)
        .where('business_date', '>=', from)
        .where('business_date', '<=', to)
        .where('receipt_number', 'is not', null)
        .orderBy('business_date')
        .orderBy('receipt_number')
        .execute();
      return rows.map((row) => ({
        date: row.business_date as PlainDate,
        officeId: row.office_id,
        receiptNumber: row.receipt_number!,
        kind: row.kind,
        fee: row.fee ?? 0,
        occurredAt: row.occurred_at,
      }));
    },
    async expiriesByMonth(from, to) {
      const rows = await db
        .selectFrom('cards')
        .select([month('expiry_date').as('month'), (eb) => eb.fn.countAll<number>().as('n')])
        .where('municipality_code', '=', municipalityCode)
        .where('status', 'in', LIVE)
        .where('expiry_date', '>=', from)
        .where('expiry_date', '<=', to)
        .groupBy(month('expiry_date'))
        .orderBy('month')
        .execute();
      return rows.map((row) => ({ month: row.month, count: Number(row.n) }));
    },
    async statisticsFacts(from, to, pageSize = STATISTICS_PAGE) {
      // A page of one kind of stream's events, after the last (stream, version) read, each with its
      // holder: a card's event joins the card for it; a resident's stream is its holder's own.
      const page = (streamType: 'resident' | 'card', types: readonly string[], after: { stream: string; version: number }) =>
        db
          .selectFrom('events')
          .leftJoin('cards', (join) => join.onRef('cards.id', '=', 'events.stream_id').onRef('cards.municipality_code', '=', 'events.municipality_code'))
          .innerJoin('residents', (join) => join.on(sql<boolean>`residents.id = coalesce(cards.resident_id, events.stream_id)`).onRef('residents.municipality_code', '=', 'events.municipality_code'))
          .select(['events.stream_id', 'events.version', 'cards.id as card_id', 'residents.id as resident_id', 'residents.birth_date', 'residents.sex', 'events.type', 'events.data', 'events.recorded_at'])
          .where('events.municipality_code', '=', municipalityCode)
          .where('events.stream_type', '=', streamType)
          .where('events.type', 'in', types)
          .where((eb) => eb(eb.refTuple('events.stream_id', 'events.version'), '>', eb.tuple(after.stream, after.version)))
          .orderBy('events.stream_id')
          .orderBy('events.version')
          .limit(pageSize)
          .execute();
      // Every resident's events, then every card's; the caller folds each page and lets it go.
      async function* events(): AsyncGenerator<readonly StatisticsEvent[]> {
        for (const [streamType, types] of [['resident', RESIDENT_EVENTS], ['card', CARD_EVENTS]] as const) {
          for (let after = { stream: '', version: 0 }; ; ) {
            const rows = await page(streamType, types, after);
            if (rows.length === 0) break;
            yield rows.map((row) => ({ residentId: row.resident_id, birthDate: row.birth_date as PlainDate, sex: row.sex, cardId: row.card_id, type: row.type, data: JSON.parse(row.data) as Record<string, unknown>, recordedAt: row.recorded_at }));
            after = { stream: rows.at(-1)!.stream_id, version: rows.at(-1)!.version };
          }
        }
      }
      const acts = await db
        .selectFrom('procedures')
        .innerJoin('residents', (join) => join.onRef('residents.id', '=', 'procedures.resident_id').onRef('residents.municipality_code', '=', 'procedures.municipality_code'))
        .select(['procedures.kind', 'procedures.resident_id', 'residents.birth_date', 'residents.sex', 'procedures.details'])
        .where('procedures.municipality_code', '=', municipalityCode)
        .where('procedures.business_date', '>=', from)
        .where('procedures.business_date', '<=', to)
        .where('procedures.kind', 'in', STATISTICS_ACTS)
        .orderBy('procedures.business_date')
        .orderBy('procedures.id')
        .execute();
      return {
        events: events(),
        acts: acts.map((row) => ({ kind: row.kind, residentId: row.resident_id!, birthDate: row.birth_date as PlainDate, sex: row.sex, details: JSON.parse(row.details) as Record<string, unknown> })),
      };
    },
    async lapsesByMonth(from, to) {
      const rows = await db
        .selectFrom('cards')
        .select([month('continuation_lapses_on').as('month'), (eb) => eb.fn.countAll<number>().as('n')])
        .where('municipality_code', '=', municipalityCode)
        .where('continuation_lapses_on', '>=', from)
        .where('continuation_lapses_on', '<=', to)
        .groupBy(month('continuation_lapses_on'))
        .orderBy('month')
        .execute();
      return rows.map((row) => ({ month: row.month, count: Number(row.n) }));
    },
    async waitingByDay() {
      const rows = await db
        .selectFrom('cards')
        .select(['pickup_office_id', 'ready_on', (eb) => eb.fn.countAll<number>().as('n')])
        .where('municipality_code', '=', municipalityCode)
        .where('status', '=', 'ready')
        .groupBy(['pickup_office_id', 'ready_on'])
        .orderBy('pickup_office_id')
        .orderBy('ready_on')
        .execute();
      return rows.map((row) => ({ officeId: row.pickup_office_id, readyOn: (row.ready_on ?? '') as PlainDate, count: Number(row.n) }));
    },
    async waitingSince(to) {
      const rows = await db
        .selectFrom('cards')
        .innerJoin('residents', (join) => join.onRef('residents.id', '=', 'cards.resident_id').onRef('residents.municipality_code', '=', 'cards.municipality_code'))
        .select(['cards.id as cardId', 'residents.id as residentId', 'residents.family_name as familyName', 'residents.given_name as givenName', 'cards.pickup_office_id as officeId', 'cards.ready_on as readyOn'])
        .where('cards.municipality_code', '=', municipalityCode)
        .where('cards.status', '=', 'ready')
        .where('cards.ready_on', '<=', to)
        .orderBy('cards.ready_on')
        .orderBy('cards.id')
        .execute();
      return rows.map((row) => ({ ...row, readyOn: row.readyOn as PlainDate }));
    },
    async deliveredBetween(from, to) {
      const row = await db
        .selectFrom('cards')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('municipality_code', '=', municipalityCode)
        .where('ready_on', '>=', from)
        .where('ready_on', '<=', to)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async bookedOn(day) {
      const row = await db
        .selectFrom('appointments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('municipality_code', '=', municipalityCode)
        .where('status', '=', 'booked')
        .where('slot_date', '=', day)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async uncollectedBetween(from, to) {
      const row = await db
        .selectFrom('cards')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('municipality_code', '=', municipalityCode)
        .where('status', '=', 'abolished')
        .where('end_reason', '=', 'uncollected')
        .where('ended_on', '>=', from)
        .where('ended_on', '<=', to)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
