import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reissueCard } from '../../src/app/cards/reissue-card.ts';
import { suspendCard } from '../../src/app/cards/suspend-card.ts';
import { endCard } from '../../src/app/cards/end-card.ts';
import { registerArrival } from '../../src/app/residents/register-arrival.ts';
import { registerResident } from '../../src/app/residents/register-resident.ts';
import { systemActor } from '../../src/app/staff.ts';
import { TEST_TODAY } from '../support/app.ts';
import { screenshot } from '../support/browser.ts';
import { twelveDigitRuns } from '../support/numbers.ts';
import { residentBody } from '../support/world.ts';
import { type BrowserWorld, expectNoViolations, issueActiveCard, look, openBrowserWorld } from './support.ts';

let world: BrowserWorld;
/** Every individual number the test registered: none may ever appear on a supervisor's screen. */
const numbers: string[] = [];

/** The few DOM names the page functions below use; the project compiles without the DOM library. */
declare function getComputedStyle(element: unknown): { breakAfter: string; display: string };

/** A resident with a card handed over at the main office, through the counter's own use cases. */
async function residentWithCard(overrides: Record<string, unknown>, issueDate = '2026-11-01') {
  const { app } = world.t;
  const clerk = world.staff.clerk;
  const body = residentBody(overrides);
  numbers.push(body.individualNumber);
  const person = await registerResident(app, clerk, body as never);
  if (!person.ok) throw new Error(person.error.message);
  return issueActiveCard(world, person.value.id, issueDate);
}

const foreign = (name: string, periodOfStayEnd: string, address: string) => ({
  familyName: name,
  givenName: '明',
  familyNameKana: 'グエン',
  givenNameKana: 'ミン',
  nationality: 'VN',
  residency: 'foreign-with-period',
  periodOfStayEnd,
  residenceCardNumber: `AB${String(numbers.length).padStart(8, '0')}CD`,
  address,
});

/** What the API answers the signed-in page (its cookie), to compare the screen with. */
async function apiJson(page: Page, url: string) {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  return response.json();
}

/** A cell's whole text, waited for: "2" must not pass for "12". */
const exactly = (locator: Locator, text: string) => expect.poll(() => locator.innerText(), { timeout: 10_000 }).toBe(text);


beforeAll(async () => {
  world = await openBrowserWorld();
  const { app } = world.t;
  await residentWithCard({ familyName: '一之江', givenName: '一郎', familyNameKana: 'イチノエ', givenNameKana: 'イチロウ' });
  const stolen = await residentWithCard({ familyName: '瑞江', givenName: '二郎', familyNameKana: 'ミズエ', givenNameKana: 'ジロウ' });
  const suspended = await suspendCard(app, world.staff.hotline, stolen, { reason: 'stolen', channel: 'hotline' });
  if (!suspended.ok) throw new Error(suspended.error.message);
  const reissued = await reissueCard(app, world.staff.clerk, stolen, {
    reason: 'stolen',
    policeReportNumber: '葛西署 第2026-321号',
    photoTakenOn: '2026-11-20' as never,
    applicationDate: TEST_TODAY,
    identityDocuments: ['passport'],
  });
  if (!reissued.ok) throw new Error(reissued.error.message);
  // Two letters are due today: periods of stay ending in 60 days.
  await residentWithCard({ ...foreign('阮', '2027-01-25', '東京都江戸川区船堀三丁目2番'), postalCode: '134-0091' });
  await residentWithCard(foreign('黎', '2027-01-25', '東京都江戸川区中央一丁目1番'));
  // A card whose period of stay ended last week: tonight's sweep expires it.
  await residentWithCard(foreign('范', '2026-11-20', '東京都江戸川区平井四丁目4番'));
}, 60_000);
afterAll(async () => world?.close());

