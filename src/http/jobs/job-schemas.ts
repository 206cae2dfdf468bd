import { Type } from 'typebox';
import { DateSchema } from '../../rules/schema.ts';

/**
 * A run of a nightly job as supervisors see it: when, for which day, what changed, how long. The
 * use cases give the plain `JobRun` (app/ports/job-run-repository.ts); http/agreement.ts holds it
 * to this schema.
 */
export const JobRunSchema = Type.Object({
  id: Type.String(),
  job: Type.String(),
  businessDate: DateSchema,
  status: Type.Enum(['running', 'done', 'failed', 'interrupted']),
  startedAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  durationMs: Type.Union([Type.Integer(), Type.Null()]),
  counts: Type.Record(Type.String(), Type.Integer(), {
    description: 'What was done for the business day since the last run that finished it, by this run and by those interrupted or failed before it',
  }),
  actorId: Type.String(),
  error: Type.Union([Type.String(), Type.Null()]),
});
