import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { wordsFor } from '../../src/app/guide/localize-guide.ts';
import { LANGS } from '../../src/app/guide/lang.ts';
import { JAPANESE_MARK, RUBY_MARK } from '../../src/app/guide/rich-text.ts';
import { UI_TEXT } from '../../src/app/guide/ui-text.ts';
import { buildApp } from '../../src/http/app.ts';
import type { PlainDate } from '../../src/rules/plain-date.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { accessibilityViolations, launchBrowser, screenshot } from '../support/browser.ts';
import { DIALECTS } from '../support/databases.ts';

let t: TestApp;
let http: FastifyInstance;
let browser: Browser;
let base: string;

beforeAll(async () => {
  t = await openTestApp(await DIALECTS[0]!.create());
  http = await buildApp({ ...t.app, trainingDate: '2027-04-01' as PlainDate });
  await http.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await http?.close();
  await t?.close();
});

declare const document: { readonly body: { readonly dataset: Record<string, string | undefined> } };
declare function getComputedStyle(element: unknown, pseudo: string): { readonly content: string; readonly display: string; readonly backgroundColor: string };

describe('a training instance in Chromium', () => {
  it('marks the screen with 研修用 and its business date from the first page, and every printed page', { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ baseURL: base, locale: 'ja-JP' });
    const page = await context.newPage();
    await page.goto('/signin');
    await expect.poll(() => page.evaluate(() => document.body.dataset.training), { timeout: 10_000 }).toBe('2027-04-01');
    const band = await page.evaluate(() => getComputedStyle(document.body, '::before'));
    expect(band).toMatchObject({ display: 'block' });
    expect(band.content).toMatch(/^"研修用 Training — 業務日 " attr\(data-training\)$|2027-04-01/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'training-signin');
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => getComputedStyle(document.body, '::after').content)).toBe('"研修用"');
    await context.close();
  });

  it('marks every page of the resident guide, in each of its languages, with a band naming the business date', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ baseURL: base, locale: 'ja-JP' });
    const page = await context.newPage();
    for (const lang of LANGS) {
      for (const path of [`/guide/${lang}`, `/guide/${lang}/no-such-page`]) {
        await page.goto(path);
        const band = page.locator('header.site .training-band');
        // The text a reader sees: ruby readings and the «…» marks of Japanese terms off.
        const expected = wordsFor(lang, t.app.offices).t(UI_TEXT.trainingBand, { date: '2027-04-01' }).replace(RUBY_MARK, '$1').replace(JAPANESE_MARK, '$1');
        const shown = async () =>
          (await band.evaluate((element) => (element as unknown as { innerHTML: string }).innerHTML))
            .replace(/<rp>.*?<\/rp>|<rt>.*?<\/rt>/g, '')
            .replace(/<[^>]+>/g, '')
            .replace(/\s+/g, '');
        await expect.poll(shown, { timeout: 10_000 }).toBe(expected.replace(/\s+/g, ''));
        expect(await band.innerText()).toContain('2027-04-01');
        // Drawn as a band: the inline style sheet, allowed by its hash in the CSP, reaches it.
        expect(await band.evaluate((element) => getComputedStyle(element, '').backgroundColor)).toBe('rgb(255, 212, 61)');
        // axe on the start page of each language; the band is the same markup on every page.
        if (!path.endsWith('no-such-page')) expect(await accessibilityViolations(page), path).toEqual([]);
      }
    }
    await screenshot(page, 'training-guide');
    await context.close();
  });
});

