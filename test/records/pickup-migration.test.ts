import { describe, expect, it } from 'vitest';
import { rebuildCards } from '../../src/app/rebuild.ts';
import { systemActor } from '../../src/app/staff.ts';
import { countArrivalsFromIssueDates } from '../../src/store/migrations/0011-pickup.ts';
import { DIALECTS } from '../support/databases.ts';
import { appliedCard, residentBody, residentWithActiveCard, worldFor } from '../support/world.ts';

/** Migration 0011 (docs/pickup.md): cards made before it count as arrived on their 発行日, as their old events fold. */
describe.each(DIALECTS)('cards made before pickups were recorded, on $name', ({ create }) => {
  const world = worldFor(create);

  it('count as arrived on their issue date with no 照会番号, and a card taken over on arrival as never waiting here', async () => {
    const active = await residentWithActiveCard(world);
    const { cardId: ready } = await appliedCard(world);
    expect((await world.call('clerk', 'POST', `/api/v1/cards/${ready}/manufacture`, { issueDate: '2026-10-15' })).status).toBe(200);
    const arrival = await world.call('clerk', 'POST', '/api/v1/residents/arrivals', {
      ...residentBody(),
      moveInDate: '2026-11-15',
      notificationDate: '2026-11-24',
      plannedMoveOutDate: '2026-11-14',
      cardPresented: false,
      card: { issueDate: '2023-04-01', expiryDate: '2033-05-10', issuedBy: '千葉県市川市', certificates: {}, pins: { user: '1111', residentRegistry: '2222', cardInfo: '3333' } },
    });
    expect(arrival.status).toBe(201);
    const takenOver = arrival.body.cards[0].id as string;

    // As a database written before 0011 holds them: no arrival day, no reference, on the rows or in the events.
    const { db } = world.store;
    await db.updateTable('cards').set({ ready_on: null, pickup_reference: null }).execute();
    const made = await db.selectFrom('events').select(['stream_id', 'version', 'data']).where('type', '=', 'CardManufactured').execute();
    for (const event of made) {
      const { readyOn: _readyOn, referenceNumber: _referenceNumber, ...old } = JSON.parse(event.data) as Record<string, unknown>;
      await db.updateTable('events').set({ data: JSON.stringify(old) }).where('stream_id', '=', event.stream_id).where('version', '=', event.version).execute();
    }

    await countArrivalsFromIssueDates(db);
    const rows = await db.selectFrom('cards').select(['id', 'ready_on', 'pickup_reference']).where('id', 'in', [active.cardId, ready, takenOver]).execute();
    expect(Object.fromEntries(rows.map((row) => [row.id, [row.ready_on, row.pickup_reference]]))).toEqual({
      [active.cardId]: ['2026-10-15', null],
      [ready]: ['2026-10-15', null],
      [takenOver]: [null, null],
    });
    expect((await rebuildCards(world.app, systemActor('test'))).rebuilt).toEqual([]);
  });

  it('keeps a 照会番号 unique among the cards waiting at the counters', async () => {
    const ids: string[] = [];
    for (const _ of [1, 2]) {
      const { cardId } = await appliedCard(world, {}, 'clerk', { withSignatureCertificate: false });
      expect((await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/manufacture`, { issueDate: '2026-10-15' })).status).toBe(200);
      ids.push(cardId);
    }
    const { db } = world.store;
    const rows = await db.selectFrom('cards').select(['id', 'pickup_reference']).where('id', 'in', ids).orderBy('id').execute();
    expect(rows.map((row) => row.pickup_reference)).toEqual([expect.stringMatching(/^\d{10}$/), expect.stringMatching(/^\d{10}$/)]);
    const found = await world.app.store.read.cards.findByPickupReference(rows[0]!.pickup_reference!);
    expect(found?.card).toMatchObject({ id: rows[0]!.id, status: 'ready', pickup: { readyOn: '2026-11-26', referenceNumber: rows[0]!.pickup_reference } });
    await expect(db.updateTable('cards').set({ pickup_reference: rows[0]!.pickup_reference }).where('id', '=', rows[1]!.id).execute()).rejects.toThrow(/unique|UNIQUE/);
  });
});
