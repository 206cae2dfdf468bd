import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICES } from '../../test/support/app.ts';
import { temporaryDataDir } from '../../test/support/databases.ts';
import { createAppContext } from '../app/create-app-context.ts';
import { DEFAULT_CONTEXT } from '../rules/context.ts';
import { openStore } from '../store/open-store.ts';
import { buildApp } from './app.ts';
import { errorHandler } from './error-handler.ts';
import { WEB_DIST, webApp } from './web-app.ts';

/** Log lines as pino writes them, to look for errors a client's request should never cause. */
function capturedLog() {
  const lines: { level: number; msg?: string; err?: { stack?: string } }[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(JSON.parse(line)) } };
}

/** A request line sent as it is, over a socket, to the listening app: no client tidies its path. */
async function onTheWire(app: FastifyInstance, target: string): Promise<{ status: number; body: string }> {
  const { port } = app.server.address() as AddressInfo;
  const response = await new Promise<string>((resolve, reject) => {
    let text = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`));
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]), body: response.slice(response.indexOf('\r\n\r\n') + 4) };
}

const ASSET = readdirSync(path.join(WEB_DIST, 'assets')).find((name) => name.endsWith('.js'))!;

describe('the built web app (dist/web) as the server serves it', () => {
  const log = capturedLog();
  let app: FastifyInstance;
  beforeAll(async () => {
    const store = openStore({ dataDir: temporaryDataDir(), databaseUrl: undefined, municipalityCode: OFFICES.municipality.code });
    app = await buildApp(createAppContext({ store, masterKey: randomBytes(32), rules: DEFAULT_CONTEXT, offices: OFFICES }), { logger: { level: 'info', stream: log.stream } });
    app.addHook('onClose', async () => store.close());
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    // A request from outside, however odd, is the client's mistake: nothing at error level, no stack.
    expect(log.lines.filter((line) => line.level >= 50)).toEqual([]);
  });

  it('serves an asset whole and in ranges', async () => {
    const whole = await app.inject({ url: `/assets/${ASSET}` });
    expect(whole.statusCode).toBe(200);
    const part = await app.inject({ url: `/assets/${ASSET}`, headers: { range: 'bytes=0-9' } });
    expect(part).toMatchObject({ statusCode: 206, body: whole.body.slice(0, 10) });
  });

  it('answers a range past the end or backwards with 416 and the size', async () => {
    const size = readFileSync(path.join(WEB_DIST, 'assets', ASSET)).length;
    for (const range of [`bytes=${size + 10}-`, 'bytes=5-2']) {
      const answer = await app.inject({ url: `/assets/${ASSET}`, headers: { range } });
      expect(answer.statusCode, range).toBe(416);
      expect(answer.headers['content-range']).toBe(`bytes */${size}`);
      expect(answer.json()).toMatchObject({ status: 416, code: 'REQUEST.RANGE_NOT_SATISFIABLE' });
    }
  });

  it('answers a failed If-Match or If-Unmodified-Since with 412', async () => {
    for (const headers of [{ 'if-match': '"not-this-one"' }, { 'if-unmodified-since': 'Thu, 01 Jan 1970 00:00:00 GMT' }]) {
      const answer = await app.inject({ url: `/assets/${ASSET}`, headers });
      expect(answer.statusCode, JSON.stringify(headers)).toBe(412);
      expect(answer.json()).toMatchObject({ status: 412, code: 'REQUEST.PRECONDITION_FAILED' });
    }
  });

  it('answers a way out of the directory with 404, not the app page nor a file', async () => {
    const ways = ['/..%2f..%2fetc/passwd', '/assets/..%2f..%2f..%2fpackage.json', '/assets/..%5c..%5cpackage.json', '/residents/..%2f..%2f..%2fpackage.json', '/%2e%2e%2fsrc%2fmain.ts'];
    for (const url of ways) {
      const answer = await app.inject({ url });
      expect(answer.statusCode, url).toBe(404);
      expect(answer.body).not.toContain('"name": "madoguchi"');
      expect(answer.body).not.toContain('<!doctype html>');
    }
    // inject resolves dot segments as a URL parser does; a client on the wire need not.
    for (const url of [...ways, '/%2e%2e/%2e%2e/etc/passwd', '/assets/%2e%2e/%2e%2e/package.json', '/assets/../../package.json', '/..\\..\\etc\\passwd', '/assets/.%2e/.%2e/src/main.ts']) {
      const answer = await onTheWire(app, url);
      expect(answer.status, url).toBe(404);
      expect(answer.body).not.toContain('"name": "madoguchi"');
      expect(answer.body).not.toContain('<!doctype html>');
    }
  });

  it('gives the app page for its own paths, never caches it, and caches the hashed assets', async () => {
    const page = await app.inject({ url: '/residents/0190f0c2-0000-7000-8000-000000000000' });
    expect(page).toMatchObject({ statusCode: 200, headers: { 'cache-control': 'no-cache' } });
    expect(page.body).toContain('<!doctype html>');
    expect((await app.inject({ url: `/assets/${ASSET}` })).headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends the Brotli or gzip copy the browser accepts, which decodes to the file, and the file to others', async () => {
    const plain = readFileSync(path.join(WEB_DIST, 'assets', ASSET));
    const cases = [
      { accept: 'gzip, deflate, br, zstd', encoding: 'br', decode: brotliDecompressSync },
      { accept: 'gzip;q=1, br;q=0.5', encoding: 'gzip', decode: gunzipSync },
      { accept: 'br;q=0, gzip', encoding: 'gzip', decode: gunzipSync },
    ];
    for (const { accept, encoding, decode } of cases) {
      const answer = await app.inject({ url: `/assets/${ASSET}`, headers: { 'accept-encoding': accept } });
      expect(answer.statusCode, accept).toBe(200);
      expect(answer.headers, accept).toMatchObject({
        'content-encoding': encoding,
        'content-type': 'application/javascript; charset=utf-8',
        'cache-control': 'public, max-age=31536000, immutable',
      });
      expect(answer.headers.vary).toMatch(/accept-encoding/i);
      expect(answer.rawPayload.length).toBeLessThan(plain.length / 2);
      expect(decode(answer.rawPayload).equals(plain), accept).toBe(true);
    }
    for (const headers of [{}, { 'accept-encoding': 'identity' }]) {
      const answer = await app.inject({ url: `/assets/${ASSET}`, headers });
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(answer.headers.vary).toMatch(/accept-encoding/i);
      expect(answer.rawPayload.equals(plain)).toBe(true);
    }
    const page = await app.inject({ url: '/signin', headers: { 'accept-encoding': 'br' } });
    expect(page.headers).toMatchObject({ 'content-encoding': 'br', 'cache-control': 'no-cache', 'content-type': 'text/html; charset=utf-8' });
    expect(brotliDecompressSync(page.rawPayload).equals(readFileSync(path.join(WEB_DIST, 'index.html')))).toBe(true);
  });

  it('sends the OpenAPI document compressed once at start-up, with a validator', async () => {
    const plain = await app.inject({ url: '/api/openapi.json' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    const document = plain.json();
    expect(document.openapi).toBe('3.1.0');
    for (const [accept, encoding, decode] of [['br', 'br', brotliDecompressSync], ['gzip, deflate', 'gzip', gunzipSync]] as const) {
      const answer = await app.inject({ url: '/api/openapi.json', headers: { 'accept-encoding': accept } });
      expect(answer.headers).toMatchObject({ 'content-encoding': encoding, vary: 'accept-encoding', 'cache-control': 'no-cache' });
      expect(answer.rawPayload.length).toBeLessThan(plain.rawPayload.length / 8);
      expect(JSON.parse(decode(answer.rawPayload).toString('utf8'))).toEqual(document);
      const again = await app.inject({ url: '/api/openapi.json', headers: { 'accept-encoding': accept, 'if-none-match': String(answer.headers.etag) } });
      expect(again.statusCode).toBe(304);
      expect(again.rawPayload.length).toBe(0);
    }
  });

  it('was built without source maps: the assets name none, and none is served', async () => {
    for (const name of readdirSync(path.join(WEB_DIST, 'assets'))) {
      expect(name).not.toMatch(/\.map$/);
      expect(readFileSync(path.join(WEB_DIST, 'assets', name), 'utf8').includes('sourceMappingURL'), name).toBe(false);
    }
    expect((await app.inject({ url: `/assets/${ASSET}.map` })).statusCode).toBe(404);
  });
});

describe('a web app directory that holds source maps', () => {
  it('serves its files but not its maps', async () => {
    const root = temporaryDataDir();
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(path.join(root, 'assets', 'app-1234.js'), 'console.log(1);\n//# sourceMappingURL=app-1234.js.map\n');
    writeFileSync(path.join(root, 'assets', 'app-1234.js.map'), '{"version":3,"sources":["../../web/src/secret.ts"]}');
    const log = capturedLog();
    const app = Fastify({ logger: { level: 'info', stream: log.stream } });
    await app.register(errorHandler);
    await app.register(webApp, { root });
    expect((await app.inject({ url: '/assets/app-1234.js' })).statusCode).toBe(200);
    const map = await app.inject({ url: '/assets/app-1234.js.map' });
    expect(map.statusCode).toBe(404);
    expect(map.body).not.toContain('secret.ts');
    await app.close();
    expect(log.lines.filter((line) => line.level >= 50)).toEqual([]);
  });
});
