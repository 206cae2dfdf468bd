import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registerResident } from '../../src/app/residents/register-resident.ts';
import { TEST_TODAY } from '../support/app.ts';
import { screenshot } from '../support/browser.ts';
import { residentBody } from '../support/world.ts';
import { type BrowserWorld, expectNoViolations, issueActiveCard, look, openBrowserWorld } from './support.ts';

let world: BrowserWorld;

async function resident(overrides: Record<string, unknown>): Promise<string> {
  const person = await registerResident(world.t.app, world.staff.clerk, residentBody(overrides) as never);
  if (!person.ok) throw new Error(person.error.message);
  return person.value.id;
}

/** A cell's whole text, waited for: "2" must not pass for "12". */
const exactly = (locator: Locator, text: string) => expect.poll(() => locator.innerText(), { timeout: 10_000 }).toBe(text);

beforeAll(async () => {
  world = await openBrowserWorld();
  // In November (the test's today is in it): three women of 35–39 live here, two hold a card.
  await issueActiveCard(world, await resident({ sex: 'female', birthDate: '1990-05-10' }));
  await issueActiveCard(world, await resident({ sex: 'female', birthDate: '1988-01-20' }));
  await resident({ sex: 'female', birthDate: '1991-08-08' });
}, 60_000);
afterAll(async () => world?.close());

it('shows the monthly statistics as a chart and a table, month by month, saves the CSV and passes axe in both languages', { timeout: 120_000 }, async () => {
  const { page, context } = await world.page('ja');
  await world.signIn(page, 'super.honcho');
  await page.goto('/reports?report=statistics');
  // The last whole month by default: October, before anyone here was registered.
  const month = page.getByLabel('月', { exact: true });
  await look.value(month, '2026-10');
  await look.contains(page.locator('.report'), '対象月：2026-10（2026-10-01〜2026-10-31）');
  const table = page.getByRole('table', { name: /月次統計/ });
  await exactly(table.locator('tfoot td[data-column=residents]'), '0');

  await month.fill('2026-11');
  await page.getByRole('button', { name: '表示する' }).click();
  await page.waitForURL(/month=2026-11/);
  await look.contains(page.locator('.report'), '対象月：2026-11（2026-11-01〜2026-11-30）');
  const chart = page.getByRole('img', { name: /年齢階層別の住民数と保有枚数/ });
  await look.visible(chart);
  expect(await chart.getAttribute('aria-label')).toContain('住民3人、保有2枚、保有率66.7％');
  const row = table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: '35-39', exact: true }) }).filter({ hasText: '女' });
  await exactly(row.locator('td[data-column=residents]'), '3');
  await exactly(row.locator('td[data-column=cardsHeld]'), '2');
  await exactly(row.locator('td[data-column=holdingRate]'), '66.7');
  await exactly(table.locator('tfoot td[data-column=holdingRate]'), '66.7');
  await exactly(table.locator('tfoot td[data-column=issues]'), '2');
  expect(await table.locator('tbody tr').count()).toBe(42);
  await expectNoViolations(page, 'reports: statistics');
  await screenshot(page, 'supervisor-report-statistics');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSVを保存（Shift_JIS・表計算ソフト向け）' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('statistics-2026-11.csv');
  const csv = iconv.decode(readFileSync((await download.path())!), 'cp932').split('\r\n');
  expect(csv[0]!.split(',').slice(0, 8)).toEqual(['月', '年齢階層', '性別', '住民数（月末）', '保有枚数（月末）', '保有率（％）', '交付申請', '交付']);
  expect(csv.find((line) => line.startsWith('2026-11,35-39,女,'))).toMatch(/^2026-11,35-39,女,3,2,66\.7,/);
  await context.close();

  const english = await world.page('en');
  await world.signIn(english.page, 'super.honcho');
  await english.page.goto(`/reports?report=statistics&month=2026-11`);
  const chartEn = english.page.getByRole('img', { name: /residents and cards held by age band/ });
  await look.visible(chartEn);
  const tableEn = english.page.getByRole('table', { name: /Monthly My Number Card statistics/ });
  await look.contains(tableEn.locator('thead'), 'Holding rate (%)');
  await look.contains(tableEn.locator('tbody tr').nth(1), 'Female');
  await expectNoViolations(english.page, 'reports: statistics in English');
  await english.context.close();
  expect(TEST_TODAY.slice(0, 7)).toBe('2026-11');
});
