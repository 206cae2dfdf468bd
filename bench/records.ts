/**
 * The records service under load: hotline suspensions over HTTP on loopback with
 * durable commits, 32 connections, against BENCH_RESIDENTS generated residents (default
 * 1,000,000); in the same run the raw rate of durable two-statement transactions of the same
 * database, and their ratio; then resident search latency, each kind of search on its own, the
 * monthly statistics, the nightly sweep and the database's size. On SQLite always, on PostgreSQL when
 * BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server (BENCH_ONLY=sqlite or postgres runs
 * one of them). The server and the load generator
 * are separate processes, as in production. Figures are printed, never asserted.
 *
 * Size switch (docs/scale.md "Ten million residents"): BENCH_SCALE=10m is BENCH_RESIDENTS=10000000
 * with BENCH_MUNICIPALITIES=50. With more than one municipality the residents are spread evenly
 * over them and loaded with COPY (copyGenerate), on PostgreSQL only; the figures are those of one
 * of them, Edogawa (config/offices.json's 131237), as its server sees it among the others.
 * BENCH_GENERATED_DATABASE_URL measures a database copyGenerate filled before, with the same
 * counts and MADOGUCHI_KEY, instead of generating one (it is kept).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { DEFAULT_OFFICES_FILE } from '../src/app/config.ts';
import { loadOfficeDirectory } from '../src/app/office-directory.ts';
import { DEFAULT_CONTEXT } from '../src/rules/context.ts';
import { openStore } from '../src/store/open-store.ts';
import { copyGenerate } from '../src/store/postgres/copy-generate.ts';
import { launchBrowser } from '../test/support/browser.ts';

const BIN = path.resolve(import.meta.dirname, '..', 'bin', 'madoguchi.mjs');
const SCALE = process.env.BENCH_SCALE === '10m' ? { residents: 10_000_000, municipalities: 50 } : undefined;
const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? SCALE?.residents ?? 1_000_000);
const MUNICIPALITIES = Number(process.env.BENCH_MUNICIPALITIES ?? SCALE?.municipalities ?? 1);
/** The municipality measured: config/offices.json's, the server's. */
const HOME = loadOfficeDirectory(DEFAULT_OFFICES_FILE).municipality.code;
/** Its residents: all of them, or its share when they are spread over several municipalities. */
const HOME_RESIDENTS = Math.floor(RESIDENTS / MUNICIPALITIES);
const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
const PASSWORD = 'bench password 2026';
const format = (n: number) => Math.round(n).toLocaleString('en-US');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function cli(env: NodeJS.ProcessEnv, args: string[], input?: string): void {
  const run = spawnSync(process.execPath, [BIN, ...args], { env, input, encoding: 'utf8', stdio: ['pipe', 'inherit', 'inherit'] });
  if (run.status !== 0) throw new Error(`madoguchi ${args.join(' ')} failed`);
}

