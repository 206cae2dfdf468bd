import { hostname } from 'node:os';
import { refuse, success } from '../domain/errors.ts';
import type { PlainDate } from '../rules/plain-date.ts';
import { lastReadyOnDue } from '../rules/pickup-deadline.ts';
import { authorize, type Actor } from './actor.ts';
import { endCards } from './cards/end-card.ts';
import { japanDateOf } from './clock.ts';
import type { AppContext } from './context.ts';
import type { DueKind } from './ports/card-repository.ts';
import type { JobLease, JobRun } from './ports/job-run-repository.ts';
import type { Repositories } from './ports/store.ts';
import { AppErrorCode, type Result } from './app-errors.ts';
import type { ActKind } from './ports/act-record-repository.ts';

export interface SweepProgress {
  readonly phase: DueKind;
  readonly done: number;
  readonly total: number;
}

export interface SweepOptions {
  /** How long the run's hold on the sweep lasts unless renewed; it is renewed every third of it. */
  readonly leaseMs?: number;
}

const JOB = 'sweep';
const LEASE_MS = 60_000;
/**
 * How long a run waits for the lease's row while another transaction holds it locked. A live
 * run holds it for milliseconds at a time (taking, renewing, giving back the lease); one that
 * keeps it longer has had its process paused inside such a transaction, and the run asked for
 * now is refused JOB.RUNNING rather than left waiting (docs/api.md "Jobs").
 */
const LEASE_WAIT_MS = 2_000;
const BATCH = 500;

const COMMAND = {
  lapse: (on: PlainDate) => ({ type: 'abolish' as const, on, reason: 'continuation-lapsed' as const }),
  expiry: (on: PlainDate) => ({ type: 'expire' as const, on }),
  certificate: (on: PlainDate) => ({ type: 'expire-certificates' as const, on }),
  // The reason is the one scheduled on the card: the decider dates and names the abolition from it.
  scheduled: (on: PlainDate) => ({ type: 'abolish' as const, on, reason: 'moved-abroad' as const, asScheduled: true }),
  // the decider destroys only a card still waiting whose discardOn has come.
  uncollected: (on: PlainDate) => ({ type: 'abolish' as const, on, reason: 'uncollected' as const }),
};
const COUNT_NAME: Record<DueKind, string> = {
  lapse: 'abolished',
  scheduled: 'abolishedMovedAbroad',
  uncollected: 'abolishedUncollected',
  expiry: 'expired',
  certificate: 'certificatesExpired',
};
/** The procedure each change of the sweep records (`endCard`), by what it counts as. */
const ACT_COUNT = { 'card-abolition': 'abolished', 'card-expiry': 'expired', 'certificate-expiry': 'certificatesExpired' } as const satisfies Partial<Record<ActKind, string>>;

/** What a change the sweep recorded counts as: an abolition by its reason (R-8 lapse, R-17 as scheduled, R-19 uncollected). */
function countOf(kind: keyof typeof ACT_COUNT, details: Record<string, unknown>): string {
  if (kind === 'card-abolition' && details.reason === 'moved-abroad') return COUNT_NAME.scheduled;
  if (kind === 'card-abolition' && details.reason === 'uncollected') return COUNT_NAME.uncollected;
  return ACT_COUNT[kind];
}

/** This process, as a lease names it. */
const SELF = { host: hostname(), pid: process.pid };

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a lease keeps another run out: it has not run out, and, on this host, its process is
 * alive (a run that crashed here frees the sweep at once; one on another host, when its lease
 * runs out). A live process keeps its lease however slow it is, since it renews it.
 */
function leaseHeld(lease: JobLease | undefined, now: number): lease is JobLease {
  if (!lease || Date.parse(lease.expiresAt) <= now) return false;
  return lease.host !== SELF.host || lease.pid === SELF.pid || processAlive(lease.pid);
}

/**
 * What was done for `today` by the runs since the last one that finished it (newest first in
 * `earlier`): runs that were interrupted or failed. Counted from the procedure each change
 * recorded in its own transaction, so a run killed between two changes is counted exactly.
 */
async function unreported(tx: Repositories, earlier: readonly JobRun[], today: PlainDate): Promise<Record<string, number>> {
  const counts: Record<string, number> = { abolished: 0, abolishedMovedAbroad: 0, abolishedUncollected: 0, expired: 0, certificatesExpired: 0 };
  let since: string | undefined;
  for (const run of earlier) {
    if (run.businessDate !== today) continue;
    if (run.status === 'done') break;
    since = run.startedAt;
  }
  if (since === undefined) return counts;
  for (const { kind, details } of await tx.acts.recordedSince(Object.keys(ACT_COUNT) as (keyof typeof ACT_COUNT)[], japanDateOf(since), since)) {
    if (details.on === today) counts[countOf(kind as keyof typeof ACT_COUNT, details)]!++;
  }
  return counts;
}

/** The sweep's lease was taken by another run while this one was held up (its process stalled past the lease). */
class LeaseLost extends Error {}

/**
 * The nightly sweep for the business day `today`: abolishes cards whose continuation lapsed
 * cards scheduled for abolition on or before it (R-17, moving abroad) and cards not
 * collected by the day before their discardOn (R-19, reason `uncollected`), expires cards the day after their expiry, and expires certificates after theirs,
 * each change recorded as the card's own command records it (its events, procedure record and
 * audit entry), 500 cards to a transaction (`endCards`). It finds the cards through indexes by due
 * date, so its cost follows what is due; it is idempotent (a second run finds nothing due) and
 * resumable (after a crash the next run does what is left, and counts what the cut-off run did).
 *
 * One run at a time, whichever process starts it (the server's timer, the HTTP route, the
 * command line, another host on the same PostgreSQL): a run takes the sweep's lease in the
 * database and renews it while it works; a run asked for meanwhile is refused JOB.RUNNING, within
 * LEASE_WAIT_MS even when the running one's process is paused in the middle of renewing it. Only a
 * run whose lease is gone (its process ended, or stopped renewing) is marked `interrupted`, by
 * the run that takes over; a run that loses its lease so stops before its next batch.
 */
