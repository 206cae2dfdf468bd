import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { StoreFault } from '../../src/app/store-fault.ts';
import { SQLITE_FILE_NAME } from '../../src/store/open-store.ts';
import { DIALECTS, type TestDatabase } from '../support/databases.ts';
import { residentBody } from '../support/world.ts';
import { openFaultWorld, type FaultWorld } from './support.ts';

const sqlite = DIALECTS.find((dialect) => dialect.name === 'sqlite')!;
const postgres = DIALECTS.find((dialect) => dialect.name === 'postgres');

/** Runs `statements` as the superuser of the test server, outside the database under test. */
async function asAdmin(...statements: string[]): Promise<void> {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try {
    for (const statement of statements) await admin.query(statement);
  } finally {
    await admin.end();
  }
}

function databaseName(database: TestDatabase): string {
  return new URL(database.databaseUrl!).pathname.slice(1);
}

/** Ends every connection to the database under test, as a restart or `pg_terminate_backend` would. */
function terminateBackends(database: TestDatabase): Promise<void> {
  return asAdmin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${databaseName(database)}' and pid <> pg_backend_pid()`);
}

/** The log lines of the store's faults that requests met. */
const faultLines = (world: FaultWorld, code: string) => world.logLines().filter((line) => line.code === code);

describe('a write lock held by another process on the embedded database', () => {
  it('refuses the batch waiting for it with 503 SERVICE.UNAVAILABLE, changes nothing, and writes again once the lock is gone', async () => {
    const database = await sqlite.create();
    const world = await openFaultWorld(database, { busyTimeoutMs: 50 });
    // An operator's sqlite3 or a backup tool, in another process: it holds the write lock.
    const holder = new SQLite(path.join(database.dataDir, SQLITE_FILE_NAME));
    try {
      const before = await world.store.read.residents.count();
      holder.exec('begin immediate');
      const answers = await Promise.all([residentBody(), residentBody(), residentBody()].map((body) => world.call('clerk', 'POST', '/api/v1/residents', body)));
      expect(answers.map((answer) => answer.status)).toEqual([503, 503, 503]);
      expect(answers[0]!.body).toMatchObject({ code: 'SERVICE.UNAVAILABLE' });
      expect(await world.store.read.residents.count()).toBe(before);
      expect(await world.call('clerk', 'GET', '/api/v1/residents?q=エドガワ')).toMatchObject({ status: 200 });
      holder.exec('rollback');

      expect(await world.call('clerk', 'POST', '/api/v1/residents', residentBody())).toMatchObject({ status: 201 });
      expect(await world.store.read.residents.count()).toBe(before + 1);
      const logged = faultLines(world, 'SERVICE.UNAVAILABLE');
      expect(logged).toHaveLength(3);
      expect(logged[0]).toMatchObject({ level: 50, cause: 'SQLITE_BUSY' });
      expect(world.logText()).not.toMatch(/"stack"/);
    } finally {
      holder.close();
      await world.close();
    }
  });
});

/** Makes the database refuse to grow, as a full disk does. */
const fillUp: Record<'sqlite' | 'postgres', (world: FaultWorld) => Promise<void>> = {
  async sqlite(world) {
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(world.store.db);
    await sql.raw(`pragma max_page_count = ${rows[0]!.page_count}`).execute(world.store.db);
  },
  // The error PostgreSQL raises when it cannot extend a table's file: SQLSTATE 53100 disk_full.
  async postgres(world) {
    await sql
      .raw(`create function full_disk() returns trigger language plpgsql as $$ begin raise exception 'could not extend file: No space left on device' using errcode = '53100'; end $$`)
      .execute(world.store.db);
    await sql.raw('create trigger full_disk before insert on residents for each row execute function full_disk()').execute(world.store.db);
  },
};

