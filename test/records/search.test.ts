import { describe, expect, it } from 'vitest';
import { CONTAINS_CAP } from '../../src/store/repositories/resident-repository.ts';
import { DIALECTS } from '../support/databases.ts';
import { residentBody, worldFor } from '../support/world.ts';

const q = (text: string) => encodeURIComponent(text);
type Found = { givenName: string; familyName: string; match: string };

/** The residents' search as the counter's one box uses it (issue 13, item 7), on each database. */
describe.each(DIALECTS)('resident search on $name', ({ create }) => {
  const world = worldFor(create);
  const register = async (overrides: Record<string, unknown>) => {
    const created = await world.call('clerk', 'POST', '/api/v1/residents', residentBody(overrides));
    expect(created.status).toBe(201);
    return created.body.id as string;
  };

  it('finds a phone number typed with or without hyphens, and by a part of it', async () => {
    await register({ familyName: '電話', givenName: '一', familyNameKana: 'デンワ', givenNameKana: 'ハジメ', phone: '090-4321-8765' });
    await register({ familyName: '電話', givenName: '二', familyNameKana: 'デンワ', givenNameKana: 'フタバ', phone: '0356628765' });
    const phone = async (text: string) => {
      const found = await world.call('hotline', 'GET', `/api/v1/residents?phone=${q(text)}`);
      expect(found.status, text).toBe(200);
      return found.body.residents.map((resident: Found) => resident.givenName).sort();
    };
    expect(await phone('090-4321-8765')).toEqual(['一']);
    expect(await phone('09043218765')).toEqual(['一']);
    expect(await phone('4321')).toEqual(['一']);
    expect(await phone('03-5662')).toEqual(['二']);
    expect(await phone('8765')).toEqual(['一', '二']);
    expect(await phone('7777777')).toEqual([]);
    expect(await world.call('clerk', 'GET', '/api/v1/residents?phone=8-7')).toMatchObject({ status: 400, body: { code: 'INPUT.INVALID', errors: [{ pointer: '/phone' }] } });
  });

  it(`says when more than ${CONTAINS_CAP} residents contain a phone part or an address, and a birth date narrows it to the one sought`, async () => {
    for (let n = 0; n <= CONTAINS_CAP; n++) {
      await register({ familyName: '見本', givenName: `${n}`, phone: `080-4646-${String(n).padStart(4, '0')}`, address: `東京都江戸川区見本町${n % 9}丁目${n}番`, birthDate: n === 77 ? '1961-07-07' : '1990-05-10' });
    }
    for (const query of ['phone=4646', `address=${q('見本町')}`]) {
      const many = await world.call('hotline', 'GET', `/api/v1/residents?${query}`);
      expect(many.status, query).toBe(200);
      expect(many.body.truncated, query).toBe(true);
      expect(many.body.residents.length, query).toBeGreaterThan(0);
      const narrowed = await world.call('hotline', 'GET', `/api/v1/residents?${query}&birthDate=1961-07-07`);
      expect(narrowed.body.truncated, query).toBe(false);
      expect(narrowed.body.residents.map((resident: Found) => resident.givenName), query).toEqual(['77']);
    }
    const few = await world.call('hotline', 'GET', '/api/v1/residents?phone=4646-0077');
    expect(few.body).toMatchObject({ truncated: false, residents: [{ givenName: '77' }] });
  });

  it('lists the names starting with the text first, then those containing it (田 finds 田端, 山田 and 太田), each marked', async () => {
    await register({ familyName: '山田', givenName: '花', familyNameKana: 'ヤマダ', givenNameKana: 'ハナ' });
    await register({ familyName: '太田', givenName: '光', familyNameKana: 'オオタ', givenNameKana: 'ヒカル' });
    await register({ familyName: '田端', givenName: '守', familyNameKana: 'タバタ', givenNameKana: 'マモル' });
    const found = await world.call('clerk', 'GET', `/api/v1/residents?q=${q('田')}`);
    expect(found.status).toBe(200);
    const residents: Found[] = found.body.residents;
    expect(residents[0]).toMatchObject({ familyName: '田端', match: 'prefix' });
    expect(residents.slice(1).map((resident) => [resident.familyName, resident.match]).sort()).toEqual([
      ['太田', 'contains'],
      ['山田', 'contains'],
    ]);
    expect(found.body.match).toBe('contains');

    // A page at a time, the starting names first, none twice.
    const first = await world.call('clerk', 'GET', `/api/v1/residents?q=${q('田')}&limit=1`);
    const second = await world.call('clerk', 'GET', `/api/v1/residents?q=${q('田')}&limit=1&cursor=${first.body.nextCursor}`);
    const third = await world.call('clerk', 'GET', `/api/v1/residents?q=${q('田')}&limit=1&cursor=${second.body.nextCursor}`);
    expect([first, second, third].map((page) => page.body.residents[0].familyName)).toEqual(['田端', ...residents.slice(1).map((resident) => resident.familyName)]);
    expect(third.body.nextCursor).toBeNull();

    // Two characters inside a name, looked up by each character; kana from three characters through the trigram index.
    await register({ familyName: '田辺山', givenName: '一', familyNameKana: 'タナベヤマ', givenNameKana: 'イチ' });
    const two = await world.call('clerk', 'GET', `/api/v1/residents?q=${q('山田')}`);
    expect(two.body.residents.map((resident: Found) => [resident.familyName, resident.match])).toEqual([['山田', 'prefix']]);
    const inside = await world.call('clerk', 'GET', `/api/v1/residents?q=${q('喜田')}`);
    expect(inside.body.residents).toEqual([]);
    const kana = await world.call('clerk', 'GET', `/api/v1/residents?q=${q('マダハ')}`);
    expect(kana.body.residents.map((resident: Found) => [resident.familyName, resident.match])).toEqual([['山田', 'contains']]);
    const long = await world.call('clerk', 'GET', `/api/v1/residents?q=${q('オオタヒ')}`);
    expect(long.body.residents.map((resident: Found) => [resident.familyName, resident.match])).toEqual([['太田', 'prefix']]);

    // A change of name is found by its new characters only.
    const renamed = await register({ familyName: '鴨居', givenName: '実', familyNameKana: 'カモイ', givenNameKana: 'ミノル' });
    const before = await world.call('clerk', 'GET', `/api/v1/residents/${renamed}`);
    const changed = await world.call('clerk', 'POST', `/api/v1/residents/${renamed}/name-change`, {
      familyName: '池鴨',
      givenName: '実',
      familyNameKana: 'イケガモ',
      givenNameKana: 'ミノル',
      effectiveDate: '2026-11-26',
      expectedVersion: before.body.version,
    });
    expect(changed.status).toBe(200);
    expect((await world.call('clerk', 'GET', `/api/v1/residents?q=${q('鴨')}`)).body.residents.map((resident: Found) => [resident.familyName, resident.match])).toEqual([['池鴨', 'contains']]);
    expect((await world.call('clerk', 'GET', `/api/v1/residents?q=${q('居')}`)).body.residents).toEqual([]);
  });
});
