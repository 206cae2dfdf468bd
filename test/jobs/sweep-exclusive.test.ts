import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppContext } from '../../src/app/create-app-context.ts';
import type { JobRun } from '../../src/app/ports/job-run-repository.ts';
import { systemActor } from '../../src/app/staff.ts';
import { runSweep } from '../../src/app/sweep.ts';
import { DEFAULT_CONTEXT } from '../../src/rules/context.ts';
import type { PlainDate } from '../../src/rules/plain-date.ts';
import { openStore } from '../../src/store/open-store.ts';
import { OFFICES, TEST_TODAY } from '../support/app.ts';
import { DIALECTS } from '../support/databases.ts';
import { worldFor } from '../support/world.ts';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'madoguchi.mjs');
const postgres = DIALECTS.find((dialect) => dialect.name === 'postgres');

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(DIALECTS)('one sweep at a time on $name', ({ name, create }) => {
  const world = worldFor(create);

  /** Holds the next run that takes the sweep at its first count of what is due, until `release`. */
  function holdNextRun() {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const countDue = world.store.read.cards.countDue.bind(world.store.read.cards);
    const spy = vi.spyOn(world.store.read.cards, 'countDue').mockImplementationOnce(async (...args) => {
      await gate;
      return countDue(...args);
    });
    return { release, reached: () => spy.mock.calls.length > 0 };
  }

  /** A run left `running` by a sweep elsewhere, holding the lease as `holder` until `expiresAt`. */
  async function runningElsewhere(holder: { host: string; pid: number }, expiresAt: number): Promise<JobRun> {
    const run: JobRun = {
      id: randomUUID(),
      job: 'sweep',
      businessDate: TEST_TODAY,
      status: 'running',
      startedAt: world.clock.now(),
      finishedAt: null,
      durationMs: null,
      counts: {},
      actorId: 'system:sweep',
      error: null,
    };
    await world.store.transaction(async (tx) => {
      await tx.jobRuns.insert(run);
      await tx.jobRuns.lease('sweep', 1000);
      await tx.jobRuns.holdLease('sweep', { runId: run.id, ...holder, expiresAt: new Date(expiresAt).toISOString() });
    });
    return run;
  }

  const statusOf = async (id: string) => (await world.store.read.jobRuns.list('sweep', 100)).find((run) => run.id === id)?.status;

  it('answers a run asked for while another runs 409 JOB.RUNNING, and records only the one that ran', async () => {
    const before = await world.store.read.jobRuns.list('sweep', 100);
    const held = holdNextRun();
    const asked = [world.call('supervisor', 'POST', '/api/v1/jobs/sweep/run', {}), world.call('admin', 'POST', '/api/v1/jobs/sweep/run', {})];
    expect(await Promise.race(asked)).toMatchObject({ status: 409, body: { code: 'JOB.RUNNING' } });
    held.release();
    expect((await Promise.all(asked)).map((answer) => answer.status).sort()).toEqual([200, 409]);
    const after = await world.store.read.jobRuns.list('sweep', 100);
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]).toMatchObject({ status: 'done' });
    expect(await world.call('supervisor', 'POST', '/api/v1/jobs/sweep/run', {})).toMatchObject({ status: 200, body: { status: 'done' } });
  });

  it('refuses `madoguchi sweep` in another process while the server runs the sweep', { timeout: 60_000 }, async () => {
    const held = holdNextRun();
    const served = world.call('supervisor', 'POST', '/api/v1/jobs/sweep/run', {});
    await vi.waitFor(() => expect(held.reached()).toBe(true));
    const cli = spawnSync(process.execPath, [BIN, 'sweep'], {
      env: { ...process.env, DATA_DIR: world.database.dataDir, DATABASE_URL: world.database.databaseUrl ?? '', MADOGUCHI_KEY: world.masterKey.toString('base64'), LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    });
    held.release();
    expect(cli.status).not.toBe(0);
    expect(cli.stderr).toMatch(/JOB\.RUNNING: another sweep is running/);
    expect(await served).toMatchObject({ status: 200, body: { status: 'done' } });
  });

  it('leaves a run of another host alone while its lease lasts, and takes over once it has run out, marking that run interrupted', async () => {
    const elsewhere = await runningElsewhere({ host: 'another-host', pid: process.pid }, Date.now() + 60_000);
    expect(await world.call('supervisor', 'POST', '/api/v1/jobs/sweep/run', {})).toMatchObject({ status: 409, body: { code: 'JOB.RUNNING', runId: elsewhere.id } });
    expect(await statusOf(elsewhere.id)).toBe('running');
    await world.store.transaction(async (tx) => {
      await tx.jobRuns.lease('sweep', 1000);
      await tx.jobRuns.holdLease('sweep', { runId: elsewhere.id, host: 'another-host', pid: process.pid, expiresAt: new Date(Date.now() - 1000).toISOString() });
    });
    expect(await world.call('supervisor', 'POST', '/api/v1/jobs/sweep/run', {})).toMatchObject({ status: 200, body: { status: 'done' } });
    expect(await statusOf(elsewhere.id)).toBe('interrupted');
  });

  it('takes over at once from a run whose process on this host has ended', async () => {
    const ended = spawnSync(process.execPath, ['-e', '']).pid!;
    const crashed = await runningElsewhere({ host: hostname(), pid: ended }, Date.now() + 60_000);
    expect(await world.call('supervisor', 'POST', '/api/v1/jobs/sweep/run', {})).toMatchObject({ status: 200, body: { status: 'done' } });
    expect(await statusOf(crashed.id)).toBe('interrupted');
  });

  it('stops a run whose lease another run took (its process stalled past the lease), and records it interrupted, not done', async () => {
    const held = holdNextRun();
    const stalled = runSweep(world.app, systemActor('sweep-test'), TEST_TODAY);
    await vi.waitFor(() => expect(held.reached()).toBe(true));
    const [running] = await world.store.read.jobRuns.list('sweep', 1);
    const takeover = randomUUID();
    await world.store.transaction(async (tx) => {
      await tx.jobRuns.lease('sweep', 1000);
      await tx.jobRuns.holdLease('sweep', { runId: takeover, host: 'another-host', pid: 1, expiresAt: new Date(Date.now() + 60_000).toISOString() });
    });
    held.release();
    expect(await stalled).toMatchObject({ ok: false, error: { code: 'JOB.RUNNING' } });
    expect(await statusOf(running!.id)).toBe('interrupted');
    await world.store.transaction((tx) => tx.jobRuns.releaseLease('sweep', takeover));
  });

  // PostgreSQL locks the lease's row; the embedded database has one writer, bounded by its busy timeout.
  it.runIf(name === 'postgres')('refuses 409 JOB.RUNNING within seconds while the running one is paused in the middle of renewing its lease', async () => {
    const paused = await runningElsewhere({ host: 'another-host', pid: process.pid }, Date.now() + 60_000);
    let resume!: () => void;
    const resumed = new Promise<void>((resolve) => (resume = resolve));
    let renewing!: () => void;
    const renewed = new Promise<void>((resolve) => (renewing = resolve));
    // Its renewal written and not yet committed, as when its process is stopped between the two.
    const renewal = world.store.transaction(async (tx) => {
      await tx.jobRuns.renewLease('sweep', paused.id, new Date(Date.now() + 60_000).toISOString());
      renewing();
      await resumed;
    });
    await renewed;
    const asked = Date.now();
    expect(await world.call('supervisor', 'POST', '/api/v1/jobs/sweep/run', {})).toMatchObject({ status: 409, body: { code: 'JOB.RUNNING', runId: paused.id } });
    expect(Date.now() - asked).toBeLessThan(10_000);
    resume();
    await renewal;
    expect(await statusOf(paused.id)).toBe('running');
    await world.store.transaction((tx) => tx.jobRuns.releaseLease('sweep', paused.id));
  });
});

