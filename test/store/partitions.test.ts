import type { LogEvent } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlainDate } from '../../src/rules/plain-date.ts';
import { openStore, type OpenStore } from '../../src/store/open-store.ts';
import { createMunicipalityPartitions, MunicipalityCodeError } from '../../src/store/postgres/municipality-partitions.ts';
import { OFFICES } from '../support/app.ts';
import { DIALECTS, type TestDatabase } from '../support/databases.ts';
import { deliver } from '../support/pickup.ts';
import { appliedCard, openWorld, residentBody, residentWithActiveCard, type World } from '../support/world.ts';

/**
 * Partitions by municipality on PostgreSQL (docs/scale.md): a database written before 0018 with
 * two cities' records, converted; the repositories' own statements, as Kysely logs them, planned
 * to scan one city's partitions; and every statement of a run of commands naming one city only.
 */
const postgres = DIALECTS.find((dialect) => dialect.name === 'postgres');
const HOME = OFFICES.municipality.code;
/** 足立区: a second city in the same database, whose rows the first's statements must never reach. */
const OTHER = '131211';
const PARTITIONED = ['residents', 'resident_name_chars', 'resident_numbers', 'cards', 'events', 'chip_pins', 'procedures', 'audit_log'];

interface Statement {
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

function recorder() {
  const statements: Statement[] = [];
  return { statements, log: (event: LogEvent) => void statements.push({ sql: event.query.sql, parameters: event.query.parameters }) };
}

/** Every row of every table of municipalities, by city: a count and a hash of the rows' text. */
async function fingerprints(client: pg.Client, tables: readonly string[]): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  for (const table of tables) {
    const { rows } = await client.query(`select municipality_code, count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as h from "${table}" t group by 1 order by 1`);
    result[table] = rows;
  }
  return result;
}

