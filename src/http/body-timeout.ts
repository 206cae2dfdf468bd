import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** The code of the error a body that arrives too slowly is refused with (answered 408 REQUEST.TIMEOUT). */
export const BODY_TIMEOUT = 'MADOGUCHI_BODY_TIMEOUT';

/**
 * A request body must arrive within `timeoutMs` of the request's head: a client that sends the
 * headers and then trickles the body (or stops) would otherwise hold a connection and its
 * memory for as long as it likes, and enough of them exhaust the server. The body is read
 * through a stream that fails when time is up, so the request is answered 408 with a problem,
 * the connection is closed (the rest of the body is never read) and the reason is logged.
 */
export const bodyTimeout = fp(
  async (app: FastifyInstance, { timeoutMs }: { timeoutMs: number }) => {
    app.addHook('preParsing', async (request, reply, payload) => {
      const length = request.headers['content-length'];
      if (request.headers['transfer-encoding'] === undefined && (length === undefined || length === '0')) return payload;
      let received = 0;
      const body = new PassThrough();
      const timer = setTimeout(() => {
        payload.unpipe(body);
        request.log.warn({ timeoutMs, receivedBytes: received, expectedBytes: length === undefined ? null : Number(length) }, 'request body not received in time: answered 408 and the connection closed');
        reply.header('connection', 'close');
        body.destroy(Object.assign(new Error(`The request body did not arrive within ${timeoutMs / 1000} s`), { code: BODY_TIMEOUT, statusCode: 408 }));
      }, timeoutMs);
      const done = () => clearTimeout(timer);
      payload.on('data', (chunk: Buffer) => void (received += chunk.length));
      payload.once('end', done);
      payload.once('error', done);
      reply.raw.once('close', done);
      return payload.pipe(body);
    });
  },
  { name: 'madoguchi-body-timeout' },
);
