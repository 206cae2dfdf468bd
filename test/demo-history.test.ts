import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../src/app/audit-trail.ts';
import { generateDemo } from '../src/app/demo-generate.ts';
import { seedDemo } from '../src/app/demo.ts';
import { report } from '../src/app/reports.ts';
import { systemActor } from '../src/app/staff.ts';
import { renewalWindow } from '../src/rules/renewal-window.ts';
import { addDays, addMonthsClamped, type PlainDate } from '../src/rules/plain-date.ts';
import { createStaff, openTestApp, type TestApp } from './support/app.ts';
import { DIALECTS, temporaryDataDir } from './support/databases.ts';

/** A training date, as a trainer would set MADOGUCHI_TODAY. */
const TODAY = '2027-04-01' as PlainDate;
const quiet = { residents: () => undefined, stories: () => undefined };

/** The situations a trainer looks for, counted in the records themselves. */
async function situations(t: TestApp) {
  const db = t.store.db;
  const inRenewalWindow = (expiryDate: PlainDate) => {
    const window = renewalWindow({ expiryDate, today: TODAY }, t.app.rules);
    return window.ok && window.value.open === true;
  };
  const cards = await db.selectFrom('cards').innerJoin('residents', 'residents.id', 'cards.resident_id').select(['cards.status', 'cards.expiry_date', 'cards.continuation_deadline', 'residents.birth_date', 'residents.residency']).execute();
  const live = cards.filter((card) => card.status === 'active');
  const approvals = await db.selectFrom('approvals').select(['status', 'procedure']).execute();
  const acts = await db.selectFrom('procedures').select(['kind', 'proxy', 'fee']).execute();
  return {
    pendingContinuation: live.filter((card) => card.continuation_deadline !== null && card.continuation_deadline >= TODAY).length,
    renewalDue: live.filter((card) => card.expiry_date !== null && inRenewalWindow(card.expiry_date as PlainDate)).length,
    suspended: cards.filter((card) => card.status === 'suspended').length,
    proxyUsed: approvals.filter((approval) => approval.status === 'used').length,
    actsByProxy: acts.filter((act) => act.proxy !== null).length,
    foreignWithPeriod: live.filter((card) => card.residency === 'foreign-with-period').length,
    children: live.filter((card) => (card.birth_date as PlainDate) > addMonthsClamped(TODAY, -15 * 12)).length,
    renewals: acts.filter((act) => act.kind === 'card-reissue' && !act.fee).length,
    paidReissues: acts.filter((act) => act.kind === 'card-reissue' && (act.fee ?? 0) > 0).length,
    extensions: acts.filter((act) => act.kind === 'validity-extension').length,
    returns: cards.filter((card) => card.status === 'returned').length,
    resumptions: acts.filter((act) => act.kind === 'card-resumption').length,
    continuations: acts.filter((act) => act.kind === 'continuation').length,
    frontNotes: acts.filter((act) => act.kind === 'front-note').length,
  };
}

