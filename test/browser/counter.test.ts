import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROXY_PROCEDURES } from '../../src/app/proxy-procedures.ts';
import { moveIn } from '../../src/app/residents/move-in.ts';
import { moveOut } from '../../src/app/residents/move-out.ts';
import { registerResident } from '../../src/app/residents/register-resident.ts';
import { accessibilityViolations, screenshot } from '../support/browser.ts';
import { residentBody } from '../support/world.ts';
import { expectNoViolations, issueActiveCard, look, openBrowserWorld, type BrowserWorld } from './support.ts';

let world: BrowserWorld;

/** A resident of the city, through the same use case as the counter. */
async function resident(overrides: Record<string, unknown> = {}) {
  const result = await registerResident(world.t.app, world.staff.clerk, residentBody(overrides) as never);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** A resident with an active card handed over at the main office. */
async function residentWithCard(overrides: Record<string, unknown> = {}) {
  const person = await resident(overrides);
  const cardId = await issueActiveCard(world, person.id);
  return { person, cardId };
}

async function confirm(page: Page) {
  await page.getByRole('button', { name: '確認画面へ' }).click();
  await page.getByRole('heading', { name: '内容の確認' }).waitFor();
  await page.getByRole('button', { name: 'この内容で手続きする' }).click();
  await page.getByText('手続きを記録しました').waitFor();
}

beforeAll(async () => {
  world = await openBrowserWorld();
}, 60_000);
afterAll(async () => world.close());

describe('the counter app in Chromium', () => {
  it('takes a resident found by kana from application through issue, then an address change noted with the 住基 PIN', { timeout: 120_000 }, async () => {
    await resident({ familyName: '江戸川', givenName: '花子', familyNameKana: 'エドガワ', givenNameKana: 'ハナコ', birthDate: '1990-05-10' });
    const { page, context } = await world.page('ja');
    await world.signIn(page, 'clerk.honcho');
    await page.locator('#field-q').fill('えどがわ');
    await page.getByRole('link', { name: '江戸川 花子' }).click();
    await page.getByRole('heading', { name: '江戸川 花子', level: 1 }).waitFor();
    await screenshot(page, 'counter-resident');

    await page.getByRole('link', { name: 'カードの交付申請' }).click();
    await page.getByRole('button', { name: '確認画面へ' }).click();
    await look.contains(page.getByRole('alert'), '確認：ご本人（または代理人）の本人確認書類を確認した');
    await look.focused(page.getByRole('alert'));
    await page.getByLabel('ご本人（または代理人）の本人確認書類を確認した').check();
    await page.getByLabel('写真が縦4.5cm×横3.5cm・最近6か月以内・正面・無背景であることを確認した').check();
    await page.getByLabel('写真の撮影日').fill('2026-11-01');
    await confirm(page);
    await screenshot(page, 'counter-slip-application');
    await page.getByRole('link', { name: '住民の画面へ' }).click();

    await page.getByRole('link', { name: 'カード到着（発行日の登録）' }).click();
    await page.getByRole('button', { name: '確認画面へ' }).click();
    await look.visible(page.getByText('2036-05-10（令和18年5月10日(土)）（発行日後10回目の誕生日）'));
    await page.getByRole('button', { name: 'この内容で手続きする' }).click();
    await page.getByRole('link', { name: '住民の画面へ' }).click();

    await page.getByRole('link', { name: 'カードの交付' }).click();
    await page.getByLabel('ご本人（または代理人）の本人確認書類を確認した').check();
    await page.getByLabel('交付通知書（はがき）を受け取った').check();
    await page.getByLabel('運転免許証').check();
    await page.getByLabel('通知カードを回収した').check();
    await page.getByLabel('署名用電子証明書の暗証番号').fill('abc123');
    await page.getByLabel('利用者証明用電子証明書の暗証番号').fill('1234');
    await page.getByLabel('住民基本台帳事務用の暗証番号').fill('5678');
    await page.getByLabel('券面事項入力補助用の暗証番号').fill('1234');
    await confirm(page);
    await look.contains(page.locator('.slip'), '2036-05-10');
    await page.getByRole('link', { name: '住民の画面へ' }).click();
    // The status tag: the panel as a whole says 有効期限 whatever the card's state.
    await look.contains(page.locator('.card-panel').first().locator('h3 .tag'), '有効');

    await page.getByRole('link', { name: '住所の変更（区内転居）' }).click();
    await page.getByLabel('ご本人（または代理人）の本人確認書類を確認した').check();
    await page.getByLabel('新しい住所').fill('東京都江戸川区船堀二丁目1番');
    await page.getByRole('button', { name: '確認画面へ' }).click();
    await look.visible(page.getByText('署名用電子証明書は失効します。'));
    await page.getByRole('button', { name: 'この内容で手続きする' }).click();
    await page.getByRole('link', { name: '券面記載事項の変更（追記）' }).click();
    await look.value(page.getByLabel('追記する内容'), '東京都江戸川区船堀二丁目1番');
    await page.getByLabel('住民基本台帳事務用の暗証番号').fill('0000');
    await page.getByRole('button', { name: '確認画面へ' }).click();
    await page.getByRole('button', { name: 'この内容で手続きする' }).click();
    await look.contains(page.getByRole('alert'), '暗証番号が違います。');
    await look.contains(page.locator('#field-pin-error'), '暗証番号が違います。');
    await page.getByLabel('住民基本台帳事務用の暗証番号').fill('5678');
    await confirm(page);
    await page.getByRole('navigation').getByRole('link', { name: '住民検索' }).click();
    await page.locator('#field-q').fill('江戸川花子');
    await page.getByRole('link', { name: '江戸川 花子' }).click();
    const card = page.locator('.card-panel').first();
    await look.contains(card, '東京都江戸川区船堀二丁目1番');
    await look.contains(card.locator('li', { hasText: '署名用電子証明書' }), '失効');
    await look.contains(card.locator('li', { hasText: '利用者証明用電子証明書' }).locator('.tag'), '有効');
    await look.contains(card, '使用可（あと3回）');
    await screenshot(page, 'counter-card-after-address-change');
    await context.close();
  });

  it('registers a resident with a 郵便番号 typed in full-width digits, names a malformed one at its field, shows 〒 before the address, and changes it with the address', { timeout: 120_000 }, async () => {
    const body = residentBody({ familyName: '郵便', givenName: '花子', familyNameKana: 'ユウビン', givenNameKana: 'ハナコ', birthDate: '1988-08-08' });
    const { page, context } = await world.page('ja');
    await world.signIn(page, 'clerk.honcho');
    await page.goto('/residents/new');
    await page.locator('h1').waitFor();
    for (const name of ['familyName', 'givenName', 'familyNameKana', 'givenNameKana', 'birthDate', 'residentCode', 'individualNumber', 'address'] as const) {
      await page.locator(`#field-${name}`).fill(String(body[name]));
    }
    await page.getByRole('radio', { name: '女' }).check();
    const code = page.getByLabel('郵便番号');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    expect(await code.getAttribute('autocomplete')).toBe('postal-code');
    await code.fill('132-00');
    await page.getByRole('button', { name: '確認画面へ' }).click();
    await look.contains(page.locator('#field-postalCode-error'), '郵便番号は3桁と4桁の数字で入力してください');
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    expect(await code.getAttribute('aria-describedby')).toContain('field-postalCode-error');
    await expectNoViolations(page, 'registration with a postal code error');
    await code.fill('１３２００２１');
    await confirm(page);
    await page.getByRole('link', { name: '住民の画面へ' }).click();
    await page.getByRole('heading', { name: '郵便 花子', level: 1 }).waitFor();
    await look.contains(page.locator('#person-title + *'), `〒132-0021 ${body.address}`);

    await page.getByRole('link', { name: '住所の変更（区内転居）' }).click();
    await page.getByLabel('ご本人（または代理人）の本人確認書類を確認した').check();
    await page.getByLabel('新しい住所').fill('東京都江戸川区船堀四丁目1番1号');
    await page.getByLabel('郵便番号').fill('1340091');
    await confirm(page);
    await look.contains(page.locator('.slip'), '〒134-0091 東京都江戸川区船堀四丁目1番1号');
    await page.getByRole('link', { name: '住民の画面へ' }).click();
    await look.contains(page.locator('#person-title + *'), '〒134-0091 東京都江戸川区船堀四丁目1番1号');
    await context.close();
  });

  it('lets the hotline suspend a lost card from name and birth date, offers it no release, and a clerk releases it', { timeout: 120_000 }, async () => {
    const { person } = await residentWithCard({ familyName: '葛西', givenName: '次郎', familyNameKana: 'カサイ', givenNameKana: 'ジロウ', birthDate: '1975-04-01' });
    const operator = await world.page('ja');
    await world.signIn(operator.page, 'operator');
    const page = operator.page;
    await page.waitForURL(/\/hotline$/);
    await look.texts(page.getByRole('navigation', { name: 'メニュー' }).getByRole('link'), ['一時停止受付']);
    await page.locator('#field-q').fill('カサイジロウ');
    await page.locator('#field-birthDate').fill('1975-04-01');
    await page.getByRole('button', { name: '葛西 次郎さんのカードを紛失で一時停止' }).click();
    await look.focused(page.getByRole('button', { name: '一時停止する' }));
    await screenshot(page, 'hotline-confirm');
    await page.getByRole('button', { name: '一時停止する' }).click();
    await look.visible(page.getByRole('heading', { name: '一時停止しました' }));
    await look.contains(page.locator('.script'), 'お電話ではできません');
    await look.contains(page.locator('.script'), '03-3683-5184');
    await screenshot(page, 'hotline-script');
    await page.goto(`/residents/${person.id}`);
    await page.waitForURL(/\/hotline$/);
    const release = await page.evaluate(async (url) => (await fetch(url, { method: 'GET' })).status, `/api/v1/residents/${person.id}`);
    expect(release).toBe(403);
    await operator.context.close();

    const clerk = await world.page('ja');
    await world.signIn(clerk.page, 'clerk.honcho');
    await clerk.page.goto(`/residents/${person.id}`);
    await look.contains(clerk.page.locator('.card-panel').first(), '一時停止中');
    await clerk.page.getByRole('link', { name: '一時停止の解除' }).click();
    await clerk.page.getByLabel('見つかったカードを確認した').check();
    await clerk.page.getByLabel('パスポート').check();
    await confirm(clerk.page);
    await clerk.page.getByRole('navigation').getByRole('link', { name: '住民検索' }).click();
    await clerk.page.goto(`/residents/${person.id}`);
    await look.contains(clerk.page.locator('.card-panel').first().locator('h3 .tag'), '有効');
    await clerk.context.close();
  });

  it('refuses a reissue for a stolen card without a police report number, then charges ¥1,000 with a receipt number', { timeout: 120_000 }, async () => {
    const { person, cardId } = await residentWithCard({ familyName: '小岩', givenName: '三郎', familyNameKana: 'コイワ', givenNameKana: 'サブロウ' });
    const { page, context } = await world.page('ja');
    await world.signIn(page, 'clerk.honcho');
    await page.goto(`/cards/${cardId}/reissue?resident=${person.id}`);
    await page.getByLabel('ご本人（または代理人）の本人確認書類を確認した').check();
    await page.getByLabel('写真が縦4.5cm×横3.5cm・最近6か月以内・正面・無背景であることを確認した').check();
    await page.getByLabel('盗難').check();
    await page.getByLabel('写真の撮影日').fill('2026-11-20');
    await page.getByLabel('マイナンバーカード', { exact: true }).check();
    // R-10's police report is asked on the form, before the review (the server would refuse it).
    await page.getByRole('button', { name: '確認画面へ' }).click();
    await look.contains(page.getByRole('alert'), '警察署の受理番号が必要です');
    await look.contains(page.locator('#field-policeReportNumber-error'), '警察署の受理番号が必要です');
    expect(await page.getByRole('button', { name: 'この内容で手続きする' }).count()).toBe(0);
    await screenshot(page, 'reissue-police-report-required');
    await page.getByLabel('警察署の受理番号').fill('葛西署 第2026-123号');
    await page.getByRole('button', { name: '確認画面へ' }).click();
    await look.visible(page.getByText('1,000円（カード800円＋電子証明書200円）'));
    await page.getByRole('button', { name: 'この内容で手続きする' }).click();
    const slip = page.locator('.slip');
    await look.contains(slip, '1,000円');
    await look.contains(slip, /領収番号：2026-honcho-\d{6}/);
    await screenshot(page, 'reissue-slip');
    await page.emulateMedia({ media: 'print' });
    await look.hidden(page.locator('.header'));
    await look.visible(slip);
    await screenshot(page, 'reissue-slip-print');
    await context.close();
  });
});

describe('what the counter offers is what the server allows', () => {
  const cardProcedures = (page: Page) => page.locator('.card-panel').first().locator('.action-list a');
  const residentProcedures = (page: Page) => page.locator('section', { has: page.getByRole('heading', { name: '手続き', exact: true }) }).locator('.action-list a');

  it('offers a hotline operator no counter procedure, whatever address they open', { timeout: 120_000 }, async () => {
    const { person, cardId } = await residentWithCard({ familyName: '一之江', givenName: '五郎', familyNameKana: 'イチノエ', givenNameKana: 'ゴロウ' });
    const { page, context } = await world.page('ja');
    await world.signIn(page, 'operator');
    for (const path of [`/cards/${cardId}/suspend?resident=${person.id}`, `/residents/${person.id}/address-change`, '/residents/new', '/residents/arrival', '/approvals']) {
      await page.goto(path);
      await page.waitForURL(/\/hotline$/);
      await look.texts(page.getByRole('navigation', { name: 'メニュー' }).getByRole('link'), ['一時停止受付']);
    }
    await context.close();
  });

  it("offers a clerk exactly the card's allowed actions: no continuation without one pending, no release of an active card, no extension of a card that ends on a birthday", { timeout: 120_000 }, async () => {
    // A foreign resident whose period of stay outlasts the card: it ends on the 10th birthday, so nothing extends it.
    const { person, cardId } = await residentWithCard({
      familyName: '南', givenName: '葛西', familyNameKana: 'ミナミ', givenNameKana: 'カサイ', nationality: 'VN', residency: 'foreign-with-period', periodOfStayEnd: '2040-03-31', residenceCardNumber: 'AB12345678CD',
    });
    const { page, context } = await world.page('ja');
    await world.signIn(page, 'clerk.honcho');
    await page.goto(`/residents/${person.id}`);
    await look.texts(cardProcedures(page), ['券面記載事項の変更（追記）', '一時停止（窓口）', '暗証番号の再設定・ロック解除', '電子証明書', '再交付', 'カードの返納']);
    const allowed: string[] = (await (await page.request.get(`/api/v1/cards/${cardId}`)).json()).allowedActions;
    for (const action of ['continue', 'resume', 'extend']) expect(allowed).not.toContain(action);
    // The clerk asks a supervisor to change a number, and does not change it.
    expect(await residentProcedures(page).allInnerTexts()).toEqual(expect.arrayContaining(['在留期間の更新の登録', '個人番号の変更を申請（責任者の承認）']));
    expect(await residentProcedures(page).allInnerTexts()).not.toEqual(expect.arrayContaining(['個人番号の変更']));
    for (const procedure of ['continuation', 'resume', 'extension']) {
      await page.goto(`/cards/${cardId}/${procedure}?resident=${person.id}`);
      await look.visible(page.getByText('この手続きは、いまの状態ではできません。'));
    }

    const supervisor = await world.page('ja');
    await world.signIn(supervisor.page, 'super.honcho');
    await supervisor.page.goto(`/residents/${person.id}`);
    await look.visible(residentProcedures(supervisor.page).getByText('個人番号の変更', { exact: true }));
    expect(await residentProcedures(supervisor.page).allInnerTexts()).not.toEqual(expect.arrayContaining(['個人番号の変更を申請（責任者の承認）']));
    await supervisor.context.close();
    await context.close();
  });

  it('says when to file the move-in notification after a move-out as R-7 counts it: 14 days, moved off a holiday', { timeout: 120_000 }, async () => {
    const { person } = await residentWithCard({ familyName: '西瑞江', givenName: '六子', familyNameKana: 'ニシミズエ', givenNameKana: 'ロクコ' });
    const { page, context } = await world.page('ja');
    await world.signIn(page, 'clerk.honcho');
    await page.goto(`/residents/${person.id}`);
    await page.getByRole('link', { name: '転出', exact: true }).click();
    await page.getByLabel('ご本人（または代理人）の本人確認書類を確認した').check();
    // The 14th day after 2026-12-28 is 2027-01-11, 成人の日: the office is closed, so the next day.
    await page.getByLabel('転出予定日').fill('2026-12-28');
    await page.getByLabel('転出先').fill('千葉県市川市');
    await page.getByRole('button', { name: '確認画面へ' }).click();
    await look.visible(page.getByText('2027-01-12（令和9年1月12日(火)）（閉庁日のため翌開庁日）'));
    await page.getByRole('button', { name: 'この内容で手続きする' }).click();
    const slip = page.locator('.slip');
    await look.contains(slip, '2027-01-12（令和9年1月12日(火)）までを目安に転入届を出してください（転出日から14日以内）');
    // The slip's footer names the city and its hotline from offices.json.
    await look.contains(slip.locator('.slip__footer'), '江戸川区 マイナンバーカード窓口。紛失・盗難の一時停止：0120-95-0178（24時間365日）');
    await context.close();
  });
});

describe('a proxy at the counter in Chromium', () => {
  it('records the enquiry and the approval from the R-13 list, and continues the card for the approved proxy', { timeout: 120_000 }, async () => {
    const { person, cardId } = await residentWithCard({ familyName: '篠崎', givenName: '四郎', familyNameKana: 'シノザキ', givenNameKana: 'シロウ' });
    const { app } = world.t;
    const out = await moveOut(app, world.staff.clerk, person.id, { plannedMoveOutDate: '2026-11-10' as never, destination: '千葉県浦安市' });
    const back = await moveIn(app, world.staff.clerk, person.id, { moveInDate: '2026-11-20' as never, notificationDate: '2026-11-26' as never, address: '東京都江戸川区篠崎町一丁目1番', cardPresented: true });
    expect([out.ok, back.ok]).toEqual([true, true]);

    const clerk = await world.page('ja');
    const page = clerk.page;
    await world.signIn(page, 'clerk.honcho');
    await page.goto(`/residents/${person.id}/proxy-enquiry`);
    const choices = page.getByLabel('代理で行う手続き');
    await look.visible(choices);
    // The choices are the API's list, which R-13 decides: continuation is on it, the phoned-in suspension is not.
    expect(await choices.locator('option').count()).toBe(PROXY_PROCEDURES.length);
    expect(await choices.locator('option').allInnerTexts()).toEqual(expect.arrayContaining(['カードの継続利用', '再交付（紛失）', '転入届']));
    await choices.selectOption({ label: 'カードの継続利用' });
    await page.getByLabel('代理人の氏名').fill('篠崎 一郎');
    await page.getByLabel('ご本人との関係').fill('子');
    await confirm(page);
    await look.contains(page.locator('.slip'), 'カードの継続利用');
    await page.getByRole('link', { name: '代理人の手続きの承認を申請' }).click();
    await look.value(page.getByLabel('代理で行う手続き'), 'continuation');
    await page.getByLabel('代理人の本人確認書類を確認した').check();
    await page.getByLabel('委任状など代理権を確認できる書類を確認した').check();
    await page.getByLabel('代理人の氏名').fill('篠崎 一郎');
    await page.getByLabel('ご本人との関係').fill('子');
    await page.getByLabel('運転免許証').check();
    await page.getByLabel('代理権を確認した書類').fill('委任状');
    await confirm(page);

    const supervisor = await world.page('ja');
    await world.signIn(supervisor.page, 'super.honcho');
    await supervisor.page.goto('/approvals');
    const request = supervisor.page.locator('article', { hasText: '篠崎 一郎' });
    await look.contains(request, 'カードの継続利用');
    await request.getByRole('button', { name: '承認する' }).click();
    await look.contains(supervisor.page.getByRole('status'), '承認しました。');
    await supervisor.context.close();

    await page.goto(`/cards/${cardId}/continuation?resident=${person.id}`);
    await page.getByRole('radio', { name: /^代理人/ }).check();
    const approval = page.getByLabel('代理人の承認');
    await look.contains(approval, 'カードの継続利用: 篠崎 一郎');
    await approval.selectOption({ index: 1 });
    await page.getByLabel('住民基本台帳事務用の暗証番号').fill('2222');
    await confirm(page);
    await look.contains(page.locator('.slip'), '代理人');
    const card = await page.request.get(`/api/v1/cards/${cardId}`);
    expect((await card.json()).continuation).toBeNull();
    const records = await page.request.get(`/api/v1/residents/${person.id}/procedures`);
    expect((await records.json()).find((record: { kind: string }) => record.kind === 'continuation')).toMatchObject({
      details: { presentedBy: 'proxy-after-enquiry' },
      proxy: { proxy: { name: '篠崎 一郎', authorityDocument: '委任状' } },
    });
    await clerk.context.close();
  });
});

describe('accessibility of every screen', () => {
  for (const lang of ['ja', 'en'] as const) {
    it(`has no axe violations in ${lang === 'ja' ? 'Japanese' : 'English'}`, { timeout: 180_000 }, async () => {
      const { person, cardId } = await residentWithCard({ familyName: '鹿骨', givenName: '花', familyNameKana: 'シシボネ', givenNameKana: 'ハナ' });
      const screens: [string, string, (page: Page) => Promise<void>][] = [
        ['clerk.honcho', '/residents', async (page) => {
          await page.locator('#field-q').fill('シシボネ');
          await look.contains(page.locator('section.results'), '鹿骨 花');
        }],
        ['clerk.honcho', `/residents/${person.id}`, async () => undefined],
        ['clerk.honcho', '/residents/new', async () => undefined],
        ['clerk.honcho', '/residents/arrival', async () => undefined],
        ['clerk.honcho', `/cards/${cardId}/reissue?resident=${person.id}`, async (page) => {
          await page.locator('form button[type=submit]').click();
          await look.visible(page.getByRole('alert'));
        }],
        ['clerk.honcho', `/cards/${cardId}/front-note?resident=${person.id}`, async () => undefined],
        ['clerk.honcho', `/residents/${person.id}/move-in`, async () => undefined],
        ['clerk.honcho', `/residents/${person.id}/address-change`, async (page) => {
          await page.locator('#field-verify input').first().check();
          await page.locator('#field-address').fill('東京都江戸川区鹿骨一丁目1番');
          // A malformed postal code: its error is shown at the field, and the page stays clean.
          await page.locator('#field-postalCode').fill('133-007');
          await page.locator('form button[type=submit]').click();
          await page.locator('#field-postalCode-error').waitFor();
        }],
        ['clerk.honcho', '/approvals', async () => undefined],
        ['operator', '/hotline', async (page) => {
          await page.locator('#field-q').fill('シシボネ');
          await look.contains(page.locator('section.results'), '鹿骨 花');
        }],
        ['auditor', '/audit', async () => undefined],
        ['admin', '/staff', async () => undefined],
      ];
      const contexts = new Map<string, Page>();
      for (const [username, path, act] of screens) {
        let page = contexts.get(username);
        if (!page) {
          page = (await world.page(lang)).page;
          await world.signIn(page, username);
          contexts.set(username, page);
        }
        await page.goto(path);
        await page.locator('h1').waitFor();
        // The first h1 may be the loading page's: axe is run on the screen itself, and on what its act brought, not on a pause.
        await look.hidden(page.getByText(lang === 'ja' ? '読み込み中…' : 'Loading…', { exact: true }).first());
        await act(page);
        await page.waitForTimeout(150);
        expect(await accessibilityViolations(page), `${username} ${path}`).toEqual([]);
        expect(await page.evaluate('document.documentElement.lang')).toBe(lang);
        await screenshot(page, `axe-${lang}-${path.split('?')[0]!.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'id').replace(/[^a-z0-9]+/gi, '-')}`);
      }
      const signIn = (await world.page(lang)).page;
      await signIn.goto('/signin');
      await signIn.locator('h1').waitFor();
      expect(await accessibilityViolations(signIn)).toEqual([]);
      for (const page of [...contexts.values(), signIn]) await page.context().close();
    });
  }
});