describe('the supervisor’s figures and letters in Chromium', () => {
  it('shows today, runs the sweep, draws a report beside its table and prints one letter per A4 page', { timeout: 60_000 }, async () => {
    const { page, context } = await world.page('ja');
    await world.signIn(page, 'super.honcho');
    await page.waitForURL(/\/dashboard$/);
    await page.getByRole('heading', { name: '今日の状況', level: 1 }).waitFor();

    const before = await apiJson(page, '/api/v1/reports/dashboard');
    expect(before).toMatchObject({ today: TEST_TODAY, suspensions: 1, fees: { receipts: 1, total: 1000 }, lastSweep: null });
    await exactly(page.locator('[data-figure=procedures]'), `${before.procedures}件`);
    await exactly(page.locator('[data-figure=suspensions]'), '1件');
    await look.contains(page.locator('[data-figure=fees]'), '1,000円');
    await look.contains(page.locator('[data-figure=fees]'), '領収書 1枚');
    await look.contains(page.locator('.card-panel--warning'), '夜間処理はまだ一度も実行されていません。');
    await expectNoViolations(page, 'dashboard before the sweep');
    await screenshot(page, 'supervisor-dashboard-no-sweep');

    await page.getByRole('button', { name: '夜間処理をいま実行' }).click();
    await look.focused(page.getByRole('button', { name: '実行する' }));
    await page.getByRole('button', { name: '実行する' }).click();
    await look.contains(page.getByRole('status').filter({ hasText: '夜間処理が終わりました' }), 'カードの期限切れ 1件');
    const after = await apiJson(page, '/api/v1/reports/dashboard');
    expect(after.lastSweep).toMatchObject({ status: 'done', businessDate: TEST_TODAY, counts: { expired: 1 } });
    const sweep = page.locator('section', { has: page.getByRole('heading', { name: '夜間処理（期限の一括処理）' }) });
    await look.contains(sweep, '完了');
    await look.contains(sweep, '有効期限切れ：1');
    expect(await page.locator('.card-panel--warning').count()).toBe(0);
    await screenshot(page, 'supervisor-dashboard-after-sweep');
    await page.getByRole('link', { name: '夜間処理の実行履歴' }).click();
    await look.contains(page.locator('table tbody'), TEST_TODAY);
    expect(await page.locator('table tbody tr').count()).toBe(1);

    await page.getByRole('navigation').getByRole('link', { name: '集計表' }).click();
    await page.getByRole('heading', { name: '集計表', level: 1 }).waitFor();
    const procedures = await apiJson(page, `/api/v1/reports/procedures?from=2026-11-01&to=${TEST_TODAY}`);
    const chart = page.getByRole('img', { name: /日別の手続件数/ });
    await look.visible(chart);
    expect(await chart.evaluate((element) => (element as { tagName: string }).tagName)).toBe('CANVAS');
    expect(await chart.getAttribute('aria-label')).toContain(`合計${procedures.totals.count}件`);
    await look.hidden(page.getByText('グラフを読み込み中…'));
    const table = page.getByRole('table', { name: /手続件数/ });
    await exactly(table.locator('tfoot td[data-column=count]'), String(procedures.totals.count));
    const busiest = procedures.rows.find((row: { kind: string }) => row.kind === 'card-application');
    await exactly(table.locator('tbody tr', { hasText: 'カードの交付申請' }).locator('td[data-column=count]'), String(busiest.count));
    await expectNoViolations(page, 'reports: procedures');
    await screenshot(page, 'supervisor-report-procedures');

    await page.getByLabel('集計表の種類').selectOption('fees');
    await page.getByRole('button', { name: '表示する' }).click();
    await look.visible(page.getByRole('img', { name: /合計1,000円/ }));
    const fees = page.getByRole('table', { name: /手数料の収納/ });
    await exactly(fees.locator('tbody td[data-column=total]'), '1,000');
    await exactly(fees.locator('tfoot td[data-column=total]'), '1,000');
    await look.contains(fees.locator('tbody td[data-column=firstReceipt]'), '2026-honcho-');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSVを保存（Shift_JIS・表計算ソフト向け）' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`fees-2026-11-01-${TEST_TODAY}.csv`);
    const csv = iconv.decode(readFileSync((await download.path())!), 'cp932');
    expect(csv.split('\r\n')[0]).toBe('日付,窓口ID,窓口,領収書の枚数,金額（円）,最初の領収番号,最後の領収番号');
    expect(csv).toContain(`${TEST_TODAY},honcho,`);
    await look.contains(page.getByRole('status').filter({ hasText: '保存しました' }), `fees-2026-11-01-${TEST_TODAY}.csv`);
    await screenshot(page, 'supervisor-report-fees');

    await page.getByRole('navigation').getByRole('link', { name: '通知書' }).click();
    await page.getByLabel('在留期間の満了のお知らせ（満了の60日前）').check();
    await page.getByRole('button', { name: '表示する' }).click();
    await look.contains(page.locator('.results__count'), '2通');
    await look.contains(page.getByRole('table'), '東京都江戸川区船堀三丁目2番');
    await expectNoViolations(page, 'notices');
    await screenshot(page, 'supervisor-notices');

    await page.getByRole('link', { name: '通知書を印刷' }).click();
    await page.getByRole('heading', { name: '通知書の印刷（2通）' }).waitFor();
    const letters = page.locator('.letter');
    expect(await letters.count()).toBe(2);
    const letter = letters.filter({ hasText: '阮 明 様' });
    await look.contains(letter, '東京都江戸川区船堀三丁目2番');
    // The postal code recorded with the address, for the envelope window; none for a resident without one.
    await exactly(letter.locator('.letter__postal'), '〒134-0091');
    expect(await letters.filter({ hasText: '黎 明 様' }).locator('.letter__postal').count()).toBe(0);
    await look.contains(letter, '在留期間の満了日が近づいています');
    await look.contains(letter, '令和8年11月26日');
    await look.contains(letter, '江戸川区　生活振興部マイナンバー推進課');
    await look.contains(letter, 'お持ちいただくもの');
    await look.contains(letter, '在留カード');
    await look.contains(letter, /期限\s+令和9年1月25日（2027-01-25）まで/);
    await look.contains(letter, '電話 03-5662-9200');
    await look.contains(letters.filter({ hasText: '黎 明 様' }), '東京都江戸川区中央一丁目1番');
    await expectNoViolations(page, 'letters');
    await page.emulateMedia({ media: 'print' });
    await look.hidden(page.locator('.header'));
    await look.hidden(page.getByRole('button', { name: '印刷する' }));
    await look.hidden(page.locator('h1'));
    expect(await letters.evaluateAll((all) => all.map((letter) => getComputedStyle(letter).breakAfter))).toEqual(['page', 'page']);
    const printed = await page.locator('body').innerText();
    expect(twelveDigitRuns(printed)).toEqual([]);
    for (const number of numbers) expect(printed).not.toContain(number);
    expect(printed.startsWith('令和8年11月26日')).toBe(true);
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(2);
    // A4 is 210 × 297 mm, 595 × 842 points; without the stylesheet's @page Chromium prints on US Letter (612 × 792).
    const sizes = (pdf.match(/\/MediaBox\s*\[[^\]]*\]/g) ?? []).map((box) => box.replace(/^\/MediaBox\s*\[|\]$/g, '').trim().split(/\s+/).map((n) => Math.round(Number(n))));
    expect(sizes).toEqual([
      [0, 0, 595, 842],
      [0, 0, 595, 842],
    ]);
    await screenshot(page, 'supervisor-letters-print');
    await context.close();
  });

  it('names every counter in the reports, the nightly job and the other cities whose cards were taken over, never by an id', { timeout: 60_000 }, async () => {
    const { app } = world.t;
    const arrival = await registerArrival(app, world.staff.clerk, {
      ...residentBody(),
      moveInDate: '2026-11-15',
      notificationDate: '2026-11-24',
      plannedMoveOutDate: '2026-11-14',
      cardPresented: false,
      card: { issueDate: '2023-04-01', expiryDate: '2033-05-10', issuedBy: '千葉県市川市', certificates: {}, pins: { user: '1111', residentRegistry: '2222', cardInfo: '3333' } },
    } as never);
    if (!arrival.ok) throw new Error(arrival.error.message);
    // The system ends a card (as the nightly sweep does): its procedure counts under no counter.
    const ended = await endCard(app, systemActor('sweep'), await residentWithCard({}), { type: 'abolish', on: TEST_TODAY, reason: 'moved-abroad' });
    if (!ended.ok) throw new Error(ended.error.message);

    for (const lang of ['ja', 'en'] as const) {
      const { page, context } = await world.page(lang);
      await world.signIn(page, 'super.honcho');
      await page.goto('/reports?report=cards-by-status');
      const cards = page.getByRole('table', { name: lang === 'ja' ? /カードの状態別枚数/ : /Cards by status/ });
      await look.contains(cards.locator('tbody tr').last(), lang === 'ja' ? '他の市区町村で交付（転入で引継ぎ）' : 'Issued by another municipality (taken over at a move-in)');
      await look.contains(cards.locator('tbody'), lang === 'ja' ? 'マイナンバーカード専用窓口(本庁舎)' : 'My Number Card Counter (Main Office)');
      const shown = await cards.innerText();
      expect(shown).not.toMatch(/千葉県|\bhoncho\b|窓口ID|Counter id/);
      await expectNoViolations(page, `cards by status (${lang})`);

      await page.goto(`/reports?report=procedures&from=2026-11-01&to=${TEST_TODAY}`);
      const procedures = page.getByRole('table', { name: lang === 'ja' ? /手続件数/ : /Procedures by day/ });
      await look.contains(procedures.locator('tbody'), lang === 'ja' ? '夜間処理（システム）' : 'Nightly job (system)');
      // Every counter cell is a name, none an id such as honcho, system or hotline.
      const counters = await procedures.locator('tbody td[data-column=office]').allInnerTexts();
      expect(counters.length).toBeGreaterThan(2);
      expect(counters.filter((text) => /^[a-z-]+$/.test(text.trim()))).toEqual([]);
      await expectNoViolations(page, `procedures (${lang})`);
      await screenshot(page, `supervisor-report-names-${lang}`);
      await context.close();
    }
  });

  it('has no axe violations on the figures and letters in English, and an auditor sees figures but no letters', { timeout: 60_000 }, async () => {
    const { page, context } = await world.page('en');
    await world.signIn(page, 'super.honcho');
    await page.waitForURL(/\/dashboard$/);
    const screens: [string, string][] = [
      ['/dashboard', 'Today at the counters'],
      ['/dashboard/sweeps', 'Sweep history'],
      ['/reports?report=cards-by-status', 'Reports'],
      ['/reports?report=suspensions', 'Reports'],
      ['/reports?report=upcoming', 'Reports'],
      ['/notices?kind=period-of-stay-ending', 'Notices to residents'],
      ['/notices/letters?kind=period-of-stay-ending', 'Print the letters (2)'],
    ];
    for (const [path, heading] of screens) {
      await page.goto(path);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await look.hidden(page.getByText('Loading', { exact: false }).first());
      await expectNoViolations(page, path);
      expect(await page.evaluate('document.documentElement.lang')).toBe('en');
      expect(twelveDigitRuns(await page.locator('body').innerText())).toEqual([]);
      await screenshot(page, `supervisor-en-${path.replace(/[^a-z0-9]+/gi, '-')}`);
    }
    await page.goto('/reports?report=cards-by-status');
    const cards = await apiJson(page, '/api/v1/reports/cards-by-status');
    await look.visible(page.getByRole('img', { name: new RegExp(`Stacked bar chart.*${cards.totals.total} cards in all`) }));
    await look.contains(page.getByRole('table', { name: /Cards by status/ }).locator('thead'), 'Suspended');
    await context.close();

    const auditor = await world.page('ja');
    await world.signIn(auditor.page, 'auditor');
    await look.texts(auditor.page.getByRole('navigation', { name: 'メニュー' }).getByRole('link'), ['監査ログ', '今日の状況', '集計表']);
    await auditor.page.goto('/dashboard');
    await auditor.page.getByRole('heading', { name: '今日の状況', level: 1 }).waitFor();
    await look.visible(auditor.page.locator('[data-figure=procedures]'));
    expect(await auditor.page.getByRole('button', { name: '夜間処理をいま実行' }).count()).toBe(0);
    await auditor.page.goto('/notices');
    await auditor.page.waitForURL(/\/audit$/);
    await auditor.context.close();
  });
});
