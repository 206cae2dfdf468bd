import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerResident } from '../../src/app/residents/register-resident.ts';
import { revealNumber } from '../../src/app/residents/reveal-number.ts';
import { PASSWORD } from '../support/app.ts';
import { screenshot } from '../support/browser.ts';
import { residentBody } from '../support/world.ts';
import { type BrowserWorld, expectNoViolations, issueActiveCard, look, openBrowserWorld } from './support.ts';

let world: BrowserWorld;

beforeAll(async () => {
  world = await openBrowserWorld();
}, 60_000);
afterAll(async () => world?.close());


describe('the audit screen and the times it shows, in Chromium', () => {
  it('shows the newest entries first, a page at a time, with names, the reveal purpose and an action list; the hotline time is Japan time', { timeout: 180_000 }, async () => {
    const { app } = world.t;
    const registered = await registerResident(app, world.staff.clerk, residentBody({ familyName: '監査', givenName: '花子', familyNameKana: 'カンサ', givenNameKana: 'ハナコ', birthDate: '1980-05-31' }) as never);
    if (!registered.ok) throw new Error(registered.error.message);
    const person = registered.value;
    await issueActiveCard(world, person.id);
    expect((await revealNumber(app, world.staff.supervisor, person.id, { purpose: '住民票の写しとの照合' })).ok).toBe(true);
    // More entries than one page holds: sign-ins, each one audited.
    for (let n = 0; n < 60; n++) {
      const signedIn = await world.http.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'clerk.honcho', password: PASSWORD } });
      expect(signedIn.statusCode).toBe(200);
    }

    // The hotline suspends the card; its done page gives the time in Japan time and says so.
    const operator = await world.page('ja');
    await world.signIn(operator.page, 'operator');
    await operator.page.waitForURL(/\/hotline$/);
    await operator.page.locator('#field-q').fill('カンサハナコ');
    await operator.page.locator('#field-birthDate').fill('1980-05-31');
    await operator.page.getByRole('button', { name: '監査 花子さんのカードを紛失で一時停止' }).click();
    await operator.page.getByRole('button', { name: '一時停止する' }).click();
    await look.visible(operator.page.getByRole('heading', { name: '一時停止しました' }));
    await look.contains(operator.page.locator('main'), /受付日時（日本時間）：2026\/11\/26 \d\d:\d\d/);
    await expectNoViolations(operator.page, 'hotline done page');
    await operator.context.close();

    const { page, context } = await world.page('ja');
    await world.signIn(page, 'auditor');
    await page.goto('/audit');
    const rows = page.locator('tbody tr');
    await look.contains(page.getByRole('status'), '新しい順に50件を表示しています');
    expect(await page.getByRole('columnheader', { name: '日時（日本時間）' }).count()).toBe(1);
    // Newest first: the auditor's own sign-in, then the operator's suspension, by name.
    await look.contains(rows.nth(0), 'サインイン');
    await look.contains(rows.nth(0), 'auditor');
    const suspension = page.getByRole('row', { name: /カードの一時停止/ });
    await look.contains(suspension, '監査 花子');
    await look.contains(suspension, 'カンサ ハナコ');
    await look.contains(suspension, 'operator');
    expect(await suspension.innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await expectNoViolations(page, 'audit page, first page');
    await screenshot(page, 'audit-newest-first');

    // The status reads 読み込み中… from the click until the next page is on screen; the button stays (disabled) meanwhile,
    // so a page is done once the server has answered and the status counts again, not after a fixed pause.
    const more = page.getByRole('button', { name: 'さらに50件を表示' });
    const showMore = async () => {
      const answered = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/v1/audit');
      await more.click();
      await answered;
      await look.contains(page.getByRole('status'), '新しい順に');
    };
    await showMore();
    const shown = await rows.count();
    expect(shown).toBeGreaterThan(50);
    expect(await page.getByRole('status').innerText()).toContain(`${shown}件`);
    // The oldest entry of the trail, at the end of the last page: the system (the test's command line) adding a clerk.
    while (await more.count()) await showMore();
    await look.contains(rows.last(), '職員の追加');
    await look.contains(rows.last(), 'システム（test）');
    await look.contains(rows.last(), 'clerk.honcho');
    await expectNoViolations(page, 'audit page, every page');

    await page.getByLabel('操作', { exact: true }).selectOption({ label: '個人番号の表示' });
    await page.getByRole('button', { name: '絞り込む' }).click();
    await look.contains(page.getByRole('status'), '新しい順に1件を表示しています');
    await look.contains(rows.nth(0), '住民票の写しとの照合');
    await look.contains(rows.nth(0), '監査 花子');
    await look.contains(rows.nth(0), 'super.honcho');
    await expectNoViolations(page, 'audit page filtered by an action');
    await screenshot(page, 'audit-reveal-purpose');
    await context.close();
  });
});
