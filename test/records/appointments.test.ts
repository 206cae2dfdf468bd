import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.ts';
import { openWorld, residentBody, type World } from '../support/world.ts';

/** The test clock stands at 2026-11-26 (a Thursday) from 9:00 in Japan; 本庁舎 takes 3 a slot, 9:00–16:30 on weekdays (config/offices.json). */
const FRIDAY_9 = '2026-11-27T09:00:00+09:00';
const FRIDAY_930 = '2026-11-27T09:30:00+09:00';
const FRIDAY_10 = '2026-11-27T10:00:00+09:00';

interface ReadyCard {
  readonly residentId: string;
  readonly cardId: string;
  readonly referenceNumber: string;
  readonly birthDate: string;
}

let serial = 0;

/** A resident whose card arrived today at `office` (the clerk's counter by default), with the 照会番号 its notice bears. */
async function readyCard(world: World, who: 'clerk' | 'kasaiClerk' = 'clerk'): Promise<ReadyCard> {
  serial++;
  const birthDate = `19${60 + (serial % 40)}-0${1 + (serial % 9)}-1${serial % 10}`;
  const resident = await world.call(who, 'POST', '/api/v1/residents', residentBody({ birthDate, familyName: '予約', givenName: `${serial}子`, familyNameKana: 'ヨヤク', givenNameKana: 'コ' }));
  if (resident.status !== 201) throw new Error(JSON.stringify(resident.body));
  const card = await world.call(who, 'POST', `/api/v1/residents/${resident.body.id}/card-applications`, { applicationDate: '2026-10-01', photoTakenOn: '2026-09-20', withSignatureCertificate: false, withUserCertificate: true });
  if (card.status !== 201) throw new Error(JSON.stringify(card.body));
  const made = await world.call(who, 'POST', `/api/v1/cards/${card.body.id}/manufacture`, { issueDate: '2026-11-20' });
  if (made.status !== 200) throw new Error(JSON.stringify(made.body));
  const row = await world.store.db.selectFrom('cards').select('pickup_reference').where('id', '=', card.body.id).executeTakeFirstOrThrow();
  return { residentId: resident.body.id, cardId: card.body.id, referenceNumber: row.pickup_reference!, birthDate };
}

const book = (world: World, card: ReadyCard, slotStart: string, overrides: Record<string, unknown> = {}) =>
  world.call(null, 'POST', '/api/v1/appointments', { referenceNumber: card.referenceNumber, birthDate: card.birthDate, slotStart, ...overrides });

/** A well-formed 照会番号 (its check digit right) that no card bears. */
function otherReference(reference: string): string {
  for (let n = 0; ; n++) {
    const nine = String((Number(reference.slice(0, 9)) + 1 + n) % 1e9).padStart(9, '0');
    for (let digit = 0; digit < 10; digit++) {
      const candidate = nine + digit;
      if (luhnValid(candidate)) return candidate;
    }
  }
}

