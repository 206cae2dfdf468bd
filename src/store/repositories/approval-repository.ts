import type { ApprovalRecord, ApprovalRepository } from '../../app/ports/approval-repository.ts';
import type { EnquiryRecord, EnquiryRepository } from '../../app/ports/enquiry-repository.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { Selectable } from 'kysely';
import type { ApprovalsTable, ProxyEnquiriesTable } from '../schema.ts';
import type { Scope } from './scope.ts';

function fromRow(row: ApprovalsTable): ApprovalRecord {
  return {
    id: row.id,
    kind: row.kind as ApprovalRecord['kind'],
    status: row.status as ApprovalRecord['status'],
    residentId: row.resident_id,
    procedure: row.procedure,
    payload: JSON.parse(row.payload),
    requestedBy: row.requested_by,
    requestedOfficeId: row.requested_office_id,
    requestedAt: row.requested_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
    usedAt: row.used_at,
  };
}

function toRow(record: ApprovalRecord, municipalityCode: string): ApprovalsTable {
  return {
    id: record.id,
    municipality_code: municipalityCode,
    kind: record.kind,
    status: record.status,
    resident_id: record.residentId,
    procedure: record.procedure,
    payload: JSON.stringify(record.payload),
    requested_by: record.requestedBy,
    requested_office_id: record.requestedOfficeId,
    requested_at: record.requestedAt,
    decided_by: record.decidedBy,
    decided_at: record.decidedAt,
    decision_note: record.decisionNote,
    used_at: record.usedAt,
  };
}

/** Requests that wait for a supervisor: proxy procedures and individual-number changes. */
export function approvalRepository({ db, dialect, municipalityCode }: Scope): ApprovalRepository {
  return {
    async insert(record) {
      await db.insertInto('approvals').values(toRow(record, municipalityCode)).execute();
    },
    async get(id, options) {
      let query = db.selectFrom('approvals').selectAll().where('municipality_code', '=', municipalityCode).where('id', '=', id);
      if (options?.lock && dialect.supportsRowLocks) query = query.forUpdate();
      const row = await query.executeTakeFirst();
      return row && fromRow(row);
    },
    async update(record) {
      await db.updateTable('approvals').set(toRow(record, municipalityCode)).where('municipality_code', '=', municipalityCode).where('id', '=', record.id).execute();
    },
    async list(filter) {
      let query = db.selectFrom('approvals').selectAll().where('municipality_code', '=', municipalityCode);
      if (filter.status !== undefined) query = query.where('status', '=', filter.status);
      if (filter.residentId !== undefined) query = query.where('resident_id', '=', filter.residentId);
      const rows = await query.orderBy('requested_at').limit(filter.limit).execute();
      return rows.map(fromRow);
    },
    async count(status) {
      const row = await db
        .selectFrom('approvals')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('municipality_code', '=', municipalityCode)
        .where('status', '=', status)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

/** Prior enquiries by proxies (代理人は必ず事前にお問い合わせください). */
export function enquiryRepository({ db, municipalityCode }: Scope): EnquiryRepository {
  return {
    async insert(record) {
      await db
        .insertInto('proxy_enquiries')
        .values({
          id: record.id,
          municipality_code: municipalityCode,
          resident_id: record.residentId,
          enquired_on: record.enquiredOn,
          caller_name: record.callerName,
          relationship: record.relationship,
          procedure: record.procedure,
          notes: record.notes,
          recorded_by: record.recordedBy,
          recorded_at: record.recordedAt,
        })
        .execute();
    },
    async get(id) {
      const row = await db.selectFrom('proxy_enquiries').selectAll().where('municipality_code', '=', municipalityCode).where('id', '=', id).executeTakeFirst();
      return row && enquiryOf(row);
    },
    async listByResident(residentId, limit) {
      const rows = await db
        .selectFrom('proxy_enquiries')
        .selectAll()
        .where('municipality_code', '=', municipalityCode)
        .where('resident_id', '=', residentId)
        .orderBy('recorded_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(enquiryOf);
    },
  };
}

function enquiryOf(row: Selectable<ProxyEnquiriesTable>): EnquiryRecord {
  return {
    id: row.id,
    residentId: row.resident_id,
    enquiredOn: row.enquired_on as PlainDate,
    callerName: row.caller_name,
    relationship: row.relationship,
    procedure: row.procedure,
    notes: row.notes,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  };
}
