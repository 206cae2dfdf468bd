import type { IdempotencyRepository } from '../../app/ports/idempotency-repository.ts';
import type { Scope } from './scope.ts';

/** The first answer to each Idempotency-Key of each staff member, kept with the request's fingerprint. */
export function idempotencyRepository({ db, municipalityCode }: Scope): IdempotencyRepository {
  return {
    async find(actorId, key) {
      return db
        .selectFrom('idempotency_keys')
        .select(['fingerprint', 'result'])
        .where('municipality_code', '=', municipalityCode)
        .where('actor_id', '=', actorId)
        .where('key', '=', key)
        .executeTakeFirst();
    },
    async insert(actorId, key, fingerprint, result, at) {
      await db
        .insertInto('idempotency_keys')
        .values({ municipality_code: municipalityCode, actor_id: actorId, key, fingerprint, result, created_at: at })
        .execute();
    },
  };
}
