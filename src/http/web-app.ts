import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sendProblem } from './error-handler.ts';
import { HttpErrorCode, problem } from './problem.ts';

export const WEB_DIST = path.resolve(import.meta.dirname, '..', '..', 'dist', 'web');

/**
 * A path that tries to leave the app's directory, or to name a file other than by its plain
 * path: a `..` segment, a backslash or an encoded slash. None of the app's files or pages has
 * one, so it is answered 404 rather than with the app page or a file.
 */
function escapes(pathname: string): boolean {
  if (/%2f|%5c|\\/i.test(pathname)) return true;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return true;
  }
  return decoded.split('/').some((segment) => segment === '..' || segment === '.');
}

/**
 * The file server's refusals of a request (@fastify/send): a conditional request that fails is
 * 412, a range outside the file 416 with the file's size, anything else it turns down 404. They
 * are the client's, answered as problems and not logged as errors; what remains (a file that
 * cannot be read) goes on to the server's error handler.
 */
function staticError(error: FastifyError & { headers?: Record<string, string> }, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  switch (error.statusCode) {
    case 412:
      return sendProblem(reply, problem(HttpErrorCode.PreconditionFailed, 'The file does not match the If-Match or If-Unmodified-Since condition'));
    case 416:
      if (error.headers?.['Content-Range']) reply.header('content-range', error.headers['Content-Range']);
      return sendProblem(reply, problem(HttpErrorCode.RangeNotSatisfiable, 'The range asked for is not within the file'));
    case 400:
    case 403:
    case 404:
      return sendProblem(reply, problem(HttpErrorCode.NotFound, `No route ${request.method} ${request.url.split('?')[0]}`));
    default:
      throw error;
  }
}

/** The app's files and pages, with their own error handler (encapsulated: it answers for these routes only). */
async function staticFiles(app: FastifyInstance, { root }: { root: string }): Promise<void> {
  app.setErrorHandler(staticError);
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    // The build writes a Brotli and a gzip copy beside each text file (web/scripts/precompress.ts):
    // the browser gets the one its Accept-Encoding takes, with Content-Encoding and
    // `Vary: accept-encoding`, and the plain file otherwise. Nothing is compressed per request.
    preCompressed: true,
    // A source map gives the app's source away; a build for production has none (web/vite.config.ts), and none is served.
    allowedPath: (pathname) => !pathname.endsWith('.map'),
    setHeaders(reply, file) {
      reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const index = async (_: unknown, reply: FastifyReply) => {
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  };
  app.get('/', { schema: { hide: true } }, index);
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const pathname = request.url.split('?')[0]!;
    if (pathname.startsWith('/api/') || pathname.startsWith('/guide') || pathname === '/metrics' || escapes(pathname)) return reply.callNotFound();
    if (/\.[a-z0-9]+$/i.test(pathname)) return pathname.endsWith('.map') ? reply.callNotFound() : reply.sendFile(pathname.slice(1));
    return index(request, reply);
  });
}

/**
 * The counter and hotline app (web/, built by `npm run build` into dist/web) at `/`. Paths the
 * app routes itself (`/residents/…`, `/hotline`) get its index page; `/api` and `/guide` are the
 * server's own. Hashed assets are cached for a year, the index page never; both go out compressed
 * when the browser accepts it.
 */
export const webApp = fp(
  async (app: FastifyInstance, { root = WEB_DIST }: { root?: string }) => {
    if (!existsSync(path.join(root, 'index.html'))) {
      app.log.warn(`the web app is not built (${root}); run npm run build`);
      return;
    }
    await app.register(staticFiles, { root });
  },
  { name: 'madoguchi-web-app' },
);
