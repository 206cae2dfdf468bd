import rateLimit from '@fastify/rate-limit';
import { ROLES } from '../../domain/roles.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app/context.ts';
import { LoginBody, PasswordChangeBody } from '../../app/schemas.ts';
import { changePassword, signIn, signOut, SESSION_HOURS } from '../../app/staff.ts';
import { BEARER_SECURITY, CSRF_HEADER, SESSION_COOKIE } from '../auth.ts';
import { problemResponses } from '../problem.ts';
import { sendResult } from '../reply.ts';

export const StaffViewSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  name: Type.String(),
  role: Type.Enum(ROLES),
  officeId: Type.String(),
  mustChangePassword: Type.Boolean(),
});

const SessionSchema = Type.Object({
  token: Type.String({ description: 'Send as Authorization: Bearer <token>' }),
  csrfToken: Type.String({ description: `With the session cookie, send in the ${CSRF_HEADER} header of every change` }),
  csrfHeader: Type.Literal(CSRF_HEADER),
  expiresAt: Type.String({ format: 'date-time' }),
  user: StaffViewSchema,
});

/** POST/GET/DELETE /api/v1/session and the password change (api.md "Session"). Sign-in is throttled. */
export const sessionRoutes: FastifyPluginAsyncTypebox<{ context: AppContext; loginAttemptsPerMinute: number }> = async (app, { context, loginAttemptsPerMinute }) => {
  await app.register(rateLimit, { global: false });
  app.post(
    '/api/v1/session',
    {
      config: {
        rateLimit: {
          max: loginAttemptsPerMinute,
          timeWindow: 60_000,
          hook: 'preHandler',
          keyGenerator: (request) => `${request.ip}:${String((request.body as { username?: unknown } | undefined)?.username ?? '')}`,
        },
      },
      schema: {
        summary: 'Sign in: a bearer token, and an HttpOnly cookie for the web app',
        tags: ['session'],
        body: LoginBody,
        response: { 200: SessionSchema, ...problemResponses('AUTH.INVALID_CREDENTIALS', 'REQUEST.THROTTLED') },
      },
    },
    async (request, reply) => {
      const result = await signIn(context, request.body.username, request.body.password);
      if (result.ok) {
        reply.setCookie(SESSION_COOKIE, result.value.token, {
          httpOnly: true,
          sameSite: 'strict',
          secure: request.protocol === 'https',
          path: '/',
          maxAge: SESSION_HOURS * 3600,
        });
        return sendResult(reply, { ok: true, value: { ...result.value, csrfHeader: CSRF_HEADER } });
      }
      return sendResult(reply, result);
    },
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
      await signOut(context, request.actor, request.sessionToken);
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
    async (request, reply) => {
      const result = await changePassword(context, request.actor, request.body.currentPassword, request.body.newPassword, request.sessionToken);
      app.forgetSession(request.sessionToken);
      return sendResult(reply, result);
    },
  );
};
