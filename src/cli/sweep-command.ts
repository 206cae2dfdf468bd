import { runSweep, type SweepProgress } from '../app/sweep.ts';
import { parsePlainDate } from '../rules/plain-date.ts';
import { cliActor } from './admin-commands.ts';
import { CliError, write, type CliIo } from './io.ts';
import { progressBar } from './progress.ts';
import type { OpenedApp } from './program.ts';

const PHASES: Record<SweepProgress['phase'], string> = {
  lapse: 'lapsed continuations',
  scheduled: 'moved abroad',
  uncollected: 'uncollected cards',
  expiry: 'expired cards',
  certificate: 'expired certificates',
};

/** `sweep --today YYYY-MM-DD`: the nightly sweep now, with a progress bar for each phase. */
export async function sweep(io: CliIo, open: () => Promise<OpenedApp>, today: string | undefined): Promise<number> {
  const { app, close } = await open();
  try {
    const day = today === undefined ? app.clock.today() : parsePlainDate(today);
    if (day === undefined) throw new CliError(`--today must be a date YYYY-MM-DD, not "${today}"`);
    const bars = new Map<string, ReturnType<typeof progressBar>>();
    const result = await runSweep(app, cliActor(), day, ({ phase, done, total }) => {
      if (total === 0) return;
      let bar = bars.get(phase);
      if (!bar) bars.set(phase, (bar = progressBar(io.stderr, PHASES[phase].padEnd(21))));
      bar.update(done, total);
    });
    if (!result.ok) throw new CliError(`${result.error.code}: ${result.error.message}`);
    const { counts, durationMs } = result.value;
    await write(
      io.stdout,
      `sweep for ${day}: ${counts.abolished} abolished (continuation lapsed), ${counts.abolishedMovedAbroad} abolished (moved abroad), ${counts.abolishedUncollected} destroyed (not collected, R-19), ${counts.expired} expired, ${counts.certificatesExpired} with certificates expired, ${counts.refused} refused, in ${durationMs} ms\n`,
    );
    return 0;
  } finally {
    await close();
  }
}
