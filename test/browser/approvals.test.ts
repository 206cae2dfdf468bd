import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listApprovals } from '../../src/app/approvals.ts';
import { recordEnquiry } from '../../src/app/residents/record-enquiry.ts';
import { registerResident } from '../../src/app/residents/register-resident.ts';
import { screenshot } from '../support/browser.ts';
import { residentBody } from '../support/world.ts';
import { type BrowserWorld, expectNoViolations, look, openBrowserWorld } from './support.ts';

let world: BrowserWorld;

beforeAll(async () => {
  world = await openBrowserWorld();
}, 60_000);
afterAll(async () => world?.close());


describe('proxy approvals in Chromium', () => {
  it('picks the enquiry from a list, names the resident on the request, and refuses only with a confirmed reason', { timeout: 180_000 }, async () => {
    const { app } = world.t;
    const registered = await registerResident(app, world.staff.clerk, residentBody({ familyName: '瑞江', givenName: '五郎', familyNameKana: 'ミズエ', givenNameKana: 'ゴロウ' }) as never);
    if (!registered.ok) throw new Error(registered.error.message);
    const person = registered.value;
    for (const [enquiredOn, callerName, procedure] of [['2026-11-20', '瑞江 一郎', 'pin-reset'], ['2026-11-25', '瑞江 花子', 'issuance']] as const) {
      const recorded = await recordEnquiry(app, world.staff.clerk, person.id, { enquiredOn: enquiredOn as never, callerName, relationship: '子', procedure });
      if (!recorded.ok) throw new Error(recorded.error.message);
    }

    const { page, context } = await world.page('ja');
    await world.signIn(page, 'clerk.honcho');
    await page.goto(`/residents/${person.id}/proxy-approval`);
    const enquiry = page.getByLabel('事前問い合わせの記録');
    await look.visible(enquiry);
    // The latest first and chosen; no id to type.
    const options = await enquiry.locator('option').allInnerTexts();
    expect(options).toHaveLength(2);
    expect(options[0]).toContain('瑞江 花子（子）・');
    expect(options[1]).toContain('瑞江 一郎（子）・');
    expect(await page.locator('input#field-enquiryId').count()).toBe(0);
    await expectNoViolations(page, 'proxy approval form with the enquiries');
    await enquiry.selectOption({ label: options[1]! });
    await page.getByLabel('代理で行う手続き').selectOption('pin-reset');
    await page.getByLabel('代理人の本人確認書類を確認した').check();
    await page.getByLabel('委任状など代理権を確認できる書類を確認した').check();
    await page.getByLabel('代理人の氏名').fill('瑞江 一郎');
    await page.getByLabel('ご本人との関係').fill('子');
    await page.getByLabel('運転免許証').check();
    await page.getByLabel('代理権を確認した書類').fill('委任状');
    await page.getByRole('button', { name: '確認画面へ' }).click();
    await page.getByRole('heading', { name: '内容の確認' }).waitFor();
    await look.contains(page.locator('main'), '瑞江 一郎（子）');
    await page.getByRole('button', { name: 'この内容で手続きする' }).click();
    await page.getByText('手続きを記録しました').waitFor();
    await context.close();

    const supervisor = await world.page('ja');
    const sp = supervisor.page;
    await world.signIn(sp, 'super.honcho');
    await sp.goto('/approvals');
    const request = sp.locator('article', { hasText: '瑞江 一郎' });
    await look.contains(request.getByRole('heading'), '瑞江 五郎');
    await look.contains(request, '瑞江 五郎（ミズエ ゴロウ）');
    await expectNoViolations(sp, 'approvals with the resident named');
    await request.getByRole('button', { name: '却下する' }).click();
    await look.visible(request.getByLabel('却下の理由（必須）'));
    await request.getByRole('button', { name: 'この理由で却下する' }).click();
    await look.contains(request.locator('.error-summary, [role=alert]').first(), '却下の理由を入力してください。');
    await expectNoViolations(sp, 'refusal without a reason');
    expect((await listApprovals(app, { status: 'pending', residentId: person.id })).length).toBe(1);
    // Thought better of: nothing refused.
    await request.getByRole('button', { name: 'やめる' }).click();
    await look.visible(request.getByRole('button', { name: '承認する' }));
    await request.getByRole('button', { name: '却下する' }).click();
    await request.getByLabel('却下の理由（必須）').fill('委任状の日付がありません');
    await screenshot(sp, 'approvals-refusal-reason');
    await request.getByRole('button', { name: 'この理由で却下する' }).click();
    await look.contains(sp.getByRole('status'), '却下しました。');
    await expectNoViolations(sp, 'approvals after a refusal');
    expect(await listApprovals(app, { status: 'refused', residentId: person.id })).toMatchObject([{ decisionNote: '委任状の日付がありません', resident: { name: '瑞江 五郎' } }]);
    await supervisor.context.close();
  });
});
