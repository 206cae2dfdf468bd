import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './app/config-error.ts';
import { loadConfig, type Config } from './app/config.ts';
import type { AppContext } from './app/context.ts';
import { loadOfficeDirectory } from './app/office-directory.ts';
import { loadPolicy } from './app/policy-file.ts';
import { CliError } from './cli/io.ts';
import { runCli, type OpenedApp, type OpenOptions } from './cli/program.ts';
import { municipalityParts, type MunicipalityParts } from './app/municipalities.ts';
import type { RegisteredMunicipality } from './app/ports/municipality-repository.ts';
import { createRuleContext, type RuleContext } from './rules/context.ts';

/**
 * The composition root: the only module that wires the adapters (store, http) to the commands,
 * so that cli, http and jobs never import each other. Everything is built on first use, and the
 * adapters are loaded only by the commands that need them: `rules` starts in a fraction of the
 * time and never opens a database.
 */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  // Whatever this process makes — the database, its journal, keys, exports with numbers — is the
  // owner's only, whatever umask the operator's shell had (docs/security.md "Files").
  process.umask(0o077);
  let config: Config | undefined;
  let context: RuleContext | undefined;
  const getConfig = () => (config ??= loadConfig(env));
  const getContext = () => (context ??= createRuleContext(loadPolicy(getConfig().policyFile)));

  /** What a backup names the software by: the version of package.json. */
  const appVersion = () => (JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
  const backupSource = async () => {
    const settings = getConfig();
    const [{ loadMasterKeys }, { keyIdOf }] = await Promise.all([import('./store/key-file.ts'), import('./app/crypto/key-ring.ts')]);
    return {
      dataDir: settings.dataDir,
      databaseUrl: settings.databaseUrl,
      municipalityCode: loadOfficeDirectory(settings.officesFile).municipality.code,
      appVersion: appVersion(),
      keyIds: () => {
        const keys = loadMasterKeys(settings.dataDir, env.MADOGUCHI_KEY);
        return { current: keyIdOf(keys.current), retired: keys.retired.map(keyIdOf) };
      },
      // Loading the keys makes a master key where there is none: a restore only looks at those the operator put back.
      keysInPlace: () => {
        if (!env.MADOGUCHI_KEY && !existsSync(path.join(settings.dataDir, 'keys', 'master.key'))) return undefined;
        const keys = loadMasterKeys(settings.dataDir, env.MADOGUCHI_KEY);
        return { current: keyIdOf(keys.current), all: [keys.current, ...keys.retired].map(keyIdOf) };
      },
    };
  };

  // The server's metrics are told the size of each group commit by the store it opens.
  const openApp = async (options: OpenOptions & { readonly onCommitBatch?: (commands: number) => void } = {}): Promise<OpenedApp> => {
    const settings = getConfig();
    const [{ openStore }, { loadMasterKeys }, { createAppContext }, { rewrapNumbers }, { systemActor }, { closingCheckpoint }, { claimInstanceMode }] = await Promise.all([
      import('./store/open-store.ts'),
      import('./store/key-file.ts'),
      import('./app/create-app-context.ts'),
      import('./app/key-rotation.ts'),
      import('./app/staff.ts'),
      import('./app/audit-checkpoints.ts'),
      import('./app/instance-mode.ts'),
    ]);
    const offices = loadOfficeDirectory(settings.officesFile);
    const rules = getContext();
    const keys = loadMasterKeys(settings.dataDir, env.MADOGUCHI_KEY);
    const store = openStore({
      dataDir: settings.dataDir,
      databaseUrl: settings.databaseUrl,
      databaseReadUrl: settings.databaseReadUrl,
      municipalityCode: offices.municipality.code,
      checkpointCopyDir: settings.auditCheckpointCopyDir,
      ...(options.onCommitBatch && { onCommitBatch: options.onCommitBatch }),
    });
    // Before anything is written: a damaged file is restored from a backup, not migrated.
    const damage = options.checkIntegrity ? await store.checkIntegrity() : undefined;
    if (damage !== undefined) {
      await store.close();
      throw new CliError(`${damage}; restore it from a backup`, 1);
    }
    try {
      await store.migrate();
    } catch (error) {
      await store.close();
      throw new ConfigError(`the database at ${settings.databaseUrl ? 'DATABASE_URL' : settings.dataDir} cannot be used: ${(error as Error).message}`);
    }
    const homeCode = offices.municipality.code;
    const made: AppContext[] = [];
    /** A municipality's context on the same records (docs/scale.md "Several municipalities"): its store, offices and policy, the deployment's keys. */
    const contextOf = (municipality: { readonly code: string } & MunicipalityParts): AppContext => {
      const context = createAppContext({
        store: store.forMunicipality(municipality.code),
        masterKey: keys.current,
        retiredKeys: keys.retired,
        rules: municipality.policy === undefined ? rules : createRuleContext(municipality.policy),
        offices: municipality.offices,
        trainingDate: settings.trainingDate,
      });
      made.push(context);
      return context;
    };
    const home: AppContext = createAppContext({ store, masterKey: keys.current, retiredKeys: keys.retired, rules, offices, trainingDate: settings.trainingDate });
    try {
      const registered = options.everyMunicipality || (options.municipality !== undefined && options.municipality !== homeCode) ? await store.read.municipalities.list() : [];
      const openRow = (row: RegisteredMunicipality) => contextOf({ code: row.code, ...municipalityParts(row) });
      let app = home;
      if (options.municipality !== undefined && options.municipality !== homeCode) {
        const row = registered.find((each) => each.code === options.municipality);
        if (!row) throw new CliError(`municipality ${options.municipality} is not served by this deployment (see madoguchi municipality list)`, 2);
        app = openRow(row);
      }
      const others = options.everyMunicipality ? registered.map((row) => ({ context: openRow(row), publicHost: row.publicHost })) : [];
      let rewrapped = 0;
      for (const context of [app, ...others.map((other) => other.context)]) {
        // Each municipality's partitions, made where missing: a later migration may partition another table (open-store's migrate).
        if (context !== home) await context.store.migrate();
        await claimInstanceMode(context, settings.trainingDate);
        rewrapped += await rewrapNumbers(context, systemActor('key-rotation'));
      }
      // Whatever the command appended to each audit trail is anchored before the records close.
      const close = async () => {
        for (const context of new Set([app, ...made])) {
          const warning = await closingCheckpoint(context, argv[0] ?? 'cli', { trailReported: options.checksTrail === true });
          if (warning !== undefined) process.stderr.write(`madoguchi: ${warning}\n`);
        }
        await store.close();
      };
      return { app, others, contextOf, rewrapped, close };
    } catch (error) {
      await store.close();
      throw error;
    }
  };

  const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  try {
    return await runCli(argv, io, {
      ruleContext: getContext,
      openApp,
      rotateKey: async () => {
        const { rotateMasterKey } = await import('./store/key-file.ts');
        return rotateMasterKey(getConfig().dataDir, env.MADOGUCHI_KEY);
      },
      backup: async (out) => {
        const [{ writeBackup }, source] = await Promise.all([import('./store/backup.ts'), backupSource()]);
        return writeBackup(source, out);
      },
      restore: async (from) => {
        const [{ restoreBackup }, source] = await Promise.all([import('./store/backup.ts'), backupSource()]);
        return restoreBackup({ ...source, mode: getConfig().trainingDate === undefined ? 'live' : 'training', keyIds: source.keysInPlace }, from);
      },
      serve: async () => {
        const settings = getConfig();
        // prom-client is loaded only when /metrics is served at all (METRICS_TOKEN).
        const metrics = settings.metricsToken !== undefined ? (await import('./http/metrics/metrics.ts')).createMetrics() : undefined;
        const { app, others, close } = await openApp({ checkIntegrity: true, everyMunicipality: true, ...(metrics && { onCommitBatch: metrics.observeCommitBatch }) });
        // Planner statistics once per start of the server, not on every command line: on PostgreSQL only of tables that have none yet.
        await app.store.optimize({ neverAnalysed: true });
        if (env.MADOGUCHI_DEMO !== '0') {
          const { seedDemo } = await import('./app/demo.ts');
          const accounts = await seedDemo(app);
          if (accounts) {
            process.stdout.write(
              `\nDemo data created. Staff accounts (one-time passwords, shown only now; change at first sign-in):\n` +
                accounts.map((account) => `  ${account.username.padEnd(28)} ${account.role.padEnd(11)} ${account.officeId.padEnd(16)} ${account.password}\n`).join('') +
                '\n',
            );
          }
        }
        const [{ startServer }, { scheduleDailySweep }, { startAuditCheckpoints }, { scheduleNightlyBackup }, { writeBackup }] = await Promise.all([
          import('./http/server.ts'),
          import('./jobs/daily-sweep.ts'),
          import('./jobs/audit-checkpoints.ts'),
          import('./jobs/nightly-backup.ts'),
          import('./store/backup.ts'),
        ]);
        const source = { ...(await backupSource()), keyIds: () => ({ current: app.keys.keyId, retired: app.keys.keyIds.slice(1) }) };
        const server = await startServer(settings, app, metrics, others);
        // Each municipality served has its own night's sweep and audit checkpoints (docs/scale.md "Several municipalities"); its log lines name it.
        const served = [app, ...others.map((other) => other.context)].map((context) => ({ context, log: others.length === 0 ? server.app.log : server.app.log.child({ municipality: context.offices.municipality.code }) }));
        // From "Server listening" to the signal handlers nothing is awaited: a SIGTERM in between would kill the process without closing the database.
        const schedules = settings.sweepAt ? served.map(({ context, log }) => scheduleDailySweep(context, settings.sweepAt!, log)) : [];
        const backups = settings.backup ? scheduleNightlyBackup((directory) => writeBackup(source, directory), settings.backup, server.app.log) : undefined;
        // Not awaited: the signal handlers below are in place as soon as the server listens.
        const checkpoints = Promise.all(served.map(({ context, log }) => startAuditCheckpoints(context, log)));
        await new Promise<void>((resolve) => {
          const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            for (const schedule of schedules) schedule.stop();
            backups?.stop();
            void server
              .stop()
              .then(async () => Promise.all((await checkpoints).map((checkpoint) => checkpoint.stop())))
              .then(close)
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
