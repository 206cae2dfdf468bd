import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import fp from 'fastify-plugin';
import { GUIDE_CSS } from './guide/guide-style.ts';

/** The browser features no page of Madoguchi uses: denied, so an injected script cannot ask for them. */
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'encrypted-media=()',
  'fullscreen=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/** HSTS for a year, once the operator says the site is served over TLS (HSTS=on). */
const HSTS_MAX_AGE = 365 * 24 * 3600;

/**
 * The headers helmet sets, taken once at start. None depends on the request (no nonces, no
 * function in a directive), so every answer gets the same ones in one call; @fastify/helmet built
 * helmet's middleware anew for every request and ran three hooks to set them.
 */
function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

/**
 * The response headers of OWASP's Secure Headers project. The content security policy allows
 * what the pages use and nothing more: scripts and style sheets from the site itself, and the
 * resident guide's one inline style sheet by its hash — no 'unsafe-inline', no https: sources.
 * No page may be framed (frame-ancestors 'none', X-Frame-Options DENY). HSTS is sent only when
 * the operator says the site is served over TLS: on a plain-HTTP intranet address it would send
 * browsers to an https:// that does not exist.
 */
export const securityHeaders = fp(
  async (app: FastifyInstance, { hsts }: { hsts: boolean }) => {
    const guideStyle = `'sha256-${createHash('sha256').update(GUIDE_CSS).digest('base64')}'`;
    const headers = helmetHeaders({
      hsts: hsts ? { maxAge: HSTS_MAX_AGE, includeSubDomains: true } : false,
      frameguard: { action: 'deny' },
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          baseUri: ["'self'"],
          connectSrc: ["'self'"],
          fontSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          imgSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          scriptSrc: ["'self'"],
          scriptSrcAttr: ["'none'"],
          styleSrc: ["'self'", guideStyle],
          ...(hsts && { upgradeInsecureRequests: [] }),
        },
      },
    });
    headers['permissions-policy'] = PERMISSIONS_POLICY;
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers);
      done();
    });
  },
  { name: 'madoguchi-security-headers' },
);
