import { beforeAll, describe, expect, it } from 'vitest';
import { endCard } from '../../src/app/cards/end-card.ts';
import { systemActor } from '../../src/app/staff.ts';
import type { CardStatus } from '../../src/domain/card.ts';
import { TRANSITIONS, type CardAction } from '../../src/domain/card-transitions.ts';
import { DIALECTS } from '../support/databases.ts';
import { openWorld, PINS, residentBody, residentWithActiveCard, type Who, worldFor } from '../support/world.ts';

/** Each card command with a body that would be accepted in a status that allows it. */
const COMMANDS: readonly { action: CardAction; path: string; body: Record<string, unknown> }[] = [
  { action: 'manufacture', path: 'manufacture', body: { issueDate: '2026-11-20' } },
  { action: 'issue', path: 'issue', body: { handedOverOn: '2026-11-26', pins: PINS, identityDocuments: ['passport'], notificationCardReturned: false } },
  { action: 'suspend', path: 'suspend', body: { reason: 'lost', channel: 'counter' } },
  { action: 'resume', path: 'resume', body: { identityDocuments: ['passport'] } },
  { action: 'verify-pin', path: 'pins/user/verify', body: { pin: PINS.user } },
  { action: 'reset-pin', path: 'pins/user/reset', body: { newPin: '2468', identityDocuments: ['passport'] } },
  { action: 'add-front-note', path: 'front-notes', body: { kind: 'other', text: '備考', date: '2026-11-26', pin: PINS.residentRegistry } },
  { action: 'continue', path: 'continuation', body: { pin: PINS.residentRegistry, presentedBy: 'holder', date: '2026-11-26' } },
  { action: 'extend', path: 'extension', body: { newPeriodOfStayEnd: '2030-01-01', today: '2026-11-26' } },
  { action: 'replace', path: 'reissue', body: { reason: 'damaged', photoTakenOn: '2026-11-01', applicationDate: '2026-11-26', identityDocuments: ['passport'] } },
  { action: 'return', path: 'return', body: { reason: 'not-needed' } },
];

