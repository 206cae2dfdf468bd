import type { SessionRecord, SessionRepository } from '../../app/ports.ts';
import type { SessionsTable } from '../schema.ts';
import type { Scope } from './scope.ts';
import { staffFromRow } from './staff-repository.ts';

function sessionFromRow(row: SessionsTable): SessionRecord {
  return {
    tokenHash: row.token_hash,
    staffId: row.staff_id,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revoked: row.revoked === 1,
  };
}

/** Staff sessions, by the hash of their token: a stolen database gives no usable token. */
export function sessionRepository({ db, municipalityCode }: Scope): SessionRepository {
  return {
    async insert(record) {
      await db
        .insertInto('sessions')
        .values({
          token_hash: record.tokenHash,
          municipality_code: municipalityCode,
          staff_id: record.staffId,
          csrf_token: record.csrfToken,
          created_at: record.createdAt,
          expires_at: record.expiresAt,
          revoked: 0,
        })
        .execute();
    },
    async find(tokenHash) {
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('municipality_code', '=', municipalityCode)
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row && sessionFromRow(row);
    },
    async findWithStaff(tokenHash) {
      // Two primary-key lookups in one statement: the whole cost of authenticating a request.
      const row = await db
        .selectFrom('sessions')
        .innerJoin('staff', (join) => join.onRef('staff.id', '=', 'sessions.staff_id').onRef('staff.municipality_code', '=', 'sessions.municipality_code'))
        .selectAll('staff')
        .select([
          'sessions.token_hash',
          'sessions.staff_id',
          'sessions.csrf_token',
          'sessions.created_at as session_created_at',
          'sessions.expires_at',
          'sessions.revoked',
        ])
        .where('sessions.municipality_code', '=', municipalityCode)
        .where('sessions.token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        session: sessionFromRow({ ...row, municipality_code: municipalityCode, created_at: row.session_created_at }),
        staff: staffFromRow(row),
      };
    },
    async revoke(tokenHash) {
      await db.updateTable('sessions').set({ revoked: 1 }).where('municipality_code', '=', municipalityCode).where('token_hash', '=', tokenHash).execute();
    },
    async revokeAllOf(staffId, exceptTokenHash) {
      let query = db
        .updateTable('sessions')
        .set({ revoked: 1 })
        .where('municipality_code', '=', municipalityCode)
        .where('staff_id', '=', staffId)
        .where('revoked', '=', 0);
      if (exceptTokenHash !== undefined) query = query.where('token_hash', '!=', exceptTokenHash);
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
