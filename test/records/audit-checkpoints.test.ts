import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkAuditAnchor, writeAuditCheckpoint } from '../../src/app/audit-checkpoints.ts';
import { auditAct, verifyAudit } from '../../src/app/audit-trail.ts';
import type { AppContext } from '../../src/app/context.ts';
import { createAppContext } from '../../src/app/create-app-context.ts';
import { systemActor } from '../../src/app/staff.ts';
import { startAuditCheckpoints } from '../../src/jobs/audit-checkpoints.ts';
import { DEFAULT_CONTEXT } from '../../src/rules/context.ts';
import { migrateToLatest, migrateUpTo } from '../../src/store/migrator.ts';
import { openStore, type OpenStore } from '../../src/store/open-store.ts';
import { postgresDialect } from '../../src/store/postgres/postgres-dialect.ts';
import { sqliteDialect } from '../../src/store/sqlite/sqlite-dialect.ts';
import { OFFICES } from '../support/app.ts';
import { cli, openedFor } from '../support/cli.ts';
import { DIALECTS, temporaryDataDir } from '../support/databases.ts';
import { worldFor, type World } from '../support/world.ts';
import type { AuditAction } from '../../src/app/audit-action.ts';

const code = OFFICES.municipality.code;
const actor = systemActor('test');

/** Entries of distinct subjects, so that on PostgreSQL they spread over the chains. */
async function appendEntries(app: AppContext, count: number, options: { action?: AuditAction; subjectId?: string; at?: (index: number) => string } = {}): Promise<void> {
  for (let index = 0; index < count; index++) {
    await app.store.transaction((tx) =>
      auditAct(app, tx, actor, {
        action: options.action ?? 'demo.generate',
        subjectType: 'test',
        subjectId: options.subjectId ?? `subject-${randomUUID()}`,
        details: { index },
        ...(options.at && { at: options.at(index) }),
      }),
    );
  }
}

interface Cut {
  /** The first entry the cut took from the lowest chain it touched. */
  readonly chain: number;
  readonly seq: number;
  /** Puts every entry and head back as they were. */
  restore(): Promise<void>;
}

type Removal = { readonly newest: number } | 'all' | { readonly chainOfNewest: true };

/**
 * Removes entries as whoever holds the database's password could, and sets the heads back to
 * what is left (or removes them with their chain), so that every link that remains holds.
 */
async function removeEntries(store: OpenStore, removal: Removal): Promise<Cut> {
  const db = store.db;
  const log = await db.selectFrom('audit_log').selectAll().where('municipality_code', '=', code).execute();
  const heads = await db.selectFrom('audit_heads').selectAll().where('municipality_code', '=', code).execute();
  const newestFirst = [...log].sort((a, b) => Number(b.position) - Number(a.position));
  const doomed =
    removal === 'all' ? log : 'newest' in removal ? newestFirst.slice(0, removal.newest) : log.filter((row) => Number(row.chain) === Number(newestFirst[0]!.chain));
  const chains = [...new Set(doomed.map((row) => Number(row.chain)))].sort((a, b) => a - b);
  for (const chain of chains) {
    const seqs = doomed.filter((row) => Number(row.chain) === chain).map((row) => Number(row.seq));
    await db.deleteFrom('audit_log').where('municipality_code', '=', code).where('chain', '=', chain).where('seq', 'in', seqs).execute();
    const left = await db
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .where('municipality_code', '=', code)
      .where('chain', '=', chain)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (typeof removal === 'object' && 'newest' in removal) {
      await db
        .updateTable('audit_heads')
        .set({ seq: left?.seq ?? 0, hash: left?.hash ?? '' })
        .where('municipality_code', '=', code)
        .where('chain', '=', chain)
        .execute();
    } else {
      await db.deleteFrom('audit_heads').where('municipality_code', '=', code).where('chain', '=', chain).execute();
    }
  }
  const first = chains[0]!;
  return {
    chain: first,
    seq: Math.min(...doomed.filter((row) => Number(row.chain) === first).map((row) => Number(row.seq))),
    async restore() {
      await db.deleteFrom('audit_log').where('municipality_code', '=', code).execute();
      await db.deleteFrom('audit_heads').where('municipality_code', '=', code).execute();
      for (let index = 0; index < log.length; index += 500) {
        await db
          .insertInto('audit_log')
          .values(log.slice(index, index + 500).map((row) => ({ ...row, position: row.position === null ? undefined : Number(row.position) })))
          .execute();
      }
      if (heads.length > 0) await db.insertInto('audit_heads').values(heads).execute();
    },
  };
}

