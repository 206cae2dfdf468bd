import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Database } from '../../app/ports/store.ts';
import { StoreFault } from '../../app/store-fault.ts';
import { sendProblem } from '../error-handler.ts';
import { maskDigits } from '../log.ts';
import { HttpErrorCode, problem, problemResponses } from '../problem.ts';

/**
 * GET /api/v1/health: `{ status: "ok" }` once the database answers and takes writes (docs/api.md
 * "Public"). A database that does not answer is 503 SERVICE.UNAVAILABLE; one that answers but
 * refused a write for lack of space is 503 STORAGE.FULL until a write commits again, so that a
 * monitor sees a full disk, which a query alone would not show.
 */
export const healthRoutes: FastifyPluginAsyncTypebox<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/api/v1/health',
    {
      schema: {
        summary: 'Whether the service and its database answer, and the database has room for writes',
        tags: ['public'],
        response: { 200: Type.Object({ status: Type.Literal('ok') }), ...problemResponses(HttpErrorCode.Unavailable, HttpErrorCode.StorageFull) },
      },
    },
    async (request, reply) => {
      try {
        await database.ping();
      } catch (error) {
        // A monitor asks every few seconds: one line each time, a stack only for the unexpected.
        if (error instanceof StoreFault) request.log.error({ code: HttpErrorCode.Unavailable, cause: error.code }, maskDigits(error.message));
        else request.log.error({ err: error }, 'database does not answer');
        return sendProblem(reply, problem(HttpErrorCode.Unavailable, 'The database does not answer'));
      }
      if (database.condition.full) {
        return sendProblem(reply, problem(HttpErrorCode.StorageFull, 'The database has no room left: writes are refused'));
      }
      return { status: 'ok' as const };
    },
  );
};