function luhnValid(ten: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let digit = Number(ten[9 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

function worldWith(create: () => Promise<Parameters<typeof openWorld>[0]>, options: Parameters<typeof openWorld>[1]): World {
  let opened: World | undefined;
  beforeAll(async () => {
    opened = await openWorld(await create(), options);
  });
  afterAll(async () => {
    await opened?.close();
    await opened?.database.drop();
  });
  return new Proxy({} as World, { get: (_target, key) => Reflect.get(opened!, key) });
}

describe.each(DIALECTS)('pickup appointments on $name', ({ create }) => {
  const world = worldWith(create, { appointmentLookupFailuresPerAddress: 1000, appointmentRequestsPerMinute: 10_000 });

  it('lists the office slots with the places left, skipping the weekend and what has begun', async () => {
    const slots = await world.call(null, 'GET', '/api/v1/appointments/slots?officeId=honcho&from=2026-11-26&to=2026-11-30');
    expect(slots.status).toBe(200);
    expect(slots.body.office).toMatchObject({ id: 'honcho', name: 'マイナンバーカード専用窓口(本庁舎)' });
    const starts = slots.body.slots.map((slot: { start: string }) => slot.start);
    // Today from 9:00 in Japan: the 9:00 slot has begun; Saturday and Sunday have none.
    expect(starts).not.toContain('2026-11-26T09:00:00+09:00');
    expect(starts).toContain('2026-11-26T09:30:00+09:00');
    expect(starts.some((start: string) => start.startsWith('2026-11-28') || start.startsWith('2026-11-29'))).toBe(false);
    expect(slots.body.slots.find((slot: { start: string }) => slot.start === FRIDAY_9)).toEqual({ start: FRIDAY_9, end: FRIDAY_930, remaining: 3 });
    expect(starts.at(-1)).toBe('2026-11-30T16:00:00+09:00');
    expect((await world.call(null, 'GET', '/api/v1/appointments/slots?officeId=nowhere&from=2026-11-26&to=2026-11-30')).body.code).toBe('OFFICE.UNKNOWN');
    expect((await world.call(null, 'GET', '/api/v1/appointments/slots?officeId=honcho&from=2026-11-26&to=2027-01-30')).status).toBe(400);
  });

  it('books, moves and cancels; the places follow and every step is audited without a name', async () => {
    const card = await readyCard(world);
    const booked = await book(world, card, FRIDAY_10);
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect(booked.body).toMatchObject({ slotStart: FRIDAY_10, slotEnd: '2026-11-27T10:30:00+09:00', office: { id: 'honcho' }, collectBy: '2027-05-25', movedFrom: null });
    expect(booked.body.cancelCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(JSON.stringify(booked.body)).not.toContain('予約');
    const remaining = async (start: string) =>
      (await world.call(null, 'GET', '/api/v1/appointments/slots?officeId=honcho&from=2026-11-27&to=2026-11-27')).body.slots.find((slot: { start: string }) => slot.start === start).remaining;
    expect(await remaining(FRIDAY_10)).toBe(2);

    // Booking again moves it: the same appointment, a new cancel code, the old place given back.
    const moved = await book(world, card, '2026-11-27T01:30:00Z');
    expect(moved).toMatchObject({ status: 201, body: { id: booked.body.id, slotStart: '2026-11-27T10:30:00+09:00', movedFrom: FRIDAY_10 } });
    expect(moved.body.cancelCode).not.toBe(booked.body.cancelCode);
    expect([await remaining(FRIDAY_10), await remaining('2026-11-27T10:30:00+09:00')]).toEqual([3, 2]);
    const stored = await world.store.db.selectFrom('appointments').selectAll().where('id', '=', booked.body.id).executeTakeFirstOrThrow();
    expect(stored.cancel_code_hash).not.toContain(moved.body.cancelCode.replace(/-/g, ''));
    expect(stored.cancel_code_hash).toMatch(/^[0-9a-f]{64}$/);

    // The old code no longer cancels; the new one does, once.
    expect(await world.call(null, 'DELETE', `/api/v1/appointments/${booked.body.id}?cancelCode=${booked.body.cancelCode}`)).toMatchObject({ status: 404, body: { code: 'APPOINTMENT.NOT_FOUND' } });
    const typed = moved.body.cancelCode.toLowerCase().replace(/-/g, '');
    expect(await world.call(null, 'DELETE', `/api/v1/appointments/${booked.body.id}?cancelCode=${typed}`)).toMatchObject({ status: 200, body: { id: booked.body.id, slotStart: '2026-11-27T10:30:00+09:00' } });
    expect(await remaining('2026-11-27T10:30:00+09:00')).toBe(3);
    expect((await world.call(null, 'DELETE', `/api/v1/appointments/${booked.body.id}?cancelCode=${typed}`)).status).toBe(404);

    const audit = await world.call('auditor', 'GET', `/api/v1/audit?subject=${booked.body.id}`);
    const entries = audit.body;
    expect(entries.map((entry: { action: string; outcome: string }) => `${entry.action}:${entry.outcome}`).sort()).toEqual(['appointment.book:ok', 'appointment.book:ok', 'appointment.cancel:ok']);
    expect(JSON.stringify(entries)).not.toContain(card.birthDate);
    expect(audit.status).toBe(200);
    expect(JSON.stringify(entries)).not.toContain(card.referenceNumber);
  });

  it('refuses what cannot be booked, each with its code, changing nothing', async () => {
    const card = await readyCard(world);
    // One answer whether the number or the birth date is wrong.
    const unknown = await book(world, card, FRIDAY_9, { referenceNumber: otherReference(card.referenceNumber) });
    const wrongDate = await book(world, card, FRIDAY_9, { birthDate: '1950-01-01' });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'APPOINTMENT.NOT_FOUND' } });
    expect({ ...wrongDate.body, instance: undefined }).toEqual({ ...unknown.body, instance: undefined });
    // A mistyped digit (the check digit does not match) is told as such.
    const typo = card.referenceNumber.slice(0, 9) + String((Number(card.referenceNumber[9]) + 1) % 10);
    expect(await book(world, card, FRIDAY_9, { referenceNumber: typo })).toMatchObject({ status: 400, body: { code: 'INPUT.INVALID', errors: [{ pointer: '/referenceNumber' }] } });
    expect(await book(world, card, '2026-11-26T09:00:00+09:00')).toMatchObject({ status: 409, body: { code: 'APPOINTMENT.SLOT_PAST' } });
    expect(await book(world, card, '2026-11-28T10:00:00+09:00')).toMatchObject({ status: 422, body: { code: 'APPOINTMENT.NOT_A_SLOT' } });
    expect(await book(world, card, '2026-11-27T09:15:00+09:00')).toMatchObject({ status: 422, body: { code: 'APPOINTMENT.NOT_A_SLOT' } });
    // collectBy is 2027-05-25 (R-19: ready 2026-11-26, kept six months): the day after is refused.
    expect(await book(world, card, '2027-05-26T09:00:00+09:00')).toMatchObject({ status: 422, body: { code: 'APPOINTMENT.AFTER_COLLECT_BY' } });
    expect(await book(world, card, '2027-05-25T09:00:00+09:00')).toMatchObject({ status: 201 });
    expect(await world.store.db.selectFrom('appointments').select('id').where('card_id', '=', card.cardId).execute()).toHaveLength(1);
    expect((await book(world, card, FRIDAY_9, { slotStart: 'tomorrow' })).status).toBe(400);

    // A card handed over is no longer waiting.
    const handed = await world.call('clerk', 'POST', `/api/v1/cards/${card.cardId}/issue`, {
      handedOverOn: '2026-11-26',
      pins: { user: '1234', residentRegistry: '5678', cardInfo: '1234' },
      identityDocuments: ['driving-licence'],
      notificationCardReturned: true,
    });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    expect(await book(world, card, FRIDAY_9)).toMatchObject({ status: 409, body: { code: 'APPOINTMENT.CARD_NOT_READY' } });
  });

  it('gives the last place of a slot to one of two bookings at the same moment', async () => {
    const cards = [await readyCard(world), await readyCard(world), await readyCard(world), await readyCard(world)];
    expect((await book(world, cards[0]!, FRIDAY_930)).status).toBe(201);
    expect((await book(world, cards[1]!, FRIDAY_930)).status).toBe(201);
    const both = await Promise.all([book(world, cards[2]!, FRIDAY_930), book(world, cards[3]!, FRIDAY_930)]);
    expect(both.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(both.find((answer) => answer.status === 409)!.body.code).toBe('APPOINTMENT.SLOT_FULL');
    const row = await world.store.db.selectFrom('appointment_slots').select('booked').where('office_id', '=', 'honcho').where('slot_start', '=', FRIDAY_930).executeTakeFirstOrThrow();
    expect(Number(row.booked)).toBe(3);
    expect(await world.store.db.selectFrom('appointments').select('id').where('slot_start', '=', FRIDAY_930).where('status', '=', 'booked').execute()).toHaveLength(3);
  });

  it("shows an office's day to its own clerks, with names and cards, and lets them mark a no-show", async () => {
    const card = await readyCard(world);
    const booked = await book(world, card, '2026-11-26T10:00:00+09:00');
    expect(booked.status).toBe(201);
    const day = await world.call('clerk', 'GET', '/api/v1/appointments?officeId=honcho&date=2026-11-26');
    expect(day.status).toBe(200);
    const listed = day.body.appointments.find((appointment: { id: string }) => appointment.id === booked.body.id);
    expect(listed).toMatchObject({ slotStart: '2026-11-26T10:00:00+09:00', status: 'booked', resident: { id: card.residentId, familyName: '予約' }, card: { id: card.cardId, status: 'ready' } });
    // The supervisors' dashboard counts today's bookings (docs/pickup.md "The pipeline for supervisors").
    const bookedToday = day.body.appointments.filter((appointment: { status: string }) => appointment.status === 'booked').length;
    expect(bookedToday).toBeGreaterThanOrEqual(1);
    expect((await world.call('supervisor', 'GET', '/api/v1/reports/dashboard')).body.pickup.bookedToday).toBe(bookedToday);

    // Other offices, the hotline and roles without counter work are refused.
    expect(await world.call('kasaiClerk', 'GET', '/api/v1/appointments?officeId=honcho&date=2026-11-26')).toMatchObject({ status: 403, body: { code: 'AUTH.OFFICE_NOT_ALLOWED' } });
    expect(await world.call('kasaiSupervisor', 'GET', '/api/v1/appointments?officeId=honcho&date=2026-11-26')).toMatchObject({ status: 403, body: { code: 'AUTH.OFFICE_NOT_ALLOWED' } });
    expect((await world.call('hotline', 'GET', '/api/v1/appointments?officeId=honcho&date=2026-11-26')).status).toBe(403);
    expect((await world.call('auditor', 'GET', '/api/v1/appointments?officeId=honcho&date=2026-11-26')).status).toBe(403);
    expect((await world.call(null, 'GET', '/api/v1/appointments?officeId=honcho&date=2026-11-26')).status).toBe(401);
    expect(await world.call('kasaiClerk', 'POST', `/api/v1/appointments/${booked.body.id}/no-show`, {})).toMatchObject({ status: 403, body: { code: 'AUTH.OFFICE_NOT_ALLOWED' } });

    // Not before its time.
    expect(await world.call('clerk', 'POST', `/api/v1/appointments/${booked.body.id}/no-show`, {})).toMatchObject({ status: 409, body: { code: 'APPOINTMENT.NOT_YET' } });
    world.clock.set('2026-11-27' as never);
    try {
      const missed = await world.call('clerk', 'POST', `/api/v1/appointments/${booked.body.id}/no-show`, {});
      expect(missed).toMatchObject({ status: 200, body: { id: booked.body.id, status: 'no-show' } });
      expect(await world.call('supervisor', 'POST', `/api/v1/appointments/${booked.body.id}/no-show`, {})).toMatchObject({ status: 409, body: { code: 'APPOINTMENT.NOT_BOOKED' } });
      const audit = await world.call('auditor', 'GET', `/api/v1/audit?subject=${booked.body.id}&action=appointment.no-show`);
      const entries = audit.body;
      expect(entries.map((entry: { outcome: string; actorId: string }) => [entry.outcome, entry.actorId])).toContainEqual(['ok', world.ids.clerk]);
      // The card still waits: its holder may book again.
      expect((await book(world, card, '2026-11-30T09:00:00+09:00')).status).toBe(201);
    } finally {
      world.clock.set('2026-11-26' as never);
    }
  });
});

describe.each(DIALECTS)('the enumeration budget on $name', ({ create }) => {
  const world = worldWith(create, { appointmentLookupFailuresPerAddress: 3 });

  it('answers unknown numbers and wrong birth dates alike, then 429 for the address, not for another', async () => {
    const card = await readyCard(world);
    const unknown = () => book(world, card, FRIDAY_9, { referenceNumber: otherReference(card.referenceNumber) });
    const wrongDate = () => book(world, card, FRIDAY_9, { birthDate: '1950-01-01' });
    // Right answers spend nothing.
    for (let i = 0; i < 5; i++) expect((await book(world, card, FRIDAY_9)).status).toBe(201);
    const answers = [await unknown(), await wrongDate(), await unknown()];
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404]);
    expect(new Set(answers.map((answer) => JSON.stringify({ ...answer.body, instance: undefined }))).size).toBe(1);
    const throttled = await wrongDate();
    expect(throttled).toMatchObject({ status: 429, body: { code: 'REQUEST.THROTTLED' } });
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    // Now even the right number and date wait; so does guessing cancel codes.
    expect((await book(world, card, FRIDAY_9)).status).toBe(429);
    expect((await world.call(null, 'DELETE', '/api/v1/appointments/00000000-0000-7000-8000-000000000000?cancelCode=AAAA-AAAA-AAAA')).status).toBe(429);
    // Another address has its own budget.
    const elsewhere = await world.http.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      remoteAddress: '192.0.2.7',
      payload: { referenceNumber: card.referenceNumber, birthDate: card.birthDate, slotStart: FRIDAY_9 },
    });
    expect(elsewhere.statusCode).toBe(201);
  });
});
