/**
 * Pickup appointments under contention (docs/pickup.md "Appointments"): 200 residents with a card
 * waiting book the same slot of 50 places at once, over HTTP on loopback. Exactly 50 must be
 * accepted (201) and 150 refused (409 APPOINTMENT.SLOT_FULL); the latency of each answer is
 * printed (p50, p99, max). The burst runs once to warm the server up and then ROUNDS times on a
 * freed slot; the median of the rounds is printed with the spread of their p99 (one burst's p99
 * swings by a third from run to run on a shared 2-core machine), and beside it the floor: the same
 * bursts from the same client to a bare Fastify route. The residents are a separate process, each on a connection of its own,
 * as in production (bench/records.ts): a client in the server's own process would spend the
 * server's event loop on its requests and count that as the server's latency. In the same run,
 * for scale on a shared machine, the raw figure: one booking at a time (another slot), p50. On
 * SQLite always, on PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server. The
 * count is checked (a wrong count fails the run); the times are printed, never asserted.
 * `node --import tsx bench/appointments.ts`
 */
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIALECTS } from '../test/support/databases.ts';
import { OFFICES } from '../test/support/app.ts';
import { openWorld, residentBody } from '../test/support/world.ts';

const BOOKINGS = 200;
const PLACES = 50;
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const SLOT = '2026-11-27T10:00:00+09:00';
const ALONE = '2026-11-27T11:00:00+09:00';

if (!process.env.TEST_DATABASE_URL && process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;

// The bench's own office: 本庁舎 taking 50 a slot (offices.json says 3).
const honcho = OFFICES.offices.find((office) => office.id === 'honcho')!;
(honcho as { pickup: unknown }).pickup = { ...honcho.pickup!, capacity: PLACES };

/**
 * The residents: a process of their own that sends every booking at once, each on a new
 * connection, and answers with each one's status and time from its sending to its last byte.
 */
const CLIENTS = `
const http = require('node:http');
let input = '';
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', async () => {
  const { url, bodies } = JSON.parse(input);
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const answers = await Promise.all(bodies.map((body) => new Promise((resolve, reject) => {
    const sent = performance.now();
    const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      response.on('data', () => undefined);
      response.on('end', () => resolve({ status: response.statusCode, ms: performance.now() - sent }));
    });
    request.on('error', reject);
    request.end(body);
  })));
  process.stdout.write(JSON.stringify(answers));
});`;

function bookAllAtOnce(url: string, bodies: string[]): Promise<{ status: number; ms: number }[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', CLIENTS], { stdio: ['pipe', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output) as { status: number; ms: number }[]) : reject(new Error(`the booking clients exited with ${code}`))));
    child.stdin.end(JSON.stringify({ url, bodies }));
  });
}

