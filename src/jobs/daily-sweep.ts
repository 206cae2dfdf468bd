import { untilNextInJapan } from '../app/clock.ts';
import type { AppContext } from '../app/context.ts';
import { systemActor } from '../app/staff.ts';
import { runSweep } from '../app/sweep.ts';
import { AppErrorCode } from '../app/app-errors.ts';

export interface Schedule {
  stop(): void;
}

/**
 * The nightly sweep inside the running server, every day at `at` (Japan time), for that day.
 * A run that fails is logged and tried again the next night; `madoguchi sweep` can run it at once.
 */
export function scheduleDailySweep(
  app: AppContext,
  at: string,
  log: { info(object: object, message: string): void; error(object: object, message: string): void },
): Schedule {
  const actor = systemActor('sweep');
  let timer: NodeJS.Timeout | undefined;
  const plan = () => {
    timer = setTimeout(async () => {
      try {
        const result = await runSweep(app, actor, app.clock.today());
        if (result.ok) log.info({ run: result.value }, 'nightly sweep done');
        // Someone ran it already (`madoguchi sweep`, the dashboard): that run does the night's work.
        else if (result.error.code === AppErrorCode.JobRunning) log.info({ code: result.error.code, detail: result.error.message }, 'nightly sweep left to the run already at work');
        else log.error({ code: result.error.code, detail: result.error.message }, 'nightly sweep failed');
      } catch (error) {
        // The database may be down for the night: say so, and try again tomorrow rather than stop the server.
        log.error({ err: error }, 'nightly sweep failed');
      } finally {
        plan();
      }
    }, untilNextInJapan(at, Date.now()));
    timer.unref();
  };
  plan();
  return { stop: () => clearTimeout(timer) };
}
