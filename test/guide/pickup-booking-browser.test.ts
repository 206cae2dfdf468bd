import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoViolations, look, openBrowserWorld, type BrowserWorld } from '../browser/support.ts';
import { signInAs } from '../support/http.ts';
import { residentBody } from '../support/world.ts';

let world: BrowserWorld;
let auth: { authorization: string };

beforeAll(async () => {
  world = await openBrowserWorld();
  auth = await signInAs(world.http, 'clerk.honcho');
}, 60_000);

afterAll(async () => {
  await world?.close();
});

/** A resident born on `birthDate` whose card arrived today at 本庁舎: its 照会番号. */
async function readyCard(birthDate: string): Promise<string> {
  const call = async (url: string, payload: object) => {
    const response = await world.http.inject({ method: 'POST', url, payload, headers: auth });
    if (response.statusCode >= 300) throw new Error(`${url}: ${response.body}`);
    return response.json();
  };
  const resident = await call('/api/v1/residents', residentBody({ birthDate }));
  const card = await call(`/api/v1/residents/${resident.id}/card-applications`, { applicationDate: '2026-10-01', photoTakenOn: '2026-09-20', withSignatureCertificate: false, withUserCertificate: true });
  await call(`/api/v1/cards/${card.id}/manufacture`, { issueDate: '2026-11-20' });
  const row = await world.t.store.db.selectFrom('cards').select('pickup_reference').where('id', '=', card.id).executeTakeFirstOrThrow();
  return row.pickup_reference!;
}

/** Types a date into a focused date field: headless Chromium orders its segments month, day, year whatever the page's language. */
async function typeDate(page: Page, date: string): Promise<void> {
  const [year, month, day] = date.split('-') as [string, string, string];
  await page.keyboard.type(`${month}${day}${year}`);
}

/** Presses Tab until the element matching `selector` has the focus, as a keyboard user would. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press('Tab');
    if (await page.locator(selector).first().evaluate((element) => element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const SCREENS = {
  ja: { booked: '予約しました', cancelled: '予約を取り消しました', notFound: '照会番号と生年月日に合うカードが見つかりません' },
  en: { booked: 'Your time is booked', cancelled: 'Your booking is cancelled', notFound: 'No card waiting for collection matches' },
} as const;

describe('booking a pickup in the resident guide, keyboard only', () => {
  it.each(['ja', 'en'] as const)('in %s: from the start page to a confirmation with a cancel code, then a cancellation', async (lang) => {
    const screens = SCREENS[lang];
    const reference = await readyCard('1985-04-12');
    const { context, page } = await world.page(lang);
    try {
      await page.goto(`/guide/${lang}`);
      await tabTo(page, 'a[href$="/pickup-booking"]');
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/guide/${lang}/pickup-booking`);
      await expectNoViolations(page, `${lang} booking form`);

      // A wrong birth date first: the form says so and keeps the number.
      await tabTo(page, '#f-referenceNumber');
      await page.keyboard.type(reference);
      await page.keyboard.press('Tab');
      await typeDate(page, '1985-04-13');
      await look.value(page.locator('#f-birthDate'), '1985-04-13');
      await tabTo(page, 'button[type=submit]');
      await page.keyboard.press('Enter');
      await look.contains(page.locator('.error-summary'), screens.notFound);
      await expectNoViolations(page, `${lang} not found`);
      await look.value(page.locator('#f-referenceNumber'), reference);

      await tabTo(page, '#f-birthDate');
      await typeDate(page, '1985-04-12');
      await tabTo(page, 'button[type=submit]');
      await page.keyboard.press('Enter');
      await look.contains(page.locator('h2#choose-title'), lang === 'ja' ? '日時を選ぶ' : 'Choose a time');
      await look.visible(page.locator('input[name=slotStart]').first());
      await look.contains(page.locator('main'), 'マイナンバーカード専用窓口(本庁舎)');
      await expectNoViolations(page, `${lang} slots`);

      // Into the group of times, one down to the second, and book it.
      await tabTo(page, 'input[name=slotStart]');
      await page.keyboard.press('ArrowDown');
      const chosen = await page.locator('input[name=slotStart]:checked').inputValue();
      expect(chosen).toMatch(/^2026-11-26T\d\d:\d\d:00\+09:00$/);
      await tabTo(page, 'form[action$="/book"] button[type=submit]');
      await page.keyboard.press('Enter');
      await look.contains(page.locator('h1'), screens.booked);
      const code = (await page.locator('#cancel-code').innerText()).trim();
      expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      await look.contains(page.locator('main'), `${Number(chosen.slice(11, 13))}:${chosen.slice(14, 16)}`);
      await expectNoViolations(page, `${lang} booked`);

      // Change or cancel: the same number and birth date show the booking and its cancel form.
      await page.goto(`/guide/${lang}/pickup-booking`);
      await tabTo(page, '#f-referenceNumber');
      await page.keyboard.type(reference);
      await page.keyboard.press('Tab');
      await typeDate(page, '1985-04-12');
      await tabTo(page, 'button[type=submit]');
      await page.keyboard.press('Enter');
      await look.visible(page.locator('#f-cancelCode'));
      await tabTo(page, '#f-cancelCode');
      await page.keyboard.type(code.toLowerCase());
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await look.contains(page.locator('h1'), screens.cancelled);
      await expectNoViolations(page, `${lang} cancelled`);
      const stored = await world.t.store.db.selectFrom('appointments').select('status').where('slot_start', '=', chosen).execute();
      expect(stored.map((row) => row.status)).toContain('cancelled');
    } finally {
      await context.close();
    }
  }, 120_000);
});
