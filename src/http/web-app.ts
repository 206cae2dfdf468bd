import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const WEB_DIST = path.resolve(import.meta.dirname, '..', '..', 'dist', 'web');

/**
 * The counter and hotline app (web/, built by `npm run build` into dist/web) at `/`. Paths the
 * app routes itself (`/residents/…`, `/hotline`) get its index page; `/api` and `/guide` are the
 * server's own. Hashed assets are cached for a year, the index page never.
 */
export const webApp = fp(
  async (app: FastifyInstance, { root = WEB_DIST }: { root?: string }) => {
    if (!existsSync(path.join(root, 'index.html'))) {
      app.log.warn(`the web app is not built (${root}); run npm run build`);
      return;
    }
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: false,
      index: false,
      setHeaders(reply, file) {
        reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    const index = async (_: unknown, reply: { header: (k: string, v: string) => unknown; sendFile: (f: string) => unknown }) => {
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    };
    app.get('/', { schema: { hide: true } }, index);
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      const pathname = request.url.split('?')[0]!;
      if (pathname.startsWith('/api/') || pathname.startsWith('/guide')) return reply.callNotFound();
      if (/\.[a-z0-9]+$/i.test(pathname)) return reply.sendFile(pathname.slice(1));
      return index(request, reply);
    });
  },
  { name: 'madoguchi-web-app' },
);
