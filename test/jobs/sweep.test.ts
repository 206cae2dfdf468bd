import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/app/audit-trail.ts';
import { createKeyRing } from '../../src/app/crypto/key-ring.ts';
import { systemActor } from '../../src/app/staff.ts';
import { runSweep } from '../../src/app/sweep.ts';
import type { PlainDate } from '../../src/rules/plain-date.ts';
import { openStore } from '../../src/store/open-store.ts';
import { OFFICES } from '../support/app.ts';
import { DIALECTS } from '../support/databases.ts';
import { residentWithActiveCard, worldFor } from '../support/world.ts';

const day = (date: string) => date as PlainDate;
const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'madoguchi.mjs');

describe.each(DIALECTS)('the nightly sweep on $name', ({ create }) => {
  const world = worldFor(create);
  const actor = systemActor('sweep-test');
  const sweepOn = async (date: string) => {
    world.clock.set(day(date));
    const result = await runSweep(world.app, actor, day(date));
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  const status = async (cardId: string) => (await world.store.read.cards.get(cardId))!;

  afterAll(async () => {
    world.clock.set(day('2026-11-26'));
  });

  it('expires a card the day after its expiry, not on it, and abolishes a lapsed continuation on lapsesOn, not the day before', async () => {
    world.clock.set(day('2026-11-26'));
    const foreign = await residentWithActiveCard(world, {
      nationality: 'CN',
      residency: 'foreign-with-period',
      periodOfStayEnd: '2027-01-31',
      residenceCardNumber: 'AB12345678CD',
      familyName: '王',
      givenName: '芳',
      familyNameKana: 'オウ',
      givenNameKana: 'ファン',
    });
    const moving = await residentWithActiveCard(world);
    await world.call('clerk', 'POST', `/api/v1/residents/${moving.residentId}/move-out`, { plannedMoveOutDate: '2026-11-10', destination: '千葉県市川市' });
    const back = await world.call('clerk', 'POST', `/api/v1/residents/${moving.residentId}/move-in`, {
      moveInDate: '2026-11-12',
      notificationDate: '2026-11-20',
      address: '東京都江戸川区平井一丁目1番',
      cardPresented: false,
    });
    const lapsesOn = back.body.cards[0].continuation.lapsesOn;
    expect(lapsesOn).toBe('2027-02-18');

    expect((await sweepOn('2027-01-31')).counts).toMatchObject({ expired: 0, abolished: 0 });
    expect((await status(foreign.cardId)).status).toBe('active');
    expect((await sweepOn('2027-02-01')).counts).toMatchObject({ expired: 1, abolished: 0 });
    expect(await status(foreign.cardId)).toMatchObject({ status: 'expired', endedOn: '2027-02-01', certificates: { user: { status: 'expired' } } });
    // Recorded as the card's own command records it: one audit entry and one procedure record, the trail intact.
    const entries = await world.store.read.audit.list({ subjectId: foreign.cardId, action: 'card.expire', limit: 10 });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: actor.id, actorRole: actor.role, outcome: 'ok', code: null, subjectType: 'card', details: { status: 'active', to: 'expired', represented: false } });
    expect(entries[0]!.details.events).toContain('CardExpired');
    expect(await verifyAudit(world.store, world.app.keys)).toMatchObject({ ok: true });
    const acts = await world.call('clerk', 'GET', `/api/v1/residents/${foreign.residentId}/procedures`);
    expect(acts.body.filter((act: { kind: string }) => act.kind === 'card-expiry')).toMatchObject([{ cardId: foreign.cardId, details: { on: '2027-02-01' } }]);

    expect((await sweepOn('2027-02-17')).counts).toMatchObject({ abolished: 0 });
    expect((await status(moving.cardId)).status).toBe('active');
    const run = await sweepOn('2027-02-18');
    expect(run).toMatchObject({ status: 'done', businessDate: '2027-02-18', counts: { abolished: 1, refused: 0 } });
    expect(await status(moving.cardId)).toMatchObject({ status: 'abolished', endReason: 'continuation-lapsed', continuation: null });
    const history = await world.call('clerk', 'GET', `/api/v1/cards/${moving.cardId}/history`);
    expect(history.body.at(-1)).toMatchObject({ type: 'CardAbolished', data: { reason: 'continuation-lapsed', on: '2027-02-18' } });
  });

  it('expires certificates after their own expiry while the card stays valid', async () => {
    world.clock.set(day('2026-11-26'));
    const { cardId } = await residentWithActiveCard(world, { birthDate: '1980-01-15' });
    expect((await status(cardId)).certificates.signature.expiresOn).toBe('2031-01-15');
    expect((await sweepOn('2031-01-15')).counts.certificatesExpired).toBe(0);
    expect((await sweepOn('2031-01-16')).counts.certificatesExpired).toBeGreaterThanOrEqual(1);
    expect(await status(cardId)).toMatchObject({ status: 'active', certificates: { signature: { status: 'expired' }, user: { status: 'expired' } } });
  });

  it('changes nothing when run twice for one day, and records each run for supervisors', async () => {
    const before = await verifyAudit(world.store, world.app.keys);
    const second = await sweepOn('2031-01-16');
    expect(second.counts).toEqual({ abolished: 0, abolishedMovedAbroad: 0, abolishedUncollected: 0, expired: 0, certificatesExpired: 0, refused: 0 });
    expect((await verifyAudit(world.store, world.app.keys)).entries).toBe(before.entries);
    world.clock.set(day('2031-01-16'));
    const runs = await world.call('supervisor', 'GET', '/api/v1/jobs/sweep/runs');
    expect(runs.body[0]).toMatchObject({ status: 'done', businessDate: '2031-01-16', counts: { certificatesExpired: 0 } });
    expect(runs.body.length).toBeGreaterThanOrEqual(6);
    expect((await world.call('admin', 'GET', '/api/v1/jobs/sweep/runs')).body).toEqual(runs.body);
    expect(await world.call('clerk', 'GET', '/api/v1/jobs/sweep/runs')).toMatchObject({ status: 403 });
    expect(await world.call('clerk', 'POST', '/api/v1/jobs/sweep/run', {})).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
    const viaApi = await world.call('supervisor', 'POST', '/api/v1/jobs/sweep/run', { today: '2031-01-16' });
    expect(viaApi).toMatchObject({ status: 200, body: { status: 'done', counts: { expired: 0 } } });
    expect(await world.call('supervisor', 'POST', '/api/v1/jobs/sweep/run', { today: '2031-01-17' })).toMatchObject({ status: 400, body: { code: 'INPUT.INVALID' } });
  });
});

