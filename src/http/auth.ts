import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../app/actor.ts';
import { authenticate, type Authenticated } from '../app/staff.ts';
import { sendProblem } from './error-handler.ts';
import { problem } from './problem.ts';
import { AppErrorCode } from '../app/app-errors.ts';
import { splitSessionToken } from './tenants.ts';

export const SESSION_COOKIE = 'madoguchi_session';
export const CSRF_HEADER = 'x-csrf-token' as const;
/** Sessions whose monotonic deadline a process keeps at most; beyond, passed deadlines go, then all. */
const DEADLINES_KEPT = 10_000;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff member; set by `requireStaff`. */
    actor: Actor;
    sessionToken: string;
    /** The session behind the request: its CSRF token, expiry and whether a password change is due. */
    staffSession: Authenticated;
  }
  interface FastifyContextConfig {
    /** Reachable while a one-time password still waits to be changed. */
    beforePasswordChange?: boolean;
  }
  interface FastifyInstance {
    requireStaff: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    forgetSession: (token: string) => void;
  }
}

export function tokenOf(request: FastifyRequest): { token: string; viaCookie: boolean } | undefined {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) return { token: header.slice(7).trim(), viaCookie: false };
  const fromCookie = request.cookies[SESSION_COOKIE];
  return fromCookie ? { token: fromCookie, viaCookie: true } : undefined;
}

/**
 * Sessions by bearer token or HttpOnly cookie (docs/api.md "Session"). A cookie alone does not
 * authorise a change: unsafe methods also need the session's CSRF token in `x-csrf-token`,
 * which a page of another site cannot read.
 *
 * Every request reads its session and account from the database (one statement of two
 * primary-key lookups) rather than from a cache of this process: a disabled account, a reset, a
 * new role or a changed password ends the sessions in the same transaction, and the very next
 * request is refused in every server process on the same database.
 *
 * A session ends SESSION_HOURS after sign-in by the wall clock, which every process shares; as
 * an NTP step may set that clock back, each process also keeps, from the first request it sees
 * of a session, the same deadline on its monotonic clock, and the session ends at the earlier.
 */
export const staffAuth = fp(
  async (app: FastifyInstance) => {
    await app.register(cookie);
    const deadlines = new Map<string, number>();
    app.decorateRequest('actor', null as unknown as Actor);
    app.decorateRequest('sessionToken', '');
    app.decorateRequest('staffSession', null as unknown as Authenticated);
    // Keyed by the token itself: this map lives only in the process's memory, like the request.
    app.decorate('forgetSession', (token: string) => void deadlines.delete(token));
    const deadlineOf = (token: string, session: Authenticated, now: number): number => {
      let deadline = deadlines.get(token);
      if (deadline === undefined) {
        deadline = now + (Date.parse(session.expiresAt) - app.tenants.home.realTime.wallMs());
        if (deadlines.size >= DEADLINES_KEPT) {
          for (const [key, until] of deadlines) if (until <= now) deadlines.delete(key);
          // Forgetting a deadline only leaves that session to the wall clock, as in a new process.
          if (deadlines.size >= DEADLINES_KEPT) deadlines.clear();
        }
        deadlines.set(token, deadline);
      }
      return deadline;
    };
    app.decorate('requireStaff', async (request: FastifyRequest, reply: FastifyReply) => {
      const credentials = tokenOf(request);
      if (!credentials) return sendProblem(reply, problem(AppErrorCode.AuthUnauthenticated, 'sign in first'));
      // The session is looked up in the records of the municipality its token names, and only there (tenants.ts).
      const { code, token } = splitSessionToken(credentials.token);
      const tenant = code === undefined ? app.tenants.home : app.tenants.byCode(code);
      if (!tenant) return sendProblem(reply, problem(AppErrorCode.AuthUnauthenticated, 'the session has ended; sign in again'));
      request.tenant = tenant;
      const result = await authenticate(tenant, token);
      if (!result.ok) {
        deadlines.delete(token);
        return sendProblem(reply, problem(result.error.code, result.error.message, undefined, result.error.details));
      }
      const session = result.value;
      const now = tenant.realTime.monotonicMs();
      if (deadlineOf(token, session, now) <= now) {
        return sendProblem(reply, problem(AppErrorCode.AuthUnauthenticated, 'the session has expired; sign in again', undefined, { expired: true }));
      }
      if (credentials.viaCookie && UNSAFE.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
        return sendProblem(reply, problem(AppErrorCode.AuthCsrf, `a change made with the session cookie needs the ${CSRF_HEADER} header of the session`));
      }
      if (session.mustChangePassword && !request.routeOptions.config.beforePasswordChange) {
        return sendProblem(reply, problem(AppErrorCode.AuthPasswordChangeRequired, 'change the one-time password first (POST /api/v1/session/password)'));
      }
      request.actor = session.actor;
      request.sessionToken = token;
      request.staffSession = session;
    });
  },
  { name: 'madoguchi-staff-auth' },
);

export const BEARER_SECURITY = [{ bearer: [] }, { cookie: [] }];
