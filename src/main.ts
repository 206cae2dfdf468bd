import { ConfigError } from './app/config-error.ts';
import { loadConfig, type Config } from './app/config.ts';
import { loadOfficeDirectory } from './app/office-directory.ts';
import { loadPolicy } from './app/policy-file.ts';
import { runCli } from './cli/program.ts';
import { createRuleContext, type RuleContext } from './rules/context.ts';

/**
 * The composition root: the only module that wires the adapters (store, http) to the commands,
 * so that cli, http and jobs never import each other. Everything is built on first use, and the
 * adapters are loaded only by the commands that need them: `rules` starts in a fraction of the
 * time and never opens a database.
 */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  let config: Config | undefined;
  let context: RuleContext | undefined;
  const getConfig = () => (config ??= loadConfig(env));
  const getContext = () => (context ??= createRuleContext(loadPolicy(getConfig().policyFile)));
  const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  try {
    return await runCli(argv, io, {
      ruleContext: getContext,
      serve: async () => {
        const settings = getConfig();
        const [{ startServer }, { openDatabase }] = await Promise.all([import('./http/server.ts'), import('./store/open-database.ts')]);
        const offices = loadOfficeDirectory(settings.officesFile);
        const database = openDatabase(settings);
        await database.ping();
        const app = await startServer(settings, { context: getContext(), offices, database });
        await new Promise<void>((resolve) => {
          const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            void app
              .close()
              .then(() => database.close())
              .finally(resolve);
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      },
    });
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : `unexpected error: ${(error as Error).message ?? String(error)}`;
    process.stderr.write(`madoguchi: ${message}\n`);
    return error instanceof ConfigError ? 2 : 1;
  }
}
