import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerResident } from '../../src/app/residents/register-resident.ts';
import { accessibilityViolations } from '../support/browser.ts';
import { residentBody } from '../support/world.ts';
import { issueActiveCard, look, openBrowserWorld, type BrowserWorld } from './support.ts';

let world: BrowserWorld;

beforeAll(async () => {
  world = await openBrowserWorld();
}, 60_000);
afterAll(async () => world?.close());

/** A resident with an active card, through the counter's own use cases. */
async function residentWithCard(overrides: Record<string, unknown>) {
  const { app } = world.t;
  const person = await registerResident(app, world.staff.clerk, residentBody(overrides) as never);
  if (!person.ok) throw new Error(person.error.message);
  const cardId = await issueActiveCard(world, person.value.id);
  return { person: person.value, cardId };
}

describe('the hotline from the keyboard, in Chromium', () => {
  it("suspends a card from the caller's kana name and 和暦 birth date in at most 15 keystrokes, without a pointer", { timeout: 120_000 }, async () => {
    // Two people of the same name: the birth date tells them apart.
    await residentWithCard({ familyName: '鹿骨', givenName: '六郎', familyNameKana: 'シシボネ', givenNameKana: 'ロクロウ', birthDate: '1975-04-01' });
    const { cardId } = await residentWithCard({ familyName: '鹿骨', givenName: '六郎', familyNameKana: 'シシボネ', givenNameKana: 'ロクロウ', birthDate: '1980-05-31' });
    const { page, context } = await world.page('ja');
    await world.signIn(page, 'operator');
    await page.waitForURL(/\/hotline$/);

    let keystrokes = 0;
    const type = async (text: string) => {
      keystrokes += [...text].length;
      await page.keyboard.type(text);
    };
    const press = async (key: string) => {
      keystrokes++;
      await page.keyboard.press(key);
    };
    // The console opens with the name field focused: the name and the birth date go in one box.
    await look.focused(page.locator('#field-q'));
    await type('シシボネS55.5.31');
    const rows = page.locator('.results tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
    await look.contains(rows.first(), '昭和55年');
    expect(await accessibilityViolations(page), 'hotline with one result').toEqual([]);
    await press('Enter');
    await look.focused(page.getByRole('button', { name: '鹿骨 六郎さんのカードを紛失で一時停止' }));
    await press('Enter');
    await look.focused(page.getByRole('button', { name: '一時停止する' }));
    expect(await accessibilityViolations(page), 'hotline confirmation').toEqual([]);
    await press('Enter');
    await look.visible(page.getByRole('heading', { name: '一時停止しました' }));
    expect(keystrokes).toBeLessThanOrEqual(15);
    expect((await world.t.app.store.read.cards.get(cardId))?.status).toBe('suspended');
    await context.close();
  });

  it('says it is searching while the answer is on its way', { timeout: 60_000 }, async () => {
    const { page, context } = await world.page('ja');
    await world.signIn(page, 'clerk.honcho');
    await page.waitForURL(/\/residents$/);
    await page.route('**/api/v1/residents?*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await page.locator('#field-q').fill('シシボネ');
    await look.contains(page.getByRole('status'), '検索中…');
    await look.contains(page.getByRole('status'), '件');
    expect(await accessibilityViolations(page), 'search page with results').toEqual([]);
    await context.close();
  });
});
