import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Actor } from '../../src/app/actor.ts';
import { applyForCard } from '../../src/app/cards/apply-for-card.ts';
import { issueCard } from '../../src/app/cards/issue-card.ts';
import { manufactureCard } from '../../src/app/cards/manufacture-card.ts';
import { buildApp } from '../../src/http/app.ts';
import { createStaff, openTestApp, PASSWORD, TEST_TODAY, type TestApp } from '../support/app.ts';
import { DIALECTS } from '../support/databases.ts';
import { accessibilityViolations, launchBrowser } from '../support/browser.ts';

export interface BrowserWorld {
  readonly t: TestApp;
  readonly http: FastifyInstance;
  readonly base: string;
  readonly browser: Browser;
  readonly staff: Record<'clerk' | 'supervisor' | 'supervisor2' | 'hotline' | 'auditor' | 'admin', Actor>;
  /** A page of a fresh browser context (its own cookies), with the clock at the test's day in Japan. */
  page(lang?: 'ja' | 'en'): Promise<{ context: BrowserContext; page: Page }>;
  signIn(page: Page, username: string): Promise<void>;
  close(): Promise<void>;
}

/** The whole app (API and built web app) on a fresh embedded database, served on loopback, and Chromium. */
export async function openBrowserWorld(): Promise<BrowserWorld> {
  const t = await openTestApp(await DIALECTS[0]!.create());
  const staff = {
    clerk: await createStaff(t.app, 'clerk.honcho', 'clerk', 'honcho'),
    supervisor: await createStaff(t.app, 'super.honcho', 'supervisor', 'honcho'),
    supervisor2: await createStaff(t.app, 'super2.honcho', 'supervisor', 'honcho'),
    hotline: await createStaff(t.app, 'operator', 'hotline', 'hotline'),
    auditor: await createStaff(t.app, 'auditor', 'auditor', 'honcho'),
    admin: await createStaff(t.app, 'admin', 'admin', 'honcho'),
  };
  const http = await buildApp(t.app, { loginAttemptsPerMinute: 1000, signInFailuresPerAddress: 1000 });
  await http.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;
  const browser = await launchBrowser();
  return {
    t,
    http,
    base,
    browser,
    staff,
    async page(lang = 'ja') {
      const context = await browser.newContext({ baseURL: base, locale: lang === 'ja' ? 'ja-JP' : 'en-GB', viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      // BROWSER_API_DELAY_MS=400 answers each API call after a random pause up to that long: a test that reads
      // the page before its new state is drawn (a stale error summary, list or status) then fails here, not on a loaded CI machine.
      const delay = Number(process.env.BROWSER_API_DELAY_MS ?? 0);
      if (delay > 0) {
        await context.route('**/api/v1/**', async (route) => {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * delay));
          await route.continue();
        });
      }
      await page.clock.setFixedTime(new Date(`${TEST_TODAY}T10:00:00+09:00`));
      await page.addInitScript(`localStorage.setItem('madoguchi.lang', ${JSON.stringify(lang)})`);
      return { context, page };
    },
    async signIn(page, username) {
      await page.goto('/signin');
      await page.locator('#field-username').fill(username);
      await page.locator('#field-password').fill(PASSWORD);
      await page.locator('form button[type=submit]').click();
      await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    },
    async close() {
      await browser.close();
      await http.close();
      await t.close();
    },
  };
}

import { expect } from 'vitest';
import type { Locator } from 'playwright-core';

/** What a user sees, waited for (Playwright's own matchers belong to its test runner, not vitest). */
export const look = {
  contains: (locator: Locator, text: string | RegExp) =>
    expect.poll(() => locator.innerText(), { timeout: 10_000 })[typeof text === 'string' ? 'toContain' : 'toMatch'](text as never),
  visible: (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 10_000 }),
  hidden: (locator: Locator) => locator.waitFor({ state: 'hidden', timeout: 10_000 }),
  focused: (locator: Locator) =>
    expect.poll(() => locator.evaluate((element) => element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement), { timeout: 10_000 }).toBe(true),
  value: (locator: Locator, value: string) => expect.poll(() => locator.inputValue(), { timeout: 10_000 }).toBe(value),
  texts: (locator: Locator, texts: string[]) => expect.poll(() => locator.allInnerTexts(), { timeout: 10_000 }).toEqual(texts),
};

/** A card applied for, made and handed over to the resident at the counter, through the use cases: its id. */
export async function issueActiveCard(world: BrowserWorld, residentId: string, issueDate = '2026-11-01'): Promise<string> {
  const { app } = world.t;
  const applied = await applyForCard(app, world.staff.clerk, residentId, { applicationDate: '2026-10-01' as never, photoTakenOn: '2026-09-20' as never, withSignatureCertificate: true, withUserCertificate: true });
  if (!applied.ok) throw new Error(applied.error.message);
  const made = await manufactureCard(app, world.staff.clerk, applied.value.id, { issueDate: issueDate as never });
  if (!made.ok) throw new Error(made.error.message);
  const issued = await issueCard(app, world.staff.clerk, applied.value.id, {
    handedOverOn: '2026-11-10' as never,
    pins: { signature: 'ABC123', user: '1111', residentRegistry: '2222', cardInfo: '3333' },
    identityDocuments: ['passport'],
    notificationCardReturned: false,
  });
  if (!issued.ok) throw new Error(issued.error.message);
  return applied.value.id;
}

/** No axe violations on the page as it stands, once a short settle lets the last render finish. */
export async function expectNoViolations(page: Page, what: string): Promise<void> {
  await page.waitForTimeout(150);
  expect(await accessibilityViolations(page), what).toEqual([]);
}