/** `madoguchi audit verify` in process, on the world's records. */
async function cliVerify(app: AppContext) {
  const run = await cli(['audit', 'verify'], '', { openApp: async () => openedFor(app) });
  return { exitCode: run.exitCode, body: JSON.parse(run.stdout) };
}

function checkpointLines(store: OpenStore): string[] {
  return readFileSync(store.auditCheckpoints.file, 'utf8').split('\n').filter((line) => line !== '');
}

/** Runs `work` with the checkpoint file as `change` leaves it, then puts the file back. */
async function withFileChanged(store: OpenStore, change: (lines: string[]) => string[], work: () => Promise<void>): Promise<void> {
  const file = store.auditCheckpoints.file;
  const before = readFileSync(file, 'utf8');
  writeFileSync(file, change(before.split('\n').filter((line) => line !== '')).map((line) => `${line}\n`).join(''));
  try {
    await work();
  } finally {
    writeFileSync(file, before);
  }
}

/** Another process's view of the same records: its own store and its own memory of what it wrote. */
function otherProcess(world: World, options: { copyDir?: string; masterKey?: Buffer; retiredKeys?: Buffer[] } = {}): AppContext {
  const store = openStore({ dataDir: world.database.dataDir, databaseUrl: world.database.databaseUrl, municipalityCode: code, checkpointCopyDir: options.copyDir });
  return createAppContext({ store, masterKey: options.masterKey ?? world.masterKey, retiredKeys: options.retiredKeys ?? [], rules: DEFAULT_CONTEXT, offices: OFFICES, clock: world.clock });
}

