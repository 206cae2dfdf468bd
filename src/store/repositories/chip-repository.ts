import type { ChipRepository } from '../../app/ports/chip-repository.ts';
import { prepared } from './prepared.ts';
import { bool, insertRows, type Scope } from './scope.ts';

// Read by every card command that checks or shows the PINs (docs/architecture.md "Performance").
const pinsOfCard = prepared((db, a: { municipalityCode: string; cardId: string }) =>
  db.selectFrom('chip_pins').select(['kind', 'hash', 'failures', 'locked', 'key_id']).where('municipality_code', '=', a.municipalityCode).where('card_id', '=', a.cardId),
);

/** The simulated chip's memory: PIN hashes and consecutive-failure counters, per card and kind. */
export function chipRepository(scope: Scope): ChipRepository {
  const { db, municipalityCode } = scope;
  return {
    async list(cardId) {
      const { rows } = await pinsOfCard(scope, { municipalityCode, cardId });
      return rows.map((row) => ({ kind: row.kind, hash: row.hash, keyId: row.key_id, failures: row.failures, locked: row.locked === 1 }));
    },
    async insertMany(rows, at) {
      await insertRows(
        scope,
        'chip_pins',
        rows.map(({ cardId, record }) => ({
          municipality_code: municipalityCode,
          card_id: cardId,
          kind: record.kind,
          hash: record.hash,
          key_id: record.keyId,
          failures: record.failures,
          locked: bool(record.locked),
          updated_at: at,
        })),
      );
    },
    async put(cardId, record, at) {
      const values = { hash: record.hash, key_id: record.keyId, failures: record.failures, locked: bool(record.locked), updated_at: at };
      await db
        .insertInto('chip_pins')
        .values({ municipality_code: municipalityCode, card_id: cardId, kind: record.kind, ...values })
        .onConflict((conflict) => conflict.columns(['municipality_code', 'card_id', 'kind']).doUpdateSet(values))
        .execute();
    },
  };
}
