import type { JobRun, JobRunRepository } from '../../app/ports.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { JobRunsTable } from '../schema.ts';
import type { Scope } from './scope.ts';

function toRow(run: JobRun, municipalityCode: string): JobRunsTable {
  return {
    id: run.id,
    municipality_code: municipalityCode,
    job: run.job,
    business_date: run.businessDate,
    status: run.status,
    started_at: run.startedAt,
    finished_at: run.finishedAt,
    duration_ms: run.durationMs,
    counts: JSON.stringify(run.counts),
    actor_id: run.actorId,
    error: run.error,
  };
}

/** Runs of the nightly jobs: when, what changed, how long, how it ended. */
export function jobRunRepository({ db, municipalityCode }: Scope): JobRunRepository {
  return {
    async insert(run) {
      await db.insertInto('job_runs').values(toRow(run, municipalityCode)).execute();
    },
    async update(run) {
      await db.updateTable('job_runs').set(toRow(run, municipalityCode)).where('municipality_code', '=', municipalityCode).where('id', '=', run.id).execute();
    },
    async list(job, limit) {
      const rows = await db.selectFrom('job_runs').selectAll().where('municipality_code', '=', municipalityCode).where('job', '=', job).orderBy('started_at', 'desc').limit(limit).execute();
      return rows.map((row) => ({
        id: row.id,
        job: row.job,
        businessDate: row.business_date as PlainDate,
        status: row.status as JobRun['status'],
        startedAt: row.started_at,
        finishedAt: row.finished_at,
        durationMs: row.duration_ms,
        counts: JSON.parse(row.counts),
        actorId: row.actor_id,
        error: row.error,
      }));
    },
  };
}
