import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyForCard } from '../../src/app/cards/apply-for-card.ts';
import { issueCard } from '../../src/app/cards/issue-card.ts';
import { manufactureCard } from '../../src/app/cards/manufacture-card.ts';
import { changeAddress } from '../../src/app/residents/change-address.ts';
import { registerResident } from '../../src/app/residents/register-resident.ts';
import { accessibilityViolations, screenshot } from '../support/browser.ts';
import { residentBody } from '../support/world.ts';
import { look, openBrowserWorld, type BrowserWorld } from './support.ts';

let world: BrowserWorld;

beforeAll(async () => {
  world = await openBrowserWorld();
}, 60_000);
afterAll(async () => world.close());

/** A resident with an active card handed over on 2026-11-10, whose signature certificate an in-city move revoked. */
async function movedResident() {
  const { app } = world.t;
  const clerk = world.staff.clerk;
  const registered = await registerResident(app, clerk, residentBody({ familyName: '証明', givenName: '花子', familyNameKana: 'ショウメイ', givenNameKana: 'ハナコ', birthDate: '1990-05-10' }) as never);
  if (!registered.ok) throw new Error(registered.error.message);
  const id = registered.value.id;
  const applied = await applyForCard(app, clerk, id, { applicationDate: '2026-10-01' as never, photoTakenOn: '2026-09-20' as never, withSignatureCertificate: true, withUserCertificate: true });
  if (!applied.ok) throw new Error(applied.error.message);
  await manufactureCard(app, clerk, applied.value.id, { issueDate: '2026-11-01' as never });
  await issueCard(app, clerk, applied.value.id, {
    handedOverOn: '2026-11-10' as never,
    pins: { signature: 'ABC123', user: '1111', residentRegistry: '2222', cardInfo: '3333' },
    identityDocuments: ['passport'],
    notificationCardReturned: false,
  });
  await changeAddress(app, clerk, id, { address: '東京都江戸川区船堀二丁目1番', effectiveDate: '2026-11-20' as never });
  return { id, cardId: applied.value.id };
}

describe('電子証明書 at the counter in Chromium', () => {
  it('shows each certificate’s status, expiry and renewal window, asks for the PIN in its format and the documents, and prints a free slip; axe finds nothing', { timeout: 120_000 }, async () => {
    const { id } = await movedResident();
    const { page, context } = await world.page('ja');
    await world.signIn(page, 'clerk.honcho');
    await page.goto(`/residents/${id}`);
    await page.getByRole('heading', { name: '証明 花子', level: 1 }).waitFor();
    await page.getByRole('link', { name: '電子証明書', exact: true }).click();
    await page.getByRole('heading', { name: '電子証明書', level: 1 }).waitFor();
    await look.visible(page.getByText('署名用電子証明書（失効）'));
    await look.visible(page.getByText(/利用者証明用電子証明書（有効・2031-05-10.*まで・2031-02-10.*から更新可）/));
    expect(await accessibilityViolations(page)).toEqual([]);

    // The signature certificate is chosen by default (it was revoked); a PIN of digits only is refused before sending.
    await page.getByLabel('ご本人（または代理人）の本人確認書類を確認した').check();
    await page.getByLabel('運転免許証').check();
    await page.getByLabel('この電子証明書の新しい暗証番号').fill('123456');
    await page.getByRole('button', { name: '確認画面へ' }).click();
    await look.contains(page.getByRole('alert'), '署名用暗証番号は英字と数字を1文字以上含む6〜16文字です');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('この電子証明書の新しい暗証番号').fill('new456');
    await page.getByRole('button', { name: '確認画面へ' }).click();
    await page.getByRole('heading', { name: '内容の確認' }).waitFor();
    await look.visible(page.getByText('新規発行'));
    await look.contains(page.locator('main'), '2031-05-10');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'この内容で手続きする' }).click();
    await page.getByText('手続きを記録しました').waitFor();
    await look.contains(page.locator('.slip'), '署名用電子証明書');
    await look.contains(page.locator('.slip'), '2031-05-10');
    await look.contains(page.locator('.slip'), '0円');
    await screenshot(page, 'counter-slip-certificate');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The user certificate is valid and its window not open: the form says so, and from when, before any review.
    await page.goto(`/residents/${id}`);
    await page.getByRole('link', { name: '電子証明書', exact: true }).click();
    await page.getByLabel(/利用者証明用電子証明書（有効/).check();
    await page.getByLabel('ご本人（または代理人）の本人確認書類を確認した').check();
    await page.getByLabel('運転免許証').check();
    await page.getByLabel('この電子証明書の新しい暗証番号').fill('4321');
    await page.getByRole('button', { name: '確認画面へ' }).click();
    await look.contains(page.getByRole('alert'), 'この電子証明書はまだ更新できません。');
    expect(await page.getByRole('button', { name: 'この内容で手続きする' }).count()).toBe(0);
    await context.close();
  });
});
