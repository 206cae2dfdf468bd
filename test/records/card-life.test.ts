import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.ts';
import { PINS, residentWithActiveCard, worldFor, type World } from '../support/world.ts';

const DAMAGED = { reason: 'damaged', photoTakenOn: '2026-11-01', applicationDate: '2026-11-26', identityDocuments: ['passport'] };

/** Makes and hands over a card waiting at the clerk's counter. */
async function handOver(world: World, cardId: string, handedOverOn = '2026-11-26') {
  const made = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/manufacture`, { issueDate: '2026-11-26' });
  expect(made.status).toBe(200);
  return world.call('clerk', 'POST', `/api/v1/cards/${cardId}/issue`, { handedOverOn, pins: PINS, identityDocuments: ['passport'], notificationCardReturned: false });
}

/** The card's whole life at the counter (docs/domain.md "Card status"), on each database. */
describe.each(DIALECTS)('card life on $name', ({ create }) => {
  const world = worldFor(create);

  describe('R-16: a new card without a gap', () => {
    it('keeps a damaged card active until the new one is handed over, then takes it back (returned, replaced) and ends its certificates', async () => {
      const { residentId, cardId } = await residentWithActiveCard(world);
      const reissued = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/reissue`, DAMAGED);
      expect(reissued).toMatchObject({
        status: 200,
        body: {
          fee: { total: 1000 },
          receiptNumber: expect.stringMatching(/^2026-honcho-\d{6}$/),
          newCard: { status: 'applied', applicationReason: 'damaged', previousCardId: cardId },
          oldCard: { id: cardId, status: 'active', certificates: { signature: { status: 'valid' }, user: { status: 'valid' } } },
        },
      });
      expect(reissued.body.oldCard.allowedActions).not.toContain('replace');
      const newId = reissued.body.newCard.id;
      // The old card still works: a PIN check, and a second new card is refused while one is being made.
      expect((await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/pins/user/verify`, { pin: PINS.user })).status).toBe(200);
      expect(await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/reissue`, DAMAGED)).toMatchObject({ status: 409, body: { code: 'RESIDENT.CARD_ALREADY_HELD', cardId: newId } });
      const both = await world.call('clerk', 'GET', `/api/v1/residents/${residentId}`);
      expect(both.body.cards.map((card: { status: string }) => card.status)).toEqual(['active', 'applied']);
      expect(both.body.allowedActions).not.toContain('apply-for-card');

      const issued = await handOver(world, newId);
      expect(issued).toMatchObject({ status: 200, body: { id: newId, status: 'active' } });
      const old = await world.call('clerk', 'GET', `/api/v1/cards/${cardId}`);
      expect(old.body).toMatchObject({ status: 'returned', endReason: 'replaced', endedOn: '2026-11-26', certificates: { signature: { status: 'revoked' }, user: { status: 'revoked' } } });
      const after = await world.call('clerk', 'GET', `/api/v1/residents/${residentId}`);
      expect(after.body.cards.filter((card: { status: string }) => card.status === 'active')).toHaveLength(1);
      const procedures = await world.call('clerk', 'GET', `/api/v1/residents/${residentId}/procedures`);
      expect(procedures.body.at(-1)).toMatchObject({ kind: 'card-issue', cardId: newId, details: { oldCardReturned: cardId } });
    });

    it('abolishes a stolen card at once, answering it with the new one', async () => {
      const { cardId } = await residentWithActiveCard(world);
      await world.call('hotline', 'POST', `/api/v1/cards/${cardId}/suspend`, { reason: 'stolen', channel: 'hotline' });
      const reissued = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/reissue`, { ...DAMAGED, reason: 'stolen', policeReportNumber: '第9号' });
      expect(reissued).toMatchObject({ status: 200, body: { oldCard: { status: 'abolished', endReason: 'replaced' }, newCard: { status: 'applied' } } });
      await handOver(world, reissued.body.newCard.id);
      expect((await world.call('clerk', 'GET', `/api/v1/cards/${cardId}`)).body).toMatchObject({ status: 'abolished', endReason: 'replaced' });
    });

    it('lets a change of the resident act on both live cards: an address change revokes the kept card’s signature certificate', async () => {
      const { residentId, cardId } = await residentWithActiveCard(world);
      const reissued = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/reissue`, { ...DAMAGED, reason: 'dirty' });
      const moved = await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/address-change`, { address: '東京都江戸川区船堀四丁目1番', effectiveDate: '2026-11-26' });
      expect(moved.status).toBe(200);
      expect(moved.body.cards).toMatchObject([
        { id: cardId, status: 'active', certificates: { signature: { status: 'revoked', revokedReason: 'address-change' } } },
        { id: reissued.body.newCard.id, status: 'applied' },
      ]);
    });
  });
});
