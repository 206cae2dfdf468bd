import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../../src/rules/plain-date.ts';
import { IDLE_IN_TRANSACTION_TIMEOUT_MS } from '../../src/store/open-store.ts';
import { DIALECTS } from '../support/databases.ts';
import { openWorld, residentBody } from '../support/world.ts';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'madoguchi.mjs');
const postgres = DIALECTS.find((dialect) => dialect.name === 'postgres');

/** Whether a session of `database` is inside a transaction that has locked the audit chains' heads (and sits idle there, with `idle`). */
async function holdsAuditHeads(admin: pg.Client, database: string, idle: boolean): Promise<boolean> {
  const { rows } = await admin.query<{ n: number }>(
    `select count(*)::int as n from pg_stat_activity a join pg_locks l on l.pid = a.pid join pg_class c on c.oid = l.relation
      where a.datname = $1 and a.pid <> pg_backend_pid() and c.relname like 'audit_heads%' and (not $2 or a.state = 'idle in transaction')`,
    [database, idle],
  );
  return rows[0]!.n > 0;
}

// A sweep's batch locks its cards and the audit chains' heads until it commits. Its process
// stopped there (SIGSTOP, a hung VM) held every clerk's command for ever, until PostgreSQL was
// told to end a session idle in a transaction (docs/architecture.md "Databases").
describe.runIf(postgres)('a sweep process paused in the middle of a batch', () => {
  it("holds a clerk's command no longer than the idle timeout, and then fails in one line, to be run again", { timeout: 240_000 }, async () => {
    const key = randomBytes(32);
    const database = await postgres!.create();
    const name = new URL(database.databaseUrl!).pathname.slice(1);
    const env = { ...process.env, DATA_DIR: database.dataDir, DATABASE_URL: database.databaseUrl!, MADOGUCHI_KEY: key.toString('base64'), LOG_LEVEL: 'warn' };
    const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10) as PlainDate;
    const generate = spawnSync(process.execPath, [BIN, 'demo', 'generate', '--residents', '20000', '--stories', '0'], { env, encoding: 'utf8' });
    expect(generate.status, generate.stderr).toBe(0);
    const world = await openWorld(database, { masterKey: key });
    // On the database itself: pg_class names only the relations of the database it is read in.
    const admin = new pg.Client({ connectionString: database.databaseUrl });
    await admin.connect();
    try {
      const cli = spawn(process.execPath, [BIN, 'sweep', '--today', today], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      cli.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => cli.on('exit', (code) => resolve(code)));
      // Watched until it is seen inside a batch, stopped there and looked at again (a stop just
      // after its commit lets it go on), and then a clerk registers a resident. A try where the
      // clerk's audit entry needs no head the batch holds answers at once, and the watch goes on.
      let held: { asked: number; call: ReturnType<typeof world.call> } | undefined;
      while (held === undefined && cli.exitCode === null) {
        if (!(await holdsAuditHeads(admin, name, false))) continue;
        cli.kill('SIGSTOP');
        await new Promise((resolve) => setTimeout(resolve, 50));
        if (await holdsAuditHeads(admin, name, true)) {
          const asked = Date.now();
          const call = world.call('clerk', 'POST', '/api/v1/residents', residentBody());
          const answered = await Promise.race([call.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), 1_000))]);
          if (!answered) held = { asked, call };
          else expect(await call).toMatchObject({ status: 201 });
        }
        if (held === undefined) cli.kill('SIGCONT');
      }
      expect(held, "the sweep was never stopped holding the head a clerk's command needs").toBeDefined();
      expect(await held!.call).toMatchObject({ status: 201 });
      expect(Date.now() - held!.asked).toBeLessThan(IDLE_IN_TRANSACTION_TIMEOUT_MS + 10_000);

      cli.kill('SIGCONT');
      expect(await exited).not.toBe(0);
      expect(stderr).toMatch(/JOB\.FAILED: the sweep failed and can be run again: the database server cannot be reached/);
      expect(stderr).not.toMatch(/^\s+at /m);
      // The run is recorded failed, its lease given back, and the sweep runs again.
      expect((await world.store.read.jobRuns.list('sweep', 10)).map((run) => run.status)).toEqual(['failed']);
      const again = spawnSync(process.execPath, [BIN, 'sweep', '--today', today], { env, encoding: 'utf8' });
      expect(again.status, again.stderr).toBe(0);
    } finally {
      await admin.end();
      await world.close();
      await database.drop();
    }
  });
});