describe.each(DIALECTS)('demo history on $name', ({ create }) => {
  let opened: TestApp | undefined;
  afterEach(async () => opened?.close());

  it('`demo generate` records procedures over the past months, with a resident in each situation, and verifies', { timeout: 300_000 }, async () => {
    opened = await openTestApp(await create(), undefined, TODAY);
    const { app } = opened;
    const generated = await generateDemo(app, systemActor('cli'), { residents: 100, stories: 40 }, quiet);
    expect(generated.residents).toBe(140);
    expect(Object.values(generated.stories).reduce((a, b) => a + b, 0)).toBe(40);
    expect(generated.accounts.map((account) => account.username)).toContain('hotline.1');

    const auditor = await createStaff(app, 'auditor.test', 'auditor', 'honcho');
    const procedures = await report(app, auditor, 'procedures', { from: addDays(TODAY, -180), to: TODAY });
    if (!procedures.ok) throw new Error(procedures.error.message);
    const days = new Set(procedures.value.rows.map((row) => row.date));
    const months = new Set([...days].map((day) => String(day).slice(0, 7)));
    expect(days.size).toBeGreaterThan(40);
    expect(months.size).toBeGreaterThanOrEqual(6);
    expect(new Set(procedures.value.rows.map((row) => row.officeId)).size).toBeGreaterThan(1);
    expect([...days].every((day) => String(day) <= TODAY)).toBe(true);

    const found = await situations(opened);
    for (const [situation, count] of Object.entries(found)) expect(count, situation).toBeGreaterThan(0);
    expect(await verifyAudit(app.store, app.keys)).toMatchObject({ ok: true });

    // Run again: more residents, more history, the same accounts.
    const before = await app.store.read.residents.count();
    const again = await generateDemo(app, systemActor('cli'), { residents: 10, stories: 20 }, quiet);
    expect(again.accounts).toEqual([]);
    expect(await app.store.read.residents.count()).toBe(before + 30);
    const more = await situations(opened);
    expect(more.suspended).toBeGreaterThan(found.suspended);
    expect(more.proxyUsed).toBeGreaterThan(found.proxyUsed);
    expect(await verifyAudit(app.store, app.keys)).toMatchObject({ ok: true });
  });

  it('`serve` seeds fifty residents with the same stories on an empty database only', { timeout: 300_000 }, async () => {
    opened = await openTestApp(await create(), undefined, TODAY);
    const { app } = opened;
    const accounts = await seedDemo(app);
    expect(accounts?.map((account) => account.username)).toEqual(expect.arrayContaining(['clerk.honcho', 'supervisor.honcho', 'hotline.1', 'auditor.1', 'admin.1']));
    expect(await app.store.read.residents.count()).toBe(50);
    const found = await situations(opened);
    for (const [situation, count] of Object.entries(found)) expect(count, situation).toBeGreaterThan(0);
    const statuses = new Set((await opened.store.db.selectFrom('cards').select('status').execute()).map((card) => card.status));
    expect([...statuses].sort()).toEqual(['active', 'applied', 'expired', 'ready', 'returned', 'suspended']);
    expect(await seedDemo(app)).toBeUndefined();
    expect(await verifyAudit(app.store, app.keys)).toMatchObject({ ok: true });
  });
});

describe('`madoguchi demo generate` at a training date', () => {
  const BIN = path.resolve(import.meta.dirname, '..', 'bin', 'madoguchi.mjs');

  it('prints the histories told and the accounts made once, adds more when run again, and keeps a verifying audit trail', { timeout: 300_000 }, () => {
    const env = { ...process.env, DATA_DIR: temporaryDataDir(), DATABASE_URL: '', MADOGUCHI_KEY: '', MADOGUCHI_TODAY: TODAY };
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
    const first = run('demo', 'generate', '--residents', '40');
    expect(first.stderr).not.toMatch(/madoguchi:/);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^generated 40 residents and 2 with a history over the past months, in \d+\.\d s\n/);
    expect(first.stdout).toContain('histories (recorded procedures at the counters since 2026-10-03):\n  first-card             1\n  child                  1\n');
    expect(first.stdout).toMatch(/\n {2}hotline\.1 +hotline +hotline +\S{12}\n/);
    const second = run('demo', 'generate', '--residents', '5', '--stories', '20');
    expect(second.stdout).toMatch(/^generated 5 residents and 20 with a history/);
    expect(second.stdout).toContain('  proxy                  1\n');
    expect(second.stdout).not.toContain('one-time passwords');
    expect(run('demo', 'generate', '--residents', '5', '--stories', '0').stdout).toMatch(/^generated 5 residents and 0 with a history over the past months, in \d+\.\d s\n$/);
    const refused = run('demo', 'generate', '--residents', '5', '--stories', 'many');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toBe('madoguchi: --stories takes a whole number from 0 to 100,000\n');
    const audit = run('audit', 'verify');
    expect(audit.status).toBe(0);
    expect(JSON.parse(audit.stdout)).toMatchObject({ ok: true });
  });
});
