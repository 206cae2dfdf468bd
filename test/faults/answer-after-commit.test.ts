import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/app/audit-trail.ts';
import { DIALECTS } from '../support/databases.ts';
import { residentWithActiveCard, worldFor } from '../support/world.ts';

describe.each(DIALECTS)('a command whose answer cannot be sent on $name', ({ create }) => {
  const world = worldFor(create);

  it('is rolled back, so that a client told it failed finds nothing stored and may safely try again', async () => {
    const { cardId } = await residentWithActiveCard(world);
    // A damaged row: a date no calendar has, which the answer's schema refuses.
    await world.store.db.updateTable('cards').set({ issue_date: '2026-02-30' }).where('id', '=', cardId).execute();
    const audit = await verifyAudit(world.store, world.app.keys);
    const events = await world.store.read.events.list(cardId);

    const answer = await world.call('hotline', 'POST', `/api/v1/cards/${cardId}/suspend`, { reason: 'lost', channel: 'hotline' });
    expect(answer).toMatchObject({ status: 500, body: { code: 'INTERNAL' } });
    expect((await world.store.read.cards.get(cardId))!.status).toBe('active');
    expect(await world.store.read.events.list(cardId)).toEqual(events);
    expect(await verifyAudit(world.store, world.app.keys)).toEqual(audit);

    await world.store.db.updateTable('cards').set({ issue_date: '2026-10-15' }).where('id', '=', cardId).execute();
    expect(await world.call('hotline', 'POST', `/api/v1/cards/${cardId}/suspend`, { reason: 'lost', channel: 'hotline' })).toMatchObject({
      status: 200,
      body: { status: 'suspended' },
    });
  });
});