describe.each(DIALECTS)('a sweep killed midway on $name', ({ create }) => {
  it('ends, when run again, in the same state as one clean run', { timeout: 240_000 }, async () => {
    const key = randomBytes(32).toString('base64');
    const first = await create();
    const env = (database: { dataDir: string; databaseUrl: string | undefined }) => ({
      ...process.env,
      DATA_DIR: database.dataDir,
      DATABASE_URL: database.databaseUrl ?? '',
      MADOGUCHI_KEY: key,
      LOG_LEVEL: 'warn',
    });
    // The day in Japan the residents are generated for, read first: a run may cross midnight there.
    const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
    const generate = spawnSync(process.execPath, [BIN, 'demo', 'generate', '--residents', '3000', '--stories', '0'], { env: env(first), encoding: 'utf8' });
    expect(generate.status, generate.stderr).toBe(0);
    // The same records twice: one to kill the sweep in, one to run it cleanly.
    const second = await first.copy();

    const killed = spawn(process.execPath, [BIN, 'sweep', '--today', today], { env: env(first), stdio: ['ignore', 'pipe', 'pipe'] });
    let progress = '';
    killed.stderr.on('data', (chunk: Buffer) => {
      progress += chunk.toString();
      if (/\d+%/.test(progress) && !/ 100%/.test(progress) && /[1-9]\d*\/[\d,]+ /.test(progress)) killed.kill('SIGKILL');
    });
    const signal = await new Promise((resolve) => killed.on('exit', (_code, signal) => resolve(signal)));
    const resumed = spawnSync(process.execPath, [BIN, 'sweep', '--today', today], { env: env(first), encoding: 'utf8' });
    expect(resumed.status, resumed.stderr).toBe(0);
    const clean = spawnSync(process.execPath, [BIN, 'sweep', '--today', today], { env: env(second), encoding: 'utf8' });
    expect(clean.status, clean.stderr).toBe(0);
    expect(clean.stdout).toMatch(/[1-9]\d* with certificates expired/);

    const state = async (database: { dataDir: string; databaseUrl: string | undefined }) => {
      const store = openStore({ dataDir: database.dataDir, databaseUrl: database.databaseUrl, municipalityCode: OFFICES.municipality.code });
      const rows = await store.db.selectFrom('cards').innerJoin('residents', 'residents.id', 'cards.resident_id').select(['residents.resident_code', 'cards.status', 'cards.signature_certificate', 'cards.user_certificate', 'cards.next_certificate_expiry']).orderBy('residents.resident_code').execute();
      const runs = await store.read.jobRuns.list('sweep', 10);
      const audit = await verifyAudit(store, createKeyRing(Buffer.from(key, 'base64')));
      await store.close();
      return { rows: rows.map(({ resident_code, status, next_certificate_expiry, ...certificates }) => ({ resident_code, status, next_certificate_expiry, certificates: Object.values(certificates).map((text) => JSON.parse(text).status) })), runs, audit };
    };
    const [afterCrash, afterClean] = [await state(first), await state(second)];
    expect(afterCrash.audit.ok).toBe(true);
    expect(afterCrash.rows.map(({ resident_code: _, ...rest }) => rest)).toEqual(afterClean.rows.map(({ resident_code: _, ...rest }) => rest));
    expect(signal).toBe('SIGKILL');
    expect(afterCrash.runs.map((run) => run.status)).toEqual(['done', 'interrupted']);
    // The run that finished the day reports all that was done for it, the killed run's changes too.
    expect(afterCrash.runs[0]!.counts).toEqual(afterClean.runs[0]!.counts);
    await first.drop();
    await second.drop();
  });
});
