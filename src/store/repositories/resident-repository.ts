import type { ResidentQuery, ResidentRecord, ResidentRepository } from '../../app/ports/resident-repository.ts';
import type { LockOption } from '../../app/ports/store.ts';
import { phoneDigits, searchForm } from '../../domain/name-search.ts';
import type { Registration, ResidentState, Sex } from '../../domain/resident.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { Residency } from '../../rules/residency.ts';
import { sql } from 'kysely';
import type { ResidentsTable } from '../schema.ts';
import { likeContains, type ResidentSearchColumn } from '../dialect.ts';
import { prepared } from './prepared.ts';
import { changedColumns, chunks, insertRows, type Scope } from './scope.ts';

function toRow(record: ResidentRecord, municipalityCode: string, at: string): Omit<ResidentsTable, 'number_hash' | 'created_at'> {
  const { state } = record;
  return {
    id: state.id,
    municipality_code: municipalityCode,
    resident_code: state.residentCode,
    family_name: state.familyName,
    given_name: state.givenName,
    family_name_kana: state.familyNameKana,
    given_name_kana: state.givenNameKana,
    name_kana_search: searchForm(state.familyNameKana + state.givenNameKana),
    name_kanji_search: searchForm(state.familyName + state.givenName),
    birth_date: state.birthDate,
    sex: state.sex,
    address: state.address,
    address_search: searchForm(state.address),
    postal_code: state.postalCode,
    phone: record.phone,
    phone_digits: record.phone === null ? null : phoneDigits(record.phone),
    number_last4: record.numberLast4,
    household_id: state.householdId,
    nationality: state.nationality,
    residency: state.residency,
    period_of_stay_end: state.periodOfStayEnd,
    residence_card_number: state.residenceCardNumber,
    registration: state.registration,
    planned_move_out_date: state.plannedMoveOutDate,
    move_out_destination: state.moveOutDestination,
    move_in_date: state.moveInDate,
    move_in_notification_date: state.moveInNotificationDate,
    adult_ward: state.adultWard ? 1 : 0,
    version: state.version,
    updated_at: at,
  };
}

export function residentFromRow(row: ResidentsTable): ResidentRecord {
  const state: ResidentState = {
    id: row.id,
    version: row.version,
    residentCode: row.resident_code,
    familyName: row.family_name,
    givenName: row.given_name,
    familyNameKana: row.family_name_kana,
    givenNameKana: row.given_name_kana,
    birthDate: row.birth_date as PlainDate,
    sex: row.sex as Sex,
    address: row.address,
    postalCode: row.postal_code,
    householdId: row.household_id,
    nationality: row.nationality,
    residency: row.residency as Residency,
    periodOfStayEnd: row.period_of_stay_end as PlainDate | null,
    residenceCardNumber: row.residence_card_number,
    registration: row.registration as Registration,
    plannedMoveOutDate: row.planned_move_out_date as PlainDate | null,
    moveOutDestination: row.move_out_destination,
    moveInDate: row.move_in_date as PlainDate | null,
    moveInNotificationDate: row.move_in_notification_date as PlainDate | null,
    adultWard: row.adult_ward === 1,
  };
  return { state, phone: row.phone, numberLast4: row.number_last4 };
}

const KANA_ONLY = /^[\u30A0-\u30FF]+$/u;

/** The rows of resident_name_chars of a resident: each character of the name in kanji, once. */
function nameChars(record: ResidentRecord, municipalityCode: string) {
  const name = searchForm(record.state.familyName + record.state.givenName);
  return [...new Set(name)].map((ch) => ({ municipality_code: municipalityCode, ch, resident_id: record.state.id }));
}

/**
 * The most residents a 'contains' search looks at; past it the answer says `truncated` and the
 * clerk is asked to narrow (a birth date, more digits). Ten pages of twenty are more than a clerk
 * reads; each candidate is a row read and sorted by name for the page, so this bounds the cost of
 * four digits of a phone number or a town's name at a million residents (docs/architecture.md
 * "What bounds each aim": 1,000 made such a search cost ~15 ms of the server's CPU).
 */
export const CONTAINS_CAP = 200;

// A resident by id, with and without the row lock: most commands read one (docs/architecture.md "Performance").
const residentById = [false, true].map((lock) =>
  prepared((db, a: { municipalityCode: string; id: string }, dialect) => {
    const query = db.selectFrom('residents').selectAll('residents').where('residents.municipality_code', '=', a.municipalityCode).where('id', '=', a.id);
    return lock && dialect.supportsRowLocks ? query.forUpdate() : query;
  }),
);

