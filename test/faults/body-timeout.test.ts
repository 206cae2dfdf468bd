import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.ts';
import { residentBody } from '../support/world.ts';
import { openFaultWorld, type FaultWorld } from './support.ts';

describe('a request body that arrives too slowly', () => {
  let world: FaultWorld;
  let port: number;
  beforeAll(async () => {
    world = await openFaultWorld(await DIALECTS[0]!.create(), { http: { bodyTimeoutMs: 500 } });
    await world.http.listen({ port: 0, host: '127.0.0.1' });
    port = (world.http.server.address() as { port: number }).port;
  });
  afterAll(async () => world.close());

  it('is cut off with 408 REQUEST.TIMEOUT and a closed connection, the reason logged, nothing stored', async () => {
    const before = await world.store.read.residents.count();
    const body = JSON.stringify(residentBody());
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write(
      [
        'POST /api/v1/residents HTTP/1.1',
        'Host: 127.0.0.1',
        `Authorization: ${world.headersOf('clerk').authorization}`,
        'Content-Type: application/json',
        `Content-Length: ${Buffer.byteLength(body)}`,
        '',
        '',
      ].join('\r\n'),
    );
    // A byte now and then, each well within any idle timeout, the whole never.
    let sent = 0;
    const trickle = setInterval(() => {
      if (!socket.destroyed && sent < body.length - 1) socket.write(body[sent++]!);
    }, 50);
    await closed;
    clearInterval(trickle);

    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toMatch(/connection: close/i);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 408, code: 'REQUEST.TIMEOUT' });
    expect(sent).toBeLessThan(body.length - 1);
    expect(world.logLines()).toContainEqual(
      expect.objectContaining({ level: 40, timeoutMs: 500, expectedBytes: Buffer.byteLength(body), msg: expect.stringContaining('request body not received in time') }),
    );
    expect(await world.store.read.residents.count()).toBe(before);
    expect(await world.call('clerk', 'POST', '/api/v1/residents', residentBody())).toMatchObject({ status: 201 });
  });
});
