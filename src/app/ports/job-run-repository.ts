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

/**
 * What `lease` finds. `locked`: another transaction kept the lease's row locked for longer than
 * the wait (PostgreSQL), as a run whose process was paused inside one of its short lease
 * transactions does (SIGSTOP, a hung VM); `lease` is then the lease as last committed, and the
 * caller holds no lock on it.
 */
export interface LeaseLook {
  readonly lease: JobLease | undefined;
  readonly locked: boolean;
}

export interface JobRunRepository {
  insert(run: JobRun): Promise<void>;
  update(run: JobRun): Promise<void>;
  list(job: string, limit: number): Promise<JobRun[]>;
  /**
   * The job's lease (undefined when no run holds it), locked until the transaction ends
   * (PostgreSQL), waiting at most `waitMs` for another transaction's lock on it: past that,
   * `locked` and the lease as last committed, never a wait without end.
   */
  lease(job: string, waitMs: number): Promise<LeaseLook>;
  /** Gives the lease to a run; after `lease` in the same transaction. */
  holdLease(job: string, lease: JobLease): Promise<void>;
  /** Moves the lease's end if `runId` still holds it; false when another run has taken it. */
  renewLease(job: string, runId: string, expiresAt: string): Promise<boolean>;
  /** Frees the lease if `runId` holds it. */
  releaseLease(job: string, runId: string): Promise<void>;
}
