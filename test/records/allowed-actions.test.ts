import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.ts';
import { residentBody, residentWithActiveCard, worldFor } from '../support/world.ts';

describe.each(DIALECTS)('the web asks the server what may be done, on $name', ({ create }) => {
  const world = worldFor(create);

  it('tells each signed-in role its permissions, and nothing more', async () => {
    const session = await world.call('hotline', 'GET', '/api/v1/session');
    expect(session.body.permissions.sort()).toEqual(['card.read', 'card.suspend', 'resident.search']);
    const clerk = await world.call('clerk', 'GET', '/api/v1/session');
    expect(clerk.body.permissions).toContain('card.counter-procedure');
    expect(clerk.body.permissions).not.toContain('approval.decide');
  });

  it('names the actions a card allows to the one asking: the hotline only suspends, a clerk does the counter procedures the status allows', async () => {
    const { cardId, residentId } = await residentWithActiveCard(world);
    const asHotline = await world.call('hotline', 'GET', `/api/v1/cards/${cardId}`);
    expect(asHotline.body.allowedActions).toEqual(['suspend']);
    const asClerk = await world.call('clerk', 'GET', `/api/v1/cards/${cardId}`);
    expect(asClerk.body.allowedActions).toEqual(expect.arrayContaining(['add-front-note', 'suspend', 'reset-pin', 'replace', 'return']));
    // No continuation is pending, and a national's card does not follow a period of stay.
    expect(asClerk.body.allowedActions).not.toContain('continue');
    expect(asClerk.body.allowedActions).not.toContain('extend');
    const suspended = await world.call('hotline', 'POST', `/api/v1/cards/${cardId}/suspend`, { reason: 'lost', channel: 'hotline' });
    expect(suspended.body.allowedActions).toEqual([]);
    const resident = await world.call('clerk', 'GET', `/api/v1/residents/${residentId}`);
    expect(resident.body.cards[0].allowedActions).toEqual(expect.arrayContaining(['resume', 'replace', 'return']));
    expect(resident.body.cards[0].allowedActions).not.toContain('suspend');
  });

  it('names what may be asked about a resident: a first card only without a live one, the period of stay only for a foreign resident who has one', async () => {
    const registered = await world.call('clerk', 'POST', '/api/v1/residents', residentBody());
    const resident = await world.call('clerk', 'GET', `/api/v1/residents/${registered.body.id}`);
    expect(resident.body.allowedActions).toEqual(['change-address', 'change-name', 'move-out', 'set-guardianship', 'record-death', 'apply-for-card']);
    const asSupervisor = await world.call('supervisor', 'GET', `/api/v1/residents/${registered.body.id}`);
    expect(asSupervisor.body.allowedActions).toContain('change-number');
    const foreign = await world.call('clerk', 'POST', '/api/v1/residents', residentBody({ nationality: 'VN', residency: 'foreign-with-period', periodOfStayEnd: '2028-03-31', residenceCardNumber: 'AB12345678CD' }));
    expect((await world.call('clerk', 'GET', `/api/v1/residents/${foreign.body.id}`)).body.allowedActions).toContain('update-period-of-stay');
    const { residentId } = await residentWithActiveCard(world);
    expect((await world.call('clerk', 'GET', `/api/v1/residents/${residentId}`)).body.allowedActions).not.toContain('apply-for-card');
  });
});
