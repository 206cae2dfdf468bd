import { Type } from 'typebox';
import { DomainErrorCode, refuse, success, type Result } from '../domain/errors.ts';
import type { PlainDate } from '../rules/plain-date.ts';
import { DateSchema } from '../rules/schema.ts';
import { authorize, type Actor } from './actor.ts';
import { endCard } from './cards/end-card.ts';
import type { AppContext } from './context.ts';
import type { DueKind, JobRun } from './ports.ts';

/** A run of a nightly job as supervisors see it: when, for which day, what changed, how long. */
export const JobRunSchema = Type.Object({
  id: Type.String(),
  job: Type.String(),
  businessDate: DateSchema,
  status: Type.Enum(['running', 'done', 'failed', 'interrupted']),
  startedAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  durationMs: Type.Union([Type.Integer(), Type.Null()]),
  counts: Type.Record(Type.String(), Type.Integer()),
  actorId: Type.String(),
  error: Type.Union([Type.String(), Type.Null()]),
});

export interface SweepProgress {
  readonly phase: DueKind;
  readonly done: number;
  readonly total: number;
}

const BATCH = 500;
const PARALLEL = 16;

/** Runs `work` over `items`, at most `limit` at a time (so the embedded store can group their commits). */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

const COMMAND = {
  lapse: (on: PlainDate) => ({ type: 'abolish' as const, on, reason: 'continuation-lapsed' as const }),
  expiry: (on: PlainDate) => ({ type: 'expire' as const, on }),
  certificate: (on: PlainDate) => ({ type: 'expire-certificates' as const, on }),
};
const COUNT_NAME: Record<DueKind, string> = { lapse: 'abolished', expiry: 'expired', certificate: 'certificatesExpired' };

/**
 * The nightly sweep for the business day `today`: abolishes cards whose continuation lapsed
 * expires cards the day after their expiry, and expires certificates after theirs,
 * each change a normal audited command with its event. It finds the cards through indexes by due
 * date, so its cost follows what is due; it is idempotent (a second run finds nothing due) and
 * resumable (after a crash the next run does what is left; the interrupted run is marked so).
 */
export async function runSweep(app: AppContext, actor: Actor, today: PlainDate, progress: (p: SweepProgress) => void = () => undefined): Promise<Result<JobRun>> {
  const allowed = authorize(actor, 'job.run');
  if (!allowed.ok) return allowed;
  if (today > app.clock.today()) return refuse('INPUT.INVALID', `the sweep runs for today or a past day, not ${today}`);
  for (const earlier of await app.store.read.jobRuns.list('sweep', 20)) {
    if (earlier.status === 'running') await app.store.transaction((tx) => tx.jobRuns.update({ ...earlier, status: 'interrupted' }));
  }
  const started = Date.now();
  let run: JobRun = {
    id: app.ids.next(),
    job: 'sweep',
    businessDate: today,
    status: 'running',
    startedAt: app.clock.now(),
    finishedAt: null,
    durationMs: null,
    counts: {},
    actorId: actor.id,
    error: null,
  };
  await app.store.transaction((tx) => tx.jobRuns.insert(run));
  const counts: Record<string, number> = { abolished: 0, expired: 0, certificatesExpired: 0, refused: 0 };
  try {
    for (const phase of ['lapse', 'expiry', 'certificate'] as const) {
      const total = await app.store.read.cards.countDue(phase, today);
      let done = 0;
      progress({ phase, done, total });
      // A refused card stays due: it is counted once and not asked for again.
      const refused = new Set<string>();
      for (;;) {
        const ids = (await app.store.read.cards.due(phase, today, BATCH + refused.size)).filter((id) => !refused.has(id));
        if (ids.length === 0) break;
        await eachLimited(ids, PARALLEL, async (id) => {
          const result = await endCard(app, actor, id, COMMAND[phase](today));
          if (result.ok) {
            counts[COUNT_NAME[phase]]!++;
          } else {
            refused.add(id);
            counts.refused!++;
          }
          progress({ phase, done: ++done, total });
        });
      }
    }
    run = { ...run, status: 'done', finishedAt: app.clock.now(), durationMs: Date.now() - started, counts };
  } catch (error) {
    run = { ...run, status: 'failed', finishedAt: app.clock.now(), durationMs: Date.now() - started, counts, error: (error as Error).message };
  }
  const finished = run;
  await app.store.transaction((tx) => tx.jobRuns.update(finished));
  return run.status === 'done' ? success(run) : refuse(DomainErrorCode.JobFailed, `the sweep failed and can be run again: ${run.error}`);
}

export async function sweepRuns(app: AppContext, actor: Actor, limit = 30): Promise<Result<JobRun[]>> {
  // Who may run the sweep sees how it went, and so does whoever reads the reports.
  const allowed = authorize(actor, 'job.run');
  if (!allowed.ok && !authorize(actor, 'report.read').ok) return allowed;
  return success(await app.store.read.jobRuns.list('sweep', limit));
}
