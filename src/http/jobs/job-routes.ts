import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { runSweep, sweepRuns } from '../../app/sweep.ts';
import { DateSchema } from '../../rules/schema.ts';
import { staffRoute } from '../staff-route.ts';
import { JobRunSchema } from './job-schemas.ts';

/** The nightly jobs, for supervisors and administrators: run now, and the record of past runs. */
export async function jobRoutes(app: FastifyInstance): Promise<void> {
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/jobs/sweep/run',
      summary: 'Run the nightly sweep now for a business day (today by default); idempotent',
      tags: ['jobs'],
      body: Type.Object({ today: Type.Optional(DateSchema) }, { additionalProperties: false }),
      response: JobRunSchema,
      problems: ['INPUT.INVALID', 'JOB.FAILED', 'JOB.RUNNING'],
      answerIsCommand: false,
    },
    ({ context, request, body }) => runSweep(context, request.actor, body.today ?? context.clock.today()),
  );
  staffRoute(
    app,
    { method: 'GET', url: '/api/v1/jobs/sweep/runs', summary: 'Past runs of the sweep, newest first: when, what changed, how long', tags: ['jobs'], response: Type.Array(JobRunSchema), problems: [] },
    ({ context, request }) => sweepRuns(context, request.actor),
  );
}
