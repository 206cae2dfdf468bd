import { PassThrough } from 'node:stream';
import { runCli, type CliServices, type OpenedApp } from '../../src/cli/program.ts';
import type { AppContext } from '../../src/app/context.ts';
import { DEFAULT_CONTEXT } from '../../src/rules/context.ts';

export interface CliRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in process with `stdin` as its standard input, as a shell would. */
export async function cli(argv: string[], stdin = '', services: Partial<CliServices> = {}): Promise<CliRun> {
  const input = new PassThrough();
  const output = new PassThrough();
  const errors = new PassThrough();
  let stdout = '';
  let stderr = '';
  output.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  errors.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  input.end(stdin);
  const exitCode = await runCli(
    argv,
    { stdin: input, stdout: output, stderr: errors },
    {
      ruleContext: () => DEFAULT_CONTEXT,
      serve: async () => undefined,
      openApp: async () => {
        throw new Error('this test opens no database');
      },
      rotateKey: async () => {
        throw new Error('this test rotates no key');
      },
      backup: async () => {
        throw new Error('this test makes no backup');
      },
      restore: async () => {
        throw new Error('this test restores no backup');
      },
      ...services,
    },
  );
  return { exitCode, stdout, stderr };
}

/** What `openApp` gives a command: `app` alone, already open, closed by the test. */
export function openedFor(app: AppContext): OpenedApp {
  return {
    app,
    others: [],
    contextOf: () => {
      throw new Error('this test serves one municipality');
    },
    rewrapped: 0,
    close: async () => undefined,
  };
}