describe.runIf(postgres)('a sweep of another process that is held up', () => {
  // The process is stopped wherever it is when its progress line is read: often in the middle of
  // renewing its lease (the renewal written, not committed), the row locked until it goes on.
  // The server's run waits for that lock only so long (LEASE_WAIT_MS), then is refused.
  it('keeps the sweep while its process lives: the server is refused, and the run is recorded done, never interrupted', { timeout: 240_000 }, async () => {
    const key = randomBytes(32);
    const database = await postgres!.create();
    const env = { ...process.env, DATA_DIR: database.dataDir, DATABASE_URL: database.databaseUrl!, MADOGUCHI_KEY: key.toString('base64'), LOG_LEVEL: 'warn' };
    // The day in Japan the residents are generated for, read first: a run may cross midnight there.
    const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10) as PlainDate;
    const generate = spawnSync(process.execPath, [BIN, 'demo', 'generate', '--residents', '3000', '--stories', '0'], { env, encoding: 'utf8' });
    expect(generate.status, generate.stderr).toBe(0);
    const store = openStore({ dataDir: database.dataDir, databaseUrl: database.databaseUrl, municipalityCode: OFFICES.municipality.code });
    try {
      const cli = spawn(process.execPath, [BIN, 'sweep', '--today', today], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      const exited = new Promise<number | null>((resolve) => cli.on('exit', (code) => resolve(code)));
      // Stopped (SIGSTOP, as a paused VM or a debugger would) once it has changed a card and before it is done.
      const stopped = new Promise<void>((resolve) => {
        let progress: string | null = '';
        cli.stderr.on('data', (chunk: Buffer) => {
          if (progress === null) return;
          progress += chunk.toString();
          if (/\d+%/.test(progress) && !/ 100%/.test(progress) && /[1-9]\d*\/[\d,]+ /.test(progress)) {
            cli.kill('SIGSTOP');
            progress = null;
            resolve();
          }
        });
      });
      await stopped;
      const server = createAppContext({ store, masterKey: key, rules: DEFAULT_CONTEXT, offices: OFFICES });
      expect(await runSweep(server, systemActor('sweep'), today)).toMatchObject({ ok: false, error: { code: 'JOB.RUNNING' } });
      cli.kill('SIGCONT');
      expect(await exited).toBe(0);
      expect((await store.read.jobRuns.list('sweep', 10)).map((run) => run.status)).toEqual(['done']);
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