describe.each(DIALECTS)('a full disk on $name', ({ name, create }) => {
  it('refuses writes with 503 STORAGE.FULL storing nothing, says so at /health, logs one line per refusal, and takes writes again once there is room', async () => {
    const world = await openFaultWorld(await create());
    try {
      await fillUp[name](world);
      let stored = 0;
      let refused: { status: number; body: { code: string } } | undefined;
      const before = await world.store.read.residents.count();
      // SQLite fills the free room of its pages first: a few registrations may still fit.
      for (let attempt = 0; attempt < 500 && !refused; attempt++) {
        const answer = await world.call('clerk', 'POST', '/api/v1/residents', residentBody());
        if (answer.status === 201) stored++;
        else refused = answer;
      }
      expect(refused).toMatchObject({ status: 503, body: { code: 'STORAGE.FULL' } });
      expect(await world.store.read.residents.count()).toBe(before + stored);
      expect(await world.call(null, 'GET', '/api/v1/health')).toMatchObject({ status: 503, body: { code: 'STORAGE.FULL' } });
      expect(await world.call('clerk', 'GET', '/api/v1/residents?q=エドガワ')).toMatchObject({ status: 200 });
      expect(await world.call('clerk', 'POST', '/api/v1/residents', residentBody())).toMatchObject({ status: 503, body: { code: 'STORAGE.FULL' } });
      expect(faultLines(world, 'STORAGE.FULL')).toHaveLength(2);
      expect(world.logText()).not.toMatch(/"stack"/);

      if (name === 'sqlite') await sql.raw('pragma max_page_count = 1073741823').execute(world.store.db);
      else await sql.raw('drop trigger full_disk on residents').execute(world.store.db);
      expect(await world.call('clerk', 'POST', '/api/v1/residents', residentBody())).toMatchObject({ status: 201 });
      expect(await world.call(null, 'GET', '/api/v1/health')).toMatchObject({ status: 200 });
    } finally {
      await world.close();
      await world.database.drop();
    }
  });
});

describe.runIf(postgres)('a PostgreSQL server that drops connections', () => {
  it('keeps serving when its connections are terminated, idle or in a transaction, and reconnects by itself', async () => {
    const world = await openFaultWorld(await postgres!.create());
    const lost: StoreFault[] = [];
    world.store.condition.onBackgroundFault((fault) => lost.push(fault));
    let finish!: () => void;
    try {
      // Requests at once leave several connections idle in the pool.
      await Promise.all(Array.from({ length: 4 }, () => world.call('clerk', 'GET', '/api/v1/residents?q=エドガワ')));
      let firstQueryDone!: () => void;
      const inTransaction = new Promise<void>((resolve) => (firstQueryDone = resolve));
      const terminated = new Promise<void>((resolve) => (finish = resolve));
      const busy = world.store.transaction(async (tx) => {
        await tx.staff.count();
        firstQueryDone();
        await terminated;
        return tx.staff.count();
      });
      const outcome = busy.then(
        () => 'committed',
        (error: unknown) => error,
      );
      await inTransaction;
      await terminateBackends(world.database);
      // The pool's idle connections report their loss as they find out; none ends the process.
      await vi.waitFor(() => expect(lost.length).toBeGreaterThan(0));
      finish();
      const error = await outcome;
      expect(error).toBeInstanceOf(StoreFault);
      expect(error).toMatchObject({ kind: 'unavailable' });

      await vi.waitFor(async () => expect((await world.call(null, 'GET', '/api/v1/health')).status).toBe(200));
      expect(await world.call('clerk', 'POST', '/api/v1/residents', residentBody())).toMatchObject({ status: 201 });
    } finally {
      finish?.();
      await world.close();
      await world.database.drop();
    }
  });

  it('answers 503 SERVICE.UNAVAILABLE while the database refuses connections, and serves again once it takes them', async () => {
    const world = await openFaultWorld(await postgres!.create());
    const name = databaseName(world.database);
    try {
      await asAdmin(`alter database ${name} allow_connections false`);
      await terminateBackends(world.database);
      await vi.waitFor(async () => expect((await world.call(null, 'GET', '/api/v1/health')).status).toBe(503));
      expect(await world.call(null, 'GET', '/api/v1/health')).toMatchObject({ body: { code: 'SERVICE.UNAVAILABLE' } });
      expect(await world.call('clerk', 'GET', '/api/v1/residents?q=エドガワ')).toMatchObject({ status: 503, body: { code: 'SERVICE.UNAVAILABLE' } });
      expect(await world.call('clerk', 'POST', '/api/v1/residents', residentBody())).toMatchObject({ status: 503, body: { code: 'SERVICE.UNAVAILABLE' } });

      await asAdmin(`alter database ${name} allow_connections true`);
      expect(await world.call(null, 'GET', '/api/v1/health')).toMatchObject({ status: 200 });
      expect(await world.call('clerk', 'POST', '/api/v1/residents', residentBody())).toMatchObject({ status: 201 });
      expect(world.logText()).not.toMatch(/"stack"/);
    } finally {
      await asAdmin(`alter database ${name} allow_connections true`);
      await world.close();
      await world.database.drop();
    }
  });
});