async function municipalityTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'municipality_code'
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition order by 1`);
  return rows.map((row) => row.name);
}

async function indexNames(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`select indexrelid::regclass::text as name from pg_index where indrelid = $1::regclass order by 1`, [table]);
  return rows.map((row) => row.name);
}

/**
 * The relations a statement's plan reads or writes, with the values it was run with (custom plan:
 * pruned as it ran), and what its top node does: 'Insert', 'Update', 'Delete', or none for a read
 * (a statement that starts with WITH is what its last part does).
 */
async function planned(client: pg.Client, statement: Statement): Promise<{ relations: string[]; writes: string | undefined }> {
  const { rows } = await client.query(`explain (format json) ${statement.sql}`, [...statement.parameters]);
  const top = rows[0]['QUERY PLAN'][0].Plan as { 'Node Type': string; Operation?: string };
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'Relation Name' && typeof value === 'string') names.add(value);
        else walk(value);
      }
    }
  };
  walk(rows[0]['QUERY PLAN']);
  return { relations: [...names].sort(), writes: top['Node Type'] === 'ModifyTable' ? top.Operation : undefined };
}

/** The municipality codes of the partitions among `relations` (`residents_m131237` → 131237). */
function partitionCodes(relations: readonly string[]): string[] {
  const codes = relations.flatMap((name) => {
    const match = /^(.+)_m(\d{6})$/.exec(name);
    return match && PARTITIONED.includes(match[1]!) ? [match[2]!] : [];
  });
  return [...new Set(codes)];
}

/**
 * A statement of one city's store: if it touches a table of municipalities it names HOME (a
 * parameter, or a literal) and never OTHER; if it touches a partitioned table, its plan reads
 * HOME's partitions only (an INSERT's plan names the partitioned table alone: its rows go where
 * their municipality_code, a parameter checked here, sends them). Returns whether it was one.
 */
async function checkStatement(client: pg.Client, statement: Statement, tables: readonly string[], what: string): Promise<boolean> {
  if (!tables.some((table) => new RegExp(`\\b${table}\\b`).test(statement.sql))) return false;
  const text = `${what}: ${statement.sql} ${JSON.stringify(statement.parameters)}`;
  expect(statement.parameters.includes(HOME) || statement.sql.includes(`'${HOME}'`), `names no municipality: ${text}`).toBe(true);
  expect(statement.parameters.includes(OTHER) || statement.sql.includes(OTHER), `names another municipality: ${text}`).toBe(false);
  if (!PARTITIONED.some((table) => new RegExp(`\\b${table}\\b`).test(statement.sql))) return true;
  const { relations, writes } = await planned(client, statement);
  expect(partitionCodes(relations), `${text} → ${relations.join(', ')}`).toEqual(writes === 'Insert' ? [] : [HOME]);
  if (writes === undefined) expect(relations.filter((name) => PARTITIONED.includes(name)), `reads a partitioned table whole: ${text}`).toEqual([]);
  return true;
}

describe.skipIf(!postgres)('partitions by municipality on PostgreSQL', () => {
  let database: TestDatabase;
  let client: pg.Client;
  let home: World;
  let other: World;
  const logged = recorder();
  const written = { tables: [] as string[], before: {} as Record<string, unknown>, indexes: {} as Record<string, string[]>, after: {} as Record<string, unknown>, indexesAfter: {} as Record<string, string[]>, maxPosition: 0, residents: [] as string[], cards: [] as string[] };

  beforeAll(async () => {
    database = await postgres!.create();
    // A city upgrading: two municipalities' records written through the app by the version before 0018.
    const old = { home: await openWorld(database, { migrateBefore: '0018' }), other: await openWorld(database, { migrateBefore: '0018', municipalityCode: OTHER }) };
    for (const world of [old.home, old.other]) {
      const active = await residentWithActiveCard(world, { familyName: '分割', givenName: '太郎', familyNameKana: 'ブンカツ', givenNameKana: 'タロウ' });
      const applied = await appliedCard(world);
      expect((await world.call('hotline', 'POST', `/api/v1/cards/${active.cardId}/suspend`, { reason: 'lost', channel: 'hotline' })).status).toBe(200);
      expect((await world.call('clerk', 'POST', `/api/v1/residents/${applied.residentId}/address-change`, { address: '東京都江戸川区船堀四丁目1番', effectiveDate: '2026-11-26' })).status).toBe(200);
      if (world !== old.home) continue;
      written.residents.push(active.residentId, applied.residentId);
      written.cards.push(active.cardId, applied.cardId);
    }
    client = new pg.Client({ connectionString: database.databaseUrl });
    await client.connect();
    written.tables = await municipalityTables(client);
    written.before = await fingerprints(client, written.tables);
    for (const table of written.tables) written.indexes[table] = await indexNames(client, table);
    written.maxPosition = Number((await client.query('select max(position) as p from audit_log')).rows[0].p);
    const masterKeys = { home: old.home.masterKey, other: old.other.masterKey };
    await old.home.close();
    await old.other.close();

    // The new version starts: it migrates (0018) and makes its city's partitions, before anyone signs in.
    const upgrading = openStore({ dataDir: database.dataDir, databaseUrl: database.databaseUrl, municipalityCode: HOME });
    await upgrading.migrate();
    await upgrading.close();
    written.after = await fingerprints(client, written.tables);
    for (const table of written.tables) written.indexesAfter[table] = await indexNames(client, table);
    home = await openWorld(database, { masterKey: masterKeys.home, staffExists: true, log: logged.log });
    other = await openWorld(database, { masterKey: masterKeys.other, staffExists: true, municipalityCode: OTHER });
  }, 120_000);

  afterAll(async () => {
    await client?.end();
    await home?.close();
    await other?.close();
    await database?.drop();
  });

  it('has a check that catches a statement reading every city, or another city', async () => {
    const [cardId] = written.cards;
    const tables = written.tables;
    await expect(checkStatement(client, { sql: 'select * from "cards" where "id" = $1', parameters: [cardId] }, tables, 'unscoped')).rejects.toThrow(/names no municipality/);
    await expect(checkStatement(client, { sql: 'select * from "cards" where "municipality_code" = $1 or "id" = $2', parameters: [HOME, cardId] }, tables, 'unpruned')).rejects.toThrow(/cards_m131211/);
    await expect(checkStatement(client, { sql: 'select * from "cards" where "municipality_code" in ($1, $2)', parameters: [HOME, OTHER] }, tables, 'two cities')).rejects.toThrow(/another municipality/);
  });

  it('converts a database with records in it: every row kept, the keys led by the municipality code, each city in partitions of its own', async () => {
    expect(written.after).toEqual(written.before);
    for (const table of written.tables) expect(written.indexesAfter[table], table).toEqual(written.indexes[table]);

    const { rows: partitioned } = await client.query<{ name: string; has_default: boolean; partitions: string[] }>(`
      select c.relname as name, p.partdefid <> 0 as has_default,
        array(select child.relname::text from pg_inherits i join pg_class child on child.oid = i.inhrelid where i.inhparent = c.oid order by 1) as partitions
      from pg_partitioned_table p join pg_class c on c.oid = p.partrelid order by 1`);
    expect(partitioned.map((row) => row.name)).toEqual([...PARTITIONED].sort());
    for (const row of partitioned) expect(row, row.name).toEqual({ name: row.name, has_default: false, partitions: [`${row.name}_m${OTHER}`, `${row.name}_m${HOME}`] });

    const { rows: keys } = await client.query<{ table_name: string; columns: string[] }>(`
      select t.relname as table_name, array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as columns
      from pg_constraint c join pg_class t on t.oid = c.conrelid where c.contype in ('p', 'u', 'f') and not t.relispartition and t.relname = any($1)`, [written.tables]);
    for (const key of keys) expect(key.columns[0], `${key.table_name} (${key.columns.join(', ')})`).toBe('municipality_code');
    expect(keys.find((key) => key.table_name === 'residents')?.columns).toEqual(['municipality_code', 'id']);

    // A trigram index of 0002 made again on the partitioned table, and in each partition.
    expect(written.indexes.residents).toContain('residents_name_kanji_search_trgm');
    const { rows: trgm } = await client.query(`select count(*)::int as n from pg_indexes where tablename like 'residents_m%' and indexdef like '%gin_trgm_ops%'`);
    expect(trgm[0].n).toBe(2 * 4);
  });

  it('goes on working after the conversion: old records read and found, new ones written, positions after the old ones, the trail whole', async () => {
    const [activeResident, appliedResident] = written.residents;
    const [activeCard] = written.cards;
    expect(await home.call('clerk', 'GET', `/api/v1/residents/${activeResident}`)).toMatchObject({ status: 200, body: { familyName: '分割' } });
    expect((await home.call('clerk', 'GET', `/api/v1/residents/${appliedResident}`)).body.address).toBe('東京都江戸川区船堀四丁目1番');
    const found = await home.call('clerk', 'GET', `/api/v1/residents?q=${encodeURIComponent('ブンカツ')}`);
    expect(found.body.residents.map((resident: { id: string }) => resident.id)).toEqual([activeResident]);
    expect(await home.call('clerk', 'POST', `/api/v1/cards/${activeCard}/resume`, { identityDocuments: ['driving-licence'] })).toMatchObject({ status: 200, body: { status: 'active' } });
    const fresh = await residentWithActiveCard(home);
    expect((await home.call('clerk', 'GET', `/api/v1/cards/${fresh.cardId}`)).body.status).toBe('active');
    const { rows } = await client.query('select min(position) as p from audit_log where municipality_code = $1 and position > $2', [HOME, written.maxPosition]);
    expect(Number(rows[0].p)).toBeGreaterThan(written.maxPosition);
    expect((await home.call('auditor', 'GET', '/api/v1/audit/verify')).body).toMatchObject({ ok: true });
    expect((await other.call('auditor', 'GET', '/api/v1/audit/verify')).body).toMatchObject({ ok: true });
    // The other city sees none of it.
    expect(await other.call('clerk', 'GET', `/api/v1/residents/${activeResident}`)).toMatchObject({ status: 404 });
  });

  it("plans each repository's query to scan one municipality's partitions, never another's", async () => {
    const read = home.store.read;
    const [residentId] = written.residents;
    const [cardId] = written.cards;
    const number = await client.query<{ number_hash: string }>('select number_hash from resident_numbers where municipality_code = $1 and resident_id = $2', [HOME, residentId]);
    const calls: Record<string, () => Promise<unknown>> = {
      'a resident by id': () => read.residents.get(residentId!),
      'the name search (prefix)': () => read.residents.search({ name: 'ブンカツ', limit: 20 }),
      'the name search (inside a name)': () => read.residents.search({ name: '戸川花', limit: 20 }),
      'the name search (one kanji)': () => read.residents.search({ name: '割', limit: 20 }),
      'the phone search': () => read.residents.search({ phone: '5662', limit: 20 }),
      'a card by id': () => read.cards.get(cardId!),
      "a resident's cards": () => read.cards.listByResident(residentId!),
      'cards due to expire (sweep)': () => read.cards.due('expiry', '2026-11-26' as PlainDate, 100),
      'cards due to lapse (sweep)': () => read.cards.due('lapse', '2026-11-26' as PlainDate, 100),
      'cards uncollected (sweep)': () => read.cards.due('uncollected', '2026-11-26' as PlainDate, 100),
      'audit chain heads and their entries': async () => read.audit.at(await read.audit.heads()),
      'audit chain entries': () => read.audit.scan(0, 0, 100),
      'audit listing': () => read.audit.list({ subjectId: residentId!, limit: 50, newestFirst: true }),
      "a resident's events": () => read.events.list(residentId!),
      "a resident's procedures": () => read.acts.listByResident(residentId!),
      "a resident's current number": () => read.numbers.current(residentId!),
      'a number ever used': () => read.numbers.hashEverUsed(number.rows[0]!.number_hash),
      "a card's PINs": () => read.chip.list(cardId!),
      'report: cards by status': () => read.reports.cardsByStatus(),
      'report: procedures by day': () => read.reports.proceduresByDay('2026-11-01' as PlainDate, '2026-11-30' as PlainDate),
      'report: cards waiting since': () => read.reports.waitingSince('2026-11-30' as PlainDate),
      'report: statistics': async () => {
        const facts = await read.reports.statisticsFacts('2026-11-01' as PlainDate, '2026-11-30' as PlainDate);
        // The events are read as they are folded: every page, so that each of its statements is checked.
        for await (const page of facts.events) expect(page.length).toBeGreaterThan(0);
      },
    };
    for (const [what, call] of Object.entries(calls)) {
      logged.statements.length = 0;
      await call();
      let partitioned = 0;
      for (const statement of logged.statements) {
        if (await checkStatement(client, statement, written.tables, what)) partitioned += PARTITIONED.some((table) => new RegExp(`\\b${table}\\b`).test(statement.sql)) ? 1 : 0;
      }
      expect(partitioned, what).toBeGreaterThan(0);
    }
  });

  it('runs every command in transactions whose every statement names one municipality, pruned to its partitions', { timeout: 120_000 }, async () => {
    // Kysely logs no BEGIN nor COMMIT: the store's transactions are marked in the same log (the requests run one at a time).
    const store = home.store as { transaction: OpenStore['transaction'] };
    const transaction = store.transaction.bind(store);
    store.transaction = (work) => {
      logged.statements.push({ sql: 'begin', parameters: [] });
      return transaction(work).finally(() => logged.statements.push({ sql: 'end', parameters: [] }));
    };
    logged.statements.length = 0;

    const registered = await home.call('clerk', 'POST', '/api/v1/residents', residentBody());
    expect(registered.status).toBe(201);
    const applied = await home.call('clerk', 'POST', `/api/v1/residents/${registered.body.id}/card-applications`, {
      applicationDate: '2026-09-01',
      photoTakenOn: '2026-08-20',
      withSignatureCertificate: false,
      withUserCertificate: true,
    });
    expect(applied.status).toBe(201);
    await deliver(home, [applied.body.id], '2026-11-26');
    const { rows } = await client.query<{ pickup_reference: string }>('select pickup_reference from cards where municipality_code = $1 and id = $2', [HOME, applied.body.id]);
    const booked = await home.call(null, 'POST', '/api/v1/appointments', { referenceNumber: rows[0]!.pickup_reference, birthDate: '1990-05-10', slotStart: '2026-11-27T09:00:00+09:00' });
    expect(booked.status).toBe(201);
    const issued = await home.call('clerk', 'POST', `/api/v1/cards/${applied.body.id}/issue`, {
      handedOverOn: '2026-11-26',
      pins: { user: '1234', residentRegistry: '5678', cardInfo: '1234' },
      identityDocuments: ['driving-licence'],
      notificationCardReturned: true,
    });
    expect(issued.status).toBe(200);
    expect((await home.call('hotline', 'POST', `/api/v1/cards/${applied.body.id}/suspend`, { reason: 'lost', channel: 'hotline' })).status).toBe(200);
    expect((await home.call('clerk', 'POST', `/api/v1/cards/${applied.body.id}/resume`, { identityDocuments: ['driving-licence'] })).status).toBe(200);
    expect((await home.call('clerk', 'POST', `/api/v1/residents/${registered.body.id}/address-change`, { address: '東京都江戸川区中央四丁目1番', effectiveDate: '2026-11-26' })).status).toBe(200);
    expect((await home.call('clerk', 'GET', `/api/v1/residents?q=${encodeURIComponent('江戸川')}`)).status).toBe(200);
    expect((await home.call('supervisor', 'POST', '/api/v1/jobs/sweep/run', {})).status).toBe(200);

    store.transaction = transaction;

    const transactions: Statement[][] = [];
    const outside: Statement[] = [];
    let open: Statement[] | undefined;
    for (const statement of logged.statements) {
      if (statement.sql === 'begin') transactions.push((open = []));
      else if (statement.sql === 'end') open = undefined;
      else (open ?? outside).push(statement);
    }
    expect(transactions.length).toBeGreaterThanOrEqual(10);
    let checked = 0;
    for (const [n, statements] of transactions.entries()) {
      let named = 0;
      for (const statement of statements) if (await checkStatement(client, statement, written.tables, `transaction ${n}`)) named++;
      expect(named, `transaction ${n} touches no table of municipalities`).toBeGreaterThan(0);
      checked += named;
    }
    // The reads outside transactions (sign-in checks, searches, the card shown after a command) too.
    for (const statement of outside) if (await checkStatement(client, statement, written.tables, 'a read')) checked++;
    expect(checked).toBeGreaterThan(50);
    // Every kind of command above ran its own transactions: the tables they wrote are among those checked.
    const tablesWritten = new Set(transactions.flat().flatMap((statement) => (/^\s*(insert into|update) "?(\w+)/i.exec(statement.sql) ?? []).slice(2)));
    for (const table of ['residents', 'cards', 'events', 'procedures', 'audit_log', 'chip_pins', 'appointments', 'appointment_slots', 'job_runs']) expect(tablesWritten, table).toContain(table);
  });

  it('leaves a converted database with the schema of one made new, partitions and all', async () => {
    const fresh = await postgres!.create();
    try {
      const store = openStore({ dataDir: fresh.dataDir, databaseUrl: fresh.databaseUrl, municipalityCode: OTHER });
      await store.migrate();
      expect(await createMunicipalityPartitions(store.db, HOME)).toEqual(PARTITIONED.map((table) => `${table}_m${HOME}`).sort());
      // Idempotent: a second call, or a store opening again, makes nothing.
      expect(await createMunicipalityPartitions(store.db, HOME)).toEqual([]);
      await store.migrate();
      await store.close();
      const freshClient = new pg.Client({ connectionString: fresh.databaseUrl });
      await freshClient.connect();
      try {
        const converted = await schemaOf(client);
        expect(converted.filter((table) => (table as { bound: string | null }).bound !== null)).toHaveLength(2 * PARTITIONED.length);
        expect(await schemaOf(freshClient)).toEqual(converted);
      } finally {
        await freshClient.end();
      }
    } finally {
      await fresh.drop();
    }
  });

  it('refuses a municipality code that is not one, and a row of a municipality without partitions, changing nothing', async () => {
    const before = await fingerprints(client, written.tables);
    const { db } = home.store;
    await expect(createMunicipalityPartitions(db, "131237'); drop table residents; --")).rejects.toThrow(MunicipalityCodeError);
    await expect(createMunicipalityPartitions(db, '13123')).rejects.toMatchObject({ code: 'STORE.MUNICIPALITY_CODE_INVALID' });
    const { rows } = await client.query(`select * from residents where municipality_code = $1 limit 1`, [HOME]);
    const row = { ...rows[0], id: 'a-resident-of-a-city-without-partitions', municipality_code: '139998' };
    await expect(db.insertInto('residents').values(row).execute()).rejects.toThrow(/no partition of relation "residents" found for row/);
    expect(await fingerprints(client, written.tables)).toEqual(before);
    expect((await client.query(`select count(*)::int as n from pg_class where relname like '%_m139998' or relname like '%_m13123'`)).rows[0].n).toBe(0);
  });
});

/** The tables, partitions included, as the catalog describes them: columns (type, collation, not null, default), constraints and indexes. */
async function schemaOf(client: pg.Client): Promise<unknown[]> {
  const { rows } = await client.query(`
    select c.relname as name, c.relkind as kind, pg_get_expr(c.relpartbound, c.oid) as bound, pg_get_partkeydef(c.oid) as partition_key,
      (select json_agg(json_build_array(a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, co.collname, pg_get_expr(d.adbin, d.adrelid)) order by a.attnum)
        from pg_attribute a left join pg_collation co on co.oid = a.attcollation left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
        where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns,
      (select json_agg(json_build_array(x.conname, pg_get_constraintdef(x.oid)) order by x.conname, pg_get_constraintdef(x.oid)) from pg_constraint x where x.conrelid = c.oid) as constraints,
      (select json_agg(pg_get_indexdef(i.indexrelid) order by pg_get_indexdef(i.indexrelid)) from pg_index i where i.indrelid = c.oid) as indexes
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p', 'S') order by c.relname`);
  return rows;
}