describe.each(DIALECTS)('audit checkpoints on $name', ({ name, create }) => {
  const world = worldFor(create);

  it('passes a fresh installation, which has no checkpoint yet, and writes the first one owner-only', async () => {
    expect(await verifyAudit(world.store, world.app.keys)).toEqual({ ok: true, entries: expect.any(Number), checkpoint: null });
    expect(await checkAuditAnchor(world.app)).toEqual({ ok: true, checkpoint: null });
    const first = await writeAuditCheckpoint(world.app, 'test');
    expect(first).toMatchObject({ ok: true, written: { n: 1 }, checkpoint: { n: 1 } });
    expect(statSync(path.dirname(world.store.auditCheckpoints.file)).mode & 0o777).toBe(0o700);
    expect(statSync(world.store.auditCheckpoints.file).mode & 0o777).toBe(0o600);
    const [line] = checkpointLines(world.store);
    const heads = await world.store.read.audit.heads();
    expect(JSON.parse(line!)).toMatchObject({ v: 1, n: 1, municipality: code, keyId: world.app.keys.keyId, by: 'test', prev: '', heads: heads.filter((head) => head.seq > 0) });
    // Nothing appended since: nothing more to anchor, unless asked (a clean shutdown).
    expect((await writeAuditCheckpoint(world.app, 'test')).written).toBeUndefined();
    expect((await writeAuditCheckpoint(world.app, 'serve:stop', { always: true })).written).toEqual({ n: 2, at: expect.any(String) });
  });

  it('makes the checkpoints owner-only again when they were opened up', async () => {
    const file = world.store.auditCheckpoints.file;
    chmodSync(path.dirname(file), 0o755);
    chmodSync(file, 0o644);
    await appendEntries(world.app, 1);
    expect(await writeAuditCheckpoint(world.app, 'test')).toMatchObject({ ok: true, written: { n: expect.any(Number) } });
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('passes a trail that grew after its last checkpoint', async () => {
    await writeAuditCheckpoint(world.app, 'test');
    await appendEntries(world.app, 5);
    const verification = await verifyAudit(world.store, world.app.keys);
    expect(verification).toMatchObject({ ok: true });
    expect(verification).not.toHaveProperty('reason');
    expect((await world.call('auditor', 'GET', '/api/v1/audit/verify')).body).toMatchObject({ ok: true, checkpoint: { n: expect.any(Number) } });
    expect(await checkAuditAnchor(world.app)).toMatchObject({ ok: true });
  });

  const cuts: [string, Removal][] = [
    ['the newest entry, its head set back', { newest: 1 }],
    ['the newest 20 entries, their heads set back', { newest: 20 }],
    ['every entry and every head', 'all'],
    ...(name === 'postgres' ? [['a whole chain and its head', { chainOfNewest: true }] as [string, Removal]] : []),
  ];
  it.each(cuts)('detects %s: verifyAudit, GET /api/v1/audit/verify, audit verify and the start-up check', async (_, removal) => {
    await appendEntries(world.app, 30);
    const { written } = await writeAuditCheckpoint(world.app, 'test');
    expect(written).toBeDefined();
    const cut = await removeEntries(world.store, removal);
    try {
      const expected = { ok: false, reason: 'trail-shorter-than-checkpoint', brokenChain: cut.chain, firstBrokenSeq: cut.seq, checkpoint: written };
      const verification = await verifyAudit(world.store, world.app.keys);
      expect(verification).toMatchObject(expected);
      expect(verification.detail).toContain(`checkpoint #${written!.n}`);
      expect(await world.call('auditor', 'GET', '/api/v1/audit/verify')).toMatchObject({ status: 200, body: expected });
      expect(await cliVerify(world.app)).toEqual({ exitCode: 1, body: expect.objectContaining(expected) });
      expect(await checkAuditAnchor(world.app)).toMatchObject({
        ok: false,
        checkpoint: written,
        problem: { reason: 'trail-shorter-than-checkpoint', brokenChain: cut.chain, firstBrokenSeq: cut.seq },
      });
      // A cut trail is not anchored: a checkpoint now would pass it off as whole.
      expect(await writeAuditCheckpoint(world.app, 'test', { always: true })).toMatchObject({ ok: false, checkpoint: written });
      expect(JSON.parse(checkpointLines(world.store).at(-1)!).n).toBe(written!.n);
    } finally {
      await cut.restore();
    }
    expect(await verifyAudit(world.store, world.app.keys)).toMatchObject({ ok: true, checkpoint: written });
  });

  it('detects a trail cut and written again past its checkpoint (another history)', async () => {
    const subjectId = `subject-${randomUUID()}`;
    await appendEntries(world.app, 3, { subjectId });
    const { written } = await writeAuditCheckpoint(world.app, 'test');
    const cut = await removeEntries(world.store, { newest: 1 });
    try {
      await appendEntries(world.app, 2, { subjectId });
      const expected = { ok: false, reason: 'trail-differs-from-checkpoint', brokenChain: cut.chain, firstBrokenSeq: cut.seq, checkpoint: written };
      expect(await verifyAudit(world.store, world.app.keys)).toMatchObject(expected);
      expect(await checkAuditAnchor(world.app)).toMatchObject({ ok: false, problem: { reason: 'trail-differs-from-checkpoint' } });
    } finally {
      await cut.restore();
    }
  });

  it('reports entries removed at the end with their head left alone, without a checkpoint too', async () => {
    await appendEntries(world.app, 2);
    await writeAuditCheckpoint(world.app, 'test');
    const [newest] = await world.store.db.selectFrom('audit_log').select(['chain', 'seq']).where('municipality_code', '=', code).orderBy('position', 'desc').limit(1).execute();
    const saved = await world.store.db.selectFrom('audit_log').selectAll().where('chain', '=', newest!.chain).where('seq', '=', newest!.seq).execute();
    await world.store.db.deleteFrom('audit_log').where('chain', '=', newest!.chain).where('seq', '=', newest!.seq).execute();
    try {
      expect(await verifyAudit(world.store, world.app.keys)).toMatchObject({ ok: false, reason: 'entry-broken', brokenChain: Number(newest!.chain), firstBrokenSeq: Number(newest!.seq) });
      expect(await checkAuditAnchor(world.app)).toMatchObject({ ok: false, problem: { reason: 'entry-broken', brokenChain: Number(newest!.chain) } });
    } finally {
      await world.store.db.insertInto('audit_log').values(saved.map((row) => ({ ...row, position: Number(row.position) }))).execute();
    }
  });

  it('raises the dashboard alert while the trail does not hold its checkpoint', async () => {
    await appendEntries(world.app, 3);
    const { written } = await writeAuditCheckpoint(world.app, 'test');
    expect((await world.call('supervisor', 'GET', '/api/v1/reports/dashboard')).body.auditAlert).toBeNull();
    const cut = await removeEntries(world.store, { newest: 2 });
    try {
      expect((await world.call('supervisor', 'GET', '/api/v1/reports/dashboard')).body.auditAlert).toEqual({
        reason: 'trail-shorter-than-checkpoint',
        detail: expect.stringContaining(`checkpoint #${written!.n}`),
        checkpoint: written!.n,
      });
    } finally {
      await cut.restore();
    }
    expect((await world.call('auditor', 'GET', '/api/v1/reports/dashboard')).body.auditAlert).toBeNull();
  });

  it('logs an error at each round of the running server while the trail is cut, and writes no checkpoint at its shutdown', async () => {
    const log = { info: vi.fn(), error: vi.fn() };
    const schedule = await startAuditCheckpoints(world.app, log, 3_600_000);
    expect(log.info).toHaveBeenCalledWith(expect.objectContaining({ checkpoint: expect.objectContaining({ n: expect.any(Number) }) }), expect.stringMatching(/^audit trail holds checkpoint #\d+$/));
    await appendEntries(world.app, 2);
    expect(await schedule.tick()).toMatchObject({ ok: true, written: { n: expect.any(Number) } });
    const lines = checkpointLines(world.store).length;
    const cut = await removeEntries(world.store, { newest: 1 });
    try {
      expect(await schedule.tick()).toMatchObject({ ok: false, problem: { reason: 'trail-shorter-than-checkpoint' } });
      expect(log.error).toHaveBeenCalledWith(
        expect.objectContaining({ reason: 'trail-shorter-than-checkpoint', file: world.store.auditCheckpoints.file }),
        expect.stringContaining('audit trail check failed'),
      );
      await schedule.stop();
      expect(checkpointLines(world.store)).toHaveLength(lines);
    } finally {
      await cut.restore();
    }
    const again = await startAuditCheckpoints(world.app, log, 3_600_000);
    await again.stop();
    expect(JSON.parse(checkpointLines(world.store).at(-1)!)).toMatchObject({ n: lines + 1, by: 'serve:stop' });
  });

  it('detects a checkpoint removed from the middle of the file, or altered', async () => {
    for (let round = 0; round < 3; round++) {
      await appendEntries(world.app, 1);
      await writeAuditCheckpoint(world.app, 'test');
    }
    const reopened = otherProcess(world);
    try {
      await withFileChanged(world.store, (lines) => lines.toSpliced(-2, 1), async () => {
        expect(await verifyAudit(reopened.store, reopened.keys)).toMatchObject({ ok: false, reason: 'checkpoints-damaged', detail: expect.stringContaining('does not follow') });
        expect(await checkAuditAnchor(reopened)).toMatchObject({ ok: false, problem: { reason: 'checkpoints-damaged' } });
      });
      await withFileChanged(
        world.store,
        (lines) => lines.map((line, index) => (index === lines.length - 1 ? line.replace(/"seq":(\d+)/, (_, seq: string) => `"seq":${Number(seq) - 1}`) : line)),
        async () => {
          expect(await verifyAudit(reopened.store, reopened.keys)).toMatchObject({ ok: false, reason: 'checkpoints-damaged', detail: expect.stringContaining('signature') });
        },
      );
      // Half a line left by a crash as the last one is no checkpoint, and the next one is written after it.
      writeFileSync(world.store.auditCheckpoints.file, readFileSync(world.store.auditCheckpoints.file, 'utf8') + '{"v":1,"n":');
      expect(await verifyAudit(reopened.store, reopened.keys)).toMatchObject({ ok: true });
      await appendEntries(world.app, 1);
      expect(await writeAuditCheckpoint(reopened, 'test')).toMatchObject({ ok: true, written: { n: expect.any(Number) } });
      expect(await verifyAudit(reopened.store, reopened.keys)).toMatchObject({ ok: true });
    } finally {
      await reopened.store.close();
    }
  });

  it('detects the last checkpoint removed, by what this process wrote', async () => {
    await appendEntries(world.app, 1);
    const { written } = await writeAuditCheckpoint(world.app, 'test');
    await withFileChanged(world.store, (lines) => lines.slice(0, -1), async () => {
      const removed = { reason: 'checkpoints-damaged', detail: expect.stringMatching(new RegExp(`this process wrote #${written!.n}`)) };
      expect(await checkAuditAnchor(world.app)).toMatchObject({ ok: false, problem: removed });
      expect(await verifyAudit(world.store, world.app.keys)).toMatchObject({ ok: false, ...removed });
    });
  });

  it('copies every checkpoint to a second place, and detects by it the last ones removed or all of them', async () => {
    const copyDir = path.join(temporaryDataDir(), 'copy');
    const writer = otherProcess(world, { copyDir });
    const reader = otherProcess(world, { copyDir });
    try {
      await appendEntries(world.app, 1);
      const { written } = await writeAuditCheckpoint(writer, 'test');
      const copyFile = writer.store.auditCheckpoints.copyFile!;
      expect(readFileSync(copyFile, 'utf8').trim().split('\n').at(-1)).toBe(checkpointLines(world.store).at(-1));
      expect(statSync(copyFile).mode & 0o777).toBe(0o600);
      expect(statSync(copyDir).mode & 0o777).toBe(0o700);
      const removed = { reason: 'checkpoints-damaged', detail: expect.stringContaining(`its copy ${copyFile} wrote #${written!.n}`) };
      await withFileChanged(world.store, (lines) => lines.slice(0, -1), async () => {
        expect(await verifyAudit(reader.store, reader.keys)).toMatchObject({ ok: false, ...removed });
        expect(await checkAuditAnchor(reader)).toMatchObject({ ok: false, problem: removed });
      });
      const directory = path.dirname(world.store.auditCheckpoints.file);
      const saved = readFileSync(world.store.auditCheckpoints.file);
      rmSync(directory, { recursive: true });
      try {
        expect(await verifyAudit(reader.store, reader.keys)).toMatchObject({ ok: false, ...removed });
      } finally {
        mkdirSync(directory, { mode: 0o700 });
        writeFileSync(world.store.auditCheckpoints.file, saved, { mode: 0o600 });
      }
      expect(await verifyAudit(reader.store, reader.keys)).toMatchObject({ ok: true });
    } finally {
      await writer.store.close();
      await reader.store.close();
    }
  });

  it('keeps checkpoints signed under a retired master key verifiable, and fails them without it', async () => {
    await appendEntries(world.app, 1);
    await writeAuditCheckpoint(world.app, 'test');
    const newKey = randomBytes(32);
    const rotated = otherProcess(world, { masterKey: newKey, retiredKeys: [world.masterKey] });
    const stranger = otherProcess(world, { masterKey: newKey });
    try {
      expect(await verifyAudit(rotated.store, rotated.keys)).toMatchObject({ ok: true });
      expect(await checkAuditAnchor(stranger)).toMatchObject({ ok: false, problem: { reason: 'checkpoints-damaged', detail: expect.stringContaining(world.app.keys.keyId) } });
    } finally {
      await rotated.store.close();
      await stranger.store.close();
    }
  });

  it('lets processes write checkpoints at once, in one unbroken series, and takes over a lock left by a dead process', async () => {
    const others = [otherProcess(world), otherProcess(world)];
    try {
      const before = checkpointLines(world.store).length;
      await Promise.all(
        others.map(async (app) => {
          for (let round = 0; round < 5; round++) {
            await appendEntries(app, 1);
            await writeAuditCheckpoint(app, 'test');
          }
        }),
      );
      // Half a line a crash left (an earlier test) is skipped by readers, and so here.
      const numbers = checkpointLines(world.store)
        .filter((line) => line.endsWith('}'))
        .map((line) => JSON.parse(line).n);
      expect(numbers.length).toBeGreaterThan(before);
      expect(numbers).toEqual(numbers.map((_, index) => index + 1));
      expect(await verifyAudit(world.store, world.app.keys)).toMatchObject({ ok: true });

      const dead = spawnSync(process.execPath, ['-e', '']).pid;
      const lock = path.join(path.dirname(world.store.auditCheckpoints.file), `${code}.lock`);
      writeFileSync(lock, `${dead} ${hostname()}\n`);
      await appendEntries(world.app, 1);
      expect(await writeAuditCheckpoint(others[0]!, 'test')).toMatchObject({ ok: true, written: { n: numbers.length + 1 } });
    } finally {
      for (const app of others) await app.store.close();
    }
  });

  it('lists the trail in the order it was written, not by the time the entries carry', async () => {
    // The clock was stepped back while these were written: each has an earlier time than the one before.
    const subject = `backwards-${randomUUID()}`;
    await appendEntries(world.app, 6, { subjectId: subject, at: (index) => new Date(Date.parse('2026-11-26T03:00:00Z') - index * 60_000).toISOString() });
    const listed = (await world.call('auditor', 'GET', `/api/v1/audit?subject=${subject}`)).body as { details: { index: number }; at: string }[];
    expect(listed.map((entry) => entry.details.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(listed.map((entry) => entry.at)).toEqual([...listed.map((entry) => entry.at)].sort().reverse());
  });
});

describe.each(DIALECTS)('the order of audit entries written before it was kept, on $name', ({ name, create }) => {
  it('follows each chain, and the time across chains', async () => {
    const database = await create();
    const store = openStore({ dataDir: database.dataDir, databaseUrl: database.databaseUrl, municipalityCode: code });
    try {
      const dialect = name === 'sqlite' ? sqliteDialect : postgresDialect;
      await migrateUpTo(store.db, dialect, '0004');
      // Chain 0 went back in time at its third entry; chain 1 wrote between them.
      const rows = [
        [0, 1, '2026-11-26T01:00:00.000Z'],
        [1, 1, '2026-11-26T01:30:00.000Z'],
        [0, 2, '2026-11-26T02:00:00.000Z'],
        [0, 3, '2026-11-26T00:10:00.000Z'],
        [1, 2, '2026-11-26T03:00:00.000Z'],
      ] as const;
      await store.db
        .insertInto('audit_log')
        .values(
          rows.map(([chain, seq, at]) => ({
            municipality_code: code,
            chain,
            seq,
            at,
            actor_id: null,
            actor_role: null,
            office_id: null,
            action: 'test',
            subject_type: null,
            subject_id: null,
            outcome: 'ok',
            code: null,
            details: '{}',
            prev_hash: '',
            hash: `${chain}-${seq}`,
            key_id: null,
          })),
        )
        .execute();
      await migrateToLatest(store.db, dialect);
      const listed = await store.read.audit.list({ limit: 10 });
      expect(listed.map((entry) => `${entry.chain}-${entry.seq}`)).toEqual(['0-1', '1-1', '0-2', '0-3', '1-2']);
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
