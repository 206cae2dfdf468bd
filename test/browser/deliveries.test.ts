import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyForCard } from '../../src/app/cards/apply-for-card.ts';
import { registerResident } from '../../src/app/residents/register-resident.ts';
import { PARENT, residentBody } from '../support/world.ts';
import { expectNoViolations, look, openBrowserWorld, type BrowserWorld } from './support.ts';

let world: BrowserWorld;

beforeAll(async () => {
  world = await openBrowserWorld();
}, 60_000);
afterAll(async () => world.close());

/** A card applied for at honcho, waiting to be made: its id. */
async function appliedCard(overrides: Record<string, unknown>, application: Record<string, unknown> = {}): Promise<{ residentId: string; cardId: string }> {
  const { app } = world.t;
  const person = await registerResident(app, world.staff.clerk, residentBody(overrides) as never);
  if (!person.ok) throw new Error(person.error.message);
  const applied = await applyForCard(app, world.staff.clerk, person.value.id, { applicationDate: '2026-10-01' as never, photoTakenOn: '2026-09-20' as never, withSignatureCertificate: false, withUserCertificate: true, ...application } as never);
  if (!applied.ok) throw new Error(applied.error.message);
  return { residentId: person.value.id, cardId: applied.value.id };
}

describe('the delivery screen', () => {
  it('checks a pasted list in, lists the rejected row, prints the 交付通知書 on postcards, and the card shows its 照会番号', { timeout: 120_000 }, async () => {
    const adult = await appliedCard({ familyName: '納品', givenName: '一郎', familyNameKana: 'ノウヒン', givenNameKana: 'イチロウ', birthDate: '1980-04-01' });
    const child = await appliedCard({ familyName: '納品', givenName: '二葉', familyNameKana: 'ノウヒン', givenNameKana: 'フタバ', birthDate: '2016-04-01' }, { legalRepresentative: PARENT });
    const { page, context } = await world.page('ja');
    await world.signIn(page, 'clerk.honcho');
    await page.getByRole('link', { name: 'カードの到着（納品）' }).click();
    await look.visible(page.getByRole('heading', { level: 1, name: 'カードの到着（J-LISからの納品の受入れ）' }));
    await expectNoViolations(page, 'the delivery screen');

    await page.locator('#field-receivedOn').fill('2026-11-24');
    await page.locator('#field-pasted').fill(`${adult.cardId},2026-11-16\n${child.cardId},2026-11-16\n00000000-0000-4000-8000-000000000000,2026-11-16`);
    await page.getByRole('button', { name: '受け入れる' }).click();
    const result = page.locator('section[data-delivery]');
    await look.contains(result, '受入れ 2枚・受入れ済み 0枚・受け入れられなかった行 1');
    await look.contains(result, '受取期限は2027-05-23（令和9年5月23日');
    // The header the screen adds is line 1: the unknown card is on line 4.
    await look.texts(result.locator('tbody tr td:first-child'), ['4']);
    await look.contains(result.locator('tbody'), 'このIDのカードはありません');
    await expectNoViolations(page, 'the result with a rejected row');

    // Sent again: nothing changes.
    await page.getByRole('button', { name: '受け入れる' }).click();
    await look.contains(result, '受入れ 0枚・受入れ済み 2枚');

    await page.getByText('はがき（100×148mm）').click();
    await page.getByRole('button', { name: 'この日の交付通知書を表示' }).click();
    const letters = page.locator('article.letter--postcard');
    await expect.poll(() => letters.count(), { timeout: 10_000 }).toBe(2);
    const childLetter = letters.filter({ hasText: '納品 二葉 様' });
    await look.contains(childLetter, '法定代理人（親権者または成年後見人）');
    await look.contains(childLetter, '受付時間　平日 8:30–17:00');
    const reference = (await childLetter.locator('.letter__reference-number').innerText()).trim();
    expect(reference).toMatch(/^\d{10}$/);
    await look.visible(page.getByRole('button', { name: '交付通知書を印刷（2通）' }));
    await expectNoViolations(page, 'the letters on the delivery screen');
    // On paper only the letters print, a postcard each.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('form').isVisible()).toBe(false);
    expect(await letters.first().evaluate((element) => (globalThis as unknown as { getComputedStyle: (e: unknown) => { getPropertyValue: (p: string) => string } }).getComputedStyle(element).getPropertyValue('page'))).toBe('postcard');
    await page.emulateMedia({ media: 'screen' });

    await page.goto(`/residents/${child.residentId}`);
    await look.contains(page.locator('main'), '照会番号（交付通知書）');
    await look.contains(page.locator('[data-field="referenceNumber"]'), reference);
    await look.contains(page.locator('main'), '受取期限（過ぎると廃棄）');
    await context.close();
  });

  it('shows supervisors the pickup pipeline on the dashboard', { timeout: 60_000 }, async () => {
    const { page, context } = await world.page('en');
    await world.signIn(page, 'super.honcho');
    await page.goto('/dashboard');
    await look.contains(page.locator('[data-figure="delivered"]'), '2 cards');
    await look.contains(page.locator('[data-figure="waiting"]'), '2 cards');
    await look.contains(page.locator('[data-figure="uncollected"]'), '0 cards');
    await expectNoViolations(page, 'the dashboard with the pipeline');
    await context.close();
  });
});
