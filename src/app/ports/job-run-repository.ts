import type { PlainDate } from '../../rules/plain-date.ts';

export interface JobRun {
  readonly id: string;
  readonly job: string;
  readonly businessDate: PlainDate;
  readonly status: 'running' | 'done' | 'failed' | 'interrupted';
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly durationMs: number | null;
  readonly counts: Readonly<Record<string, number>>;
  readonly actorId: string;
  readonly error: string | null;
}

/** Which run may do a job now: one at a time, across processes and hosts. */
export interface JobLease {
  readonly runId: string;
  /** The host and process of the run, so that a lease whose process ended is known at once on that host. */
  readonly host: string;
  readonly pid: number;
  /** ISO-8601 UTC; the lease is free after it unless renewed. */
  readonly expiresAt: string;
}

export interface JobRunRepository {
  insert(run: JobRun): Promise<void>;
  update(run: JobRun): Promise<void>;
  list(job: string, limit: number): Promise<JobRun[]>;
  /** The job's lease, locked until the transaction ends (PostgreSQL); undefined when no run holds it. */
  lease(job: string): Promise<JobLease | undefined>;
  /** Gives the lease to a run; after `lease` in the same transaction. */
  holdLease(job: string, lease: JobLease): Promise<void>;
  /** Moves the lease's end if `runId` still holds it; false when another run has taken it. */
  renewLease(job: string, runId: string, expiresAt: string): Promise<boolean>;
  /** Frees the lease if `runId` holds it. */
  releaseLease(job: string, runId: string): Promise<void>;
}
