/**
 * Pickup appointments under contention (docs/pickup.md "Appointments"): 200 residents with a card
 * waiting book the same slot of 50 places at once, over HTTP on loopback. Exactly 50 must be
 * accepted (201) and 150 refused (409 APPOINTMENT.SLOT_FULL); the latency of each answer is
 * printed (p50, p99, max). On SQLite always, on PostgreSQL when BENCH_DATABASE_URL (or
 * TEST_DATABASE_URL) names a server. The count is checked (a wrong count fails the run); the
 * times are printed, never asserted. `node --import tsx bench/appointments.ts`
 */
import type { AddressInfo } from 'node:net';
import { DIALECTS } from '../test/support/databases.ts';
import { OFFICES } from '../test/support/app.ts';
import { openWorld, residentBody } from '../test/support/world.ts';

const BOOKINGS = 200;
const PLACES = 50;
const SLOT = '2026-11-27T10:00:00+09:00';

if (!process.env.TEST_DATABASE_URL && process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;

// The bench's own office: 本庁舎 taking 50 a slot (offices.json says 3).
const honcho = OFFICES.offices.find((office) => office.id === 'honcho')!;
(honcho as { pickup: unknown }).pickup = { ...honcho.pickup!, capacity: PLACES };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

for (const { name, create } of DIALECTS) {
  const world = await openWorld(await create(), { appointmentLookupFailuresPerAddress: 100_000, appointmentRequestsPerMinute: 100_000 });
  try {
    const cards: { referenceNumber: string; birthDate: string }[] = [];
    for (let i = 0; i < BOOKINGS; i++) {
      const birthDate = `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`;
      const resident = await world.call('clerk', 'POST', '/api/v1/residents', residentBody({ birthDate }));
      const card = await world.call('clerk', 'POST', `/api/v1/residents/${resident.body.id}/card-applications`, { applicationDate: '2026-10-01', photoTakenOn: '2026-09-20', withSignatureCertificate: false, withUserCertificate: true });
      await world.call('clerk', 'POST', `/api/v1/cards/${card.body.id}/manufacture`, { issueDate: '2026-11-20' });
      const row = await world.store.db.selectFrom('cards').select('pickup_reference').where('id', '=', card.body.id).executeTakeFirstOrThrow();
      cards.push({ referenceNumber: row.pickup_reference!, birthDate });
    }
    await world.http.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(world.http.server.address() as AddressInfo).port}`;
    const started = performance.now();
    const answers = await Promise.all(
      cards.map(async (card) => {
        const sent = performance.now();
        const response = await fetch(`${base}/api/v1/appointments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...card, slotStart: SLOT }) });
        await response.arrayBuffer();
        return { status: response.status, ms: performance.now() - sent };
      }),
    );
    const wall = performance.now() - started;
    const accepted = answers.filter((answer) => answer.status === 201).length;
    const full = answers.filter((answer) => answer.status === 409).length;
    const times = answers.map((answer) => answer.ms).sort((a, b) => a - b);
    console.log(
      `${name}: ${BOOKINGS} concurrent bookings for ${PLACES} places: ${accepted} accepted, ${full} slot full, ${BOOKINGS - accepted - full} other; ` +
        `p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms, all in ${wall.toFixed(0)} ms`,
    );
    if (accepted !== PLACES || full !== BOOKINGS - PLACES) process.exitCode = 1;
  } finally {
    await world.close();
    await world.database.drop();
  }
}
