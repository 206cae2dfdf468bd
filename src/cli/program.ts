import { Command, CommanderError } from 'commander';
import { MIN_PASSWORD_LENGTH } from '../app/staff.ts';
import type { AppContext } from '../app/context.ts';
import type { MunicipalityParts } from '../app/municipalities.ts';
import type { RuleContext } from '../rules/context.ts';
import type { BackupManifest } from '../app/backup-manifest.ts';
import { backupCommand, restoreCommand } from './backup-commands.ts';
import { auditVerify, check, keysRotate, migrate, rebuild, userAdd, userSetupCode } from './admin-commands.ts';
import { demoGenerate } from './demo-command.ts';
import { municipalityAdd, municipalityList } from './municipality-commands.ts';
import { exportCommand, importCommand } from './exchange-commands.ts';
import { importDelivery } from './delivery-commands.ts';
import { sweep } from './sweep-command.ts';
import { CliError, write, type CliIo } from './io.ts';
import { rulesCommand, type RulesOptions } from './rules-command.ts';

/** What the commands need from the composition root (`src/main.ts`), created only when used. */
export interface CliServices {
  readonly ruleContext: () => RuleContext;
  readonly serve: () => Promise<void>;
  /** The use cases on the configured database (DATA_DIR or DATABASE_URL), migrated. */
  readonly openApp: (options?: OpenOptions) => Promise<OpenedApp>;
  /** A new master key in DATA_DIR/keys, the old one retired: the ids of both. */
  readonly rotateKey: () => Promise<{ readonly retired: string; readonly current: string }>;
  /** A backup of the records (SQLite) and the audit checkpoints into an empty directory, with its manifest. */
  readonly backup: (out: string) => Promise<BackupManifest>;
  /** A backup's files into an empty DATA_DIR, all checked before any is written. */
  readonly restore: (from: string) => Promise<BackupManifest>;
}

export interface OpenOptions {
  /** Check the database file's structure first (SQLite quick_check): a damaged file fails with one line naming it, exit 1. */
  readonly checkIntegrity?: boolean;
  /** The command reports whether the audit trail holds its last checkpoint: closing says nothing more about it. */
  readonly checksTrail?: boolean;
  /**
   * The municipality to work on (`--municipality`): the deployment's own by default, or one
   * added with `municipality add` (docs/scale.md "Several municipalities").
   */
  readonly municipality?: string | undefined;
  /** Open every municipality the deployment serves (the server): `others` holds those besides `app`'s. */
  readonly everyMunicipality?: boolean;
}

export interface OpenedApp {
  readonly app: AppContext;
  /** With `everyMunicipality`: the other municipalities served, each with the host of its residents' pages. */
  readonly others: readonly { readonly context: AppContext; readonly publicHost: string | undefined }[];
  /** The context of another municipality of the same deployment, on the same records (municipality add); closed with the rest. */
  contextOf(municipality: { readonly code: string } & MunicipalityParts): AppContext;
  /** How many individual numbers were encrypted again under the current key on opening (after a rotation). */
  readonly rewrapped: number;
  /** Closes the records, after a checkpoint of the audit trail if the command appended to it. */
  close(): Promise<void>;
}

const RULES_HELP = `
Examples:
  $ madoguchi rules card-expiry '{"birthDate":"1990-05-10","issueDate":"2026-04-01"}'
  {"expiryDate":"2035-05-10","basis":"10th-birthday","adultAtIssue":true}

  $ printf '%s\\n' '{"id":1,"rule":"age","input":{"birthDate":"2008-04-02","on":"2026-04-01"}}' | madoguchi rules --batch
  {"id":1,"output":{"age":18}}

A refused or malformed input prints a problem JSON on stderr and exits 2.`;