describe.each(DIALECTS)('refusals on $name', ({ create }) => {
  const world = worldFor(create);
  const cards = {} as Record<CardStatus, string>;

  beforeAll(async () => {
    const apply = async () => {
      const resident = await world.call('clerk', 'POST', '/api/v1/residents', residentBody());
      const card = await world.call('clerk', 'POST', `/api/v1/residents/${resident.body.id}/card-applications`, {
        applicationDate: '2026-11-01',
        photoTakenOn: '2026-10-20',
        withSignatureCertificate: true,
        withUserCertificate: true,
      });
      return card.body.id as string;
    };
    cards.applied = await apply();
    cards.ready = await apply();
    await world.call('clerk', 'POST', `/api/v1/cards/${cards.ready}/manufacture`, { issueDate: '2026-11-20' });
    cards.active = (await residentWithActiveCard(world)).cardId;
    cards.suspended = (await residentWithActiveCard(world)).cardId;
    await world.call('hotline', 'POST', `/api/v1/cards/${cards.suspended}/suspend`, { reason: 'lost', channel: 'hotline' });
    cards.expired = (await residentWithActiveCard(world)).cardId;
    // The card made by residentWithActiveCard runs to 2036-05-10: it expires the day after.
    const expired = await endCard(world.app, systemActor('test'), cards.expired, { type: 'expire', on: '2036-05-11' as never });
    expect(expired.ok).toBe(true);
    const abroad = await residentWithActiveCard(world);
    cards.abolished = abroad.cardId;
    // Filed after the move: the card is abolished at once, dated on the move-out.
    await world.call('clerk', 'POST', `/api/v1/residents/${abroad.residentId}/move-out`, { plannedMoveOutDate: '2026-11-20', destination: 'Italia', abroad: true });
    cards.returned = (await residentWithActiveCard(world)).cardId;
    await world.call('clerk', 'POST', `/api/v1/cards/${cards.returned}/return`, { reason: 'not-needed' });
  });

  it('has a card in every status', async () => {
    for (const [status, id] of Object.entries(cards)) expect((await world.call('clerk', 'GET', `/api/v1/cards/${id}`)).body.status).toBe(status);
  });

  const refused = Object.entries(TRANSITIONS).flatMap(([status, allowed]) =>
    COMMANDS.filter((command) => !(allowed as readonly string[]).includes(command.action)).map((command) => ({ status: status as CardStatus, ...command })),
  );

  it.each(refused)('refuses $action on a $status card and changes nothing', async ({ status, path, body }) => {
    const id = cards[status];
    const before = await world.call('clerk', 'GET', `/api/v1/cards/${id}`);
    const historyBefore = await world.call('clerk', 'GET', `/api/v1/cards/${id}/history`);
    const answer = await world.call('clerk', 'POST', `/api/v1/cards/${id}/${path}`, body);
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ code: 'CARD.INVALID_TRANSITION', currentStatus: status });
    expect(answer.body.detail).toContain(status);
    expect((await world.call('clerk', 'GET', `/api/v1/cards/${id}`)).body).toEqual(before.body);
    expect((await world.call('clerk', 'GET', `/api/v1/cards/${id}/history`)).body).toEqual(historyBefore.body);
  });

  it('refuses a resident change that the registration state does not allow, changing nothing', async () => {
    const resident = await world.call('clerk', 'POST', '/api/v1/residents', residentBody());
    await world.call('clerk', 'POST', `/api/v1/residents/${resident.body.id}/move-out`, { plannedMoveOutDate: '2026-12-01', destination: '大阪市' });
    const before = await world.call('clerk', 'GET', `/api/v1/residents/${resident.body.id}`);
    for (const [path, body] of [
      ['address-change', { address: '東京都江戸川区一之江1', effectiveDate: '2026-11-26' }],
      ['move-out', { plannedMoveOutDate: '2026-12-02', destination: '京都市' }],
    ] as const) {
      const answer = await world.call('clerk', 'POST', `/api/v1/residents/${resident.body.id}/${path}`, body);
      expect(answer).toMatchObject({ status: 409, body: { code: 'RESIDENT.INVALID_TRANSITION', registration: 'moved-out' } });
    }
    expect((await world.call('clerk', 'GET', `/api/v1/residents/${resident.body.id}`)).body).toEqual(before.body);
  });

  it.each([
    ['hotline', 'POST', '/api/v1/residents', 'AUTH.COUNTER_ONLY'],
    ['hotline', 'GET', '/api/v1/residents/{resident}', 'AUTH.COUNTER_ONLY'],
    ['hotline', 'POST', '/api/v1/residents/{resident}/individual-number/reveal', 'AUTH.COUNTER_ONLY'],
    ['hotline', 'POST', '/api/v1/cards/{card}/pins/user/reset', 'AUTH.COUNTER_ONLY'],
    ['auditor', 'GET', '/api/v1/residents?q=%E3%82%A8', 'AUTH.FORBIDDEN'],
    ['auditor', 'POST', '/api/v1/cards/{card}/suspend', 'AUTH.FORBIDDEN'],
    ['admin', 'GET', '/api/v1/residents/{resident}', 'AUTH.FORBIDDEN'],
    ['admin', 'GET', '/api/v1/cards/{card}', 'AUTH.FORBIDDEN'],
    ['clerk', 'GET', '/api/v1/staff', 'AUTH.FORBIDDEN'],
    ['clerk', 'GET', '/api/v1/audit', 'AUTH.FORBIDDEN'],
    ['clerk', 'POST', '/api/v1/residents/{resident}/individual-number-change', 'AUTH.FORBIDDEN'],
    ['supervisor', 'POST', '/api/v1/staff', 'AUTH.FORBIDDEN'],
  ] as [Who, 'GET' | 'POST', string, string][])('refuses %s %s %s with 403 %s', async (who, method, template, code) => {
    const { residentId, cardId } = await residentWithActiveCard(world);
    const url = template.replace('{resident}', residentId).replace('{card}', cardId);
    const bodies: Record<string, unknown> = {
      '/api/v1/residents': residentBody(),
      reveal: { purpose: 'test' },
      reset: { newPin: '2468', identityDocuments: ['passport'] },
      suspend: { reason: 'lost', channel: 'counter' },
      'individual-number-change': { reason: 'test' },
      '/api/v1/staff': { username: 'newbie', name: 'N', role: 'clerk', officeId: 'honcho' },
    };
    const body = method === 'POST' ? (Object.entries(bodies).find(([key]) => url.endsWith(key))?.[1] ?? {}) : undefined;
    const answer = await world.call(who, method, url, body);
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe(code);
    if (url.endsWith('/suspend')) expect((await world.call('clerk', 'GET', `/api/v1/cards/${cardId}`)).body.status).toBe('active');
  });

  it('asks for a sign-in without one', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/residents?q=%E3%82%A8'],
      ['POST', `/api/v1/cards/${cards.active}/suspend`],
      ['GET', '/api/v1/audit/verify'],
    ] as const) {
      const answer = await world.call(null, method, url, method === 'POST' ? { reason: 'lost', channel: 'hotline' } : undefined);
      expect(answer).toMatchObject({ status: 401, body: { code: 'AUTH.UNAUTHENTICATED' } });
    }
  });
});

describe.each(DIALECTS)('the cards read model on $name', ({ create }) => {
  it('is what the events fold to, and is rebuilt from them when a row was damaged', async () => {
    const world = await openWorld(await create());
    const { cardId } = await residentWithActiveCard(world);
    await world.call('hotline', 'POST', `/api/v1/cards/${cardId}/suspend`, { reason: 'stolen', channel: 'hotline' });
    const { rebuildCards } = await import('../../src/app/rebuild.ts');
    expect(await rebuildCards(world.app, systemActor('test'))).toEqual({ cards: 1, rebuilt: [] });
    const before = (await world.call('clerk', 'GET', `/api/v1/cards/${cardId}`)).body;
    await world.store.db.updateTable('cards').set({ status: 'active', suspension: null }).where('id', '=', cardId).execute();
    expect((await world.call('clerk', 'GET', `/api/v1/cards/${cardId}`)).body.status).toBe('active');
    expect(await rebuildCards(world.app, systemActor('test'))).toEqual({ cards: 1, rebuilt: [cardId] });
    expect((await world.call('clerk', 'GET', `/api/v1/cards/${cardId}`)).body).toEqual(before);
    expect((await world.call('auditor', 'GET', `/api/v1/audit?action=card.rebuild`)).body).toHaveLength(1);
  });
});
