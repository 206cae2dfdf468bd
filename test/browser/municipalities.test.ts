import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../src/app/staff.ts';
import { issueSetupCode } from '../../src/app/staff-accounts.ts';
import { createStaff, OFFICES, PASSWORD, TEST_TODAY } from '../support/app.ts';
import { launchBrowser } from '../support/browser.ts';
import { DIALECTS } from '../support/databases.ts';
import { openHttpTest, type HttpTest } from '../support/http.ts';
import { addTestTown } from '../support/towns.ts';
import { expectNoViolations, look } from './support.ts';

/**
 * One deployment serving two municipalities at one address, with no host name of the town's own
 * (docs/scale.md "Several municipalities"): the sign-in form asks whose account it is, and after
 * sign-in the web app is that municipality's.
 */
const TOWN = { code: '132021', name: '狛江テスト市', nameEn: 'Test Town', hotline: '0120-000-111' };
const postgres = DIALECTS.find((dialect) => dialect.name === 'postgres');

describe.skipIf(!postgres)('signing in to one of several municipalities at one address, in Chromium', () => {
  let t: HttpTest;
  let browser: Browser;
  let base: string;
  /** A setup code of a new account of the town's, handed to its holder for the first sign-in. */
  let setupCode: string;

  beforeAll(async () => {
    t = await openHttpTest(await postgres!.create(), {
      others: async (opened) => {
        const town = await addTestTown(opened, TOWN);
        await createStaff(town, 'town.clerk', 'clerk', 'honcho');
        const admin = await createStaff(town, 'town.admin', 'admin', 'honcho');
        const supervisor = await createStaff(town, 'town.supervisor', 'supervisor', 'honcho');
        const added = await addStaff(town, admin, { username: 'town.new', name: '狛江 新', role: 'clerk', officeId: 'honcho' });
        if (!added.ok) throw new Error(added.error.message);
        const issued = await issueSetupCode(town, supervisor, added.value.id);
        if (!issued.ok) throw new Error(issued.error.message);
        setupCode = issued.value.code;
        return [{ context: town }];
      },
    });
    await createStaff(t.app, 'clerk.honcho', 'clerk', 'honcho');
    await t.http.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.http.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await t?.database.drop();
  });

  const signIn = async (page: Page, username: string) => {
    await page.getByLabel('ユーザー名').fill(username);
    await page.getByLabel('パスワード').fill(PASSWORD);
    await page.locator('form button[type=submit]').click();
  };

  it("asks whose account signs in, shows the chosen town's counters after, and remembers the choice on this computer", { timeout: 90_000 }, async () => {
    const context = await browser.newContext({ baseURL: base, locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date(`${TEST_TODAY}T10:00:00+09:00`));
    await page.addInitScript(`localStorage.setItem('madoguchi.lang', 'ja')`);
    await page.goto('/signin');
    const choice = page.getByLabel('所属する市区町村');
    await look.visible(choice);
    expect(await choice.locator('option').allInnerTexts()).toEqual([`江戸川区 (${OFFICES.municipality.code})`, `狛江テスト市 (${TOWN.code})`]);
    expect(await choice.inputValue()).toBe(OFFICES.municipality.code);
    await expectNoViolations(page, 'sign-in with a choice of municipality');

    // The town's account under Edogawa is no account: refused as a wrong password is, and nobody is signed in.
    await signIn(page, 'town.clerk');
    await look.contains(page.getByRole('alert'), 'ユーザー名またはパスワードが違います');
    expect(page.url()).toMatch(/\/signin$/);

    await choice.selectOption(TOWN.code);
    await signIn(page, 'town.clerk');
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    await look.contains(page.locator('.header__city'), TOWN.name);

    // Signed out, the app is the address's again, without a reload.
    await page.getByRole('button', { name: 'サインアウト' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/signin'));
    await look.contains(page.locator('.header__city'), '江戸川区');
    await page.reload();
    await look.value(page.getByLabel('所属する市区町村'), TOWN.code);

    await page.getByLabel('所属する市区町村').selectOption(OFFICES.municipality.code);
    await signIn(page, 'clerk.honcho');
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    await look.contains(page.locator('.header__city'), '江戸川区');
    await context.close();
  });

  it("asks the same on the first sign-in with a setup code, and the town's account is set up", { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ baseURL: base, locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(`localStorage.setItem('madoguchi.lang', 'ja')`);
    await page.goto('/setup');
    const choice = page.getByLabel('所属する市区町村');
    await look.value(choice, OFFICES.municipality.code);
    await page.locator('#field-username').fill('town.new');
    await page.locator('#field-setupCode').fill(setupCode);
    await page.locator('#field-next').fill('my own long password');
    await page.locator('#field-again').fill('my own long password');
    // Under Edogawa the town's code is no code: nothing is set up.
    await page.locator('form button[type=submit]').click();
    await look.contains(page.getByRole('alert'), 'ユーザー名またはセットアップコードが違います。');
    await choice.selectOption(TOWN.code);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL((url) => url.pathname === '/residents');
    await look.contains(page.locator('.header__user'), '狛江 新');
    await look.contains(page.locator('.header__city'), TOWN.name);
    await context.close();
  });
});
