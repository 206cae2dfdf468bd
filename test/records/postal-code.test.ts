import { describe, expect, it } from 'vitest';
import { searchForm } from '../../src/domain/name-search.ts';
import { openStore } from '../../src/store/open-store.ts';
import { migrateToLatest, migrateUpTo } from '../../src/store/migrator.ts';
import { postgresDialect } from '../../src/store/postgres/postgres-dialect.ts';
import { sqliteDialect } from '../../src/store/sqlite/sqlite-dialect.ts';
import { OFFICES } from '../support/app.ts';
import { DIALECTS } from '../support/databases.ts';
import { residentBody, residentWithActiveCard, worldFor } from '../support/world.ts';

const code = OFFICES.municipality.code;

/** 郵便番号 on the resident record (docs/domain.md "What it keeps", docs/api.md "Residents"), on each database. */
describe.each(DIALECTS)('postal codes of residents on $name', ({ create }) => {
  const world = worldFor(create);

  it('registers one in the form NNN-NNNN, from 7 digits or full-width digits, or from a 〒 typed before the address; every view carries it', async () => {
    const typed = await world.call('clerk', 'POST', '/api/v1/residents', residentBody({ postalCode: '１３２００２１' }));
    expect(typed).toMatchObject({ status: 201, body: { postalCode: '132-0021', address: '東京都江戸川区中央一丁目4番1号' } });
    const prefixed = await world.call('clerk', 'POST', '/api/v1/residents', residentBody({ address: '〒134-0091 東京都江戸川区船堀四丁目1番1号' }));
    expect(prefixed).toMatchObject({ status: 201, body: { postalCode: '134-0091', address: '東京都江戸川区船堀四丁目1番1号' } });
    const none = await world.call('clerk', 'POST', '/api/v1/residents', residentBody({ householdId: typed.body.householdId }));
    expect(none).toMatchObject({ status: 201, body: { postalCode: null } });

    const detail = await world.call('clerk', 'GET', `/api/v1/residents/${typed.body.id}`);
    expect(detail.body).toMatchObject({ postalCode: '132-0021', household: [{ id: none.body.id, postalCode: null }] });
    const found = await world.call('clerk', 'GET', `/api/v1/residents?address=${encodeURIComponent('船堀四丁目1番1号')}`);
    expect(found.body.residents).toMatchObject([{ id: prefixed.body.id, postalCode: '134-0091' }]);
  });

  it('refuses anything else with INPUT.INVALID naming the field, and registers nobody', async () => {
    for (const postalCode of ['132-002', '13200211', '132 0021', '〒132-0021', 'abc-defg', '']) {
      const refused = await world.call('clerk', 'POST', '/api/v1/residents', residentBody({ postalCode, residentCode: '99999999999' }));
      expect(refused, postalCode).toMatchObject({ status: 400, body: { code: 'INPUT.INVALID', errors: [{ pointer: '/postalCode' }] } });
    }
    const other = await world.call('clerk', 'POST', '/api/v1/residents', residentBody({ postalCode: '134-0091', address: '〒132-0021 東京都江戸川区中央一丁目4番1号', residentCode: '99999999999' }));
    expect(other).toMatchObject({ status: 400, body: { code: 'INPUT.INVALID', errors: [{ pointer: '/postalCode' }] } });
    const search = await world.call('clerk', 'GET', '/api/v1/residents?q=%E6%B1%9F%E6%88%B8%E5%B7%9D&limit=100');
    expect(search.body.residents.map((resident: { residentCode: string }) => resident.residentCode)).not.toContain('99999999999');
  });

  it('changes it with the address (転居), and a new address without one leaves none: the old one was the old address’s', async () => {
    const { residentId } = await residentWithActiveCard(world, { postalCode: '132-0021' });
    const url = `/api/v1/residents/${residentId}/address-change`;
    const bad = await world.call('clerk', 'POST', url, { address: '東京都江戸川区船堀四丁目1番1号', postalCode: '134-00911', effectiveDate: '2026-11-25' });
    expect(bad).toMatchObject({ status: 400, body: { code: 'INPUT.INVALID', errors: [{ pointer: '/postalCode' }] } });
    expect((await world.call('clerk', 'GET', `/api/v1/residents/${residentId}`)).body).toMatchObject({ postalCode: '132-0021', version: 1 });

    const moved = await world.call('clerk', 'POST', url, { address: '東京都江戸川区船堀四丁目1番1号', postalCode: '1340091', effectiveDate: '2026-11-25' });
    expect(moved).toMatchObject({ status: 200, body: { address: '東京都江戸川区船堀四丁目1番1号', postalCode: '134-0091' } });
    const again = await world.call('clerk', 'POST', url, { address: '東京都江戸川区平井四丁目1番29号', effectiveDate: '2026-11-26' });
    expect(again).toMatchObject({ status: 200, body: { address: '東京都江戸川区平井四丁目1番29号', postalCode: null } });
    const audit = await world.call('auditor', 'GET', `/api/v1/audit?subject=${residentId}&action=resident.change-address`);
    expect(audit.body.map((entry: { outcome: string }) => entry.outcome)).toEqual(['refused', 'ok', 'ok']);
  });

  it('takes the postal code of the address a resident moves back in to (転入届), none when none is given', async () => {
    const url = (id: string, what: string) => `/api/v1/residents/${id}/${what}`;
    const away = await world.call('clerk', 'POST', '/api/v1/residents', residentBody({ postalCode: '132-0021' }));
    const out = { plannedMoveOutDate: '2026-11-10', destination: '千葉県浦安市' };
    expect((await world.call('clerk', 'POST', url(away.body.id, 'move-out'), out)).status).toBe(200);
    const back = await world.call('clerk', 'POST', url(away.body.id, 'move-in'), {
      moveInDate: '2026-11-20',
      notificationDate: '2026-11-26',
      address: '東京都江戸川区南小岩七丁目24番15号',
      postalCode: '133-0056',
      cardPresented: false,
    });
    expect(back).toMatchObject({ status: 200, body: { registration: 'registered', postalCode: '133-0056' } });

    const other = await world.call('clerk', 'POST', '/api/v1/residents', residentBody({ postalCode: '132-0021' }));
    expect((await world.call('clerk', 'POST', url(other.body.id, 'move-out'), out)).status).toBe(200);
    const without = await world.call('clerk', 'POST', url(other.body.id, 'move-in'), { moveInDate: '2026-11-20', notificationDate: '2026-11-26', address: '東京都江戸川区鹿骨一丁目54番3号', cardPresented: false });
    expect(without).toMatchObject({ status: 200, body: { postalCode: null } });
  });

  it('registers an arrival from another town with the postal code of the new address', async () => {
    const arrival = await world.call('clerk', 'POST', '/api/v1/residents/arrivals', {
      ...residentBody({ postalCode: '134-0088' }),
      moveInDate: '2026-11-15',
      notificationDate: '2026-11-24',
      cardPresented: false,
    });
    expect(arrival).toMatchObject({ status: 201, body: { postalCode: '134-0088' } });
  });
});

