import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import { permissionsOf } from '../../domain/roles.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../app/context.ts';
import { completeSetup } from '../../app/staff-accounts.ts';
import { changePassword, signIn, signOut, SESSION_HOURS, type SignedIn } from '../../app/staff.ts';
import { AppErrorCode, type Result } from '../../app/app-errors.ts';
import { refuse } from '../../domain/errors.ts';
import { sessionTokenFor } from '../tenants.ts';
import { BEARER_SECURITY, CSRF_HEADER, SESSION_COOKIE } from '../auth.ts';
import { sendProblem } from '../error-handler.ts';
import { HttpErrorCode, problem, problemResponses } from '../problem.ts';
import { sendResult } from '../reply.ts';
import { AttemptBudget } from './attempt-budget.ts';
import { LoginBody, PasswordChangeBody, SessionSchema, SetupBody, StaffViewSchema } from './session-schemas.ts';

export interface SignInLimits {
  /** Attempts per minute per address and username, right or wrong, before 429. */
  readonly loginAttemptsPerMinute: number;
  /** Failed attempts per address, whatever the username, in SIGN_IN_FAILURE_WINDOW_MS before 429 (password spraying). */
  readonly signInFailuresPerAddress: number;
}

export const SIGN_IN_FAILURE_WINDOW_MS = 15 * 60_000;

/** POST/GET/DELETE /api/v1/session, the first sign-in with a setup code and the password change (docs/api.md "Session"). Sign-in is throttled. */
export const sessionRoutes: FastifyPluginAsyncTypebox<SignInLimits> = async (app, { loginAttemptsPerMinute, signInFailuresPerAddress }) => {
  await app.register(rateLimit, { global: false });
  // Behind TRUST_PROXY the address is the client's as the proxy saw it; an IPv6 client is
  // counted by its /64, which one machine can fill with addresses.
  const addressOf = (request: FastifyRequest) => normalizeIP(request.ip);
  const perAddress = new AttemptBudget(signInFailuresPerAddress, SIGN_IN_FAILURE_WINDOW_MS, () => app.tenants.home.realTime.monotonicMs());
  const perUsername = {
    max: loginAttemptsPerMinute,
    timeWindow: 60_000,
    hook: 'preHandler' as const,
    keyGenerator: (request: FastifyRequest) => `${addressOf(request)}:${String((request.body as { username?: unknown } | undefined)?.username ?? '')}`,
  };

  /** Tries `attempt` within the address's budget of failures; a success opens the session cookie. */
  const throttled = async (request: FastifyRequest, reply: FastifyReply, attempt: (context: AppContext) => Promise<Result<SignedIn>>) => {
    const address = addressOf(request);
    const budget = perAddress.take(address);
    if (!budget.ok) {
      reply.header('retry-after', String(Math.ceil(budget.retryAfterMs / 1000)));
      return sendProblem(reply, problem(HttpErrorCode.Throttled, 'too many failed sign-ins from this address; wait and try again'));
    }
    // The account's municipality: the one the body names, else the request's (tenants.ts); one not served has no such account.
    const named = (request.body as { municipality?: string }).municipality;
    const tenant = named === undefined ? request.tenant : app.tenants.byCode(named);
    const result = tenant ? await attempt(tenant) : refuse(AppErrorCode.AuthInvalidCredentials, `municipality ${named} is not served here`);
    if (!result.ok) return sendResult(reply, result);
    perAddress.refund(address);
    const token = sessionTokenFor(app.tenants, tenant!, result.value.token);
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      // With TRUST_PROXY, the protocol the client used with the TLS proxy (X-Forwarded-Proto).
      secure: request.protocol === 'https',
      path: '/',
      maxAge: SESSION_HOURS * 3600,
    });
    return sendResult(reply, { ok: true, value: { ...result.value, token, csrfHeader: CSRF_HEADER } });
  };

  app.post(
    '/api/v1/session',
    {
      config: { rateLimit: perUsername },
      schema: {
        summary: 'Sign in: a bearer token, and an HttpOnly cookie for the web app',
        tags: ['session'],
        body: LoginBody,
        response: { 200: SessionSchema, ...problemResponses('AUTH.INVALID_CREDENTIALS', 'REQUEST.THROTTLED') },
      },
    },
    async (request, reply) => throttled(request, reply, (context) => signIn(context, request.body.username, request.body.password)),
  );
  app.post(
    '/api/v1/session/setup',
    {
      config: { rateLimit: perUsername },
      schema: {
        summary: 'First sign-in of an account awaiting setup: the setup code a supervisor issued, and a password of your own',
        tags: ['session'],
        body: SetupBody,
        response: { 200: SessionSchema, ...problemResponses('AUTH.INVALID_CREDENTIALS', 'AUTH.SETUP_CODE_EXPIRED', 'AUTH.WEAK_PASSWORD', 'REQUEST.THROTTLED') },
      },
    },
    async (request, reply) => throttled(request, reply, (context) => completeSetup(context, request.body.username, request.body.setupCode, request.body.newPassword)),
  );
  app.get(
    '/api/v1/session',
    {
      preHandler: app.requireStaff,
      config: { beforePasswordChange: true },
      schema: {
        summary: 'Who is signed in, with the CSRF token of the session (for the web app after a reload)',
        tags: ['session'],
        security: BEARER_SECURITY,
        response: { 200: Type.Omit(SessionSchema, ['token']), ...problemResponses('AUTH.UNAUTHENTICATED') },
      },
    },
    async (request) => ({
      user: { ...request.actor, mustChangePassword: request.staffSession.mustChangePassword },
      csrfToken: request.staffSession.csrfToken,
      csrfHeader: CSRF_HEADER,
      expiresAt: request.staffSession.expiresAt,
      permissions: permissionsOf(request.actor.role),
    }),
  );
  app.delete(
    '/api/v1/session',
    {
      preHandler: app.requireStaff,
      config: { beforePasswordChange: true },
      schema: { summary: 'Sign out', tags: ['session'], security: BEARER_SECURITY, response: { 204: Type.Null(), ...problemResponses('AUTH.UNAUTHENTICATED', 'AUTH.CSRF') } },
    },
    async (request, reply) => {
      await signOut(request.tenant, request.actor, request.sessionToken);
      app.forgetSession(request.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/v1/session/password',
    {
      preHandler: app.requireStaff,
      config: { beforePasswordChange: true },
      schema: {
        summary: 'Change the password (a one-time password first of all); other sessions end',
        tags: ['session'],
        security: BEARER_SECURITY,
        body: PasswordChangeBody,
        response: { 200: StaffViewSchema, ...problemResponses('AUTH.INVALID_CREDENTIALS', 'AUTH.WEAK_PASSWORD', 'AUTH.UNAUTHENTICATED', 'AUTH.CSRF') },
      },
    },
    async (request, reply) => sendResult(reply, await changePassword(request.tenant, request.actor, request.body.currentPassword, request.body.newPassword, request.sessionToken)),
  );
};
