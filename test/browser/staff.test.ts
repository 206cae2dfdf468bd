import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff } from '../support/app.ts';
import { screenshot } from '../support/browser.ts';
import { type BrowserWorld, expectNoViolations, look, openBrowserWorld } from './support.ts';

let world: BrowserWorld;

beforeAll(async () => {
  world = await openBrowserWorld();
}, 60_000);
afterAll(async () => world.close());


/** An administrator adds an account on the staff page; what the page then says. */
async function addAccount(page: Page, username: string, name: string) {
  await page.goto('/staff');
  await page.locator('#field-username').fill(username);
  await page.locator('#field-name').fill(name);
  await page.locator('form button[type=submit]').last().click();
  const notice = page.locator('.notice', { hasText: username });
  await look.visible(notice);
  return notice;
}

describe('staff accounts in Chromium', () => {
  it('takes a new clerk from the administrator, through a supervisor of the office, to a first sign-in with a setup code', { timeout: 180_000 }, async () => {
    const admin = (await world.page('ja')).page;
    await world.signIn(admin, 'admin');
    const added = await addAccount(admin, 'tanaka.clerk', '田中 一郎');
    await look.contains(added, 'tanaka.clerk は設定待ちです。マイナンバーカード専用窓口(本庁舎)の責任者がセットアップコードを発行し');
    expect(await added.innerText()).not.toContain('一時パスワード');
    const row = admin.getByRole('row', { name: /tanaka\.clerk/ });
    await look.contains(row, '設定待ち');
    await row.getByRole('button', { name: '管理 tanaka.clerk' }).click();
    await look.focused(admin.getByRole('heading', { name: 'tanaka.clerk のアカウント' }));
    await expectNoViolations(admin, 'staff page with an account open');
    await screenshot(admin, 'staff-admin-account');

    const supervisor = (await world.page('ja')).page;
    await world.signIn(supervisor, 'super.honcho');
    await supervisor.getByRole('link', { name: 'セットアップコード' }).click();
    await supervisor.getByRole('heading', { name: 'セットアップコードの発行', level: 1 }).waitFor();
    await expectNoViolations(supervisor, 'setup codes page');
    await supervisor.getByRole('button', { name: 'コードを発行 tanaka.clerk' }).click();
    const secret = supervisor.locator('.secret');
    await look.visible(secret);
    const code = (await secret.innerText()).trim();
    expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    await look.contains(supervisor.locator('.notice'), '有効期限：');
    await look.contains(supervisor.getByRole('row', { name: /tanaka\.clerk/ }), '発行済み');
    await expectNoViolations(supervisor, 'setup codes page with a code shown');
    await screenshot(supervisor, 'staff-setup-code');

    const person = (await world.page('ja')).page;
    await person.goto('/signin');
    await person.getByRole('link', { name: '初めてサインインする方（セットアップコードをお持ちの方）' }).click();
    await person.getByRole('heading', { name: 'セットアップコードで初めてサインイン', level: 1 }).waitFor();
    await person.locator('#field-username').fill('tanaka.clerk');
    await person.locator('#field-setupCode').fill('AAAA-BBBB-CCCC-DDDD');
    await person.locator('#field-next').fill('my own long password');
    await person.locator('#field-again').fill('my own long password');
    await person.locator('form button[type=submit]').click();
    await look.contains(person.getByRole('alert'), 'ユーザー名またはセットアップコードが違います。');
    await expectNoViolations(person, 'setup page with an error');
    await person.locator('#field-setupCode').fill(code.toLowerCase());
    await person.locator('form button[type=submit]').click();
    await person.waitForURL((url) => url.pathname === '/residents');
    await look.contains(person.locator('.header__user'), '田中 一郎');

    // The code worked once; the administrator sees the account in use, then disables it.
    await admin.reload();
    await look.contains(admin.getByRole('row', { name: /tanaka\.clerk/ }), '利用中');
    await admin.getByRole('row', { name: /tanaka\.clerk/ }).getByRole('button', { name: '管理 tanaka.clerk' }).click();
    await admin.getByRole('button', { name: '停止する' }).click();
    await look.contains(admin.locator('#account-panel-title ~ .notice'), 'tanaka.clerk を停止しました。');
    await person.reload();
    await person.waitForURL((url) => url.pathname === '/signin');
    for (const page of [admin, supervisor, person]) await page.context().close();
  });

  it('ends the sessions of an account, raises it to another office by the office names, and resets a password into the setup-code flow', { timeout: 180_000 }, async () => {
    await createStaff(world.t.app, 'sato.clerk', 'clerk', 'honcho');
    await createStaff(world.t.app, 'suzuki.clerk', 'clerk', 'koiwa');
    const person = (await world.page('ja')).page;
    await world.signIn(person, 'sato.clerk');
    await person.waitForURL((url) => url.pathname === '/residents');

    const admin = (await world.page('ja')).page;
    await world.signIn(admin, 'admin');
    await admin.goto('/staff');
    const row = admin.getByRole('row', { name: /sato\.clerk/ });
    await look.contains(row, 'マイナンバーカード専用窓口(本庁舎)');
    await row.getByRole('button', { name: '管理 sato.clerk' }).click();
    const panel = admin.locator('section.card-panel');
    await admin.getByRole('button', { name: 'すべてのサインインを終了' }).click();
    await look.contains(panel.locator('.notice'), 'sato.clerk のサインインを1件終了しました。パスワードはそのままです。');
    await expectNoViolations(admin, 'staff page after ending sessions');
    await person.reload();
    await person.waitForURL((url) => url.pathname === '/signin');

    // A raise to supervisor of another office: chosen by its name, and the account awaits that office's setup code.
    await admin.locator('#field-newRole-supervisor').check();
    await admin.locator('#field-newOffice').selectOption({ label: 'マイナンバーカード専用窓口(葛西)' });
    await panel.getByRole('button', { name: '変更する' }).click();
    await look.contains(panel.locator('.notice'), 'sato.clerk の役割・所属を変更しました。');
    await look.contains(panel.locator('.notice'), 'マイナンバーカード専用窓口(葛西)の責任者がセットアップコードを発行し');
    await look.contains(row, '責任者');
    await look.contains(row, 'マイナンバーカード専用窓口(葛西)');
    await look.contains(row, '設定待ち');
    expect(await row.innerText()).not.toContain('kasai');
    await expectNoViolations(admin, 'staff page after a change of role');

    const other = admin.getByRole('row', { name: /suzuki\.clerk/ });
    await other.getByRole('button', { name: '管理 suzuki.clerk' }).click();
    await admin.getByRole('button', { name: 'パスワードをリセット' }).click();
    await look.contains(panel.locator('.notice'), 'suzuki.clerk のパスワードをリセットしました。');
    await look.contains(panel.locator('.notice'), 'マイナンバーカード専用窓口(小岩)の責任者がセットアップコードを発行し');
    expect(await panel.locator('.secret').count()).toBe(0);
    await look.contains(other, '設定待ち');
    await expectNoViolations(admin, 'staff page after a reset');
    await screenshot(admin, 'staff-reset');
    for (const page of [admin, person]) await page.context().close();
  });

  it("shows an administrator's account its one-time password once, and tells the administrator who issues a supervisor's code", { timeout: 120_000 }, async () => {
    const admin = (await world.page('en')).page;
    await world.signIn(admin, 'admin');
    await admin.goto('/staff');
    await admin.locator('#field-username').fill('second.admin');
    await admin.locator('#field-name').fill('Second Admin');
    await admin.locator('#field-role-admin').check();
    await admin.locator('form button[type=submit]').last().click();
    const secret = admin.locator('.secret');
    await look.visible(secret);
    expect((await secret.innerText()).trim()).toHaveLength(16);
    await admin.reload();
    // The page drawn again with the new account listed, before saying the password is not shown any more.
    await look.visible(admin.getByRole('row', { name: /second\.admin/ }));
    expect(await admin.locator('.secret').count()).toBe(0);

    await admin.locator('#field-username').fill('kasai.sup');
    await admin.locator('#field-name').fill('Kasai Supervisor');
    await admin.locator('#field-role-supervisor').check();
    await admin.locator('#field-officeId').selectOption('kasai');
    await admin.locator('form button[type=submit]').last().click();
    await look.contains(admin.locator('.notice', { hasText: 'kasai.sup' }), 'a supervisor of My Number Card Counter (Kasai)（マイナンバーカード専用窓口(葛西)） issues the setup code');
    await expectNoViolations(admin, 'staff page in English after adding');

    const setup = (await world.page('en')).page;
    await setup.goto('/setup');
    await setup.locator('h1').waitFor();
    await expectNoViolations(setup, 'setup page in English');
    const supervisor = (await world.page('en')).page;
    await world.signIn(supervisor, 'super.honcho');
    await supervisor.goto('/setup-codes');
    await supervisor.getByRole('heading', { name: 'Setup codes', level: 1 }).waitFor();
    // A supervisor of the main office sees no account of Kasai's.
    await look.contains(supervisor.locator('main'), 'No account awaits setup.');
    await expectNoViolations(supervisor, 'setup codes page in English');
    for (const page of [admin, setup, supervisor]) await page.context().close();
  });
});
