import { defaultStoryCount, generateDemo } from '../app/demo-generate.ts';
import { cliActor } from './admin-commands.ts';
import { CliError, write, type CliIo } from './io.ts';
import { progressBar } from './progress.ts';
import type { OpenedApp } from './program.ts';

/**
 * `demo generate --residents N [--stories K]`: realistic residents and cards in the configured
 * database, then K residents (one in twenty, at most 500, by default) whose procedures over the
 * past months are recorded through the use cases.
 */
export async function demoGenerate(io: CliIo, open: () => Promise<OpenedApp>, residents: string, stories: string | undefined): Promise<number> {
  const count = Number(residents);
  if (!Number.isInteger(count) || count < 1 || count > 200_000_000) throw new CliError('--residents takes a whole number from 1 to 200,000,000');
  const told = stories === undefined ? defaultStoryCount(count) : Number(stories);
  if (!Number.isInteger(told) || told < 0 || told > 100_000) throw new CliError('--stories takes a whole number from 0 to 100,000');
  const { app, close } = await open();
  try {
    const bar = progressBar(io.stderr, 'residents');
    // Made when the stories start, so that its rate is theirs.
    let storyBar: ReturnType<typeof progressBar> | undefined;
    const started = Date.now();
    const generated = await generateDemo(app, cliActor(), { residents: count, stories: told }, {
      residents: ({ done, total }) => bar.update(done, total),
      stories: ({ done, total }) => (storyBar ??= progressBar(io.stderr, 'stories  ')).update(done, total),
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const kinds = Object.entries(generated.stories)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `  ${kind.padEnd(22)} ${n}\n`)
      .join('');
    await write(
      io.stdout,
      `generated ${count.toLocaleString('en-US')} residents and ${told.toLocaleString('en-US')} with a history over the past months, in ${seconds} s\n` +
        (told > 0 ? `histories (recorded procedures at the counters since ${generated.since}):\n${kinds}` : '') +
        (generated.accounts.length > 0
          ? 'Demo staff accounts made for the histories (one-time passwords, shown only now; change at first sign-in):\n' +
            generated.accounts.map((account) => `  ${account.username.padEnd(28)} ${account.role.padEnd(11)} ${account.officeId.padEnd(16)} ${account.password}\n`).join('')
          : ''),
    );
    return 0;
  } finally {
    await close();
  }
}