/** `sweep --today` as the night runs it; its own duration (from the run record) and the process's. */
function timedSweep(env: NodeJS.ProcessEnv, today: string): { ms: number; wallMs: number; line: string } {
  const started = Date.now();
  const run = spawnSync(process.execPath, [BIN, 'sweep', '--today', today], { env: { ...env, LOG_LEVEL: 'warn' }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`sweep failed: ${run.stderr}`);
  return { ms: Number(/in (\d+) ms/.exec(run.stdout)?.[1]), wallMs: Date.now() - started, line: run.stdout.trim() };
}

/** Makes `due` active cards, spread over all, expire yesterday, as if their birthdays had all come at once. */
async function makeDue(env: NodeJS.ProcessEnv, yesterday: string, due: number): Promise<number> {
  const store = openStore({ dataDir: env.DATA_DIR!, databaseUrl: env.DATABASE_URL || undefined, municipalityCode: HOME });
  const active = (await store.db.selectFrom('cards').select('id').where('municipality_code', '=', HOME).where('status', '=', 'active').orderBy('id').execute()).map((row) => row.id);
  const step = Math.max(1, Math.floor(active.length / due));
  const ids = active.filter((_, index) => index % step === 0).slice(0, due);
  for (let at = 0; at < ids.length; at += 500) {
    await store.db.updateTable('cards').set({ expiry_date: yesterday }).where('municipality_code', '=', HOME).where('id', 'in', ids.slice(at, at + 500)).execute();
  }
  await store.close();
  return ids.length;
}

async function activeCards(env: NodeJS.ProcessEnv, limit: number): Promise<string[]> {
  const store = openStore({ dataDir: env.DATA_DIR!, databaseUrl: env.DATABASE_URL || undefined, municipalityCode: HOME });
  const rows = await store.db.selectFrom('cards').select('id').where('municipality_code', '=', HOME).where('status', '=', 'active').limit(limit).execute();
  await store.close();
  return rows.map((row) => row.id);
}

async function rawSqliteRate(dataDir: string, seconds: number): Promise<number> {
  const db = new SQLite(path.join(dataDir, 'raw-bench.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('create table a (id integer primary key, v text); create table b (id integer primary key, v text)');
  const first = db.prepare('insert into a (v) values (?)');
  const second = db.prepare('insert into b (v) values (?)');
  const transaction = db.transaction((value: string) => {
    first.run(value);
    second.run(value);
  });
  let count = 0;
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    transaction('x'.repeat(200));
    count++;
  }
  db.close();
  return count / seconds;
}

async function rawPostgresRate(url: string, seconds: number, connections: number): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  await pool.query('create table if not exists raw_a (id bigserial primary key, v text); create table if not exists raw_b (id bigserial primary key, v text)');
  let count = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = await pool.connect();
      while (Date.now() < end) {
        await client.query('begin');
        await client.query('insert into raw_a (v) values ($1)', ['x'.repeat(200)]);
        await client.query('insert into raw_b (v) values ($1)', ['x'.repeat(200)]);
        await client.query('commit');
        count++;
      }
      client.release();
    }),
  );
  await pool.query('drop table raw_a; drop table raw_b');
  await pool.end();
  return count / seconds;
}

/**
 * Search as a clerk sees it: typing a name in the counter app in Chromium, the time from
 * each last keystroke to the last change of the results on screen.
 */
async function searchInBrowser(base: string, username: string, names: readonly string[]): Promise<number[]> {
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ baseURL: base, locale: 'ja-JP' })).newPage();
    await page.goto('/signin');
    await page.locator('#field-username').fill(username);
    await page.locator('#field-password').fill(PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    await page.goto('/residents');
    await page.evaluate(`(() => {
      document.addEventListener('input', () => { window.lastInput = performance.now(); }, true);
      new MutationObserver(() => { window.lastChange = performance.now(); }).observe(document.querySelector('main') ?? document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    })()`);
    const field = page.locator('#field-q');
    const times: number[] = [];
    for (const name of names) {
      await field.fill('');
      await page.waitForTimeout(300);
      await field.pressSequentially(name, { delay: 120 });
      await page.waitForTimeout(600);
      times.push(Number(await page.evaluate('window.lastChange - window.lastInput')));
    }
    return times.sort((a, b) => a - b);
  } finally {
    await browser.close();
  }
}

/**
 * The framework alone, for the ratio: a bare Fastify server in its own process answering an
 * authenticated empty POST (a bearer token compared, an empty JSON object back), under the same load.
 */
async function bareFastifyRate(): Promise<autocannon.Result> {
  const port = await freePort();
  const source = `
    const fastify = require('fastify')();
    fastify.post('/empty', async (request, reply) => {
      if (request.headers.authorization !== 'Bearer bench') return reply.code(401).send({});
      return {};
    });
    fastify.listen({ port: ${port}, host: '127.0.0.1' });`;
  const server = spawn(process.execPath, ['-e', source], { cwd: path.resolve(import.meta.dirname, '..'), stdio: ['ignore', 'inherit', 'inherit'] });
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      if (await fetch(`http://127.0.0.1:${port}/empty`, { method: 'POST' }).then(() => true, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return await load(`http://127.0.0.1:${port}`, {
      duration: Math.max(5, Math.round(DURATION / 2)),
      requests: [{ method: 'POST', path: '/empty', headers: { 'content-type': 'application/json', authorization: 'Bearer bench' }, body: '{}' }],
    });
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.on('exit', resolve));
  }
}

