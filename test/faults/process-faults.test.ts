import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { createAppContext } from '../../src/app/create-app-context.ts';
import { DEFAULT_CONTEXT } from '../../src/rules/context.ts';
import { openStore } from '../../src/store/open-store.ts';
import { createStaff, OFFICES, PASSWORD } from '../support/app.ts';
import { DIALECTS, type TestDatabase } from '../support/databases.ts';
import { freePort } from '../support/ports.ts';
import { residentBody } from '../support/world.ts';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'madoguchi.mjs');
const postgres = DIALECTS.find((dialect) => dialect.name === 'postgres');

interface Served {
  readonly process: ChildProcess;
  readonly stderr: () => string;
  readonly stdout: () => string;
  /** Signs the clerk in and returns fetch with its bearer header. */
  signIn(): Promise<(method: string, url: string, body?: unknown) => Promise<{ status: number; body: { code?: string } }>>;
  health(): Promise<number | undefined>;
  stop(): Promise<number | null>;
}

/**
 * `madoguchi serve` as an operator starts it, on a database holding one clerk, with standard
 * output on `stdout` (a file descriptor) or a pipe, once it answers.
 */
async function serve(database: TestDatabase, stdout: number | 'pipe'): Promise<Served> {
  const key = randomBytes(32);
  const store = openStore({ dataDir: database.dataDir, databaseUrl: database.databaseUrl, municipalityCode: OFFICES.municipality.code });
  await store.migrate();
  await createStaff(createAppContext({ store, masterKey: key, rules: DEFAULT_CONTEXT, offices: OFFICES }), 'clerk.served', 'clerk', 'honcho');
  await store.close();
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: database.dataDir,
      DATABASE_URL: database.databaseUrl ?? '',
      MADOGUCHI_KEY: key.toString('base64'),
      MADOGUCHI_DEMO: '0',
      SWEEP_AT: 'off',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', stdout, 'pipe'],
  });
  let err = '';
  let out = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  const health = () => fetch(`${base}/api/v1/health`).then((response) => response.status, () => undefined);
  for (let attempt = 0; attempt < 300 && (await health()) === undefined; attempt++) {
    if (child.exitCode !== null) throw new Error(`the server ended: ${err}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    process: child,
    stderr: () => err,
    stdout: () => out,
    health,
    async signIn() {
      const session = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'clerk.served', password: PASSWORD }) });
      const { token } = (await session.json()) as { token: string };
      return async (method, url, body) => {
        const response = await fetch(`${base}${url}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
          ...(body !== undefined && { body: JSON.stringify(body) }),
        });
        return { status: response.status, body: (await response.json()) as { code?: string } };
      };
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      // A server that does not stop within its grace period is killed, so that no test hangs on it.
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(killer);
      return code;
    },
  };
}

describe('a server whose log is on a full disk', () => {
  it('keeps answering, drops the lines it cannot write, and says so once on standard error', { timeout: 120_000 }, async () => {
    const database = await DIALECTS[0]!.create();
    const full = openSync('/dev/full', 'w');
    const server = await serve(database, full);
    try {
      const call = await server.signIn();
      for (let round = 0; round < 5; round++) {
        expect(await call('GET', '/api/v1/residents?q=エドガワ')).toMatchObject({ status: 200 });
        expect(await call('POST', '/api/v1/residents', residentBody())).toMatchObject({ status: 201 });
      }
      expect(await server.health()).toBe(200);
      expect(server.process.exitCode).toBeNull();
      expect(server.stderr().match(/the log cannot be written \(ENOSPC\)/g)).toHaveLength(1);
      expect(await server.stop()).toBe(0);
    } finally {
      await server.stop();
      closeSync(full);
    }
  });
});

describe.runIf(postgres)('a server whose PostgreSQL drops and refuses connections', () => {
  it('stays up, answers 503 SERVICE.UNAVAILABLE while the database is away, and serves again by itself', { timeout: 120_000 }, async () => {
    const database = await postgres!.create();
    const name = new URL(database.databaseUrl!).pathname.slice(1);
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const server = await serve(database, 'pipe');
    try {
      const call = await server.signIn();
      await Promise.all(Array.from({ length: 4 }, () => call('GET', '/api/v1/residents?q=エドガワ')));
      const terminate = () => admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1`, [name]);

      await terminate();
      await vi.waitFor(async () => expect(await server.health()).toBe(200), { timeout: 10_000 });
      expect(await call('POST', '/api/v1/residents', residentBody())).toMatchObject({ status: 201 });

      await admin.query(`alter database ${name} allow_connections false`);
      await terminate();
      await vi.waitFor(async () => expect(await server.health()).toBe(503), { timeout: 10_000 });
      expect(await call('POST', '/api/v1/residents', residentBody())).toMatchObject({ status: 503, body: { code: 'SERVICE.UNAVAILABLE' } });
      await admin.query(`alter database ${name} allow_connections true`);
      expect(await server.health()).toBe(200);
      expect(await call('POST', '/api/v1/residents', residentBody())).toMatchObject({ status: 201 });

      expect(server.process.exitCode).toBeNull();
      const lines = server
        .stdout()
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines).toContainEqual(expect.objectContaining({ level: 40, cause: '57P01', msg: expect.stringContaining('a pooled connection to the database was lost') }));
      expect(server.stdout()).not.toMatch(/"stack"/);
    } finally {
      await admin.query(`alter database ${name} allow_connections true`);
      await admin.end();
      await server.stop();
      await database.drop();
    }
  });
});
