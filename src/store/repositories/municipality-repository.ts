import type { Selectable } from 'kysely';
import type { MunicipalityRepository, RegisteredMunicipality } from '../../app/ports/municipality-repository.ts';
import type { MunicipalitiesTable } from '../schema.ts';
import type { Scope } from './scope.ts';

const fromRow = (row: Selectable<MunicipalitiesTable>): RegisteredMunicipality => ({
  code: row.municipality_code,
  name: row.name,
  officesJson: row.offices,
  policyJson: row.policy ?? undefined,
  publicHost: row.public_host ?? undefined,
  addedAt: row.added_at,
});

/** The municipalities a deployment serves besides its own (docs/scale.md "Several municipalities"). */
export function municipalityRepository({ db, municipalityCode }: Scope): MunicipalityRepository {
  return {
    async list() {
      return (await db.selectFrom('municipalities').selectAll().orderBy('municipality_code').execute()).map(fromRow);
    },
    async get() {
      const row = await db.selectFrom('municipalities').selectAll().where('municipality_code', '=', municipalityCode).executeTakeFirst();
      return row && fromRow(row);
    },
    async add(municipality) {
      await db
        .insertInto('municipalities')
        .values({
          municipality_code: municipalityCode,
          name: municipality.name,
          offices: municipality.officesJson,
          policy: municipality.policyJson ?? null,
          public_host: municipality.publicHost ?? null,
          added_at: municipality.addedAt,
        })
        .execute();
    },
  };
}
