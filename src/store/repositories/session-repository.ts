import type { SessionRepository } from '../../app/ports.ts';
import type { Scope } from './scope.ts';

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
      return (
        row && {
          tokenHash: row.token_hash,
          staffId: row.staff_id,
          csrfToken: row.csrf_token,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
          revoked: row.revoked === 1,
        }
      );
    },
    async revoke(tokenHash) {
      await db.updateTable('sessions').set({ revoked: 1 }).where('municipality_code', '=', municipalityCode).where('token_hash', '=', tokenHash).execute();
    },
    async revokeAllOf(staffId, exceptTokenHash) {
      await db
        .updateTable('sessions')
        .set({ revoked: 1 })
        .where('municipality_code', '=', municipalityCode)
        .where('staff_id', '=', staffId)
        .where('token_hash', '!=', exceptTokenHash)
        .execute();
    },
  };
}
