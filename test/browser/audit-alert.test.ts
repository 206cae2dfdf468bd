import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAuditCheckpoint } from '../../src/app/audit-checkpoints.ts';
import { OFFICES } from '../support/app.ts';
import { accessibilityViolations, screenshot } from '../support/browser.ts';
import { look, openBrowserWorld, type BrowserWorld } from './support.ts';

let world: BrowserWorld;

beforeAll(async () => {
  world = await openBrowserWorld();
}, 60_000);
afterAll(async () => world?.close());

describe('an audit trail cut under the running app, in Chromium', () => {
  it('raises the alert on the dashboard and says what the check found, in Japanese and English', { timeout: 60_000 }, async () => {
    const supervisor = await world.page('ja');
    await world.signIn(supervisor.page, 'super.honcho');
    await supervisor.page.waitForURL(/\/dashboard$/);
    await look.visible(supervisor.page.locator('[data-figure=procedures]'));
    expect(await supervisor.page.locator('[data-alert=audit]').count()).toBe(0);
    const english = await world.page('en');
    await world.signIn(english.page, 'super2.honcho');
    const auditor = await world.page('ja');
    await world.signIn(auditor.page, 'auditor');

    const { written } = await writeAuditCheckpoint(world.t.app, 'test');
    // Every entry and head removed, as whoever holds the database's password could.
    const code = OFFICES.municipality.code;
    await world.t.store.db.deleteFrom('audit_log').where('municipality_code', '=', code).execute();
    await world.t.store.db.deleteFrom('audit_heads').where('municipality_code', '=', code).execute();

    await supervisor.page.reload();
    await look.contains(supervisor.page.locator('[data-alert=audit]'), `最後のチェックポイント（第${written!.n}号）の時点より少なく`);
    await look.contains(supervisor.page.locator('.notice').first(), '監査ログの異常');
    expect(await accessibilityViolations(supervisor.page)).toEqual([]);
    await screenshot(supervisor.page, 'dashboard-audit-alert');

    await english.page.goto('/dashboard');
    await look.contains(english.page.locator('[data-alert=audit]'), `fewer entries than its last checkpoint (#${written!.n})`);
    expect(await accessibilityViolations(english.page)).toEqual([]);

    await auditor.page.goto('/audit');
    await auditor.page.getByRole('button', { name: '監査ログを検証する' }).click();
    await look.contains(auditor.page.locator('.notice').first(), `記録 0-1（連鎖-番号）以降が失われています。チェックポイント（第${written!.n}号、`);
    expect(await accessibilityViolations(auditor.page)).toEqual([]);
    for (const { context } of [supervisor, english, auditor]) await context.close();
  });
});
