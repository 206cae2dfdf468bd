import type { ActKind, ActRecord, ActRecordRepository } from '../../app/ports/act-record-repository.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { ProceduresTable } from '../schema.ts';
import { insertRows, type Scope } from './scope.ts';

function fromRow(row: ProceduresTable): ActRecord {
  return {
    id: row.id,
    kind: row.kind as ActKind,
    residentId: row.resident_id,
    cardId: row.card_id,
    staffId: row.staff_id,
    officeId: row.office_id,
    occurredAt: row.occurred_at,
    businessDate: row.business_date as PlainDate,
    documents: JSON.parse(row.documents),
    fee: row.fee,
    receiptNumber: row.receipt_number,
    outcome: row.outcome,
    details: JSON.parse(row.details),
    proxy: row.proxy === null ? null : JSON.parse(row.proxy),
  };
}

function toRow(record: ActRecord, municipalityCode: string): ProceduresTable {
  return {
    id: record.id,
    municipality_code: municipalityCode,
    kind: record.kind,
    resident_id: record.residentId,
    card_id: record.cardId,
    staff_id: record.staffId,
    office_id: record.officeId,
    occurred_at: record.occurredAt,
    business_date: record.businessDate,
    documents: JSON.stringify(record.documents),
    fee: record.fee,
    receipt_number: record.receiptNumber,
    outcome: record.outcome,
    details: JSON.stringify(record.details),
    proxy: record.proxy && JSON.stringify(record.proxy),
  };
}

/** Procedure records (docs/domain.md): every act at a counter or the hotline, as the counter prints it. */
export function actRecordRepository(scope: Scope): ActRecordRepository {
  const { db, municipalityCode } = scope;
  return {
    async insert(record) {
      await insertRows(scope, 'procedures', [toRow(record, municipalityCode)]);
    },
    async insertMany(records) {
      await insertRows(scope, 'procedures', records.map((record) => toRow(record, municipalityCode)));
    },
    async get(id) {
      const row = await db.selectFrom('procedures').selectAll().where('municipality_code', '=', municipalityCode).where('id', '=', id).executeTakeFirst();
      return row && fromRow(row);
    },
    async listByResident(residentId) {
      const rows = await db
        .selectFrom('procedures')
        .selectAll()
        .where('municipality_code', '=', municipalityCode)
        .where('resident_id', '=', residentId)
        .orderBy('occurred_at')
        .execute();
      return rows.map(fromRow);
    },
    async recordedSince(kinds, sinceDate, since) {
      if (kinds.length === 0) return [];
      // Through the index by business date; the instant narrows it to the moment.
      const rows = await db
        .selectFrom('procedures')
        .select(['kind', 'details'])
        .where('municipality_code', '=', municipalityCode)
        .where('business_date', '>=', sinceDate)
        .where('occurred_at', '>=', since)
        .where('kind', 'in', kinds)
        .execute();
      return rows.map((row) => ({ kind: row.kind as ActKind, details: JSON.parse(row.details) as Record<string, unknown> }));
    },
  };
}