/** A resident by id, through the compiled statement: the repository's `get`, and the card repository's holder on SQLite. */
export async function readResident(scope: Scope, id: string, options?: LockOption): Promise<ResidentRecord | undefined> {
  const row = (await residentById[Number(options?.lock === true)]!(scope, { municipalityCode: scope.municipalityCode, id })).rows[0];
  return row && residentFromRow(row);
}

export function residentRepository(scope: Scope): ResidentRepository {
  const { db, dialect, municipalityCode } = scope;
  const scoped = () => db.selectFrom('residents').where('residents.municipality_code', '=', municipalityCode);
  return {
    get: (id, options) => readResident(scope, id, options),
    async getMany(ids) {
      const records: ResidentRecord[] = [];
      for (const chunk of chunks(ids)) records.push(...(await scoped().selectAll('residents').where('id', 'in', chunk).execute()).map(residentFromRow));
      return records;
    },
    async insert(record, numberHash, at) {
      await db
        .insertInto('residents')
        .values({ ...toRow(record, municipalityCode, at), number_hash: numberHash, created_at: at })
        .execute();
      await insertRows(scope, 'resident_name_chars', nameChars(record, municipalityCode));
    },
    async insertMany(rows, at) {
      await insertRows(scope, 'residents', rows.map(({ record, numberHash }) => ({ ...toRow(record, municipalityCode, at), number_hash: numberHash, created_at: at })));
      await insertRows(scope, 'resident_name_chars', rows.flatMap(({ record }) => nameChars(record, municipalityCode)));
    },
    async update(record, previous, at) {
      // Only the columns that changed, as for cards: each set column costs its indexes and search triggers.
      const row = toRow(record, municipalityCode, at);
      const changed = Object.fromEntries(changedColumns(toRow(previous, municipalityCode, at), row).map((column) => [column, row[column]]));
      const result = await db
        .updateTable('residents')
        .set({ ...changed, version: record.state.version })
        .where('municipality_code', '=', municipalityCode)
        .where('id', '=', record.state.id)
        .where('version', '=', previous.state.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      // A new name: its characters are written again.
      if ('name_kana_search' in changed || 'name_kanji_search' in changed) {
        await db.deleteFrom('resident_name_chars').where('municipality_code', '=', municipalityCode).where('resident_id', '=', record.state.id).execute();
        await insertRows(scope, 'resident_name_chars', nameChars(record, municipalityCode));
      }
      return true;
    },
    async setNumber(id, numberHash, numberLast4) {
      await db.updateTable('residents').set({ number_hash: numberHash, number_last4: numberLast4 }).where('municipality_code', '=', municipalityCode).where('id', '=', id).execute();
    },
    async residentCodeTaken(residentCode) {
      return (await scoped().select('id').where('resident_code', '=', residentCode).executeTakeFirst()) !== undefined;
    },
    /**
     * A search driven by one index, ordered by it, so that a page costs the same among a thousand
     * residents or a million: the birth date when given; else a phone number by any part of its
     * digits (trigram index); else the names starting with the text (kana or kanji, the column's
     * ordinary index) and after them the names containing it elsewhere (田 finds 山田 and 太田:
     * the trigram index from 3 characters, a scan stopped at CONTAINS_CAP candidates below); an
     * address alone through the trigram index too. Each record says whether it matched by the
     * start or by containing the text.
     */
    async search(query: ResidentQuery) {
      const name = query.name === undefined ? undefined : searchForm(query.name);
      const nameColumn = name === undefined ? undefined : KANA_ONLY.test(name) ? 'name_kana_search' : 'name_kanji_search';
      const address = query.address === undefined ? undefined : searchForm(query.address);
      const digits = query.phone === undefined ? undefined : phoneDigits(query.phone);
      const narrowed = query.birthDate !== undefined || digits !== undefined;
      const order = !narrowed && nameColumn === 'name_kanji_search' ? 'name_kanji_search' : 'name_kana_search';
      const page = (match: 'prefix' | 'contains', limit: number, after: ResidentQuery['after'], ids?: string[]) => {
        let select = scoped().selectAll('residents');
        if (ids) select = select.where('id', 'in', ids.length > 0 ? ids : ['']);
        if (query.birthDate !== undefined) select = select.where('birth_date', '=', query.birthDate);
        if (digits !== undefined && query.birthDate !== undefined) select = select.where(likeContains('phone_digits', digits));
        if (name !== undefined && nameColumn !== undefined) {
          if (narrowed) select = select.where(likeContains(nameColumn, name));
          else if (match === 'prefix') select = select.where(dialect.startsWith(nameColumn, name));
          // The names containing the text after their start: those starting with it came first.
          else select = select.where((eb) => eb.and([eb.not(dialect.startsWith(nameColumn, name)), likeContains(nameColumn, name)]));
        }
        if (address !== undefined && (narrowed || name !== undefined || match === 'prefix')) select = select.where(likeContains('address_search', address));
        if (after) {
          const { key, id } = after;
          select = select.where((eb) => eb.or([eb(order, '>', key), eb.and([eb(order, '=', key), eb('id', '>', id)])]));
        }
        // The candidates of a contains search (ids) are read by id and then sorted: ordering by the
        // column itself let SQLite walk the city's name index in order, testing each row against
        // the ids (its sampled statistics make a municipality look small), 18 ms instead of 1 ms
        // at a million residents; an expression no index gives is sorted after the look-up.
        return select
          .orderBy(ids ? sql`${sql.ref(order)} || ''` : sql.ref(order))
          .orderBy('id')
          .limit(limit)
          .execute();
      };
      const capped = (candidates: { id: string }[]) => ({ ids: candidates.slice(0, CONTAINS_CAP).map((row) => row.id), truncated: candidates.length > CONTAINS_CAP });
      const containing = async (column: ResidentSearchColumn, text: string) => {
        const chars = [...text];
        if (chars.length >= 3) return capped(await scoped().select('id').where(dialect.residentContains(column, text, CONTAINS_CAP + 1)).limit(CONTAINS_CAP + 1).execute());
        // One or two characters: a trigram index has nothing to look up. A kanji name's
        // characters are indexed one by one (those having both; the page keeps them side by side);
        // a syllable or two of kana inside a reading is no search.
        if (column !== 'name_kanji_search') return { ids: [], truncated: false };
        let select = db.selectFrom('resident_name_chars as a').select('a.resident_id as id').where('a.municipality_code', '=', municipalityCode).where('a.ch', '=', chars[0]!);
        if (chars[1] !== undefined && chars[1] !== chars[0]) {
          const second = chars[1];
          select = select.where((eb) =>
            eb.exists(eb.selectFrom('resident_name_chars as b').select('b.resident_id').whereRef('b.municipality_code', '=', 'a.municipality_code').whereRef('b.resident_id', '=', 'a.resident_id').where('b.ch', '=', second)),
          );
        }
        return capped(await select.limit(CONTAINS_CAP + 1).execute());
      };
      let match: 'prefix' | 'contains' = 'prefix';
      let truncated = false;
      let rows: ResidentsTable[];
      let matches: ('prefix' | 'contains')[];
      if (digits !== undefined && query.birthDate === undefined) {
        // Hyphens or none, the whole number or a part of it: the digits inside the stored digits.
        const found = await containing('phone_digits', digits);
        truncated = found.truncated;
        rows = await page('prefix', query.limit, query.after, found.ids);
        matches = rows.map(() => 'prefix');
      } else if (!narrowed && name === undefined && address !== undefined) {
        match = 'contains';
        const found = await containing('address_search', address);
        truncated = found.truncated;
        rows = await page('contains', query.limit, query.after, found.ids);
        matches = rows.map(() => 'contains');
      } else {
        rows = query.match === 'contains' ? [] : await page('prefix', query.limit, query.after);
        matches = rows.map(() => 'prefix');
        if (rows.length < query.limit && !narrowed && name !== undefined && nameColumn !== undefined) {
          const found = await containing(nameColumn, name);
          const more = await page('contains', query.limit - rows.length, query.match === 'contains' ? query.after : undefined, found.ids);
          truncated = found.truncated;
          if (more.length > 0) match = 'contains';
          rows = [...rows, ...more];
          matches = [...matches, ...more.map(() => 'contains' as const)];
        }
      }
      return { records: rows.map(residentFromRow), keys: rows.map((row) => row[order]), order, match, matches, truncated };
    },
    async household(householdId) {
      const rows = await scoped().selectAll('residents').where('household_id', '=', householdId).orderBy('birth_date').execute();
      return rows.map(residentFromRow);
    },
    async findByResidentCodes(codes) {
      const found = new Map<string, { id: string; numberHash: string }>();
      for (const chunk of chunks(codes)) {
        const rows = await scoped().select(['id', 'resident_code', 'number_hash']).where('resident_code', 'in', chunk).execute();
        for (const row of rows) found.set(row.resident_code, { id: row.id, numberHash: row.number_hash });
      }
      return found;
    },
    async page(afterId, limit) {
      return (await scoped().selectAll('residents').where('id', '>', afterId).orderBy('id').limit(limit).execute()).map(residentFromRow);
    },
    async count() {
      const row = await scoped().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
