import { closeSync, openSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fdSink, LogDestination, loggedUrl, maskDigits, type LogSink } from '../../src/http/log.ts';
import { DIALECTS } from '../support/databases.ts';
import { residentBody } from '../support/world.ts';
import { openFaultWorld, type FaultWorld } from './support.ts';

const NUMBER = '123456789018';

describe('the access log and the error log', () => {
  let world: FaultWorld;
  beforeAll(async () => {
    world = await openFaultWorld(await DIALECTS[0]!.create());
  });
  afterAll(async () => world.close());

  it('refuses a request without a valid session before its handler runs, so nothing of the handler happens or is logged', async () => {
    const before = world.logLines().length;
    expect(await world.call(null, 'GET', '/api/v1/session')).toMatchObject({ status: 401, body: { code: 'AUTH.UNAUTHENTICATED' } });
    const forged = await world.http.inject({ method: 'GET', url: '/api/v1/session', headers: { authorization: 'Bearer not-a-session' } });
    expect(forged.statusCode).toBe(401);
    // Had the handler run after the refusal, its failure would be logged once the reply had gone.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(world.logLines().slice(before).filter((line) => line.level >= 50)).toEqual([]);
  });

  it('logs a search by its parameter names, never what was searched for', async () => {
    expect(await world.call('clerk', 'GET', `/api/v1/residents?q=${NUMBER}&limit=5`)).toMatchObject({ status: 200 });
    expect(await world.call('clerk', 'GET', `/api/v1/residents?phone=03-1234-5678`)).toMatchObject({ status: 200 });
    const logged = world.logLines().filter((line) => (line.req as { url?: string } | undefined)?.url?.startsWith('/api/v1/residents'));
    expect(logged.map((line) => (line.req as { url: string }).url)).toEqual(['/api/v1/residents?q=…&limit=…', '/api/v1/residents?phone=…']);
    expect(world.logText()).not.toContain(NUMBER);
    expect(world.logText()).not.toContain('1234-5678');
  });

  it('logs an unexpected error with its message and stack masked, and none of the values it carries', async () => {
    const failure = Object.assign(new Error(`no index for ${NUMBER}`), { detail: `Key (individual_number)=(${NUMBER})`, parameters: [NUMBER] });
    vi.spyOn(world.store.read.residents, 'search').mockRejectedValueOnce(failure);
    expect(await world.call('clerk', 'GET', `/api/v1/residents?q=${NUMBER}`)).toMatchObject({ status: 500, body: { code: 'INTERNAL' } });
    const body = residentBody();
    vi.spyOn(world.store, 'transaction').mockRejectedValueOnce(Object.assign(new Error(`insert of ${body.individualNumber} failed`), { body }));
    expect(await world.call('clerk', 'POST', '/api/v1/residents', body)).toMatchObject({ status: 500 });

    const errors = world.logLines().filter((line) => line.msg === 'unhandled error');
    expect(errors).toHaveLength(2);
    expect(errors[0]!.err).toMatchObject({ type: 'Error', message: 'no index for [digits]' });
    expect(errors[0]!.err).not.toHaveProperty('detail');
    expect(errors[1]!.err).not.toHaveProperty('body');
    expect(world.logText()).not.toContain(NUMBER);
    expect(world.logText()).not.toContain(body.individualNumber);
    expect(world.logText()).not.toContain(body.residentCode);
  });

  it('masks long runs of digits but keeps ids and dates readable', () => {
    expect(maskDigits('card 0190a4c2-7b1e-7d3f-8a21-123456789012 on 2026-11-26, number １２３４５６７８９０１８, phone 03-1234-5678')).toBe(
      'card 0190a4c2-7b1e-7d3f-8a21-123456789012 on 2026-11-26, number [digits], phone [digits]',
    );
    expect(loggedUrl(`/guide/en/moved-in/answer?moveInDate=2026-07-06&${NUMBER}=1`)).toBe('/guide/en/moved-in/answer?moveInDate=…&…');
    expect(loggedUrl(`/api/v1/residents/${NUMBER}`)).toBe('/api/v1/residents/[digits]');
  });
});

describe('the log destination', () => {
  it('drops lines it cannot write on a full disk, says so once, and never throws', async () => {
    const full = openSync('/dev/full', 'w');
    const reports: string[] = [];
    const destination = new LogDestination(fdSink(full), (message) => reports.push(message));
    try {
      for (let line = 0; line < 100; line++) {
        destination.write(`{"msg":"line ${line}"}\n`);
        await new Promise((resolve) => setImmediate(resolve));
      }
      await vi.waitFor(() => expect(destination.failure?.code).toBe('ENOSPC'));
      expect(reports).toEqual([expect.stringContaining('the log cannot be written (ENOSPC)')]);
    } finally {
      closeSync(full);
    }
  });

  it('writes again once the disk has room, first saying how many lines were lost', async () => {
    let room = false;
    const written: string[] = [];
    const sink: LogSink = (chunk, done) =>
      setImmediate(() => {
        if (!room) return done(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }), 0);
        written.push(chunk);
        done(null, Buffer.byteLength(chunk));
      });
    const destination = new LogDestination(sink, () => undefined);
    destination.write('{"msg":"lost"}\n');
    await vi.waitFor(() => expect(destination.failure).toBeDefined());
    room = true;
    destination.write('{"msg":"kept"}\n');
    await vi.waitFor(() => expect(written.join('')).toContain('kept'));
    const lines = written.join('').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toEqual([{ msg: 'kept' }, expect.objectContaining({ level: 40, lostLines: 1 })]);
    expect(destination.failure).toBeUndefined();
  });
});
