import type { SessionRecord, SessionRepository } from '../../app/ports/session-repository.ts';
import type { SessionsTable } from '../schema.ts';
import { prepared } from './prepared.ts';
import type { Scope } from './scope.ts';
import { staffFromRow } from './staff-repository.ts';

/**
 * The session of a token with its staff member: two primary-key lookups in one statement, on
 * every signed-in request, compiled once (`prepared`; docs/architecture.md "Performance").
 */
const signedIn = prepared((db, a: { municipalityCode: string; tokenHash: string }) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('staff as u', (join) => join.onRef('u.id', '=', 's.staff_id').onRef('u.municipality_code', '=', 's.municipality_code'))
    .select([
      's.token_hash',
      's.staff_id',
      's.csrf_token',
      's.created_at as session_created_at',
      's.expires_at',
      's.revoked',
      'u.username',
      'u.name',
      'u.role',
      'u.office_id',
      'u.password_hash',
      'u.must_change_password',
      'u.active',
      'u.created_at',
      'u.setup_code_hash',
      'u.setup_code_expires_at',
    ])
    .where('s.municipality_code', '=', a.municipalityCode)
    .where('s.token_hash', '=', a.tokenHash),
);

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
export function sessionRepository(scope: Scope): SessionRepository {
  const { db, municipalityCode } = scope;
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
      const row = (await signedIn(scope, { municipalityCode, tokenHash })).rows[0];
      if (!row) return undefined;
      return {
        session: sessionFromRow({ ...row, created_at: row.session_created_at, municipality_code: municipalityCode }),
        staff: staffFromRow({ ...row, id: row.staff_id, municipality_code: municipalityCode }),
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
