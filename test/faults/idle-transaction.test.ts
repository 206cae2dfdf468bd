import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreFault } from '../../src/app/store-fault.ts';
import { openStore, type OpenStore } from '../../src/store/open-store.ts';
import { OFFICES } from '../support/app.ts';
import { DIALECTS, type TestDatabase } from '../support/databases.ts';
import { openWorld, residentBody, type World } from '../support/world.ts';

const postgres = DIALECTS.find((dialect) => dialect.name === 'postgres');

/** How long the other process's sessions may sit idle in a transaction here (30 s in service). */
const IDLE_MS = 1_500;

// A process paused inside a transaction (SIGSTOP, a hung VM) holds that transaction's locks; on
// PostgreSQL the server ends its session once it has sat idle past
// idle_in_transaction_session_timeout (docs/architecture.md "Databases").
describe.runIf(postgres)('a process paused inside a transaction on PostgreSQL', () => {
  let database: TestDatabase;
  let world: World;
  /** Another process's store on the same database, as the sweep's CLI opens it. */
  let other: OpenStore;

  beforeAll(async () => {
    database = await postgres!.create();
    world = await openWorld(database);
    other = openStore({ dataDir: database.dataDir, databaseUrl: database.databaseUrl, municipalityCode: OFFICES.municipality.code, idleInTransactionTimeoutMs: IDLE_MS });
  });

  afterAll(async () => {
    await other?.close();
    await world?.close();
    await database?.drop();
  });

  it("holds a clerk's command only until the server ends the paused session, which then finds its connection lost", async () => {
    let resume!: () => void;
    const resumed = new Promise<void>((resolve) => (resume = resolve));
    let locked!: () => void;
    const holding = new Promise<void>((resolve) => (locked = resolve));
    // Every chain's head locked (made first where no entry has been written on it yet), as a
    // sweep's batch of 500 cards locks them, and then nothing more: a command's audit entry needs one.
    const paused = other.db.transaction().execute(async (trx) => {
      await sql`insert into audit_heads (municipality_code, chain, seq, hash)
        select ${OFFICES.municipality.code}, chain, 0, '' from generate_series(0, ${other.auditChains - 1}) as chain
        on conflict do nothing`.execute(trx);
      await sql`select chain from audit_heads where municipality_code = ${OFFICES.municipality.code} for update`.execute(trx);
      locked();
      await resumed;
      await sql`select 1`.execute(trx);
    });
    paused.catch(() => undefined);
    await holding;

    const asked = Date.now();
    const registered = await world.call('clerk', 'POST', '/api/v1/residents', residentBody());
    const waited = Date.now() - asked;
    expect(registered.status).toBe(201);
    expect(waited).toBeGreaterThanOrEqual(IDLE_MS - 200);
    expect(waited).toBeLessThan(IDLE_MS + 8_000);

    // The paused process goes on: its transaction was rolled back, and it is told the database is away.
    resume();
    const fault = await paused.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(fault).toBeInstanceOf(StoreFault);
    expect(fault).toMatchObject({ kind: 'unavailable' });
    // Its store opens a new connection for the next work.
    await expect(other.ping()).resolves.toBeUndefined();
  });
});
