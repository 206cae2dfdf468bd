import { userInfo } from 'node:os';
import { checkAuditAnchor } from '../app/audit-checkpoints.ts';
import { verifyAudit } from '../app/audit-trail.ts';
import { rebuildCards } from '../app/rebuild.ts';
import { issueSetupCode } from '../app/staff-accounts.ts';
import { addStaff, systemActor } from '../app/staff.ts';
import { CliError, write, type CliIo } from './io.ts';
import type { CliServices, OpenedApp, OpenOptions } from './program.ts';

async function readFirstLine(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/** The name the audit trail records for what is done from the command line. */
export function cliActor() {
  return systemActor(`cli:${userInfo().username}`);
}

/** `user add <username> --role <role> --office <officeId> --password-stdin` */
export async function userAdd(
  io: CliIo,
  open: () => Promise<OpenedApp>,
  username: string,
  options: { role: string; office: string; name?: string; passwordStdin?: boolean },
): Promise<number> {
  if (!options.passwordStdin) throw new CliError('give the password on standard input with --password-stdin (never as an argument)');
  const password = await readFirstLine(io.stdin);
  const { app, close } = await open();
  try {
    const result = await addStaff(app, cliActor(), {
      username,
      role: options.role,
      officeId: options.office,
      password,
      ...(options.name !== undefined && { name: options.name }),
    });
    if (!result.ok) throw new CliError(`${result.error.code}: ${result.error.message}`);
    await write(io.stdout, `added ${result.value.username} (${result.value.role} at ${result.value.officeId})\n`);
    return 0;
  } finally {
    await close();
  }
}

/**
 * `user setup-code <username>`: a setup code for an account awaiting setup, from the server
 * machine, for an office that has no other supervisor to issue it (its first supervisor, or its
 * only one after a reset). Printed once; audited as the command line's user.
 */
export async function userSetupCode(io: CliIo, open: () => Promise<OpenedApp>, username: string): Promise<number> {
  const { app, close } = await open();
  try {
    const staff = await app.store.read.staff.findByUsername(username);
    if (!staff) throw new CliError(`STAFF.NOT_FOUND: there is no user ${username}`);
    const result = await issueSetupCode(app, cliActor(), staff.id);
    if (!result.ok) throw new CliError(`${result.error.code}: ${result.error.message}`);
    await write(io.stdout, `setup code for ${username}: ${result.value.code} (works once, until ${result.value.expiresAt}; sign in with it at /setup)\n`);
    return 0;
  } finally {
    await close();
  }
}

/** `migrate`: brings the database's schema up to date (the server does it too when it starts). */
export async function migrate(io: CliIo, open: () => Promise<OpenedApp>): Promise<number> {
  const { app, close } = await open();
  await close();
  await write(io.stdout, `the ${app.store.dialect} database is up to date\n`);
  return 0;
}

/**
 * `audit verify`: the database file's structure, then the whole chain against the last
 * checkpoint; exit 1 when the file is damaged or an entry was altered, removed or moved.
 */
export async function auditVerify(io: CliIo, open: (options?: OpenOptions) => Promise<OpenedApp>): Promise<number> {
  const { app, close } = await open({ checkIntegrity: true, checksTrail: true });
  try {
    const result = await verifyAudit(app.store, app.keys);
    await write(io.stdout, JSON.stringify(result) + '\n');
    return result.ok ? 0 : 1;
  } finally {
    await close();
  }
}

/**
 * `check`: what the server checks at start, for cron or after a restore: the database file's
 * structure and the audit trail against its last checkpoint (heads only; `audit verify` walks
 * every entry). One line; exit 1 on a problem.
 */
export async function check(io: CliIo, open: (options?: OpenOptions) => Promise<OpenedApp>): Promise<number> {
  const { app, close } = await open({ checkIntegrity: true, checksTrail: true });
  try {
    const anchor = await checkAuditAnchor(app);
    if (anchor.problem) throw new CliError(`the audit trail fails its check (${anchor.problem.reason}): ${anchor.problem.detail}`, 1);
    const held = anchor.checkpoint ? `holds checkpoint #${anchor.checkpoint.n} of ${anchor.checkpoint.at}` : 'has no checkpoint yet';
    // PostgreSQL has no cheap whole check: it checks each page as it reads it (with data checksums on).
    const database = app.store.dialect === 'sqlite' ? 'the database file passed its check' : 'the database answers';
    await write(io.stdout, `${database}; the audit trail ${held}\n`);
    return 0;
  } finally {
    await close();
  }
}

/** `rebuild cards`: the cards read model from the card events; prints what it rewrote. */
export async function rebuild(io: CliIo, open: () => Promise<OpenedApp>): Promise<number> {
  const { app, close } = await open();
  try {
    const report = await rebuildCards(app, cliActor());
    await write(io.stdout, `checked ${report.cards} cards; rebuilt ${report.rebuilt.length}${report.rebuilt.length ? `: ${report.rebuilt.join(', ')}` : ''}\n`);
    return 0;
  } finally {
    await close();
  }
}

/**
 * `keys rotate`: opens the records first (so a master key that is not theirs is refused before
 * anything changes), then rotates the key files and opens the records again, which encrypts
 * every individual number under the new key.
 */
export async function keysRotate(io: CliIo, services: Pick<CliServices, 'openApp' | 'rotateKey'>): Promise<number> {
  await (await services.openApp()).close();
  const keys = await services.rotateKey();
  const { rewrapped, close } = await services.openApp();
  await close();
  await write(
    io.stdout,
    `master key ${keys.current} is current; ${keys.retired} is retired in DATA_DIR/keys/retired/ (keep it: PINs and audit entries written under it are checked with it)\n` +
      `${rewrapped} individual numbers encrypted again under ${keys.current}\n`,
  );
  return 0;
}