export function createProgram(io: CliIo, services: CliServices, setExitCode: (code: number) => void): Command {
  const program = new Command('madoguchi')
    .description('Madoguchi: the My Number Card counter, hotline and resident guide of a city office')
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
    })
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .option('--municipality <code>', "the municipality to work on, where one deployment serves several (default: the offices file's)");
  /** The records of the municipality `--municipality` names, before or after the command's name. */
  const openApp = (options: OpenOptions = {}) => services.openApp({ municipality: program.opts<{ municipality?: string }>().municipality, ...options });

  program
    .command('rules')
    .description('evaluate a rule of docs/rules.md (R-1 … R-12) on a JSON input')
    .argument('[rule]', 'rule name, e.g. card-expiry (see --list)')
    .argument('[json]', "the rule's input as a JSON object")
    .option('--batch', 'read JSON lines {"id","rule","input"} from stdin and answer one line each, in order')
    .option('--list', 'list the rules')
    .addHelpText('after', RULES_HELP)
    .action(async (rule: string | undefined, json: string | undefined, options: RulesOptions) => {
      setExitCode(await rulesCommand(io, services.ruleContext, rule, json, options));
    });

  program
    .command('serve')
    .description('start the HTTP server (PORT, HOST, DATA_DIR, DATABASE_URL, LOG_LEVEL from the environment)')
    .action(async () => {
      await services.serve();
    });

  program
    .command('migrate')
    .description('bring the database (DATA_DIR or DATABASE_URL) up to date')
    .action(async () => setExitCode(await migrate(io, openApp)));

  const user = program.command('user').description('staff accounts');
  user
    .command('add')
    .description('add a staff account; the password is read from standard input')
    .argument('<username>', 'lower-case letters, digits, dots, dashes')
    .requiredOption('--role <role>', 'clerk, supervisor, hotline, auditor or admin')
    .requiredOption('--office <officeId>', 'an office id of offices.json, or hotline for hotline operators')
    .option('--name <name>', 'the name shown in the app')
    .option('--password-stdin', `read the password (${MIN_PASSWORD_LENGTH} characters or more) from standard input`)
    .addHelpText('after', "\nExample:\n  $ printf '%s\\n' 'a long secret phrase' | madoguchi user add sato --role clerk --office honcho --password-stdin")
    .action(async (username: string, options: { role: string; office: string; name?: string; passwordStdin?: boolean }) =>
      setExitCode(await userAdd(io, openApp, username, options)),
    );
  user
    .command('setup-code')
    .description('print a one-time setup code for an account awaiting its first password (where no other supervisor of its office can issue one)')
    .argument('<username>', 'the account, made or reset by an administrator')
    .action(async (username: string) => setExitCode(await userSetupCode(io, openApp, username)));

  program
    .command('keys')
    .description('the master key of individual numbers, PINs and the audit trail')
    .command('rotate')
    .description('make a new master key current and keep the old one retired; every individual number is encrypted again under the new key. Stop the server first')
    .addHelpText(
      'after',
      '\nThe retired key stays in DATA_DIR/keys/retired/: PINs set and audit entries written under it are still checked with it. Never delete it.\n' +
        'With MADOGUCHI_KEY, rotate by hand: copy the old key into DATA_DIR/keys/retired/<name>.key, set MADOGUCHI_KEY to a new key and start the server.',
    )
    .action(async () => setExitCode(await keysRotate(io, services)));

  const audit = program.command('audit').description('the audit trail');
  audit
    .command('verify')
    .description('check that no audit entry was altered, removed or reordered, and that none was removed since the last checkpoint (exit 1 if one was)')
    .addHelpText(
      'after',
      '\nThe checkpoints are in DATA_DIR/audit-checkpoints/ (and AUDIT_CHECKPOINT_COPY_DIR, when set), signed with the master key. ' +
        'The answer is JSON: {"ok","entries","checkpoint"} and, when not ok, "reason", "detail", "brokenChain", "firstBrokenSeq".',
    )
    .action(async () => setExitCode(await auditVerify(io, openApp)));

  program
    .command('check')
    .description("check the database file's structure (SQLite quick_check) and that the audit trail holds its last checkpoint, cheaply (exit 1 if not)")
    .action(async () => setExitCode(await check(io, openApp)));

  program
    .command('backup')
    .description('copy the records and the audit checkpoints, with a manifest, into an empty directory, while the server runs (never the master key)')
    .requiredOption('--out <dir>', 'a new or empty directory outside DATA_DIR, best on another disk')
    .addHelpText(
      'after',
      '\nThe master key is never in a backup: keep its copy apart, off this machine (README "Backups and restore").\n' +
        'With DATABASE_URL the command copies the checkpoints and prints the pg_dump command that saves the database.',
    )
    .action(async (options: { out: string }) => setExitCode(await backupCommand(io, services, options.out)));

  program
    .command('restore')
    .description('restore a backup into an empty DATA_DIR, then check the audit trail as audit verify does (exit 1 on any failure)')
    .argument('<dir>', 'the directory written by backup')
    .addHelpText('after', '\nPut the master key back first, from its separate copy, at DATA_DIR/keys/master.key (or set MADOGUCHI_KEY).')
    .action(async (dir: string) => setExitCode(await restoreCommand(io, services, dir)));

  program
    .command('sweep')
    .description('run the nightly sweep: abolish lapsed continuations, expire cards and certificates (also run daily by serve at SWEEP_AT)')
    .option('--today <date>', 'the business day to sweep for, YYYY-MM-DD (default: today in Japan)')
    .action(async (options: { today?: string }) => setExitCode(await sweep(io, openApp, options.today)));

  program
    .command('rebuild')
    .description('rebuild a read model from its events')
    .argument('<model>', 'cards')
    .action(async (model: string) => {
      if (model !== 'cards') throw new CliError(`there is no read model "${model}"; rebuild cards`);
      setExitCode(await rebuild(io, openApp));
    });

  program
    .command('import')
    .description('import residents from the resident-registry system (CSV, UTF-8 or Shift_JIS, columns in the README)')
    .argument('<kind>', 'residents')
    .argument('<file>', 'the CSV file, with a header row')
    .option('--report <file>', 'where to list rejected rows with line and reason (default: FILE.report.csv)')
    .action(async (kind: string, file: string, options: { report?: string }) => setExitCode(await importCommand(io, openApp, kind, file, options)));

  const deliveries = program.command('deliveries').description('made cards delivered by J-LIS to a receiving office');
  deliveries
    .command('import')
    .description('check a delivery in: each card listed (CSV card_id,issue_date, UTF-8 or Shift_JIS) becomes ready at the office from the day received; a re-sent file changes nothing')
    .argument('<file>', 'the delivery list, with the header card_id,issue_date')
    .requiredOption('--office <id>', 'the receiving office (offices.json)')
    .requiredOption('--received-on <date>', 'the day the delivery arrived, YYYY-MM-DD')
    .action(async (file: string, options: { office: string; receivedOn: string }) => setExitCode(await importDelivery(io, openApp, file, options)));

  program
    .command('export')
    .description('export residents or cards as CSV for a permitted purpose, logged in the audit trail')
    .argument('<kind>', 'residents or cards')
    .requiredOption('--purpose <purpose>', 'registry-reconciliation, card-delivery, statistics or audit-inspection')
    .option('--with-numbers', 'individual numbers in clear (registry-reconciliation only); masked otherwise')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--encoding <encoding>', 'utf-8 or shift_jis', 'utf-8')
    .action(async (kind: string, options: { purpose: string; withNumbers?: boolean; out?: string; encoding: string }) =>
      setExitCode(await exportCommand(io, openApp, kind, options)),
    );

  const municipality = program.command('municipality').description('the municipalities one deployment serves (PostgreSQL)');
  municipality
    .command('add')
    .description("serve another municipality from this deployment: its own offices and hotline, policy, staff, records and audit trail")
    .argument('<code>', 'its 全国地方公共団体コード, six digits')
    .requiredOption('--name <name>', 'its name, as its offices file gives it')
    .requiredOption('--offices <file>', 'its offices file (the format of offices.json)')
    .option('--policy <file>', "its policy file (default: the deployment's)")
    .option('--host <host>', "the host name its residents' pages are served under")
    .action(async (code: string, options: { name: string; offices: string; policy?: string; host?: string }) => setExitCode(await municipalityAdd(io, openApp, code, options)));
  municipality
    .command('list')
    .description('the municipalities this deployment serves, its own first')
    .action(async () => setExitCode(await municipalityList(io, openApp)));

  const demo = program.command('demo').description('demo data');
  demo
    .command('generate')
    .description('add realistic residents (kanji and kana names, valid numbers, households, foreign residents), most with an active card, and some with a history of procedures over the past months')
    .requiredOption('--residents <n>', 'how many')
    .option('--stories <k>', 'how many more residents with a history of procedures (default: one in twenty, at most 500; 0 for none)')
    .action(async (options: { residents: string; stories?: string }) => setExitCode(await demoGenerate(io, openApp, options.residents, options.stories)));

  return program;
}

/** Runs the CLI and returns its exit code; a failure is one line on stderr, never a trace. */
export async function runCli(argv: readonly string[], io: CliIo, services: CliServices): Promise<number> {
  let exitCode = 0;
  const program = createProgram(io, services, (code) => {
    exitCode = code;
  });
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CliError) {
      await write(io.stderr, `madoguchi: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
