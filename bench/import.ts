/**
 * Import from the resident registry: `import residents FILE.csv` of BENCH_IMPORT_ROWS
 * rows (default 100,000) into a fresh SQLite database, and into PostgreSQL when
 * BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server; then the same file again (changes
 * nothing). Each row is validated, hashed, encrypted and written with its event; a batch is one
 * durable transaction. Figures are printed, never asserted (aims: ≥ 20,000 rows/s into SQLite, ≥ 10,000
 * into PostgreSQL).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { checkDigitOf } from '../src/rules/individual-number.ts';

const BIN = path.resolve(import.meta.dirname, '..', 'bin', 'madoguchi.mjs');
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const format = (n: number) => Math.round(n).toLocaleString('en-US');

const FAMILY = [
  ['佐藤', 'サトウ'],
  ['鈴木', 'スズキ'],
  ['髙橋', 'タカハシ'],
  ['田中', 'タナカ'],
  ['渡邊', 'ワタナベ'],
] as const;
const GIVEN = [
  ['陽翔', 'ハルト'],
  ['結菜', 'ユイナ'],
  ['蓮', 'レン'],
  ['美咲', 'ミサキ'],
] as const;

function registryFile(rows: number): string {
  const lines = ['住民票コード,個人番号,氏,名,氏カナ,名カナ,生年月日,性別,住所,電話番号,国籍,在留区分,在留期間満了日,在留カード番号,転入日'];
  for (let index = 0; index < rows; index++) {
    const first = String(50_000_000_000 + index * 7);
    const [family, familyKana] = FAMILY[index % FAMILY.length]!;
    const [given, givenKana] = GIVEN[index % GIVEN.length]!;
    const foreign = index % 25 === 0;
    lines.push(
      [
        String(80_000_000_000 + index),
        `${first}${checkDigitOf(first)}`,
        foreign ? '王' : family,
        foreign ? '芳' : given,
        foreign ? 'オウ' : familyKana,
        foreign ? 'ファン' : givenKana,
        `19${String(40 + (index % 60))}-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`,
        index % 2 ? '男' : '女',
        `東京都江戸川区中央${(index % 4) + 1}丁目${(index % 30) + 1}番${(index % 20) + 1}号`,
        index % 3 ? `03-${String(1000 + (index % 9000))}-${String(index % 10000).padStart(4, '0')}` : '',
        foreign ? 'CN' : '',
        foreign ? '外国人' : '',
        foreign ? '2028-03-31' : '',
        foreign ? `AB${String(index).padStart(8, '0')}CD` : '',
        '',
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

function importOnce(env: NodeJS.ProcessEnv, file: string): { rowsPerSecond: number; line: string } {
  const run = spawnSync(process.execPath, [BIN, 'import', 'residents', file], { env: { ...env, LOG_LEVEL: 'warn' }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`import failed: ${run.stderr}`);
  return { rowsPerSecond: Number(/([\d,]+) rows\/s/.exec(run.stdout)![1]!.replace(/,/g, '')), line: run.stdout.trim() };
}

function benchImport(name: string, env: NodeJS.ProcessEnv, file: string, aim: number): void {
  const first = importOnce(env, file);
  console.log(`${name}: import of ${format(ROWS)} rows: ${format(first.rowsPerSecond)} rows/s (aim ≥ ${format(aim)}; ratio ${(first.rowsPerSecond / aim).toFixed(2)}) — ${first.line}`);
  const again = importOnce(env, file);
  console.log(`${name}: the same file again (nothing to change): ${format(again.rowsPerSecond)} rows/s`);
}

const directory = mkdtempSync(path.join(tmpdir(), 'madoguchi-bench-import-'));
const file = path.join(directory, 'registry.csv');
writeFileSync(file, registryFile(ROWS));
const key = randomBytes(32).toString('base64');
const only = process.env.BENCH_ONLY;

if (only !== 'postgres') {
  benchImport('SQLite', { ...process.env, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'madoguchi-bench-')), DATABASE_URL: '', MADOGUCHI_KEY: key }, file, 20_000);
}
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (postgresUrl && only !== 'sqlite') {
  const name = `madoguchi_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  try {
    benchImport('PostgreSQL', { ...process.env, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'madoguchi-bench-')), DATABASE_URL: url.toString(), MADOGUCHI_KEY: key }, file, 10_000);
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
} else {
  console.log('(PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
}
