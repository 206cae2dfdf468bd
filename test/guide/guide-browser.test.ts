import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS } from '../../src/app/guide/lang.ts';
import { SITUATIONS } from '../../src/domain/guide/situation.ts';
import { accessibilityViolations, launchBrowser, screenshot } from '../support/browser.ts';
import { exampleQuery } from '../support/guide.ts';
import { bareHttpApp } from '../support/http.ts';

/** A page that is still loading on a busy machine may take longer than expect.poll's default second. */
const POLL = { timeout: 10_000 };

let app: FastifyInstance;
let address: string;
let browser: Browser;

beforeAll(async () => {
  app = await bareHttpApp();
  address = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** A fresh browser context (its own cookies) for one test. */
async function withPage<T>(run: (page: Page) => Promise<T>, options: BrowserContextOptions = {}): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, ...options });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

/** The few DOM names the page functions below use; the project compiles without the DOM library. */
interface PageNode {
  cloneNode(deep: boolean): PageNode;
  querySelectorAll(selector: string): { forEach(each: (node: { remove(): void }) => void): void };
  readonly textContent: string | null;
}
declare const document: {
  readonly activeElement: { readonly id: string; readonly className: string } | null;
  readonly documentElement: { readonly scrollWidth: number; readonly clientWidth: number; readonly style: { fontSize: string } };
};
declare function getComputedStyle(element: unknown): { readonly fontSize: string };

/** The text a reader sees, without the ruby readings. */
function readable(locator: Locator): Promise<string> {
  return locator.evaluate((element: PageNode) => {
    const copy = element.cloneNode(true);
    copy.querySelectorAll('rt, rp').forEach((node) => node.remove());
    // Phone numbers are written with non-breaking hyphens (U+2011); read them as the digits they are.
    return (copy.textContent ?? '').replace(/\s+/g, ' ').replace(/\u2011/g, '-').trim();
  });
}