export async function runSweep(
  app: AppContext,
  actor: Actor,
  today: PlainDate,
  progress: (p: SweepProgress) => void = () => undefined,
  options: SweepOptions = {},
): Promise<Result<JobRun>> {
  const allowed = authorize(actor, 'job.run');
  if (!allowed.ok) return allowed;
  if (today > app.clock.today()) return refuse('INPUT.INVALID', `the sweep runs for today or a past day, not ${today}`);
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const until = () => new Date(Date.now() + leaseMs).toISOString();
  const started = Date.now();
  const begun = await app.store.transaction(async (tx): Promise<Result<{ run: JobRun; carried: Record<string, number> }>> => {
    const { lease, locked } = await tx.jobRuns.lease(JOB, LEASE_WAIT_MS);
    if (locked) {
      const holder = lease ? ` (run ${lease.runId}, process ${lease.pid} on ${lease.host})` : '';
      return refuse(
        AppErrorCode.JobRunning,
        `another sweep${holder} has kept the sweep's lease locked for over ${LEASE_WAIT_MS / 1000} s (its process may be paused); try again once it has finished`,
        lease && { runId: lease.runId },
      );
    }
    if (leaseHeld(lease, Date.now())) {
      return refuse(AppErrorCode.JobRunning, `another sweep is running (run ${lease.runId}, process ${lease.pid} on ${lease.host}); try again once it has finished`, {
        runId: lease.runId,
      });
    }
    const earlier = await tx.jobRuns.list(JOB, 50);
    for (const stale of earlier.filter((run) => run.status === 'running')) {
      await tx.jobRuns.update({ ...stale, status: 'interrupted', error: 'stopped before it finished (its process ended or stopped renewing its lease); a later run did the rest' });
    }
    const run: JobRun = {
      id: app.ids.next(),
      job: JOB,
      businessDate: today,
      status: 'running',
      startedAt: app.clock.now(),
      finishedAt: null,
      durationMs: null,
      counts: {},
      actorId: actor.id,
      error: null,
    };
    const carried = await unreported(tx, earlier, today);
    await tx.jobRuns.insert(run);
    await tx.jobRuns.holdLease(JOB, { runId: run.id, ...SELF, expiresAt: until() });
    return success({ run, carried });
  });
  if (!begun.ok) return begun;
  let run = begun.value.run;
  const renew = () => app.store.transaction((tx) => tx.jobRuns.renewLease(JOB, run.id, until()));
  let lost = false;
  // Renewed in the background too, so that a long batch never lets the lease run out.
  const heartbeat = setInterval(() => {
    renew().then(
      (held) => void (lost ||= !held),
      // The database is away: the run's own commands fail as well, and say so.
      () => undefined,
    );
  }, leaseMs / 3);
  heartbeat.unref();
  const counts: Record<string, number> = { ...begun.value.carried, refused: 0 };
  try {
    for (const phase of ['lapse', 'scheduled', 'uncollected', 'expiry', 'certificate'] as const) {
      // Uncollected cards are found by the day they arrived: those whose discardOn has come.
      const dueBy = phase === 'uncollected' ? lastReadyOnDue(today, app.rules.policy.pickup.keepMonths) : today;
      const total = await app.store.read.cards.countDue(phase, dueBy);
      let done = 0;
      progress({ phase, done, total });
      // A refused card stays due: it is counted once and not asked for again.
      const refused = new Set<string>();
      for (;;) {
        if (lost || !(await renew())) throw new LeaseLost('another run took the sweep over while this one was held up');
        const ids = (await app.store.read.cards.due(phase, dueBy, BATCH + refused.size)).filter((id) => !refused.has(id));
        if (ids.length === 0) break;
        const batch = await endCards(app, actor, ids, COMMAND[phase](today));
        if (!batch.ok) throw new Error(batch.error.message);
        counts[COUNT_NAME[phase]]! += batch.value.ended.length;
        counts.refused! += batch.value.refused.length;
        for (const id of batch.value.refused) refused.add(id);
        done += ids.length;
        progress({ phase, done, total });
      }
    }
    run = { ...run, status: 'done', finishedAt: app.clock.now(), durationMs: Date.now() - started, counts };
  } catch (error) {
    const status = error instanceof LeaseLost ? 'interrupted' : 'failed';
    run = { ...run, status, finishedAt: app.clock.now(), durationMs: Date.now() - started, counts, error: (error as Error).message };
  } finally {
    clearInterval(heartbeat);
  }
  const finished = run;
  await app.store.transaction(async (tx) => {
    await tx.jobRuns.update(finished);
    await tx.jobRuns.releaseLease(JOB, finished.id);
  });
  if (run.status === 'interrupted') return refuse(AppErrorCode.JobRunning, `the sweep was taken over by another run while this one was held up: ${run.error}`);
  return run.status === 'done' ? success(run) : refuse(AppErrorCode.JobFailed, `the sweep failed and can be run again: ${run.error}`);
}

export async function sweepRuns(app: AppContext, actor: Actor, limit = 30): Promise<Result<JobRun[]>> {
  // Who may run the sweep sees how it went, and so does whoever reads the reports.
  const allowed = authorize(actor, 'job.run');
  if (!allowed.ok && !authorize(actor, 'report.read').ok) return allowed;
  return success(await app.store.read.jobRuns.list('sweep', limit));
}
