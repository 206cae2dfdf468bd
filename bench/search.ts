/**
 * Resident search by what the counter's one box takes (issue 13, item 7): a name's start, a name
 * containing one or two characters (no trigram to look up: a scan stopped at CONTAINS_CAP), a
 * name containing three or more (trigram index), a phone number by part of its digits, an
 * address. BENCH_SEARCH_RESIDENTS generated residents (default 100,000) in SQLite, and in
 * PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server; each query run 20
 * times through the store, as the API runs it. Figures are printed, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openStore } from '../src/store/open-store.ts';

const BIN = path.resolve(import.meta.dirname, '..', 'bin', 'madoguchi.mjs');
const RESIDENTS = Number(process.env.BENCH_SEARCH_RESIDENTS ?? 100_000);
const RUNS = 20;

const QUERIES: readonly [string, Record<string, string>][] = [
  ['name start (kana)', { name: 'サトウ' }],
  ['name containing 1 kanji (田)', { name: '田' }],
  ['name containing 2 kanji, none match (鷗外)', { name: '鷗外' }],
  ['name containing 3+ kana (マモト)', { name: 'マモト' }],
  ['phone, 4 digits in part', { phone: '1234' }],
  ['phone, whole with hyphens', { phone: '090-1234-5678' }],
  ['address (西葛西)', { address: '西葛西' }],
];

function cli(env: NodeJS.ProcessEnv, args: string[]): void {
  const run = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) throw new Error(`madoguchi ${args.join(' ')} failed`);
}

async function bench(name: string, env: NodeJS.ProcessEnv): Promise<void> {
  const started = Date.now();
  cli(env, ['demo', 'generate', '--residents', String(RESIDENTS), '--stories', '0']);
  console.log(`\n== ${name}: ${RESIDENTS.toLocaleString('en-US')} residents (generated in ${Math.round((Date.now() - started) / 1000)} s) ==`);
  const store = openStore({ dataDir: env.DATA_DIR!, databaseUrl: env.DATABASE_URL || undefined, municipalityCode: '131237' });
  try {
    for (const [label, query] of QUERIES) {
      const times: number[] = [];
      let found = 0;
      for (let run = 0; run < RUNS; run++) {
        const at = performance.now();
        const page = await store.read.residents.search({ ...query, limit: 21 });
        times.push(performance.now() - at);
        found = page.records.length;
      }
      times.sort((a, b) => a - b);
      console.log(`${label}: median ${times[RUNS / 2]!.toFixed(1)} ms, slowest ${times.at(-1)!.toFixed(1)} ms (${found} on the first page)`);
    }
  } finally {
    await store.close();
  }
}

const sqliteDir = mkdtempSync(path.join(tmpdir(), 'madoguchi-search-'));
await bench('SQLite', { ...process.env, DATA_DIR: sqliteDir, DATABASE_URL: '', LOG_LEVEL: 'warn', MADOGUCHI_DEMO: '0' });
const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (url) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const database = `bench_search_${process.pid}`;
  await admin.query(`create database ${database}`);
  try {
    const target = new URL(url);
    target.pathname = `/${database}`;
    await bench('PostgreSQL', { ...process.env, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'madoguchi-search-pg-')), DATABASE_URL: target.toString(), LOG_LEVEL: 'warn', MADOGUCHI_DEMO: '0' });
  } finally {
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  }
}
