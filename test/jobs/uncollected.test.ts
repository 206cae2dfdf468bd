import { describe, expect, it } from 'vitest';
import { systemActor } from '../../src/app/staff.ts';
import { runSweep } from '../../src/app/sweep.ts';
import type { PlainDate } from '../../src/rules/plain-date.ts';
import { DIALECTS } from '../support/databases.ts';
import { deliver } from '../support/pickup.ts';
import { appliedCard, PINS, worldFor } from '../support/world.ts';

const day = (date: string) => date as PlainDate;

describe.each(DIALECTS)('uncollected cards (R-19) on $name', ({ create }) => {
  const world = worldFor(create);
  const actor = systemActor('sweep-test');
  const sweepOn = async (date: string) => {
    world.clock.set(day(date));
    const result = await runSweep(world.app, actor, day(date));
    if (!result.ok) throw new Error(result.error.message);
    return result.value.counts;
  };
  const card = async (cardId: string) => (await world.call('clerk', 'GET', `/api/v1/cards/${cardId}`)).body;

  it('destroys a card still waiting on its discardOn, not the day before, and leaves a collected one alone', async () => {
    world.clock.set(day('2026-11-26'));
    // Ready on Sep 30: collected by Mar 29, destroyed by the sweep of Mar 30 (R-19, six months).
    const waiting = (await appliedCard(world)).cardId;
    const collected = (await appliedCard(world)).cardId;
    const later = (await appliedCard(world)).cardId;
    await deliver(world, [waiting, collected], '2026-09-30', '2026-09-25');
    await deliver(world, [later], '2026-10-01', '2026-09-25');
    expect(await card(waiting)).toMatchObject({ pickup: { readyOn: '2026-09-30', reminderOn: '2026-12-30', collectBy: '2027-03-29', discardOn: '2027-03-30' } });
    const handedOver = await world.call('clerk', 'POST', `/api/v1/cards/${collected}/issue`, {
      handedOverOn: '2026-11-26',
      pins: PINS,
      identityDocuments: ['driving-licence'],
      notificationCardReturned: true,
    });
    expect(handedOver.status).toBe(200);

    expect(await sweepOn('2027-03-29')).toMatchObject({ abolishedUncollected: 0, refused: 0 });
    expect(await card(waiting)).toMatchObject({ status: 'ready' });
    expect(await sweepOn('2027-03-30')).toMatchObject({ abolishedUncollected: 1, refused: 0 });
    expect(await card(waiting)).toMatchObject({ status: 'abolished', endReason: 'uncollected', endedOn: '2027-03-30', pickup: { readyOn: '2026-09-30' } });
    expect(await card(collected)).toMatchObject({ status: 'active' });
    expect(await card(later)).toMatchObject({ status: 'ready' });
    const history = await world.call('clerk', 'GET', `/api/v1/cards/${waiting}/history`);
    expect(history.body.at(-1)).toMatchObject({ type: 'CardAbolished', data: { reason: 'uncollected', on: '2027-03-30' } });
    const audited = await world.call('auditor', 'GET', `/api/v1/audit?subject=${waiting}&order=newest&limit=1`);
    expect(audited.body[0]).toMatchObject({ action: 'card.abolish', outcome: 'ok', actorId: actor.id });

    // Once destroyed it is not due again; the next card's day comes on its own.
    expect(await sweepOn('2027-03-31')).toMatchObject({ abolishedUncollected: 0 });
    expect(await sweepOn('2027-04-01')).toMatchObject({ abolishedUncollected: 1 });
    expect(await card(later)).toMatchObject({ status: 'abolished', endReason: 'uncollected' });
  });

  it('lets the holder apply again after the card was destroyed', async () => {
    world.clock.set(day('2026-11-26'));
    const { residentId, cardId } = await appliedCard(world);
    await deliver(world, [cardId], '2026-10-05', '2026-10-01');
    await sweepOn('2027-04-05');
    expect(await card(cardId)).toMatchObject({ status: 'abolished', endReason: 'uncollected' });
    const again = await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/card-applications`, {
      applicationDate: '2027-04-05',
      photoTakenOn: '2027-04-01',
      withSignatureCertificate: false,
      withUserCertificate: true,
    });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
  });
});
