import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../support/app.ts';
import { accessibilityViolations } from '../support/browser.ts';
import { look, openBrowserWorld, type BrowserWorld } from './support.ts';

let world: BrowserWorld;

beforeAll(async () => {
  world = await openBrowserWorld();
}, 60_000);
afterAll(async () => world.close());

/** The chunks of the role screens (web/src/main.tsx), by the name the build gives them. */
const SCREENS = /\/assets\/(counter-screens|search-page|hotline-page|supervisor-screens|figures|chart-js|audit-page|staff-page)-[\w-]+\.js$/;

/** The app's scripts and style sheets a page fetches while it opens, with how they came. */
function assetsOf(page: Page) {
  const seen: Response[] = [];
  page.on('response', (response) => {
    if (/\/assets\/.+\.(js|css)$/.test(new URL(response.url()).pathname)) seen.push(response);
  });
  return async () =>
    Promise.all(
      seen.map(async (response) => ({
        path: new URL(response.url()).pathname,
        encoding: (await response.allHeaders())['content-encoding'],
        sent: (await response.request().sizes()).responseBodySize,
      })),
    );
}

describe('what the staff app sends to the browser', () => {
  it('opens the sign-in page without any role screen, compressed, and fetches the counter screens only for a clerk', { timeout: 120_000 }, async () => {
    const { page } = await world.page('ja');
    const assets = assetsOf(page);
    await page.goto('/signin');
    await page.getByRole('heading', { name: 'サインイン', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await accessibilityViolations(page), 'sign-in page').toEqual([]);
    const atSignIn = await assets();
    expect(atSignIn.filter((asset) => asset.path.endsWith('.js')).length).toBeGreaterThan(0);
    expect(atSignIn.filter((asset) => SCREENS.test(asset.path))).toEqual([]);
    for (const asset of atSignIn) expect(asset.encoding, asset.path).toMatch(/^(br|gzip)$/);

    await page.locator('#field-username').fill('clerk.honcho');
    await page.locator('#field-password').fill(PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL((url) => url.pathname === '/residents');
    await look.visible(page.getByRole('heading', { level: 1 }));
    await page.waitForLoadState('networkidle');
    expect(await accessibilityViolations(page), 'search page').toEqual([]);
    const loaded = (await assets()).map((asset) => asset.path);
    expect(loaded.some((path) => /counter-screens-/.test(path))).toBe(true);
    expect(loaded.filter((path) => /(supervisor-screens|figures|chart-js|audit-page|staff-page)-/.test(path))).toEqual([]);
  });
});
