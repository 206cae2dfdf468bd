import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Database } from '../../app/ports.ts';
import { sendProblem } from '../error-handler.ts';
import { HttpErrorCode, problem, problemResponses } from '../problem.ts';

/** GET /api/v1/health: `{ status: "ok" }` once the database answers (api.md "Public"). */
export const healthRoutes: FastifyPluginAsyncTypebox<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/api/v1/health',
    {
      schema: {
        summary: 'Whether the service and its database answer',
        tags: ['public'],
        response: { 200: Type.Object({ status: Type.Literal('ok') }), ...problemResponses(HttpErrorCode.Unavailable) },
      },
    },
    async (request, reply) => {
      try {
        await database.ping();
      } catch (error) {
        request.log.error({ err: error }, 'database does not answer');
        return sendProblem(reply, problem(HttpErrorCode.Unavailable, 'The database does not answer'));
      }
      return { status: 'ok' as const };
    },
  );
};
