import { sql } from 'kysely';
import type { JobLease, JobRun, JobRunRepository } from '../../app/ports/job-run-repository.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { JobLeasesTable, JobRunsTable } from '../schema.ts';
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

/** PostgreSQL's lock_not_available: a lock wait ran past lock_timeout (or NOWAIT found the row locked). */
const LOCK_NOT_AVAILABLE = '55P03';

function toLease(row: Pick<JobLeasesTable, 'run_id' | 'host' | 'pid' | 'expires_at'> | undefined): JobLease | undefined {
  return !row || row.run_id === null ? undefined : { runId: row.run_id, host: row.host ?? '', pid: row.pid ?? 0, expiresAt: row.expires_at ?? '' };
}

/** Runs of the nightly jobs: when, what changed, how long, how it ended. */
export function jobRunRepository({ db, dialect, municipalityCode }: Scope): JobRunRepository {
  const leases = () => db.updateTable('job_leases').where('municipality_code', '=', municipalityCode);
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
    async lease(job, waitMs) {
      // The row exists before it is locked, so that two runs that start together wait on one lock
      // rather than both finding nothing and both taking the job.
      const make = () =>
        db
          .insertInto('job_leases')
          .values({ municipality_code: municipalityCode, job, run_id: null, host: null, pid: null, expires_at: null })
          .onConflict((conflict) => conflict.columns(['municipality_code', 'job']).doNothing())
          .execute();
      const row = db.selectFrom('job_leases').selectAll().where('municipality_code', '=', municipalityCode).where('job', '=', job);
      if (!dialect.supportsRowLocks) {
        // One writer at a time: the embedded database's busy timeout bounds the wait (5 s, docs/security.md "Faults").
        await make();
        return { lease: toLease(await row.executeTakeFirstOrThrow()), locked: false };
      }
      // A run holds the row locked only for the milliseconds of its lease transactions; a process
      // paused inside one (SIGSTOP, a hung VM) would hold it, and every later run, for ever. So
      // the wait is bounded (lock_timeout, set inside a savepoint so that it ends there when the
      // wait runs out, and put back after), and a row still locked past it is answered `locked`.
      await sql`savepoint job_lease`.execute(db);
      try {
        const { rows } = await sql<{ previous: string }>`select current_setting('lock_timeout') as previous`.execute(db);
        await sql`select set_config('lock_timeout', ${`${Math.max(1, Math.trunc(waitMs))}ms`}, true)`.execute(db);
        await make();
        const locked = await row.forUpdate().executeTakeFirstOrThrow();
        await sql`select set_config('lock_timeout', ${rows[0]!.previous}, true)`.execute(db);
        await sql`release savepoint job_lease`.execute(db);
        return { lease: toLease(locked), locked: false };
      } catch (error) {
        if ((error as { code?: unknown } | null)?.code !== LOCK_NOT_AVAILABLE) throw error;
        await sql`rollback to savepoint job_lease`.execute(db);
        await sql`release savepoint job_lease`.execute(db);
        // The lease as its holder last committed it: a plain read waits for no lock.
        return { lease: toLease(await row.executeTakeFirst()), locked: true };
      }
    },
    async holdLease(job, lease) {
      await leases().set({ run_id: lease.runId, host: lease.host, pid: lease.pid, expires_at: lease.expiresAt }).where('job', '=', job).execute();
    },
    async renewLease(job, runId, expiresAt) {
      const result = await leases().set({ expires_at: expiresAt }).where('job', '=', job).where('run_id', '=', runId).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async releaseLease(job, runId) {
      await leases().set({ run_id: null, host: null, pid: null, expires_at: null }).where('job', '=', job).where('run_id', '=', runId).execute();
    },
  };
}
