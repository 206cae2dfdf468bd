import type { NumberRepository } from '../../app/ports/number-repository.ts';
import { chunks, insertRows, type Scope } from './scope.ts';

/** Individual numbers, encrypted, current and past (a changed number stays in the history). */
export function numberRepository(scope: Scope): NumberRepository {
  const { db, municipalityCode } = scope;
  const insertMany: NumberRepository['insertMany'] = async (records) => {
    await insertRows(
      scope,
      'resident_numbers',
      records.map((record) => ({
        id: record.id,
        municipality_code: municipalityCode,
        resident_id: record.residentId,
        ciphertext: record.encrypted.ciphertext,
        key_id: record.encrypted.keyId,
        number_hash: record.hash,
        is_current: 1,
        assigned_on: record.assignedOn,
        retired_on: null,
      })),
    );
  };
  return {
    async insert(record) {
      await insertMany([record]);
    },
    insertMany,
    async current(residentId) {
      const row = await db
        .selectFrom('resident_numbers')
        .select(['ciphertext', 'key_id'])
        .where('municipality_code', '=', municipalityCode)
        .where('resident_id', '=', residentId)
        .where('is_current', '=', 1)
        .executeTakeFirst();
      return row && { ciphertext: row.ciphertext, keyId: row.key_id };
    },
    async currentOf(residentIds) {
      const found = new Map<string, { ciphertext: string; keyId: string }>();
      for (const chunk of chunks(residentIds)) {
        const rows = await db
          .selectFrom('resident_numbers')
          .select(['resident_id', 'ciphertext', 'key_id'])
          .where('municipality_code', '=', municipalityCode)
          .where('resident_id', 'in', chunk)
          .where('is_current', '=', 1)
          .execute();
        for (const row of rows) found.set(row.resident_id, { ciphertext: row.ciphertext, keyId: row.key_id });
      }
      return found;
    },
    async retireCurrent(residentId, on) {
      await db
        .updateTable('resident_numbers')
        .set({ is_current: 0, retired_on: on })
        .where('municipality_code', '=', municipalityCode)
        .where('resident_id', '=', residentId)
        .where('is_current', '=', 1)
        .execute();
    },
    async usedHashes(hashes) {
      const used = new Set<string>();
      for (const chunk of chunks(hashes)) {
        const rows = await db
          .selectFrom('resident_numbers')
          .select('number_hash')
          .where('municipality_code', '=', municipalityCode)
          .where('number_hash', 'in', chunk)
          .execute();
        for (const row of rows) used.add(row.number_hash);
      }
      return used;
    },
    async hashEverUsed(hash) {
      const row = await db
        .selectFrom('resident_numbers')
        .select('id')
        .where('municipality_code', '=', municipalityCode)
        .where('number_hash', '=', hash)
        .executeTakeFirst();
      return row !== undefined;
    },
    async notUnderKey(keyId, limit) {
      // Two ranges rather than `<>`, so that the key index finds nothing to do at once.
      const rows = await db
        .selectFrom('resident_numbers')
        .select(['id', 'resident_id', 'ciphertext', 'key_id', 'is_current'])
        .where('municipality_code', '=', municipalityCode)
        .where((eb) => eb.or([eb('key_id', '<', keyId), eb('key_id', '>', keyId)]))
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((row) => ({ id: row.id, residentId: row.resident_id, encrypted: { ciphertext: row.ciphertext, keyId: row.key_id }, current: row.is_current === 1 }));
    },
    async rewrite(id, encrypted, hash) {
      await db
        .updateTable('resident_numbers')
        .set({ ciphertext: encrypted.ciphertext, key_id: encrypted.keyId, number_hash: hash })
        .where('municipality_code', '=', municipalityCode)
        .where('id', '=', id)
        .execute();
    },
  };
}