interface Burst {
  readonly p50: number;
  readonly p99: number;
  /** The lowest and highest p99 of the rounds. */
  readonly spread: readonly [number, number];
  readonly wall: number;
  /** The server's CPU time (user and system) per request over the timed rounds, in ms. */
  readonly cpuPerRequest: number;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const describe = (burst: Burst) =>
  `p50 ${burst.p50.toFixed(1)} ms, p99 ${burst.p99.toFixed(1)} ms (rounds ${burst.spread[0].toFixed(1)}–${burst.spread[1].toFixed(1)}), all in ${burst.wall.toFixed(0)} ms, ` +
  `server CPU ${(burst.cpuPerRequest * 1000).toFixed(0)} µs a request`;

/** The bodies sent all at once, 1 + ROUNDS times; `after` checks each round's answers and frees the slot. */
async function rounds(url: string, bodies: string[], cpuMs: () => number, after: (answers: { status: number; ms: number }[], round: number) => Promise<void>): Promise<Burst> {
  const timed: { p50: number; p99: number; wall: number }[] = [];
  let cpu = 0;
  for (let round = 0; round <= ROUNDS; round++) {
    const started = performance.now();
    const cpuBefore = cpuMs();
    const answers = await bookAllAtOnce(url, bodies);
    const wall = performance.now() - started;
    if (round > 0) cpu += cpuMs() - cpuBefore;
    await after(answers, round);
    const times = answers.map((answer) => answer.ms).sort((a, b) => a - b);
    if (round > 0) timed.push({ p50: percentile(times, 50), p99: percentile(times, 99), wall });
  }
  const p99s = timed.map((round) => round.p99).sort((a, b) => a - b);
  return { p50: median(timed.map((round) => round.p50)), p99: median(p99s), spread: [p99s[0]!, p99s.at(-1)!], wall: median(timed.map((round) => round.wall)), cpuPerRequest: cpu / (ROUNDS * bodies.length) };
}

/**
 * The floor, for the ratio: the same bursts from the same client process to a bare Fastify server
 * (its own process) whose one route reads the JSON body and answers 201 with a small JSON object.
 */
async function bareFastify(bodies: string[]): Promise<Burst> {
  const source = `
    const fastify = require('fastify')();
    fastify.post('/book', async (request, reply) => reply.code(201).send({ id: String(request.body.referenceNumber) }));
    fastify.listen({ port: 0, host: '127.0.0.1' }).then(() => process.stdout.write(String(fastify.server.address().port) + '\\n'));`;
  const server = spawn(process.execPath, ['-e', source], { cwd: path.resolve(import.meta.dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<string>((resolve) => server.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
    // Its CPU from /proc (user and system clock ticks, 100 a second on Linux).
    const cpuMs = () => readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1]!.split(' ').slice(11, 13).reduce((sum, ticks) => sum + Number(ticks) * 10, 0);
    return await rounds(`http://127.0.0.1:${port}/book`, bodies, cpuMs, async () => undefined);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.on('exit', resolve));
  }
}

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
    const url = `http://127.0.0.1:${(world.http.server.address() as AddressInfo).port}/api/v1/appointments`;
    // The raw figure: a few of the same residents book another slot one at a time, then free it again.
    const alone: number[] = [];
    for (const card of cards.slice(0, 20)) {
      const [answer] = await bookAllAtOnce(url, [JSON.stringify({ ...card, slotStart: ALONE })]);
      if (answer?.status !== 201) throw new Error(`a booking alone was answered ${answer?.status}`);
      alone.push(answer.ms);
    }
    // The burst, ROUNDS times on a freed slot: the first warms the server's code up (a server answers
    // many such bursts in a day; the first after a start pays for compiling), the others are timed.
    const bodies = cards.map((card) => JSON.stringify({ ...card, slotStart: SLOT }));
    const ownCpuMs = () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
    const burst = await rounds(url, bodies, ownCpuMs, async (answers, round) => {
      const accepted = answers.filter((answer) => answer.status === 201).length;
      const full = answers.filter((answer) => answer.status === 409).length;
      if (accepted !== PLACES || full !== BOOKINGS - PLACES) {
        console.log(`${name}: round ${round}: ${accepted} accepted, ${full} slot full, ${BOOKINGS - accepted - full} other: WRONG (${PLACES} and ${BOOKINGS - PLACES} expected)`);
        process.exitCode = 1;
      }
      await world.store.db.deleteFrom('appointments').execute();
      await world.store.db.deleteFrom('appointment_slots').execute();
    });
    const floor = await bareFastify(bodies);
    console.log(
      `${name}: ${BOOKINGS} concurrent bookings for ${PLACES} places, ${ROUNDS} rounds after one to warm up: each round ${PLACES} accepted and ${BOOKINGS - PLACES} slot full; ` +
        `median of the rounds: ${describe(burst)} (aim p99 ≤ 100 ms; ratio ${(burst.p99 / 100).toFixed(2)}); ` +
        `one booking alone: p50 ${percentile(alone.sort((a, b) => a - b), 50).toFixed(1)} ms; ` +
        `the same bursts to a bare Fastify route: ${describe(floor)}; ratio p99 bookings/bare ${(burst.p99 / floor.p99).toFixed(2)}`,
    );
  } finally {
    await world.close();
    await world.database.drop();
  }
}
