import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import { migrateToLatest, migrateUpTo } from '../../src/store/migrator.ts';
import { postgresDialect } from '../../src/store/postgres/postgres-dialect.ts';
import { sqliteDialect } from '../../src/store/sqlite/sqlite-dialect.ts';
import { OFFICES } from '../support/app.ts';
import { DIALECTS } from '../support/databases.ts';

const code = OFFICES.municipality.code;

/** Migration 0015 on each database: residents registered before it are found by phone digits and by one character of their name. */
describe.each(DIALECTS)('migration 0015 (phone digits, name characters) on $name', ({ name, create }) => {
  it('fills the digits and the characters of the residents already there, and the search finds them', async () => {
    const database = await create();
    const store = openStore({ dataDir: database.dataDir, databaseUrl: database.databaseUrl, municipalityCode: code });
    try {
      const dialect = name === 'sqlite' ? sqliteDialect : postgresDialect;
      await migrateUpTo(store.db, dialect, '0011');
      const row = {
        municipality_code: code,
        number_last4: '0000',
        family_name_kana: 'ヤマダ',
        given_name_kana: 'ハナ',
        name_kana_search: 'ヤマダハナ',
        birth_date: '1980-01-01',
        sex: 'female',
        address: '東京都江戸川区中央一丁目',
        address_search: '東京都江戸川区中央一丁目',
        household_id: 'h',
        nationality: 'JP',
        residency: 'national',
        registration: 'registered',
        version: 1,
        created_at: '2026-11-01T00:00:00.000Z',
        updated_at: '2026-11-01T00:00:00.000Z',
      };
      await store.db
        .insertInto('residents')
        .values([
          { ...row, id: 'r1', number_hash: 'hash-1', resident_code: '11111111111', family_name: '山田', given_name: '花', name_kanji_search: '山田花', phone: '090-1111-2222' } as never,
          { ...row, id: 'r2', number_hash: 'hash-2', resident_code: '22222222222', family_name: '太田', given_name: '空', name_kanji_search: '太田空', phone: null } as never,
        ])
        .execute();
      await migrateToLatest(store.db, dialect);
      const byPhone = await store.read.residents.search({ phone: '11112222', limit: 5 });
      expect(byPhone.records.map((record) => record.state.id)).toEqual(['r1']);
      const byChar = await store.read.residents.search({ name: '田', limit: 5 });
      expect(byChar.records.map((record) => record.state.id).sort()).toEqual(['r1', 'r2']);
      expect(byChar.matches).toEqual(['contains', 'contains']);
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