/** A process's resident memory, in MB (Linux). */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function load(url: string, options: Partial<autocannon.Options>): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: 32, duration: DURATION, ...options } as autocannon.Options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** `demo generate` of all the residents in the one municipality, row by row through the app. */
function demoGenerate(env: NodeJS.ProcessEnv, aim: number): void {
  const generationStarted = Date.now();
  cli(env, ['demo', 'generate', '--residents', String(RESIDENTS), '--stories', '0']);
  const generationSeconds = (Date.now() - generationStarted) / 1000;
  const generated = RESIDENTS / generationSeconds;
  console.log(
    `demo generation: ${format(RESIDENTS)} residents in ${generationSeconds.toFixed(1)} s with the process's start, ${format(generated)} residents/s ` +
      `(aim ≥ ${format(aim)}/s, 1,000,000 in under a minute; ratio ${(generated / aim).toFixed(2)})`,
  );
}

/**
 * MUNICIPALITIES municipality codes with their check digits, 131237 (HOME) among them: Tokyo's
 * wards and then its cities' numbers (13101…, 13201…), some of which name no city today.
 */
function municipalityCodes(count: number): string[] {
  const withCheckDigit = (five: number) => {
    const sum = [...String(five)].reduce((total, digit, index) => total + Number(digit) * (6 - index), 0);
    return `${five}${(11 - (sum % 11)) % 10}`;
  };
  const codes = Array.from({ length: count }, (_, index) => withCheckDigit(index < 23 ? 13101 + index : 13201 + index - 23));
  if (!codes.includes(HOME)) codes[codes.length - 1] = HOME;
  return codes;
}

/** The residents spread over MUNICIPALITIES municipalities, loaded with COPY (docs/scale.md "Ten million residents"). */
async function copyGenerateAll(env: NodeJS.ProcessEnv): Promise<void> {
  const codes = municipalityCodes(MUNICIPALITIES);
  let shown = 0;
  const generated = await copyGenerate({
    databaseUrl: env.DATABASE_URL!,
    masterKey: Buffer.from(env.MADOGUCHI_KEY!, 'base64'),
    rules: DEFAULT_CONTEXT,
    offices: loadOfficeDirectory(DEFAULT_OFFICES_FILE),
    municipalityCodes: codes,
    residentsEach: HOME_RESIDENTS,
    progress: ({ residents }) => {
      if (residents - shown < RESIDENTS / 20) return;
      shown = residents;
      process.stderr.write(`  ${format(residents)} residents generated\n`);
    },
  });
  const rows = Object.values(generated.rows).reduce((sum, count) => sum + count, 0);
  console.log(
    `COPY generation: ${format(generated.residents)} residents in ${codes.length} municipalities, ${format(rows)} rows in ${format(generated.seconds)} s with ANALYZE: ` +
      `${format(rows / generated.seconds)} rows/s, ${format(generated.residents / generated.seconds)} residents/s (` +
      Object.entries(generated.rows)
        .map(([table, count]) => `${table} ${format(count)}`)
        .join(', ') +
      ')',
  );
}

/** The database's size, as the server's readiness sees it (pg_database_size, or the SQLite file's pages). */
async function databaseSize(env: NodeJS.ProcessEnv): Promise<number> {
  const store = openStore({ dataDir: env.DATA_DIR!, databaseUrl: env.DATABASE_URL || undefined, municipalityCode: HOME });
  try {
    return await store.sizeBytes();
  } finally {
    await store.close();
  }
}

