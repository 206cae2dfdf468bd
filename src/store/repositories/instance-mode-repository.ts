import type { InstanceMode, InstanceModeRepository } from '../../app/ports/instance-mode-repository.ts';
import type { Scope } from './scope.ts';

/** The municipality's live or training mode, recorded once (docs/architecture.md "Training mode"). */
export function instanceModeRepository({ db, municipalityCode }: Scope): InstanceModeRepository {
  return {
    async get() {
      const row = await db.selectFrom('instance_modes').select(['mode', 'since']).where('municipality_code', '=', municipalityCode).executeTakeFirst();
      return row && { mode: row.mode as InstanceMode['mode'], since: row.since };
    },
    async insert(mode) {
      await db.insertInto('instance_modes').values({ municipality_code: municipalityCode, mode: mode.mode, since: mode.since }).execute();
    },
    async hasRecords() {
      return (await db.selectFrom('audit_log').select('municipality_code').where('municipality_code', '=', municipalityCode).limit(1).executeTakeFirst()) !== undefined;
    },
  };
}
