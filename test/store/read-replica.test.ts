import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockAt } from '../../src/app/clock.ts';
import { createAppContext } from '../../src/app/create-app-context.ts';
import { buildApp } from '../../src/http/app.ts';
import { DEFAULT_CONTEXT } from '../../src/rules/context.ts';
import { openStore, type OpenStore } from '../../src/store/open-store.ts';
import { createStaff, OFFICES, TEST_TODAY } from '../support/app.ts';
import { DIALECTS, type TestDatabase } from '../support/databases.ts';
import { signInAs } from '../support/http.ts';
import { startStreamingReplica, type StreamingReplica } from '../support/streaming-replica.ts';
import { residentBody } from '../support/world.ts';

const postgres = DIALECTS.find((dialect) => dialect.name === 'postgres');

/**
 * DATABASE_READ_URL (docs/architecture.md "Read replica") against a real streaming replica of the
 * local PostgreSQL, made for the test and dropped after it: searches and reports are answered by
 * the replica, reads by id and every write by the primary.
 */
const title = postgres ? 'a read replica at DATABASE_READ_URL' : 'a read replica at DATABASE_READ_URL: skipped, TEST_DATABASE_URL names no PostgreSQL to replicate';

describe.skipIf(postgres === undefined)(title, () => {
  let database: TestDatabase | undefined;
  let replica: StreamingReplica | undefined;
  let store: OpenStore | undefined;
  let http: FastifyInstance | undefined;
  const auth: Record<'clerk' | 'supervisor', { authorization: string }> = { clerk: { authorization: '' }, supervisor: { authorization: '' } };

  beforeAll(async () => {
    database = await postgres!.create();
    replica = await startStreamingReplica(process.env.TEST_DATABASE_URL!);
    const name = new URL(database.databaseUrl!).pathname.slice(1);
    store = openStore({ dataDir: database.dataDir, databaseUrl: database.databaseUrl, databaseReadUrl: replica.urlOf(name), municipalityCode: OFFICES.municipality.code });
    await store.migrate();
    const app = createAppContext({ store, masterKey: randomBytes(32), rules: DEFAULT_CONTEXT, offices: OFFICES, clock: clockAt(TEST_TODAY) });
    http = await buildApp(app, { loginAttemptsPerMinute: 1000, signInFailuresPerAddress: 1000 });
    await createStaff(app, 'clerk.honcho', 'clerk', 'honcho');
    await createStaff(app, 'super.honcho', 'supervisor', 'honcho');
    auth.clerk = await signInAs(http, 'clerk.honcho');
    auth.supervisor = await signInAs(http, 'super.honcho');
  }, 90_000);

  afterAll(async () => {
    await http?.close();
    await store?.close();
    // Dropped before the database: the replica holds no connection to it that would stop the drop.
    await replica?.drop();
    await database?.drop();
  }, 60_000);

  const call = async (who: 'clerk' | 'supervisor', method: 'GET' | 'POST', url: string, payload?: object) => {
    const response = await http!.inject({ method, url, headers: auth[who], ...(payload && { payload }) });
    return { status: response.statusCode, body: response.json() };
  };
  const register = async () => {
    const registered = await call('clerk', 'POST', '/api/v1/residents', residentBody({ familyName: '複製', familyNameKana: 'フクセイ' }));
    expect(registered.status).toBe(201);
    return registered.body.id as string;
  };
  const found = async () => {
    const search = await call('clerk', 'GET', `/api/v1/residents?q=${encodeURIComponent('複製')}`);
    expect(search.status).toBe(200);
    return (search.body.residents as { id: string }[]).map((resident) => resident.id);
  };
  const ready = async () => {
    const response = await http!.inject('/api/v1/health/ready');
    return { status: response.statusCode, body: response.json() };
  };

  it('answers a search from the replica: paused there, it misses a resident just registered, whom a read by id finds on the primary', async () => {
    const first = await register();
    await replica!.caughtUp();
    expect(await found()).toEqual([first]);

    await replica!.query('select pg_wal_replay_pause()');
    await expect.poll(async () => (await replica!.query<{ state: string }>('select pg_get_wal_replay_pause_state() as state'))[0]!.state).toBe('paused');
    const second = await register();
    expect((await call('clerk', 'GET', `/api/v1/residents/${second}`)).status).toBe(200);
    expect(await found()).toEqual([first]);
    // The replica has received the second registration but not replayed it: the readiness check says how far behind it is.
    await expect.poll(async () => (await ready()).body.replica?.lagSeconds, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await ready()).toMatchObject({ status: 200, body: { status: 'ok', checks: { database: 'ok', migrations: 'ok', key: 'ok' }, replica: { status: 'ok' } } });

    await replica!.query('select pg_wal_replay_resume()');
    await replica!.caughtUp();
    expect((await found()).sort()).toEqual([first, second].sort());
    expect((await ready()).body.replica).toEqual({ status: 'ok', lagSeconds: 0 });
  }, 60_000);

  it('answers 503 to searches and reports while the replica is down, and stays ready: the counters register and read as before', async () => {
    await replica!.stop();
    const search = await call('clerk', 'GET', `/api/v1/residents?q=${encodeURIComponent('複製')}`);
    expect(search).toMatchObject({ status: 503, body: { code: 'SERVICE.UNAVAILABLE' } });
    expect(await call('supervisor', 'GET', '/api/v1/reports/dashboard')).toMatchObject({ status: 503, body: { code: 'SERVICE.UNAVAILABLE' } });
    expect(await call('supervisor', 'GET', '/api/v1/reports/statistics')).toMatchObject({ status: 503, body: { code: 'SERVICE.UNAVAILABLE' } });

    const third = await register();
    expect((await call('clerk', 'GET', `/api/v1/residents/${third}`)).status).toBe(200);
    expect(await ready()).toEqual({ status: 200, body: { status: 'ok', checks: { database: 'ok', migrations: 'ok', key: 'ok' }, replica: { status: 'unreachable' } } });
    expect((await http!.inject('/api/v1/health')).statusCode).toBe(200);
  }, 30_000);
});
