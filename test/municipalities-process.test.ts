import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OFFICES_FILE } from '../src/app/config.ts';
import { DIALECTS, temporaryDataDir, type TestDatabase } from './support/databases.ts';
import { freePort } from './support/ports.ts';

const BIN = path.resolve(import.meta.dirname, '..', 'bin', 'madoguchi.mjs');
const postgres = DIALECTS.find((dialect) => dialect.name === 'postgres');
const TOWN = '132021';
const PASSWORD = 'correct horse battery';

/** A second municipality's offices file: Edogawa's counters under another code and name, and its own hotline. */
function townOfficesFile(directory: string, code = TOWN, name = '狛江テスト市'): string {
  const offices = JSON.parse(readFileSync(DEFAULT_OFFICES_FILE, 'utf8')) as { municipality: object; hotline: object };
  const file = path.join(directory, `offices-${code}.json`);
  writeFileSync(file, JSON.stringify({ ...offices, municipality: { code, name, nameEn: 'Test Town' }, hotline: { ...offices.hotline, phone: '0120-000-111' } }, null, 2));
  return file;
}

describe('municipality add, as an operator runs it', () => {
  it('is refused on the embedded database, which serves one municipality, with one line and exit 2', () => {
    const dataDir = temporaryDataDir();
    const run = spawnSync(process.execPath, [BIN, 'municipality', 'add', TOWN, '--name', '狛江テスト市', '--offices', townOfficesFile(dataDir)], {
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^madoguchi: the embedded database serves one municipality \(131237\); several municipalities in one deployment need PostgreSQL \(DATABASE_URL\)\n$/);
    const other = spawnSync(process.execPath, [BIN, '--municipality', TOWN, 'migrate'], { encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } });
    expect(other.status).toBe(2);
    expect(other.stderr).toBe(`madoguchi: municipality ${TOWN} is not served by this deployment (see madoguchi municipality list)\n`);
  });

  describe.skipIf(!postgres)('on PostgreSQL', () => {
    let database: TestDatabase;
    let env: NodeJS.ProcessEnv;
    const run = (args: string[], input?: string) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, ...(input !== undefined && { input }) });
    beforeAll(async () => {
      database = await postgres!.create();
      env = { ...process.env, DATA_DIR: database.dataDir, DATABASE_URL: database.databaseUrl, MADOGUCHI_DEMO: '0', LOG_LEVEL: 'warn' };
    });
    afterAll(async () => database?.drop());

    it('adds a town with its offices, refuses a second time and a file of another town, lists both, and takes its staff with --municipality', { timeout: 120_000 }, () => {
      const offices = townOfficesFile(database.dataDir);
      const added = run(['municipality', 'add', TOWN, '--name', '狛江テスト市', '--offices', offices, '--host', 'Guide.Town.Example']);
      expect(added.stderr).toBe('');
      expect(added.stdout).toContain(`municipality ${TOWN} 狛江テスト市 added with 7 offices, residents' pages at guide.town.example`);
      expect(added.stdout).toContain('a server running now serves it once restarted');
      const again = run(['municipality', 'add', TOWN, '--name', '狛江テスト市', '--offices', offices]);
      expect([again.status, again.stderr]).toEqual([2, `madoguchi: MUNICIPALITY.EXISTS: municipality ${TOWN} is served by this deployment already\n`]);
      const mismatched = run(['municipality', 'add', '132039', '--name', '別の市', '--offices', offices]);
      expect([mismatched.status, mismatched.stderr]).toEqual([2, 'madoguchi: INPUT.INVALID: the offices of municipality 132039 name municipality 132021\n']);
      const list = run(['municipality', 'list']);
      expect(list.stdout.trim().split('\n').map((line) => line.split('\t').slice(0, 3))).toEqual([
        ['131237', '江戸川区', "(this deployment's offices file)"],
        [TOWN, '狛江テスト市', 'guide.town.example'],
      ]);
      // Staff of each town, the same username in both: two accounts, each its town's.
      expect(run(['--municipality', TOWN, 'user', 'add', 'clerk.one', '--role', 'clerk', '--office', 'honcho', '--password-stdin'], `${PASSWORD}\n`).status).toBe(0);
      expect(run(['user', 'add', 'clerk.one', '--role', 'clerk', '--office', 'honcho', '--password-stdin'], `${PASSWORD}\n`).status).toBe(0);
      const unknown = run(['--municipality', '999999', 'user', 'add', 'x', '--role', 'clerk', '--office', 'honcho', '--password-stdin'], `${PASSWORD}\n`);
      expect([unknown.status, unknown.stderr]).toEqual([2, 'madoguchi: municipality 999999 is not served by this deployment (see madoguchi municipality list)\n']);
      // Each town's trail holds its own entries and verifies on its own.
      const verified = run(['audit', 'verify', '--municipality', TOWN]);
      expect(verified.status, verified.stderr).toBe(0);
    });

    it("serves both towns from one server: each clerk signs in to their own town and is answered for it, and each town's guide is at its own address", { timeout: 120_000 }, async () => {
      const port = await freePort();
      const server = spawn(process.execPath, [BIN, 'serve'], { env: { ...env, PORT: String(port), LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let log = '';
      server.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
      server.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
      try {
        const base = `http://127.0.0.1:${port}`;
        for (let attempt = 0; attempt < 300 && !log.includes('Server listening'); attempt++) await new Promise((r) => setTimeout(r, 100));
        const signIn = async (municipality?: string) => {
          const response = await fetch(`${base}/api/v1/session`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: 'clerk.one', password: PASSWORD, ...(municipality && { municipality }) }),
          });
          expect(response.status).toBe(200);
          return { authorization: `Bearer ${((await response.json()) as { token: string }).token}` };
        };
        const town = await signIn(TOWN);
        const edogawa = await signIn();
        const offices = async (headers: Record<string, string>) => ((await (await fetch(`${base}/api/v1/offices`, { headers })).json()) as { municipality: { code: string } }).municipality.code;
        expect(await offices(town)).toBe(TOWN);
        expect(await offices(edogawa)).toBe('131237');
        // fetch may not set Host: the guide's page at the town's own address, through node:http.
        const page = await new Promise<string>((resolve, reject) => {
          get({ host: '127.0.0.1', port, path: '/guide/ja', headers: { host: 'guide.town.example' } }, (response) => {
            let body = '';
            response.on('data', (chunk: Buffer) => (body += chunk.toString()));
            response.on('end', () => resolve(body));
          }).on('error', reject);
        });
        expect(page).toContain('tel:0120000111');
      } finally {
        server.kill('SIGTERM');
      }
      expect(await new Promise((resolve) => server.on('exit', resolve)), log).toBe(0);
    });
  });
});
