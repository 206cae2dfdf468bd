import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../app/context.ts';

/**
 * The municipalities one server serves (docs/scale.md "Several municipalities"): the home one
 * (the deployment's offices file) and those added with `madoguchi municipality add`. Each is its
 * own AppContext, whose store reads and writes that municipality's records only.
 */
export interface Tenants {
  readonly home: AppContext;
  /** Every municipality served, the home one first. */
  readonly all: readonly AppContext[];
  byCode(code: string): AppContext | undefined;
  /** The municipality whose residents' pages are at `host` (as `municipality add --host` recorded it), if any. */
  atHost(host: string): AppContext | undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The municipality the request is for: a signed-in request's is its session's (set again by
     * `requireStaff`, which refuses a session of a municipality not served); a public request's
     * is the one whose host name it was sent to, else (API only) the one a session token names, else home.
     */
    tenant: AppContext;
  }
  interface FastifyInstance {
    tenants: Tenants;
  }
}

/**
 * A session token names the municipality it was issued in by a `CODE.` prefix, for every
 * municipality but the home one (whose tokens stay as they were): the server then looks the
 * session up in that municipality's records only. A token of one town with another's prefix is
 * simply not found there.
 */
const PREFIXED = /^([0-9]{6})\.(.+)$/s;

export function splitSessionToken(token: string): { readonly code: string | undefined; readonly token: string } {
  const match = PREFIXED.exec(token);
  return match ? { code: match[1], token: match[2]! } : { code: undefined, token };
}

/** The token a client is given for a session of `tenant`. */
export function sessionTokenFor(tenants: Tenants, tenant: AppContext, token: string): string {
  return tenant === tenants.home ? token : `${tenant.offices.municipality.code}.${token}`;
}

/** `hosts` maps a lower-case host name (as `municipality add --host` recorded it) to its municipality's code. */
export function makeTenants(home: AppContext, others: readonly AppContext[] = [], hosts: ReadonlyMap<string, string> = new Map()): Tenants {
  const byCode = new Map<string, AppContext>([home, ...others].map((context) => [context.offices.municipality.code, context]));
  const atHost = (host: string) => (hosts.size === 0 ? undefined : byCode.get(hosts.get(host.toLowerCase()) ?? ''));
  return { home, all: [...byCode.values()], byCode: (code) => byCode.get(code), atHost };
}

/** Decorates every request with its municipality before anything else reads it. */
export const tenantResolution = fp(
  async (app: FastifyInstance, { tenants, sessionOf }: { tenants: Tenants; sessionOf: (request: FastifyRequest) => string | undefined }) => {
    app.decorate('tenants', tenants);
    app.decorateRequest('tenant', null as unknown as AppContext);
    app.addHook('onRequest', async (request) => {
      // One municipality served (the embedded database always): nothing to look for on the hot path.
      if (tenants.all.length === 1) {
        request.tenant = tenants.home;
        return;
      }
      const byHost = tenants.atHost(request.host);
      // Only the API follows a session cookie: a page of the guide is the same for everyone at one address, and may be cached so.
      const token = byHost === undefined && request.url.startsWith('/api/') ? sessionOf(request) : undefined;
      const code = token === undefined ? undefined : splitSessionToken(token).code;
      request.tenant = byHost ?? (code === undefined ? undefined : tenants.byCode(code)) ?? tenants.home;
    });
  },
  { name: 'madoguchi-tenants' },
);
