import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryDataDir } from './support/databases.ts';
import { freePort } from './support/ports.ts';

const BIN = path.resolve(import.meta.dirname, '..', 'bin', 'madoguchi.mjs');


describe('the madoguchi command, as installed by npm ci', () => {
  it('evaluates a rule', () => {
    const run = spawnSync(process.execPath, [BIN, 'rules', 'move-in-deadline', '{"moveInDate":"2026-07-06"}'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ deadline: '2026-07-21', basis: '14-days-after-move-in', movedForHoliday: true });
  });

  it('exits 2 with one line and no stack trace on a bad input or a bad setting', () => {
    const bad = spawnSync(process.execPath, [BIN, 'rules', 'age', '{"birthDate":"2023-02-29","on":"2026-01-01"}'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const setting = spawnSync(process.execPath, [BIN, 'rules', 'age', '{}'], { encoding: 'utf8', env: { ...process.env, POLICY_FILE: '/nonexistent/policy.json' } });
    expect(setting.status).toBe(2);
    expect(setting.stderr).toBe('madoguchi: cannot read /nonexistent/policy.json: ENOENT\n');
  });

  it('serves the API until it is told to stop', { timeout: 120_000 }, async () => {
    const port = await freePort();
    const server = spawn(process.execPath, [BIN, 'serve'], {
      env: { ...process.env, PORT: String(port), DATA_DIR: temporaryDataDir(), LOG_LEVEL: 'info', DATABASE_URL: '', MADOGUCHI_DEMO: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    server.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    try {
      const base = `http://127.0.0.1:${port}`;
      for (let attempt = 0; attempt < 300 && !log.includes('Server listening'); attempt++) await new Promise((r) => setTimeout(r, 100));
      expect(await (await fetch(`${base}/api/v1/health`)).json()).toEqual({ status: 'ok' });
      const response = await fetch(`${base}/api/v1/rules/card-expiry`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ birthDate: '1990-05-10', issueDate: '2026-04-01' }),
      });
      expect(await response.json()).toEqual({ expiryDate: '2035-05-10', basis: '10th-birthday', adultAtIssue: true });
      const line = JSON.parse(log.split('\n').find((entry) => entry.includes('"statusCode":200'))!);
      expect(line).toMatchObject({ level: 30, res: { statusCode: 200 } });
    } finally {
      server.kill('SIGTERM');
    }
    const code = await new Promise((resolve) => server.on('exit', resolve));
    expect(code).toBe(0);
  });

  it('rotates the master key: the old one retired, the numbers encrypted again, nothing else changed', { timeout: 120_000 }, () => {
    const dataDir = temporaryDataDir();
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', MADOGUCHI_KEY: '' };
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
    expect(run('demo', 'generate', '--residents', '30', '--stories', '0').status).toBe(0);
    const exported = () => run('export', 'residents', '--purpose', 'registry-reconciliation', '--with-numbers').stdout;
    const before = exported();
    const oldKey = readFileSync(path.join(dataDir, 'keys', 'master.key'), 'utf8');

    const rotate = run('keys', 'rotate');
    expect(rotate.stderr).toBe('');
    expect(rotate.status).toBe(0);
    const [, current, retired] = /^master key ([0-9a-f]{16}) is current; ([0-9a-f]{16}) is retired/.exec(rotate.stdout)!;
    expect(rotate.stdout).toContain(`30 individual numbers encrypted again under ${current}`);
    expect(readdirSync(path.join(dataDir, 'keys', 'retired'))).toEqual([`${retired}.key`]);
    expect(readFileSync(path.join(dataDir, 'keys', 'retired', `${retired}.key`), 'utf8')).toBe(oldKey);
    expect(readFileSync(path.join(dataDir, 'keys', 'master.key'), 'utf8')).not.toBe(oldKey);

    expect(exported()).toBe(before);
    const audit = run('audit', 'verify');
    expect(audit.status).toBe(0);
    expect(JSON.parse(audit.stdout)).toMatchObject({ ok: true });

    const withKey = (key: string) => spawnSync(process.execPath, [BIN, 'keys', 'rotate'], { encoding: 'utf8', env: { ...env, MADOGUCHI_KEY: key } });
    const stale = withKey(oldKey.trim());
    expect(stale.status).toBe(2);
    expect(stale.stderr).toBe(
      `madoguchi: individual numbers are encrypted under key ${current}, which is neither the master key (${retired}) nor a retired one: ` +
        'set MADOGUCHI_KEY or DATA_DIR/keys/master.key to the key of these records, or put the old key in DATA_DIR/keys/retired/\n',
    );
    const byHand = withKey(readFileSync(path.join(dataDir, 'keys', 'master.key'), 'utf8').trim());
    expect(byHand.status).toBe(2);
    expect(byHand.stderr.trim().split('\n')).toHaveLength(1);
    expect(byHand.stderr).toContain('the master key comes from MADOGUCHI_KEY');
  });

  it('keeps the database, its journal, the key and every file it writes owner-only, in a DATA_DIR made beforehand and under a permissive umask', { timeout: 120_000 }, async () => {
    const dataDir = temporaryDataDir();
    chmodSync(dataDir, 0o755);
    const outDir = temporaryDataDir();
    chmodSync(outDir, 0o777);
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', MADOGUCHI_KEY: '', MADOGUCHI_DEMO: '0', LOG_LEVEL: 'info' };
    // As an operator's shell would start it: a umask that lets everyone read what is made.
    const shell = ['-c', 'umask 000 && exec "$0" "$@"', process.execPath, BIN];
    const modeOf = (file: string) => (statSync(file).mode & 0o777).toString(8);

    const port = await freePort();
    const server = spawn('/bin/sh', [...shell, 'serve'], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    server.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    try {
      for (let attempt = 0; attempt < 300 && !log.includes('Server listening'); attempt++) await new Promise((r) => setTimeout(r, 100));
      expect(log).toContain('Server listening');
      const database = path.join(dataDir, 'madoguchi.sqlite');
      expect({
        database: modeOf(database),
        wal: modeOf(`${database}-wal`),
        shm: modeOf(`${database}-shm`),
        keys: modeOf(path.join(dataDir, 'keys')),
        key: modeOf(path.join(dataDir, 'keys', 'master.key')),
      }).toEqual({ database: '600', wal: '600', shm: '600', keys: '700', key: '600' });
    } finally {
      server.kill('SIGTERM');
    }
    expect(await new Promise((resolve) => server.on('exit', resolve))).toBe(0);

    const run = (...args: string[]) => spawnSync('/bin/sh', [...shell, ...args], { encoding: 'utf8', env });
    expect(run('demo', 'generate', '--residents', '5').status).toBe(0);
    const exported = path.join(outDir, 'reconcile.csv');
    expect(run('export', 'residents', '--purpose', 'registry-reconciliation', '--with-numbers', '--out', exported).status).toBe(0);
    expect(modeOf(exported)).toBe('600');
    // Written again over a file someone left readable, it is made owner-only too.
    chmodSync(exported, 0o644);
    expect(run('export', 'residents', '--purpose', 'registry-reconciliation', '--with-numbers', '--out', exported).status).toBe(0);
    expect(modeOf(exported)).toBe('600');
    const file = path.join(outDir, 'registry.csv');
    writeFileSync(file, 'residentCode,individualNumber,familyName,givenName,familyNameKana,givenNameKana,birthDate,sex,address\n1,2,3,4,5,6,7,8,9\n');
    expect(run('import', 'residents', file).status).toBe(1);
    expect(modeOf(path.join(outDir, 'registry.report.csv'))).toBe('600');
  });
});
