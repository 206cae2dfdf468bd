import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/app/audit-trail.ts';
import { clockAt } from '../../src/app/clock.ts';
import { suspendCard } from '../../src/app/cards/suspend-card.ts';
import { searchResidents } from '../../src/app/residents/search-residents.ts';
import { DEFAULT_CONTEXT } from '../../src/rules/context.ts';
import { checkIndividualNumber } from '../../src/rules/individual-number-rules.ts';
import { copyGenerate, type CopyGenerated } from '../../src/store/postgres/copy-generate.ts';
import { partitionName } from '../../src/store/postgres/municipality-partitions.ts';
import { createStaff, OFFICES, openTestApp, TEST_TODAY, type TestApp } from '../support/app.ts';
import { DIALECTS, type TestDatabase } from '../support/databases.ts';

/**
 * Residents of several municipalities generated with COPY (docs/scale.md "Ten million
 * residents"), read back by the app as if it had made them. COPY is PostgreSQL's: on SQLite, one
 * city per file, `demo generate` fills the file and there is nothing to test here.
 */
const postgres = DIALECTS.find((dialect) => dialect.name === 'postgres');
const CODES = [OFFICES.municipality.code, '131211', '131016'];
const EACH = 200;
const BULK_TABLES = ['residents', 'resident_name_chars', 'resident_numbers', 'cards', 'events', 'chip_pins', 'audit_log'];

describe.skipIf(!postgres)('residents generated with COPY (PostgreSQL only: SQLite has no COPY and one city per file)', () => {
  let database: TestDatabase;
  let client: pg.Client;
  let generated: CopyGenerated;
  const masterKey = randomBytes(32);
  const apps: TestApp[] = [];

  beforeAll(async () => {
    database = await postgres!.create();
    generated = await copyGenerate({
      databaseUrl: database.databaseUrl!,
      masterKey,
      rules: DEFAULT_CONTEXT,
      offices: OFFICES,
      municipalityCodes: CODES,
      residentsEach: EACH,
      clock: clockAt(TEST_TODAY),
    });
    client = new pg.Client({ connectionString: database.databaseUrl });
    await client.connect();
    for (const municipalityCode of CODES) apps.push(await openTestApp(database, masterKey, TEST_TODAY, { municipalityCode }));
  }, 120_000);

  afterAll(async () => {
    for (const app of apps) await app.close();
    await client?.end();
    await database?.drop();
  });

  it('says what it wrote, and it is there: every municipality its residents, each row in its own partition', async () => {
    expect(generated.residents).toBe(CODES.length * EACH);
    for (const table of BULK_TABLES) {
      const { rows } = await client.query<{ partition: string; municipality_code: string; n: number }>(
        `select tableoid::regclass::text as partition, municipality_code, count(*)::int as n from "${table}" group by 1, 2 order by 2`,
      );
      expect(rows.map((row) => row.municipality_code)).toEqual([...CODES].sort());
      for (const row of rows) expect(row.partition).toBe(partitionName(table, row.municipality_code));
      expect(rows.reduce((sum, row) => sum + row.n, 0)).toBe(generated.rows[table]);
    }
    for (const app of apps) expect(await app.store.read.residents.count()).toBe(EACH);
  });

  it('gives valid individual numbers, encrypted under the key ring and found by their keyed hash, none twice in the country', async () => {
    const { rows } = await client.query<{ municipality_code: string; ciphertext: string; key_id: string; number_hash: string; resident_hash: string; number_last4: string }>(
      `select n.municipality_code, n.ciphertext, n.key_id, n.number_hash, r.number_hash as resident_hash, r.number_last4
       from resident_numbers n join residents r on r.municipality_code = n.municipality_code and r.id = n.resident_id`,
    );
    expect(rows).toHaveLength(CODES.length * EACH);
    const { keys } = apps[0]!.app;
    const numbers = new Set<string>();
    for (const row of rows) {
      const number = keys.decryptNumber({ ciphertext: row.ciphertext, keyId: row.key_id });
      expect(checkIndividualNumber(number).valid).toBe(true);
      expect(keys.numberHash(number)).toBe(row.number_hash);
      expect(row.resident_hash).toBe(row.number_hash);
      expect(row.number_last4).toBe(number.slice(8));
      numbers.add(number);
    }
    expect(numbers.size).toBe(rows.length);
    // The look-up by number finds each in its own municipality and nowhere else.
    for (const [index, { app }] of apps.entries()) {
      const mine = rows.find((row) => row.municipality_code === CODES[index])!;
      const theirs = rows.find((row) => row.municipality_code !== CODES[index])!;
      expect(await app.store.read.numbers.hashEverUsed(mine.number_hash)).toBe(true);
      expect(await app.store.read.numbers.hashEverUsed(theirs.number_hash)).toBe(false);
    }
  });

  it("lets a clerk find a generated resident by name, phone and address in their own municipality only", async () => {
    for (const [index, { app }] of apps.entries()) {
      const clerk = await createStaff(app, `copy.clerk${index}`, 'clerk', 'honcho');
      const [someone] = await app.store.read.residents.page('', 1);
      const { state, phone } = someone!;
      const byName = await searchResidents(app, clerk, { q: state.familyNameKana + state.givenNameKana, birthDate: state.birthDate });
      expect(byName.ok && byName.value.residents.map((resident) => resident.id)).toContain(state.id);
      const byPhone = await searchResidents(app, clerk, { phone: phone!.slice(-7) });
      expect(byPhone.ok && byPhone.value.residents.some((resident) => resident.id === state.id)).toBe(true);
      const byAddress = await searchResidents(app, clerk, { q: state.familyName, address: state.address });
      expect(byAddress.ok && byAddress.value.residents.map((resident) => resident.id)).toContain(state.id);
      const other = apps[(index + 1) % apps.length]!;
      const elsewhere = await searchResidents(other.app, await createStaff(other.app, `copy.other${index}`, 'clerk', 'honcho'), { q: state.familyNameKana + state.givenNameKana, birthDate: state.birthDate });
      expect(elsewhere.ok && elsewhere.value.residents.map((resident) => resident.id)).not.toContain(state.id);
    }
  });

  it('lets the hotline suspend a generated card, and every municipality\'s audit trail verifies, the suspension chained after the generation', async () => {
    for (const [index, { app, store }] of apps.entries()) {
      const hotline = await createStaff(app, `copy.hotline${index}`, 'hotline', 'hotline');
      const card = await store.db.selectFrom('cards').select(['id', 'version']).where('municipality_code', '=', CODES[index]!).where('status', '=', 'active').executeTakeFirstOrThrow();
      const suspended = await suspendCard(app, hotline, card.id, { reason: 'lost', channel: 'hotline', expectedVersion: card.version });
      expect(suspended.ok).toBe(true);
      expect((await app.store.read.cards.get(card.id))?.status).toBe('suspended');
      const verified = await verifyAudit(store, app.keys);
      expect(verified).toMatchObject({ ok: true });
      // The generation's one batch, the two staff made here (and the other test's), the suspension.
      expect(verified.entries).toBeGreaterThanOrEqual(3);
    }
  });

  it('refuses to generate the same residents twice: the refusal comes back from copyGenerate and no second resident is written', async () => {
    const again = copyGenerate({ databaseUrl: database.databaseUrl!, masterKey, rules: DEFAULT_CONTEXT, offices: OFFICES, municipalityCodes: CODES.slice(0, 1), residentsEach: EACH, clock: clockAt(TEST_TODAY) });
    await expect(again).rejects.toThrow(/duplicate key/);
    expect(await apps[0]!.store.read.residents.count()).toBe(EACH);
  });
});