async function benchDialect(name: string, env: NodeJS.ProcessEnv, rawRate: () => Promise<number>, aim: { suspensions: string }, generate: () => Promise<void> | void): Promise<void> {
  console.log(`\n== ${name}: ${format(RESIDENTS)} residents${MUNICIPALITIES > 1 ? ` in ${MUNICIPALITIES} municipalities, measured in ${HOME} (${format(HOME_RESIDENTS)})` : ''} ==`);
  await generate();
  // A tag of the run's own, so that a kept database takes the staff of another run.
  const tag = randomBytes(3).toString('hex');
  const [hotlineName, clerkName, supervisorName] = ['hotline', 'clerk', 'supervisor'].map((role) => `bench.${role}.${tag}`) as [string, string, string];
  cli(env, ['user', 'add', hotlineName, '--role', 'hotline', '--office', 'hotline', '--password-stdin'], `${PASSWORD}\n`);
  cli(env, ['user', 'add', clerkName, '--role', 'clerk', '--office', 'honcho', '--password-stdin'], `${PASSWORD}\n`);
  cli(env, ['user', 'add', supervisorName, '--role', 'supervisor', '--office', 'honcho', '--password-stdin'], `${PASSWORD}\n`);
  const cards = await activeCards(env, 400_000);
  const port = await freePort();
  const server = spawn(process.execPath, [BIN, 'serve'], { env: { ...env, PORT: String(port), LOG_LEVEL: 'warn', MADOGUCHI_DEMO: '0' }, stdio: ['ignore', 'inherit', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  try {
    // The server analyses the whole database as it starts (main.ts): minutes with many municipalities.
    const starting = Date.now();
    while (!(await fetch(`${base}/api/v1/health`).then((r) => r.ok, () => false))) {
      if (server.exitCode !== null || Date.now() - starting > 30 * 60_000) throw new Error(`the server did not start (${server.exitCode === null ? 'in 30 minutes' : `exit code ${server.exitCode}`})`);
      await new Promise((r) => setTimeout(r, 100));
    }
    console.log(`server start to its first answer: ${format(Date.now() - starting)} ms`);
    const token = async (username: string): Promise<string> => {
      const response = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
      return ((await response.json()) as { token: string }).token;
    };
    const hotline = await token(hotlineName);
    const clerk = await token(clerkName);
    const supervisor = await token(supervisorName);

    let next = 0;
    const suspensions = await load(base, {
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${hotline}` },
          body: JSON.stringify({ reason: 'lost', channel: 'hotline' }),
          setupRequest: (request) => ({ ...request, path: `/api/v1/cards/${cards[next++ % cards.length]}/suspend` }),
        },
      ],
    });
    const rss = rssMb(server.pid!);
    const raw = await rawRate();
    const bare = (await bareFastifyRate()).requests.average;
    const rate = suspensions.requests.average;
    console.log(`hotline suspensions over HTTP, 32 connections, ${DURATION} s: ${format(rate)} req/s, p50 ${suspensions.latency.p50} ms, p99 ${suspensions.latency.p99} ms, ${suspensions.non2xx} non-2xx, ${suspensions.errors} errors (aim ${aim.suspensions})`);
    console.log(`raw durable two-statement transactions: ${format(raw)} /s; ratio suspensions/raw = ${(rate / raw).toFixed(2)}`);
    console.log(`bare Fastify, authenticated empty POST: ${format(bare)} req/s; ratio suspensions/bare = ${(rate / bare).toFixed(3)}`);
    console.log(`server memory after the load: ${format(rss)} MB resident (aim ≤ 300 MB at 1,000,000 residents in the city)`);

    const kana = ['ヤマ', 'サトウ', 'スズキ', 'タナカハナコ', 'イトウ', 'ワタナベ', 'ナカムラ', 'コバヤシ', 'カトウ', 'ヨシダ'];
    const birth = (n: number) => `19${String(50 + (n % 50)).padStart(2, '0')}-0${1 + (n % 9)}-1${n % 10}`;
    const towns = ['西葛西', '船堀', '一之江', '南小岩', '平井', '瑞江', '中央', '清新町'];
    // Each kind of search the counter's box takes, on its own, as the aim names them.
    const kinds: [string, (n: number) => string][] = [
      ['name', (n) => `q=${encodeURIComponent(kana[n % kana.length]!)}`],
      ['name + birth date', (n) => `q=${encodeURIComponent(kana[n % kana.length]!)}&birthDate=${birth(n)}`],
      ['birth date', (n) => `birthDate=${birth(n)}`],
      ['phone, 4 digits in part', (n) => `phone=${String(3000 + ((n * 37) % 6000))}`],
      ['address, a town and 丁目', (n) => `address=${encodeURIComponent(`${towns[n % towns.length]}${1 + (n % 8)}丁目`)}`],
    ];
    for (const [kind, search] of kinds) {
      let query = 0;
      const searches = await load(base, {
        connections: 8,
        duration: Math.max(3, Math.round(DURATION / 4)),
        requests: [{ method: 'GET', headers: { authorization: `Bearer ${clerk}` }, setupRequest: (request) => ({ ...request, path: `/api/v1/residents?${search(query++)}&limit=20` }) }],
      });
      console.log(`resident search by ${kind}, 8 connections: ${format(searches.requests.average)} req/s, p50 ${searches.latency.p50} ms, p99 ${searches.latency.p99} ms (aim p99 ≤ 10 ms), ${searches.non2xx} non-2xx`);
    }
    // The ministry's monthly statistics of the last whole month, as a supervisor asks for them: every resident and card event of the city counted.
    const statistics: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = Date.now();
      const response = await fetch(`${base}/api/v1/reports/statistics`, { headers: { authorization: `Bearer ${supervisor}` } });
      if (!response.ok) throw new Error(`statistics: ${response.status} ${await response.text()}`);
      await response.json();
      statistics.push(Date.now() - started);
    }
    console.log(`monthly statistics of ${format(HOME_RESIDENTS)} residents over HTTP, 3 runs: ${statistics.map(format).join(', ')} ms; server memory after them ${format(rssMb(server.pid!))} MB resident`);
    const typed = await searchInBrowser(base, clerkName, [...kana, 'タカハシ', 'ヤマモト', 'サイトウ', 'マツモト', 'イノウエ', 'キムラ', 'ハヤシ', 'シミズ', 'ヤマザキ', 'モリ']);
    console.log(
      `search in the counter app (Chromium), last keystroke to results on screen, ${typed.length} names: median ${format(typed[Math.floor(typed.length / 2)]!)} ms, slowest ${format(typed.at(-1)!)} ms (aim ≤ 100 ms)`,
    );
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.on('exit', resolve));
  }

  // The nightly sweep: first whatever the generated data left due, then a night with
  // nothing due, then one with 1 % of the cards due.
  const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
  const yesterday = new Date(Date.now() + 9 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
  timedSweep(env, today);
  const idle = timedSweep(env, today);
  console.log(`sweep with nothing due over ${format(HOME_RESIDENTS)} residents' cards: ${format(idle.ms)} ms in the run, ${format(idle.wallMs)} ms with the process's start (aim ≤ 1 s)`);
  const due = await makeDue(env, yesterday, Math.round(HOME_RESIDENTS / 100));
  const busy = timedSweep(env, today);
  console.log(`sweep with ${format(due)} cards due (1 % of one per resident): ${format(busy.ms)} ms in the run, ${format(busy.wallMs)} ms with the process's start, ${format((due / busy.ms) * 1000)} cards/s (aim ≥ 10,000 cards/s) — ${busy.line}`);
  const size = await databaseSize(env);
  console.log(`database size: ${format(size / 1024 ** 2)} MB, ${format(size / RESIDENTS)} bytes a resident`);
}

if (!existsSync(path.resolve(import.meta.dirname, '..', 'dist', 'web', 'index.html'))) {
  spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
}
const generatedUrl = process.env.BENCH_GENERATED_DATABASE_URL;
if (generatedUrl && !process.env.MADOGUCHI_KEY) throw new Error('BENCH_GENERATED_DATABASE_URL needs the MADOGUCHI_KEY its residents were generated with');
const key = generatedUrl ? process.env.MADOGUCHI_KEY! : randomBytes(32).toString('base64');
const only = process.env.BENCH_ONLY;
if (MUNICIPALITIES > 1 || generatedUrl) {
  console.log('\n(SQLite skipped: one city per file, generated row by row; several municipalities, and a database kept, are PostgreSQL\'s)');
} else if (only !== 'postgres') {
  const sqliteDir = mkdtempSync(path.join(tmpdir(), 'madoguchi-bench-'));
  const env = { ...process.env, DATA_DIR: sqliteDir, DATABASE_URL: '', MADOGUCHI_KEY: key };
  await benchDialect('SQLite (embedded, WAL, synchronous=FULL)', env, () => rawSqliteRate(sqliteDir, 5), { suspensions: '≥ 3,000/s, p99 ≤ 30 ms' }, () => demoGenerate(env, 20_000));
}

const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const postgresAim = { suspensions: '≥ 2,000/s, p99 ≤ 50 ms' };
if (generatedUrl) {
  const env = { ...process.env, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'madoguchi-bench-')), DATABASE_URL: generatedUrl, MADOGUCHI_KEY: key };
  await benchDialect('PostgreSQL, generated before', env, () => rawPostgresRate(generatedUrl, 5, 32), postgresAim, () => undefined);
} else if (postgresUrl && only !== 'sqlite') {
  const name = `madoguchi_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  try {
    const env = { ...process.env, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'madoguchi-bench-')), DATABASE_URL: url.toString(), MADOGUCHI_KEY: key };
    await benchDialect('PostgreSQL', env, () => rawPostgresRate(url.toString(), 5, 32), postgresAim, MUNICIPALITIES > 1 ? () => copyGenerateAll(env) : () => demoGenerate(env, 10_000));
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
} else {
  console.log('\n(PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
}
