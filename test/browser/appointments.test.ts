import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookAppointment } from '../../src/app/appointments/book-appointment.ts';
import { applyForCard } from '../../src/app/cards/apply-for-card.ts';
import { manufactureCard } from '../../src/app/cards/manufacture-card.ts';
import { registerResident } from '../../src/app/residents/register-resident.ts';
import { TEST_TODAY } from '../support/app.ts';
import { residentBody } from '../support/world.ts';
import { type BrowserWorld, expectNoViolations, look, openBrowserWorld } from './support.ts';

let world: BrowserWorld;

beforeAll(async () => {
  world = await openBrowserWorld();
}, 60_000);
afterAll(async () => world?.close());

/** A resident with a card waiting at 本庁舎, booked through the public use case at `slotStart`. */
async function bookedResident(familyName: string, givenName: string, slotStart: string): Promise<{ residentId: string; cardId: string }> {
  const { app } = world.t;
  const registered = await registerResident(app, world.staff.clerk, residentBody({ familyName, givenName, birthDate: '1979-03-03' }) as never);
  if (!registered.ok) throw new Error(registered.error.message);
  const applied = await applyForCard(app, world.staff.clerk, registered.value.id, { applicationDate: '2026-10-01' as never, photoTakenOn: '2026-09-20' as never, withSignatureCertificate: false, withUserCertificate: true });
  if (!applied.ok) throw new Error(applied.error.message);
  const made = await manufactureCard(app, world.staff.clerk, applied.value.id, { issueDate: '2026-11-20' as never });
  if (!made.ok) throw new Error(made.error.message);
  const row = await world.t.store.db.selectFrom('cards').select('pickup_reference').where('id', '=', applied.value.id).executeTakeFirstOrThrow();
  const booked = await bookAppointment(app, { referenceNumber: row.pickup_reference!, birthDate: '1979-03-03' as never, slotStart });
  if (!booked.ok) throw new Error(booked.error.message);
  return { residentId: registered.value.id, cardId: applied.value.id };
}

describe("the office's pickup appointments in Chromium", () => {
  it('lists who comes when with links to the resident and the hand-over, and marks a no-show', { timeout: 180_000 }, async () => {
    const early = await bookedResident('葛西', '早子', `${TEST_TODAY}T09:30:00+09:00`);
    const late = await bookedResident('小岩', '遅男', `${TEST_TODAY}T15:00:00+09:00`);
    const { page, context } = await world.page('ja');
    try {
      await world.signIn(page, 'clerk.honcho');
      await page.getByRole('navigation').getByRole('link', { name: '受取予約' }).click();
      await look.contains(page.locator('table'), '葛西 早子');
      await look.texts(page.locator('tbody tr td:first-child'), ['9:30–10:00', '15:00–15:30']);
      expect(await page.getByRole('link', { name: '葛西 早子', exact: true }).getAttribute('href')).toBe(`/residents/${early.residentId}`);
      expect(await page.getByRole('link', { name: '小岩 遅男さんにカードを交付する' }).getAttribute('href')).toBe(`/cards/${late.cardId}/issue`);
      await expectNoViolations(page, 'appointments of the day');
      // The browser stands at 10:00: only the 9:30 appointment can be marked. The server's day moves on so its slot has begun there too.
      expect(await page.getByRole('button', { name: '小岩 遅男さんを来庁なしにする' }).count()).toBe(0);
      world.t.clock.set('2026-11-27' as never);
      // The day's list is not read again yet: the row itself says 来庁なし with the notice, and the button is gone.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/api/v1/appointments?*', async (route) => {
        await held;
        await route.continue();
      });
      await page.getByRole('button', { name: '葛西 早子さんを来庁なしにする' }).click();
      await look.contains(page.locator('main'), '来庁なしとして記録しました');
      await look.texts(page.locator('tbody tr td:last-child'), ['来庁なし', '予約中']);
      expect(await page.getByRole('button', { name: '葛西 早子さんを来庁なしにする' }).count()).toBe(0);
      // Released, the held reading and every later one go through.
      release();
      await page.reload();
      await look.texts(page.locator('tbody tr td:last-child'), ['来庁なし', '予約中']);
    } finally {
      world.t.clock.set(TEST_TODAY);
      await context.close();
    }
  });

  it('is not offered to the hotline', { timeout: 120_000 }, async () => {
    const { page, context } = await world.page('ja');
    try {
      await world.signIn(page, 'operator');
      await page.goto('/appointments');
      await page.waitForURL((url) => url.pathname !== '/appointments');
      // The hotline's own menu, once drawn, rather than a count of zero that holds before anything is.
      await look.texts(page.getByRole('navigation', { name: 'メニュー' }).getByRole('link'), ['一時停止受付']);
    } finally {
      await context.close();
    }
  });
});
