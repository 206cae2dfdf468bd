import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reissueCard } from '../../src/app/cards/reissue-card.ts';
import { registerResident } from '../../src/app/residents/register-resident.ts';
import { accessibilityViolations, screenshot } from '../support/browser.ts';
import { residentBody } from '../support/world.ts';
import { issueActiveCard, look, openBrowserWorld, type BrowserWorld } from './support.ts';

let world: BrowserWorld;

/** A resident with an active card handed over at the main office, as the counter's use cases make it. */
async function residentWithCard(overrides: Record<string, unknown> = {}) {
  const { app } = world.t;
  const person = await registerResident(app, world.staff.clerk, residentBody(overrides) as never);
  if (!person.ok) throw new Error(person.error.message);
  const cardId = await issueActiveCard(world, person.value.id);
  return { residentId: person.value.id, cardId };
}

/** No axe violation on the page as it is now. */
async function accessible(page: Page, name: string) {
  await page.waitForTimeout(150);
  expect(await accessibilityViolations(page), name).toEqual([]);
  await screenshot(page, `card-life-${name}`);
}

beforeAll(async () => {
  world = await openBrowserWorld();
}, 60_000);
afterAll(async () => world.close());

describe('the card’s life at the counter in Chromium (R-16, R-17, death)', () => {
  it('shows both cards of a replacement, saying the old one is taken back at the new one’s hand-over', { timeout: 60_000 }, async () => {
    const { residentId, cardId } = await residentWithCard({ familyName: '小岩', givenName: '一子', familyNameKana: 'コイワ', givenNameKana: 'イチコ' });
    const reissued = await reissueCard(world.t.app, world.staff.clerk, cardId, { reason: 'damaged', photoTakenOn: '2026-11-20' as never, applicationDate: '2026-11-26' as never, identityDocuments: ['passport'] });
    expect(reissued.ok).toBe(true);
    const { page } = await world.page('ja');
    await world.signIn(page, 'clerk.honcho');
    await page.goto(`/residents/${residentId}`);
    await page.getByRole('heading', { name: '小岩 一子', level: 1 }).waitFor();
    await look.visible(page.getByText('新しいカードの交付の時に返納'));
    await look.visible(page.getByText('新しいカード（申請受付）を交付する時に、このカードを返納していただきます。'));
    await look.visible(page.getByText('このカードを交付する時に、いまのカード（有効）を返納していただきます。'));
    await accessible(page, 'replacement');
    await page.context().close();
  });

  it('asks R-17 on the move-out form: a national keeps the card abroad when asking the day before; the slip says when the signature certificate ends', { timeout: 90_000 }, async () => {
    const { residentId } = await residentWithCard({ familyName: '葛西', givenName: '海', familyNameKana: 'カサイ', givenNameKana: 'ウミ' });
    const { page } = await world.page('ja');
    await world.signIn(page, 'clerk.honcho');
    await page.goto(`/residents/${residentId}/move-out`);
    await page.getByLabel('ご本人（または代理人）の本人確認書類を確認した').check();
    await page.getByLabel('転出予定日').fill('2026-11-27');
    await page.getByLabel('転出先').fill('Canada');
    expect(await page.getByLabel('国外転出後もカードを使い続ける（国外継続利用）').count()).toBe(0);
    await page.getByLabel('国外への転出').check();
    await page.getByLabel('国外転出後もカードを使い続ける（国外継続利用）').check();
    await accessible(page, 'move-out-abroad-form');
    await page.getByRole('button', { name: '確認画面へ' }).click();
    await page.getByRole('heading', { name: '内容の確認' }).waitFor();
    await look.visible(page.getByText('カードは国外でも使えます。券面に「国外転出」と転出予定日を追記し', { exact: false }));
    await look.visible(page.getByText('できます（2026-11-26'));
    await accessible(page, 'move-out-abroad-review');
    await page.getByRole('button', { name: 'この内容で手続きする' }).click();
    await page.getByText('手続きを記録しました').waitFor();
    await look.visible(page.getByText('署名用電子証明書は2026-11-27'));
    await page.context().close();
  });

  it('shows a foreign national why the card cannot be kept, and the day it is abolished', { timeout: 60_000 }, async () => {
    const { residentId } = await residentWithCard({ nationality: 'CN', residency: 'foreign-without-period', familyName: '陳', givenName: '美玲', familyNameKana: 'チン', givenNameKana: 'メイリン' });
    const { page } = await world.page('ja');
    await world.signIn(page, 'clerk.honcho');
    await page.goto(`/residents/${residentId}/move-out`);
    await page.getByLabel('ご本人（または代理人）の本人確認書類を確認した').check();
    await page.getByLabel('転出予定日').fill('2026-12-10');
    await page.getByLabel('転出先').fill('台湾');
    await page.getByLabel('国外への転出').check();
    await page.getByRole('button', { name: '確認画面へ' }).click();
    await page.getByRole('heading', { name: '内容の確認' }).waitFor();
    await look.visible(page.getByText('できません：日本国籍の方だけが対象です'));
    await look.visible(page.getByText('カードの廃止日'));
    await accessible(page, 'move-out-foreign-review');
    await page.context().close();
  });

  it('records a death under the resident’s procedures after a confirmation, and then offers nothing but the hand-back', { timeout: 90_000 }, async () => {
    const { residentId } = await residentWithCard({ familyName: '船堀', givenName: '次郎', familyNameKana: 'フナボリ', givenNameKana: 'ジロウ' });
    const { page } = await world.page('ja');
    await world.signIn(page, 'clerk.honcho');
    await page.goto(`/residents/${residentId}`);
    await page.getByRole('link', { name: '死亡の記録' }).click();
    await page.getByLabel('死亡日').fill('2026-11-24');
    await accessible(page, 'death-form');
    await page.getByRole('button', { name: '確認画面へ' }).click();
    await look.contains(page.getByRole('alert'), '死亡届（または職権消除の決定）の内容と、どなたのことかを確認した');
    await page.getByLabel('死亡届（または職権消除の決定）の内容と、どなたのことかを確認した（記録は取り消せません）').check();
    await page.getByRole('button', { name: '確認画面へ' }).click();
    await page.getByRole('heading', { name: '内容の確認' }).waitFor();
    await accessible(page, 'death-review');
    await page.getByRole('button', { name: 'この内容で手続きする' }).click();
    await page.getByText('手続きを記録しました').waitFor();
    await look.visible(page.getByText('カードをお持ちの場合は窓口に返納してください。'));
    await page.getByRole('link', { name: '住民の画面へ' }).click();
    await page.getByRole('heading', { name: '船堀 次郎', level: 1 }).waitFor();
    await look.visible(page.getByText('死亡', { exact: true }).first());
    expect(await page.getByRole('link', { name: '転出' }).count()).toBe(0);
    await look.visible(page.getByRole('link', { name: 'カードの返納' }));
    await accessible(page, 'death-resident');
    await page.context().close();
  });
});
