import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { applyForCard } from '../../src/app/cards/apply-for-card.ts';
import { manufactureCard } from '../../src/app/cards/manufacture-card.ts';
import { registerResident } from '../../src/app/residents/register-resident.ts';
import { screenshot } from '../support/browser.ts';
import { PARENT, residentBody } from '../support/world.ts';
import { expectNoViolations, issueActiveCard, look, openBrowserWorld, type BrowserWorld } from './support.ts';

let world: BrowserWorld;

beforeAll(async () => {
  world = await openBrowserWorld();
}, 60_000);
afterAll(async () => world.close());

async function register(facts: Record<string, unknown>): Promise<string> {
  const registered = await registerResident(world.t.app, world.staff.clerk, residentBody(facts) as never);
  if (!registered.ok) throw new Error(registered.error.message);
  return registered.value.id;
}

/** Focuses a control and presses a key on it, as a keyboard user does. */
async function press(page: Page, selector: string, key: string): Promise<void> {
  await page.locator(selector).focus();
  await page.keyboard.press(key);
}

/** Focuses a text field and types into it. */
async function type(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).focus();
  await page.keyboard.type(text);
}

describe('法定代理人 at the counter in Chromium (R-18)', () => {
  it('hands a card to a child of 10 with the parent as legal representative, by keyboard, and the slip names the parent; axe finds nothing', { timeout: 120_000 }, async () => {
    const id = await register({ familyName: '江戸川', givenName: '太郎', familyNameKana: 'エドガワ', givenNameKana: 'タロウ', birthDate: '2016-03-01' });
    const applied = await applyForCard(world.t.app, world.staff.clerk, id, {
      applicationDate: '2026-10-01' as never,
      photoTakenOn: '2026-09-20' as never,
      withSignatureCertificate: false,
      withUserCertificate: true,
      legalRepresentative: PARENT as never,
    });
    if (!applied.ok) throw new Error(applied.error.message);
    await manufactureCard(world.t.app, world.staff.clerk, applied.value.id, { issueDate: '2026-11-01' as never });

    const { page, context } = await world.page('ja');
    await world.signIn(page, 'clerk.honcho');
    await page.goto(`/residents/${id}`);
    await page.getByRole('heading', { name: '江戸川 太郎', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'カードの交付', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'カードの交付', level: 1 }).waitFor();

    // Asked because he is 10 on the hand-over day, computed from the birth date: nothing for the clerk to tick.
    const fieldset = page.getByRole('group', { name: '法定代理人', exact: true });
    await look.contains(fieldset, '15歳未満のため、法定代理人（親権者または未成年後見人）が手続きをします');
    expect(await page.getByLabel('署名用電子証明書の暗証番号').count()).toBe(0);
    await page.getByLabel('ご本人（または代理人）の本人確認書類を確認した').focus();
    await page.keyboard.press('Space');
    await page.getByLabel('交付通知書（はがき）を受け取った').focus();
    await page.keyboard.press('Space');
    await press(page, '#field-identityDocuments-passport', 'Space');
    await type(page, '#field-user', '1234');
    await type(page, '#field-residentRegistry', '5678');
    await type(page, '#field-cardInfo', '1234');
    await press(page, 'form button[type=submit]', 'Enter');
    const alert = page.getByRole('alert');
    await look.contains(alert, '法定代理人の氏名を入力してください');
    await look.contains(alert, '確認した本人確認書類を選んでください');
    await look.focused(alert);
    await expectNoViolations(page, 'the hand-over without the representative');

    // From the error summary to the field, then the parent's details.
    await alert.getByRole('link', { name: '法定代理人の氏名を入力してください' }).focus();
    await page.keyboard.press('Enter');
    await look.focused(page.locator('#field-representativeName'));
    await page.keyboard.type(PARENT.name);
    await press(page, '#field-representativeRelation-parent', 'Space');
    await press(page, '#field-representativeDocuments-driving-licence', 'Space');
    await type(page, '#field-representativeAuthority', '戸籍謄本');
    await screenshot(page, 'counter-issue-representative');
    await press(page, 'form button[type=submit]', 'Enter');
    await page.getByRole('heading', { name: '内容の確認' }).waitFor();
    await look.contains(page.locator('main'), '江戸川 一郎（親権者）');
    await look.contains(page.locator('main'), '運転免許証／戸籍謄本');
    await expectNoViolations(page, 'the review with the representative');

    await page.getByRole('button', { name: 'この内容で手続きする' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('手続きを記録しました').waitFor();
    const slip = page.locator('.slip');
    await look.contains(slip, '法定代理人');
    await look.contains(slip, '江戸川 一郎（親権者）');
    await look.contains(slip, '江戸川 太郎（エドガワ タロウ）');
    await screenshot(page, 'counter-slip-issue-child');
    await expectNoViolations(page, 'the slip naming the parent');
    // The resident's history names who acted at the application and the hand-over.
    await page.getByRole('link', { name: '住民の画面へ' }).click();
    await look.contains(page.locator('main'), 'カードの交付（法定代理人 江戸川 一郎・親権者）');

    // What the slip says is what the procedure record keeps.
    const acts = await world.t.app.store.read.acts.listByResident(id);
    expect(acts.find((act) => act.kind === 'card-issue')?.details).toMatchObject({ legalRepresentative: { name: '江戸川 一郎', relationship: 'parent', identityDocuments: ['driving-licence'], authorityDocument: '戸籍謄本' } });
    await context.close();
  });

  it('records a guardianship from the resident screen, and then asks for the guardian (成年後見人) alone at a PIN reset', { timeout: 120_000 }, async () => {
    const id = await register({ familyName: '小岩', givenName: '誠', familyNameKana: 'コイワ', givenNameKana: 'マコト', birthDate: '1950-04-01' });
    const cardId = await issueActiveCard(world, id);
    const { page, context } = await world.page('ja');
    await world.signIn(page, 'clerk.honcho');

    // An adult who is no ward acts alone: no representative is asked.
    await page.goto(`/cards/${cardId}/pin-reset`);
    await page.getByRole('heading', { name: '暗証番号の再設定・ロック解除', level: 1 }).waitFor();
    expect(await page.getByRole('group', { name: '法定代理人', exact: true }).count()).toBe(0);

    await page.goto(`/residents/${id}`);
    await page.getByRole('link', { name: '成年後見の登録・終了' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '成年後見の登録・終了', level: 1 }).waitFor();
    await expectNoViolations(page, 'the guardianship form');
    await page.getByLabel(/登記事項証明書（または審判書と確定証明書）/).focus();
    await page.keyboard.press('Space');
    await page.locator('#field-effectiveDate').fill('2026-11-25');
    await press(page, 'form button[type=submit]', 'Enter');
    await page.getByRole('heading', { name: '内容の確認' }).waitFor();
    await page.getByRole('button', { name: 'この内容で手続きする' }).click();
    await page.getByText('手続きを記録しました').waitFor();
    await look.contains(page.locator('.slip'), '後見開始（成年被後見人になった）');
    await look.contains(page.locator('.slip'), '以後のカードの手続きには成年後見人がお越しください');
    await expectNoViolations(page, 'the guardianship slip');
    await page.getByRole('link', { name: '住民の画面へ' }).click();
    await look.contains(page.locator('main'), '成年被後見人（手続きは成年後見人が行います）');

    await page.goto(`/cards/${cardId}/pin-reset`);
    const fieldset = page.getByRole('group', { name: '法定代理人', exact: true });
    await look.contains(fieldset, '成年被後見人のため、成年後見人が手続きをします');
    expect(await fieldset.getByRole('radio').count()).toBe(1);
    await look.contains(fieldset, '成年後見人');
    await expectNoViolations(page, 'the PIN reset of an adult ward');
    await context.close();
  });
});
