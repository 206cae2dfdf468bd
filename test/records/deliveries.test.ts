import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/app/audit-trail.ts';
import type { PlainDate } from '../../src/rules/plain-date.ts';
import { DIALECTS } from '../support/databases.ts';
import { appliedCard, worldFor } from '../support/world.ts';

const day = (date: string) => date as PlainDate;

describe.each(DIALECTS)('deliveries from J-LIS on $name', ({ create }) => {
  const world = worldFor(create);
  const cards: string[] = [];
  let kasaiCard: string;
  let handedOver: string;

  beforeAll(async () => {
    world.clock.set(day('2026-11-26'));
    for (let index = 0; index < 4; index++) cards.push((await appliedCard(world)).cardId);
    kasaiCard = (await appliedCard(world, {}, 'kasaiClerk')).cardId;
    handedOver = (await appliedCard(world)).cardId;
    await world.call('clerk', 'POST', `/api/v1/cards/${handedOver}/manufacture`, { issueDate: '2026-10-15' });
  });

  const audit = async (action: string) => (await world.call('auditor', 'GET', `/api/v1/audit?action=${action}&order=newest&limit=1000`)).body as { action: string; subjectId: string | null; outcome: string; details: Record<string, unknown> }[];

  it('checks a delivery in: good rows become ready on the day of receipt, each bad row is listed by line with its code', async () => {
    const before = { made: (await audit('card.manufacture')).length, deliveries: (await audit('delivery.check-in')).length };
    const answer = await world.call('clerk', 'POST', '/api/v1/deliveries', {
      officeId: 'honcho',
      receivedOn: '2026-11-24',
      cards: [
        { cardId: cards[0], issueDate: '2026-11-16' },
        { cardId: '00000000-0000-4000-8000-000000000000', issueDate: '2026-11-16' },
        { cardId: cards[1], issueDate: '2026-11-16' },
        { cardId: kasaiCard, issueDate: '2026-11-16' },
        { cardId: handedOver, issueDate: '2026-11-16' },
        { cardId: cards[2], issueDate: '2026-11-31' },
        { cardId: cards[3], issueDate: '2026-08-01' },
        { cardId: cards[1], issueDate: '2026-11-16' },
      ],
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ officeId: 'honcho', receivedOn: '2026-11-24', rows: 8, accepted: 2, unchanged: 0, collectBy: '2027-05-23' });
    expect(answer.body.rejected.map(({ line, code }: { line: number; code: string }) => [line, code])).toEqual([
      [2, 'DELIVERY.UNKNOWN_CARD'],
      [4, 'DELIVERY.OTHER_OFFICE'],
      [5, 'DELIVERY.WRONG_STATUS'],
      [6, 'DELIVERY.BAD_DATE'],
      [7, 'DELIVERY.BAD_DATE'],
      [8, 'DELIVERY.DUPLICATE_ROW'],
    ]);

    const card = await world.call('clerk', 'GET', `/api/v1/cards/${cards[0]}`);
    expect(card.body).toMatchObject({ status: 'ready', issueDate: '2026-11-16', pickup: { readyOn: '2026-11-24', collectBy: '2027-05-23', referenceNumber: expect.stringMatching(/^\d{10}$/) } });
    const other = await world.call('clerk', 'GET', `/api/v1/cards/${cards[1]}`);
    expect(other.body.pickup.referenceNumber).not.toBe(card.body.pickup.referenceNumber);
    for (const untouched of [cards[2], cards[3]]) expect((await world.call('clerk', 'GET', `/api/v1/cards/${untouched}`)).body).toMatchObject({ status: 'applied', pickup: null });
    expect((await world.call('kasaiClerk', 'GET', `/api/v1/cards/${kasaiCard}`)).body.status).toBe('applied');

    const made = (await audit('card.manufacture')).slice(0, (await audit('card.manufacture')).length - before.made);
    expect(made.map((entry) => entry.subjectId).sort()).toEqual([cards[0], cards[1]].sort());
    expect(made.map((entry) => entry.details)).toEqual([1, 2].map(() => expect.objectContaining({ status: 'applied', to: 'ready', deliveryId: answer.body.deliveryId })));
    // The cards' entries are chained as a batch: the trail still holds, link by link.
    expect(await verifyAudit(world.store, world.app.keys)).toMatchObject({ ok: true });
    const deliveries = await audit('delivery.check-in');
    expect(deliveries.slice(0, deliveries.length - before.deliveries)).toMatchObject([
      { outcome: 'ok', subjectId: answer.body.deliveryId, details: { officeId: 'honcho', receivedOn: '2026-11-24', rows: 8, accepted: 2, rejected: { 'DELIVERY.BAD_DATE': 2 } } },
    ]);
  });

  it('changes nothing when the same delivery is sent again, as a Shift_JIS CSV file this time', async () => {
    const before = await world.call('clerk', 'GET', `/api/v1/cards/${cards[0]}`);
    const file = iconv.encode(`card_id,issue_date\r\n${cards[0]},2026-11-16\r\n${cards[1]},2026-11-16\r\nカード,2026-11-16\r\n`, 'cp932');
    const again = await world.http.inject({
      method: 'POST',
      url: '/api/v1/deliveries?officeId=honcho&receivedOn=2026-11-24',
      headers: { ...world.headersOf('clerk'), 'content-type': 'text/csv' },
      payload: file,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ rows: 3, accepted: 0, unchanged: 2, rejected: [{ line: 4, cardId: 'カード', code: 'DELIVERY.UNKNOWN_CARD' }] });
    const after = await world.call('clerk', 'GET', `/api/v1/cards/${cards[0]}`);
    expect(after.body).toEqual(before.body);

    // The same cards in a delivery of another day are not "the same delivery": they are ready already.
    const later = await world.call('clerk', 'POST', '/api/v1/deliveries', { officeId: 'honcho', receivedOn: '2026-11-25', cards: [{ cardId: cards[0], issueDate: '2026-11-16' }] });
    expect(later.body).toMatchObject({ accepted: 0, unchanged: 0, rejected: [{ line: 1, code: 'DELIVERY.WRONG_STATUS' }] });
  });

  it('reads a UTF-8 CSV file with a byte-order mark, and refuses a file without the header, changing nothing', async () => {
    const good = await world.http.inject({
      method: 'POST',
      url: '/api/v1/deliveries?officeId=honcho&receivedOn=2026-11-26',
      headers: { ...world.headersOf('supervisor'), 'content-type': 'text/csv; charset=utf-8' },
      payload: `\uFEFFcard_id,issue_date\n${cards[2]},2026-11-20\n${cards[3]}\n`,
    });
    expect(good.json()).toMatchObject({ accepted: 1, rejected: [{ line: 3, code: 'DELIVERY.BAD_ROW' }] });
    const headless = await world.http.inject({
      method: 'POST',
      url: '/api/v1/deliveries?officeId=honcho&receivedOn=2026-11-26',
      headers: { ...world.headersOf('clerk'), 'content-type': 'text/csv' },
      payload: `${cards[3]},2026-11-20\n`,
    });
    expect(headless.statusCode).toBe(400);
    expect(headless.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(headless.json()).toMatchObject({ code: 'INPUT.INVALID' });
    expect((await world.call('clerk', 'GET', `/api/v1/cards/${cards[3]}`)).body.status).toBe('applied');
  });

  it('refuses a day in the future, an unknown office, and a CSV body without its office', async () => {
    const future = await world.call('clerk', 'POST', '/api/v1/deliveries', { officeId: 'honcho', receivedOn: '2026-11-27', cards: [{ cardId: cards[3], issueDate: '2026-11-20' }] });
    expect(future).toMatchObject({ status: 400, body: { code: 'INPUT.INVALID' } });
    const unknown = await world.call('clerk', 'POST', '/api/v1/deliveries', { officeId: 'nowhere', receivedOn: '2026-11-26', cards: [{ cardId: cards[3], issueDate: '2026-11-20' }] });
    // Staff check in only at their own office; an unknown office is the command line's mistake (cli test).
    expect(unknown).toMatchObject({ status: 403, body: { code: 'AUTH.OFFICE_NOT_ALLOWED' } });
    const csv = await world.http.inject({ method: 'POST', url: '/api/v1/deliveries', headers: { ...world.headersOf('clerk'), 'content-type': 'text/csv' }, payload: `card_id,issue_date\n${cards[3]},2026-11-20\n` });
    expect(csv.statusCode).toBe(400);
    expect((await world.call('clerk', 'GET', `/api/v1/cards/${cards[3]}`)).body.status).toBe('applied');
  });

  it('refuses staff of another office and other roles, and records the refusal', async () => {
    const delivery = { officeId: 'honcho', receivedOn: '2026-11-26', cards: [{ cardId: cards[3], issueDate: '2026-11-20' }] };
    expect(await world.call('kasaiClerk', 'POST', '/api/v1/deliveries', delivery)).toMatchObject({ status: 403, body: { code: 'AUTH.OFFICE_NOT_ALLOWED' } });
    expect(await world.call('kasaiSupervisor', 'POST', '/api/v1/deliveries', delivery)).toMatchObject({ status: 403, body: { code: 'AUTH.OFFICE_NOT_ALLOWED' } });
    expect(await world.call('hotline', 'POST', '/api/v1/deliveries', delivery)).toMatchObject({ status: 403, body: { code: 'AUTH.COUNTER_ONLY' } });
    expect(await world.call('auditor', 'POST', '/api/v1/deliveries', delivery)).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
    expect(await world.call('admin', 'POST', '/api/v1/deliveries', delivery)).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
    expect(await world.call(null, 'POST', '/api/v1/deliveries', delivery)).toMatchObject({ status: 401 });
    expect((await world.call('clerk', 'GET', `/api/v1/cards/${cards[3]}`)).body.status).toBe('applied');
    expect((await audit('delivery.check-in'))[0]).toMatchObject({ outcome: 'refused', details: { officeId: 'honcho' } });
  });
});
