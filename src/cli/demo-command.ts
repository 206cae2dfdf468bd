import { generateResidents } from '../app/demo-generate.ts';
import { cliActor } from './admin-commands.ts';
import { CliError, write, type CliIo } from './io.ts';
import { progressBar } from './progress.ts';
import type { OpenedApp } from './program.ts';

/** `demo generate --residents N`: realistic residents and cards in the configured database. */
export async function demoGenerate(io: CliIo, open: () => Promise<OpenedApp>, residents: string): Promise<number> {
  const count = Number(residents);
  if (!Number.isInteger(count) || count < 1 || count > 200_000_000) throw new CliError('--residents takes a whole number from 1 to 200,000,000');
  const { app, close } = await open();
  try {
    const bar = progressBar(io.stderr, 'residents');
    const started = Date.now();
    await generateResidents(app, cliActor(), count, ({ done, total }) => bar.update(done, total));
    await write(io.stdout, `generated ${count.toLocaleString('en-US')} residents in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return 0;
  } finally {
    await close();
  }
}
