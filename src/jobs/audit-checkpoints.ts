import { writeAuditCheckpoint, type CheckpointOutcome } from '../app/audit-checkpoints.ts';
import type { AppContext } from '../app/context.ts';

interface Log {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface CheckpointSchedule {
  /** One round at once: the trail checked against the last checkpoint, and a new one written if it moved on. */
  tick(by?: string): Promise<CheckpointOutcome | undefined>;
  /** Stops the rounds and writes the checkpoint of a clean shutdown (after the last request was answered). */
  stop(): Promise<void>;
}

/** The outcome in the log: an error when the trail does not hold the last checkpoint, whatever else happens. */
function report(log: Log, outcome: CheckpointOutcome, file: string): void {
  if (outcome.problem) {
    const { reason, detail } = outcome.problem;
    log.error({ reason, detail, checkpoint: outcome.checkpoint, file }, `audit trail check failed: ${detail}`);
  }
  if (outcome.copyError) log.error({ err: outcome.copyError }, 'audit checkpoint not copied to AUDIT_CHECKPOINT_COPY_DIR');
}

/**
 * The audit checkpoints of the running server: a round at start (the check that the records
 * opened are the ones the checkpoints know), then one every `everyMs` (a minute), rounds never
 * overlapping; a round that fails (database or disk away) is logged and the next one tries
 * again. A round costs what `checkAuditAnchor` costs, plus one line written when the trail moved.
 */
export async function startAuditCheckpoints(app: AppContext, log: Log, everyMs = 60_000): Promise<CheckpointSchedule> {
  const file = app.store.auditCheckpoints.file;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<CheckpointOutcome | undefined> = Promise.resolve(undefined);
  let stopped = false;

  const round = async (by: string, always = false): Promise<CheckpointOutcome | undefined> => {
    try {
      const outcome = await writeAuditCheckpoint(app, by, { always });
      report(log, outcome, file);
      return outcome;
    } catch (error) {
      log.error({ err: error, file }, 'audit checkpoint failed');
      return undefined;
    }
  };
  const tick = (by = 'serve') => (running = running.then(() => round(by)));
  const plan = () => {
    timer = setTimeout(() => {
      void tick().finally(() => {
        if (!stopped) plan();
      });
    }, everyMs);
    timer.unref();
  };

  const first = await tick('serve:start');
  if (first?.ok) log.info({ checkpoint: first.checkpoint, file }, first.checkpoint ? `audit trail holds checkpoint #${first.checkpoint.n}` : 'audit trail has no checkpoint yet');
  plan();
  return {
    tick,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      const last = await round('serve:stop', true);
      if (last?.written) log.info({ checkpoint: last.written, file }, `audit checkpoint #${last.written.n} written at shutdown`);
    },
  };
}
