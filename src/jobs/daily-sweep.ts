import type { Actor } from '../app/actor.ts';
import type { AppContext } from '../app/context.ts';
import { systemActor } from '../app/staff.ts';
import { runSweep } from '../app/sweep.ts';

const JST_OFFSET_MS = 9 * 3600_000;

/** Milliseconds from `now` to the next `HH:MM` in Japan. */
export function untilNext(at: string, now: number): number {
  const [hours, minutes] = at.split(':').map(Number) as [number, number];
  const japan = new Date(now + JST_OFFSET_MS);
  let next = Date.UTC(japan.getUTCFullYear(), japan.getUTCMonth(), japan.getUTCDate(), hours, minutes) - JST_OFFSET_MS;
  if (next <= now) next += 24 * 3600_000;
  return next - now;
}

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
  actor: Actor = systemActor('sweep'),
): Schedule {
  let timer: NodeJS.Timeout | undefined;
  const plan = () => {
    timer = setTimeout(async () => {
      const result = await runSweep(app, actor, app.clock.today());
      if (result.ok) log.info({ run: result.value }, 'nightly sweep done');
      else log.error({ code: result.error.code, detail: result.error.message }, 'nightly sweep failed');
      plan();
    }, untilNext(at, Date.now()));
    timer.unref();
  };
  plan();
  return { stop: () => clearTimeout(timer) };
}