/** Migration 0017 on each database: a postal code written at the start of an address recorded before moves into the column. */
describe.each(DIALECTS)('migration 0017 (postal code) on $name', ({ name, create }) => {
  it('moves a leading 〒NNN-NNNN (with or without the space) out of the address and its search form, and leaves other addresses alone', async () => {
    const database = await create();
    const store = openStore({ dataDir: database.dataDir, databaseUrl: database.databaseUrl, municipalityCode: code });
    try {
      const dialect = name === 'sqlite' ? sqliteDialect : postgresDialect;
      await migrateUpTo(store.db, dialect, '0017');
      const addresses: Record<string, string> = {
        r1: '〒132-0021 東京都江戸川区中央一丁目4番1号',
        r2: '〒1340091東京都江戸川区船堀4-1-1',
        r3: '〒　１３３－００５６　東京都江戸川区南小岩7-24-15',
        r4: '東京都江戸川区平井4-1-29',
        r5: '132-0035 東京都江戸川区平井4-1-29',
        r6: '〒132-0011',
      };
      const row = {
        municipality_code: code,
        number_last4: '0000',
        family_name: '山田',
        given_name: '花',
        name_kanji_search: '山田花',
        family_name_kana: 'ヤマダ',
        given_name_kana: 'ハナ',
        name_kana_search: 'ヤマダハナ',
        birth_date: '1980-01-01',
        sex: 'female',
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
        .values(
          Object.entries(addresses).map(([id, address], index) => ({
            ...row,
            id,
            number_hash: `hash-${id}`,
            resident_code: String(11111111111 * (index + 1)).slice(0, 11),
            address,
            address_search: searchForm(address),
          })) as never,
        )
        .execute();
      await migrateToLatest(store.db, dialect);

      const rows = await store.db.selectFrom('residents').select(['id', 'address', 'address_search', 'postal_code']).orderBy('id').execute();
      expect(rows.map((r) => [r.id, r.postal_code, r.address])).toEqual([
        ['r1', '132-0021', '東京都江戸川区中央一丁目4番1号'],
        ['r2', '134-0091', '東京都江戸川区船堀4-1-1'],
        ['r3', '133-0056', '東京都江戸川区南小岩7-24-15'],
        ['r4', null, '東京都江戸川区平井4-1-29'],
        ['r5', null, '132-0035 東京都江戸川区平井4-1-29'],
        ['r6', null, '〒132-0011'],
      ]);
      for (const r of rows) expect(r.address_search, r.id).toBe(searchForm(r.address));
      expect((await store.read.residents.get('r1'))!.state).toMatchObject({ address: '東京都江戸川区中央一丁目4番1号', postalCode: '132-0021' });
      const found = await store.read.residents.search({ address: '中央一丁目', limit: 5 });
      expect(found.records.map((record) => record.state.id)).toEqual(['r1']);
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
