import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { DIALECTS } from '../support/databases.ts';
import { openHttpTest, type HttpTest } from '../support/http.ts';

const LAST_MIGRATION = '0006-job-leases';

describe.each(DIALECTS)('liveness and readiness on $name', ({ create }) => {
  let t: HttpTest | undefined;
  afterEach(async () => {
    await t?.http.close();
    // The store of a test that closed it is closed once more: a no-op.
    await t?.store.close().catch(() => undefined);
    await t?.database.drop();
    t = undefined;
  });
  const open = async () => (t = await openHttpTest(await create()));

  it('is live and ready on a migrated database with the key loaded, never cached', async () => {
    const { http } = await open();
    const live = await http.inject('/api/v1/health/live');
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'ok' });
    expect(live.headers['cache-control']).toBe('no-store');
    const ready = await http.inject('/api/v1/health/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', checks: { database: 'ok', migrations: 'ok', key: 'ok' } });
    expect(ready.headers['cache-control']).toBe('no-store');
    expect((await http.inject('/api/v1/health')).json()).toEqual({ status: 'ok' });
  });

  it('is not ready once the database is closed, names the check, and is still live', async () => {
    const { http, store } = await open();
    expect((await http.inject('/api/v1/health/ready')).statusCode).toBe(200);
    await store.close();
    const ready = await http.inject('/api/v1/health/ready');
    expect(ready.statusCode).toBe(503);
    expect(ready.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(ready.json()).toMatchObject({
      code: 'SERVICE.UNAVAILABLE',
      detail: 'Not ready: the database does not answer',
      failed: ['database'],
      checks: { database: 'failed', migrations: 'not-checked', key: 'ok' },
    });
    expect((await http.inject('/api/v1/health/live')).statusCode).toBe(200);
    expect((await http.inject('/api/v1/health')).statusCode).toBe(503);
  });

  it('is not ready when the database lacks a migration of the code, or has one the code does not know', async () => {
    const { http, store } = await open();
    const migrations = sql.table('madoguchi_migrations');
    const { rows } = await sql<{ timestamp: string }>`select timestamp from ${migrations} where name = ${LAST_MIGRATION}`.execute(store.db);
    await sql`delete from ${migrations} where name = ${LAST_MIGRATION}`.execute(store.db);
    const missing = await http.inject('/api/v1/health/ready');
    expect(missing.statusCode).toBe(503);
    expect(missing.json()).toMatchObject({
      code: 'SERVICE.UNAVAILABLE',
      detail: `Not ready: the database has not run the migrations ${LAST_MIGRATION}`,
      failed: ['migrations'],
      checks: { database: 'ok', migrations: 'failed', key: 'ok' },
    });
    expect((await http.inject('/api/v1/health/live')).statusCode).toBe(200);
    await sql`insert into ${migrations} (name, timestamp) values (${LAST_MIGRATION}, ${rows[0]!.timestamp})`.execute(store.db);
    expect((await http.inject('/api/v1/health/ready')).statusCode).toBe(200);

    await sql`insert into ${migrations} (name, timestamp) values (${'9001-from-a-later-version'}, ${new Date().toISOString()})`.execute(store.db);
    const newer = await http.inject('/api/v1/health/ready');
    expect(newer.statusCode).toBe(503);
    expect(newer.json()).toMatchObject({
      detail: 'Not ready: the database has run migrations this version does not know: 9001-from-a-later-version',
      failed: ['migrations'],
    });
  });

  it('is not ready when the number key does not work', async () => {
    const opened = await open();
    const broken = await buildApp({
      ...opened.app,
      keys: {
        ...opened.app.keys,
        decryptNumber: () => {
          throw new Error('Unsupported state or unable to authenticate data');
        },
      },
    });
    const ready = await broken.inject('/api/v1/health/ready');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({
      detail: 'Not ready: the number key does not encrypt and decrypt',
      failed: ['key'],
      checks: { database: 'ok', migrations: 'ok', key: 'failed' },
    });
    expect(ready.body).not.toMatch(/authenticate data/);
    expect((await broken.inject('/api/v1/health/live')).statusCode).toBe(200);
    await broken.close();
  });
});
