import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { claimInstanceMode } from '../src/app/instance-mode.ts';
import type { PlainDate } from '../src/rules/plain-date.ts';
import { createStaff, OFFICES, openTestApp, type TestApp } from './support/app.ts';
import { DIALECTS, temporaryDataDir } from './support/databases.ts';
import { freePort } from './support/ports.ts';

const BIN = path.resolve(import.meta.dirname, '..', 'bin', 'madoguchi.mjs');

function madoguchi(dataDir: string, today: string | undefined, ...args: string[]) {
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', MADOGUCHI_KEY: '', MADOGUCHI_TODAY: today ?? '' };
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
}

describe('training mode (MADOGUCHI_TODAY), as a trainer runs it', () => {
  it('serves at the training date, marks every answer, and shows a lapse on a later training date', { timeout: 180_000 }, async () => {
    const dataDir = temporaryDataDir();
    const port = await freePort();
    const server = spawn(process.execPath, [BIN, 'serve'], {
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', MADOGUCHI_KEY: '', MADOGUCHI_TODAY: '2027-04-01', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    server.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    try {
      for (let attempt = 0; attempt < 600 && !log.includes('Server listening'); attempt++) await new Promise((r) => setTimeout(r, 100));
      const base = `http://127.0.0.1:${port}`;
      for (const url of ['/api/v1/health', '/api/v1/no-such-thing', '/guide/en', '/']) {
        expect((await fetch(`${base}${url}`)).headers.get('madoguchi-training'), url).toBe('2027-04-01');
      }
    } finally {
      server.kill('SIGTERM');
    }
    expect(await new Promise((resolve) => server.on('exit', resolve))).toBe(0);
    // The demo's resident who moved in 20 days before the training date has not continued the card:
    // four months on, the sweep abolishes it, as it would on that night.
    const later = madoguchi(dataDir, '2027-08-01', 'sweep');
    expect(later.stderr).not.toMatch(/madoguchi:/);
    expect(later.stdout).toMatch(/^sweep for 2027-08-01: [1-9]\d* abolished \(continuation lapsed\)/);
  });

  it('refuses to mix training and live records, either way, before anything is written', { timeout: 120_000 }, () => {
    const training = temporaryDataDir();
    expect(madoguchi(training, '2027-04-01', 'demo', 'generate', '--residents', '5').status).toBe(0);
    const live = madoguchi(training, undefined, 'sweep');
    expect(live.status).toBe(2);
    expect(live.stderr).toMatch(/^madoguchi: these records are a training instance’s .*\n$/);

    const real = temporaryDataDir();
    expect(madoguchi(real, undefined, 'demo', 'generate', '--residents', '5').status).toBe(0);
    const trained = madoguchi(real, '2027-04-01', 'sweep');
    expect(trained.status).toBe(2);
    expect(trained.stderr).toMatch(/^madoguchi: these records are live: MADOGUCHI_TODAY .*\n$/);
    expect(madoguchi(real, undefined, 'sweep').status).toBe(0);
  });

  it('refuses a MADOGUCHI_TODAY that is not a date', () => {
    const run = madoguchi(temporaryDataDir(), '2027-02-30', 'sweep');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('madoguchi: MADOGUCHI_TODAY must be a date YYYY-MM-DD, not "2027-02-30"\n');
  });
});

describe.each(DIALECTS)('the recorded mode of a municipality on $name', ({ create }) => {
  let opened: TestApp | undefined;
  afterEach(async () => opened?.close());

  it('is set by the first start and kept by every later one, whatever training date it runs at', async () => {
    opened = await openTestApp(await create());
    const { app } = opened;
    await claimInstanceMode(app, '2027-04-01' as PlainDate);
    await claimInstanceMode(app, '2030-01-01' as PlainDate);
    await expect(claimInstanceMode(app, undefined)).rejects.toThrow(/training instance/);
    expect(await app.store.read.instance.get()).toMatchObject({ mode: 'training' });
  });

  it('counts records made before modes were recorded as live', async () => {
    opened = await openTestApp(await create());
    const { app } = opened;
    await createStaff(app, 'before-modes', 'clerk', OFFICES.offices[0]!.id);
    await expect(claimInstanceMode(app, '2027-04-01' as PlainDate)).rejects.toThrow(/these records are live/);
    await claimInstanceMode(app, undefined);
    expect(await app.store.read.instance.get()).toMatchObject({ mode: 'live' });
  });
});