describe('journeys in Chromium', () => {
  it('a lost card in English: the hotline comes first, above everything else', async () => {
    await withPage(async (page) => {
      await page.goto(`${address}/guide/en`);
      await page.getByRole('link', { name: 'I lost my card' }).click();
      await expect.poll(() => page.url(), POLL).toBe(`${address}/guide/en/lost`);
      await page.getByRole('group', { name: /Did you lose the card at home/ }).getByLabel('No, I lost it outside (or I do not know)').check();
      await page.getByRole('group', { name: /electronic certificates on the new card/ }).getByLabel('Yes').check();
      await page.getByRole('button', { name: 'Show the answer' }).click();
      await expect.poll(() => page.url(), POLL).toBe(`${address}/guide/en/lost/answer?lostAtHome=false&withCertificates=true`);
      const firstSection = page.locator('main h1 ~ section').first();
      await expect.poll(() => firstSection.getAttribute('class'), POLL).toBe('urgent');
      expect(await firstSection.locator('h2').textContent()).toBe('Do this first, right away');
      expect(await firstSection.locator('.hotline a').getAttribute('href')).toBe('tel:0120950178');
      expect(await readable(firstSection.locator('ol li').first())).toContain('call the My Number general toll-free line (マイナンバー総合フリーダイヤル) at 0120-95-0178 right away (24 hours, 365 days)');
      const urgentBox = (await firstSection.boundingBox())!;
      const stepsBox = (await page.locator('#steps-title').boundingBox())!;
      expect(urgentBox.y).toBeLessThan(stepsBox.y);
      expect(urgentBox.y).toBeLessThan(900);
      await screenshot(page, 'guide-lost-en');
    });
  });

  it('a move-in in やさしい日本語 shows both deadlines: the law’s and the city page’s', async () => {
    await withPage(async (page) => {
      await page.goto(`${address}/guide/ja-easy/moved-in?today=2026-07-06`);
      await page.locator('#f-moveInDate').fill('2026-07-06');
      await page.locator('#f-plannedMoveOutDate').fill('2026-07-06');
      await page.getByRole('button').click();
      await expect.poll(() => page.url(), POLL).toContain('/guide/ja-easy/moved-in/answer?moveInDate=2026-07-06');
      expect(await page.locator('html').getAttribute('lang')).toBe('ja');
      const deadline = page.locator('#deadline-move-in');
      const text = await readable(deadline);
      expect(await readable(deadline.locator('dt').first())).toBe('法律の 期限');
      expect(await readable(deadline.locator('dd').first())).toBe('2026年7月21日（火曜日） (和暦: 令和8年7月21日)');
      expect(await readable(deadline.locator('dt').nth(1))).toBe('江戸川区の ホームページの あんない');
      expect(await readable(deadline.locator('dd').nth(1))).toBe('2026年7月20日（月曜日） (和暦: 令和8年7月20日)');
      expect(text).toContain('海の日');
      expect(await deadline.locator('rt').allTextContents()).toEqual(expect.arrayContaining(['かようび', 'げつようび', 'れいわ', 'うみのひ', 'えどがわく']));
      await screenshot(page, 'guide-moved-in-ja-easy');
    });
  });

  it('a foreign resident’s extension in Vietnamese: the new expiry, with the Japanese kept for the counter', async () => {
    await withPage(async (page) => {
      await page.goto(`${address}/guide/vi`);
      await page.getByRole('link', { name: 'Thời hạn lưu trú của tôi đã được gia hạn (cư dân nước ngoài)' }).click();
      await page.goto(`${page.url()}?today=2027-03-01`);
      await page.getByLabel(/^Ngày sinh/).fill('1990-05-10');
      await page.getByLabel(/^Ngày cấp thẻ/).fill('2026-04-01');
      await page.getByLabel(/^Ngày hết hạn hiện tại của thẻ/).fill('2027-03-31');
      await page.getByLabel(/^Ngày hết thời hạn lưu trú mới/).fill('2030-03-31');
      await page.getByRole('button', { name: 'Xem câu trả lời' }).click();
      await expect.poll(() => page.url(), POLL).toContain('/guide/vi/period-of-stay-renewed/answer?');
      expect(await page.locator('html').getAttribute('lang')).toBe('vi');
      expect(await readable(page.locator('#deadline-card-expiry'))).toContain('Thứ Tư, ngày 31 tháng 3 năm 2027');
      expect(await readable(page.locator('#deadline-extension'))).toContain('Chủ Nhật, ngày 31 tháng 3 năm 2030 (Lịch Nhật (和暦): 令和12年3月31日)');
      expect(await readable(page.locator('#step-noNewPhoto'))).toBe('Không cần ảnh mới.');
      expect(await page.locator('#step-extendBring span[lang="ja"]').allTextContents()).toEqual(['在留カード', '有効期間の延長']);
      await screenshot(page, 'guide-extension-vi');
    });
  });

  it('works with JavaScript switched off', async () => {
    await withPage(
      async (page) => {
        await page.goto(`${address}/guide/en/moved-in?today=2026-07-06`);
        await page.locator('#f-moveInDate').fill('2026-07-06');
        await page.getByRole('button', { name: 'Show the answer' }).click();
        await expect.poll(() => readable(page.locator('#deadline-move-in')), POLL).toContain('Tuesday, 21 July 2026');
      },
      { javaScriptEnabled: false },
    );
  });

  it('an empty form: the error summary takes focus and its link leads to the field', async () => {
    await withPage(async (page) => {
      await page.goto(`${address}/guide/en/moved-in`);
      await page.getByRole('button', { name: 'Show the answer' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.className), POLL).toBe('error-summary');
      expect(await page.title()).toMatch(/^Error: /);
      await page.getByRole('link', { name: /“The day you started living at your new address”/ }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('f-moveInDate');
    });
  });

  it('remembers the language chosen, and the switch keeps the answers', async () => {
    await withPage(async (page) => {
      await page.goto(`${address}/guide/ja/moved-in/answer?${exampleQuery('moved-in')}`);
      await page.getByRole('navigation').getByRole('link', { name: '한국어' }).click();
      await expect.poll(() => page.url(), POLL).toBe(`${address}/guide/ko/moved-in/answer?${exampleQuery('moved-in')}`);
      expect(await page.locator('html').getAttribute('lang')).toBe('ko');
      await page.goto(`${address}/guide`);
      await expect.poll(() => page.url(), POLL).toBe(`${address}/guide/ko`);
    });
  });
});

/** Every kind of page: start, questions, questions refused, answers with and without deadlines, not found. */
const PAGE_KINDS = ['', '/moved-in', '/period-of-stay-renewed/answer?birthDate=x', `/moved-in/answer?${exampleQuery('moved-in')}`, `/lost/answer?${exampleQuery('lost')}`, '/nothing-here'];

/** Each of `urls` checked by `check` on one of a few pages side by side (axe is slow; Chromium renders in parallel). */
async function onPages(urls: readonly string[], check: (page: Page, url: string) => Promise<void>, width = 3): Promise<void> {
  const queue = [...urls];
  await Promise.all(
    Array.from({ length: width }, () =>
      withPage(async (page) => {
        for (let url = queue.shift(); url !== undefined; url = queue.shift()) await check(page, url);
      }),
    ),
  );
}

describe('accessibility (axe, WCAG 2.2 A and AA)', () => {
  it('every kind of page in all six languages, and the answer of every situation, has no violations', async () => {
    const urls = [
      ...LANGS.flatMap((lang) => PAGE_KINDS.map((rest) => `/guide/${lang}${rest}`)),
      ...SITUATIONS.filter((situation) => situation !== 'moved-in' && situation !== 'lost').map(
        (situation, index) => `/guide/${LANGS[index % LANGS.length]}/${situation}/answer?${exampleQuery(situation)}`,
      ),
    ];
    const violations: string[] = [];
    await onPages(urls, async (page, url) => {
      await page.goto(`${address}${url}`);
      violations.push(...(await accessibilityViolations(page)).map((violation) => `${url}: ${violation}`));
    });
    expect(violations).toEqual([]);
  }, 400_000);

  it('reflows at 320 CSS pixels and at 200 % zoom of a 1280-pixel window: nothing cut off, no sideways scrolling', async () => {
    for (const width of [320, 640]) {
      await withPage(
        async (page) => {
          for (const url of ['/guide/ja', `/guide/ja-easy/moved-in/answer?${exampleQuery('moved-in')}`, `/guide/vi/lost/answer?${exampleQuery('lost')}`, '/guide/en/period-of-stay-renewed']) {
            await page.goto(`${address}${url}`);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            expect(overflow, `${url} at ${width}px`).toBeLessThanOrEqual(0);
          }
          if (width === 640) await screenshot(page, 'guide-zoom-200-en-form');
        },
        { viewport: { width, height: 800 } },
      );
    }
    await withPage(async (page) => {
      await page.goto(`${address}/guide/en/moved-in/answer?${exampleQuery('moved-in')}`);
      // Through the CSSOM, which the page's content security policy (no inline styles) still allows.
      await page.evaluate(() => {
        document.documentElement.style.fontSize = '200%';
      });
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    });
  }, 60_000);
});

describe('print', () => {
  it('prints the answer as a one-page checklist without the site’s navigation', async () => {
    await withPage(async (page) => {
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${address}/guide/en/moved-in/answer?${exampleQuery('moved-in')}`);
      expect(await page.locator('nav.langs').isVisible()).toBe(false);
      // The answers given and the feedback form are left off the printed checklist.
      expect(await page.locator('form, .answers').count()).toBe(2);
      expect(await page.locator('.answers').isVisible()).toBe(false);
      expect(await page.locator('section.feedback').isVisible()).toBe(false);
      expect(await page.locator('ul.checklist input[type=checkbox]').count()).toBe(4);
      await screenshot(page, 'guide-print-moved-in-en');
    });
  });

  it('every answer fits on one A4 page, in the longest scripts (やさしい日本語 with ruby, Vietnamese)', async () => {
    const longer: string[] = [];
    const urls = (['ja-easy', 'vi'] as const).flatMap((lang) => SITUATIONS.map((situation) => `/guide/${lang}/${situation}/answer?${exampleQuery(situation)}`));
    await onPages(urls, async (page, url) => {
      await page.goto(`${address}${url}`);
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
      if (pages.length !== 1) longer.push(`${url}: ${pages.length} pages`);
    });
    expect(longer).toEqual([]);
  }, 90_000);
});
