import { createHash, randomBytes } from 'node:crypto';
import { DomainErrorCode, refuse, success } from '../domain/errors.ts';
import { HOTLINE_OFFICE, permissionsOf, readsResidentData, ROLES, SYSTEM_OFFICE, type Permission, type Role } from '../domain/roles.ts';
import type { Actor } from './actor.ts';
import { appendAudit, auditAct } from './audit-trail.ts';
import { runCommand, type AnswerSeal, type CommandSpec } from './command.ts';
import type { AppContext } from './context.ts';
import { hashSecret, verifySecret } from './crypto/secrets.ts';
import type { EncryptedNumber } from './ports/number-repository.ts';
import type { StaffRecord } from './ports/staff-repository.ts';
import type { Repositories } from './ports/store.ts';
import { AppErrorCode, type Result } from './app-errors.ts';

/** How long a sign-in lasts: a working day with its overtime. */
export const SESSION_HOURS = 10;
export const MIN_PASSWORD_LENGTH = 12;

/** The actor of the command line and the nightly jobs, named after who ran them. */
export function systemActor(name: string): Actor {
  return { id: `system:${name}`, username: name, name, role: 'admin', officeId: SYSTEM_OFFICE };
}

/** Whether the actor is the system (the server's command line, the demo, the nightly jobs), not a signed-in person. */
export function isSystemActor(actor: Actor): boolean {
  // No staff account can belong to the system office: addStaff accepts only offices.json and the hotline.
  return actor.officeId === SYSTEM_OFFICE;
}

export function staffView(record: StaffRecord) {
  return { id: record.id, username: record.username, name: record.name, role: record.role, officeId: record.officeId, mustChangePassword: record.mustChangePassword };
}
export type StaffView = ReturnType<typeof staffView>;

/** Where an account stands: in use, waiting for its first password (a setup code), or disabled. */
export type StaffState = 'active' | 'awaiting-setup' | 'disabled';

export function staffState(record: StaffRecord): StaffState {
  if (!record.active) return 'disabled';
  return record.passwordHash === null ? 'awaiting-setup' : 'active';
}

/** An account as its administrators and supervisors see it; a setup code only by when it stops working, and only while it works. */
export function staffAccountView(record: StaffRecord, nowMs: number) {
  const code = record.setupCode && Date.parse(record.setupCode.expiresAt) > nowMs ? record.setupCode : null;
  return { ...staffView(record), state: staffState(record), setupCodeExpiresAt: code?.expiresAt ?? null };
}
export type StaffAccountView = ReturnType<typeof staffAccountView>;

/** An account just made or reset, with the one-time password of an administrator's account, shown once. */
export type StaffAccountChange = StaffAccountView & { readonly oneTimePassword?: string };

export interface NewStaff {
  readonly username: string;
  readonly name?: string;
  readonly role: string;
  readonly officeId: string;
  /** Only from the server's command line (and the demo): a person is never given a password someone else chose. */
  readonly password?: string;
  readonly mustChangePassword?: boolean;
}

export function weakPassword(password: string): Result<never> | undefined {
  return password.length < MIN_PASSWORD_LENGTH
    ? refuse(AppErrorCode.AuthWeakPassword, `a password needs at least ${MIN_PASSWORD_LENGTH} characters`)
    : undefined;
}

/** The refusal of a role at an office, or nothing: hotline operators belong to `hotline`, everyone else to a counter of offices.json. */
export function officeProblem(app: AppContext, role: string, officeId: string): Result<never> | undefined {
  if (!(ROLES as readonly string[]).includes(role)) return refuse('INPUT.INVALID', `the role must be one of ${ROLES.join(', ')}`);
  const offices = [...app.offices.offices.map((office) => office.id), HOTLINE_OFFICE];
  if (!offices.includes(officeId) || (officeId === HOTLINE_OFFICE) !== (role === 'hotline')) {
    return refuse(
      DomainErrorCode.UnknownOffice,
      role === 'hotline' ? `a hotline operator belongs to the office "${HOTLINE_OFFICE}"` : `the office must be one of ${offices.filter((id) => id !== HOTLINE_OFFICE).join(', ')}`,
    );
  }
  return undefined;
}

/** A one-time password for an administrator's account: 16 characters, to be changed at first sign-in. */
export function oneTimePassword(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * A staff account. From the server's command line (`madoguchi user add`, the bootstrap) and the
 * demo: with the password given. From an administrator: never a password of their choosing —
 * an account that reads resident data awaits setup, and its first password comes with a setup
 * code a supervisor issues; an administrator's account gets a one-time password, shown once.
 */
export async function addStaff(app: AppContext, actor: Actor, input: NewStaff, idempotency?: CommandSpec['idempotency']): Promise<Result<StaffAccountChange>> {
  const system = isSystemActor(actor);
  const issued = !system && input.role === 'admin' ? oneTimePassword() : undefined;
  const password = system ? input.password : issued;
  const passwordHash = password !== undefined && password.length >= MIN_PASSWORD_LENGTH ? await hashSecret(password) : null;
  // A repeat of the Idempotency-Key answers the account first made; its one-time password is kept encrypted, never in clear.
  const seal: AnswerSeal<StaffAccountChange> = {
    seal: (result) => (result.ok && result.value.oneTimePassword !== undefined ? success({ ...result.value, oneTimePassword: app.keys.encryptNumber(result.value.oneTimePassword) }) : result),
    open: (sealed) => {
      const value = sealed.ok ? (sealed.value as StaffAccountChange & { oneTimePassword?: EncryptedNumber }) : undefined;
      return value?.oneTimePassword !== undefined ? success({ ...value, oneTimePassword: app.keys.decryptNumber(value.oneTimePassword) }) : (sealed as Result<StaffAccountChange>);
    },
  };
  return runCommand(app, actor, { action: 'staff.add', permission: 'staff.manage', subjectType: 'staff', subjectId: null, idempotency }, async (tx, note) => {
    if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(input.username)) {
      return refuse('INPUT.INVALID', 'a username is 2–64 lower-case letters, digits, dots, dashes or underscores');
    }
    const misplaced = officeProblem(app, input.role, input.officeId);
    if (misplaced) return misplaced;
    const role = input.role as Role;
    if (!system && input.password !== undefined) {
      return refuse('INPUT.INVALID', 'an administrator never chooses a password: the account gets a setup code from a supervisor, or a one-time password');
    }
    if (system) {
      if (password === undefined) return refuse('INPUT.INVALID', 'give the password of the new account');
      const weak = weakPassword(password);
      if (weak) return weak;
    }
    if (await tx.staff.findByUsername(input.username)) return refuse(AppErrorCode.StaffDuplicate, `there is already a user ${input.username}`);
    const record: StaffRecord = {
      id: app.ids.next(),
      username: input.username,
      name: input.name ?? input.username,
      role,
      officeId: input.officeId,
      passwordHash,
      mustChangePassword: issued !== undefined || (input.mustChangePassword ?? false),
      active: true,
      setupCode: null,
    };
    await tx.staff.insert(record, app.clock.now());
    note.subjectId = record.id;
    note.details = { username: record.username, role, officeId: record.officeId, credential: credentialOf(system, role) };
    const view = staffAccountView(record, app.realTime.wallMs());
    return success(issued !== undefined ? { ...view, oneTimePassword: issued } : view);
  }, seal);
}

/** How the person behind a new or reset account gets in, as the audit trail records it. */
function credentialOf(system: boolean, role: Role): 'password' | 'one-time-password' | 'setup-code' {
  if (system) return 'password';
  return readsResidentData(role) ? 'setup-code' : 'one-time-password';
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SignedIn {
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly user: StaffView;
  /** What the signed-in staff member may do (their role's permissions). */
  readonly permissions: Permission[];
}

/** A new session of `staff`, recorded in `tx`: the token is returned once and only its hash kept. */
export async function openSession(app: AppContext, tx: Repositories, staff: StaffRecord): Promise<SignedIn> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  // A session lasts so many hours of real time, whatever business date the clock is set to.
  const createdMs = app.realTime.wallMs();
  const createdAt = new Date(createdMs).toISOString();
  const expiresAt = new Date(createdMs + SESSION_HOURS * 3600_000).toISOString();
  await tx.sessions.insert({ tokenHash: tokenHash(token), staffId: staff.id, csrfToken, createdAt, expiresAt, revoked: false });
  return { token, csrfToken, expiresAt, user: staffView(staff), permissions: permissionsOf(staff.role) };
}

// A hash to verify against when the username is unknown, so both failures take the same time.
let decoy: Promise<string> | undefined;

/** Sign-in (docs/api.md POST /session): the same refusal for a wrong password, an unknown user and an account without a password yet. */
export async function signIn(app: AppContext, username: string, password: string): Promise<Result<SignedIn>> {
  const staff = await app.store.read.staff.findByUsername(username);
  decoy ??= hashSecret(randomBytes(16).toString('hex'));
  const stored = staff?.active ? staff.passwordHash : null;
  const valid = stored !== null ? await verifySecret(stored, password) : (await verifySecret(await decoy, password), false);
  return app.store.transaction(async (tx) => {
    const audit = (outcome: 'ok' | 'refused') =>
      appendAudit(app, tx, {
        at: app.clock.now(),
        actorId: staff?.id ?? null,
        actorRole: staff?.role ?? null,
        officeId: staff?.officeId ?? null,
        action: 'session.sign-in',
        subjectType: 'staff',
        subjectId: staff?.id ?? null,
        outcome,
        code: outcome === 'ok' ? null : AppErrorCode.AuthInvalidCredentials,
        details: { username },
      });
    if (!staff || !valid) {
      await audit('refused');
      return refuse(AppErrorCode.AuthInvalidCredentials, 'the username or password is wrong');
    }
    const session = await openSession(app, tx, staff);
    await audit('ok');
    return success(session);
  });
}

export interface Authenticated {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly mustChangePassword: boolean;
  readonly expiresAt: string;
}

/**
 * The staff member behind a session token, while the session lasts and the account is active.
 * Read from the database on every request (one statement): a disabled account, a reset or a
 * changed password ends its sessions in every server process at once.
 */
export async function authenticate(app: AppContext, token: string): Promise<Result<Authenticated>> {
  const found = await app.store.read.sessions.findWithStaff(tokenHash(token));
  if (!found || found.session.revoked || !found.staff.active || found.staff.passwordHash === null) return refuse(AppErrorCode.AuthUnauthenticated, 'sign in first');
  const { session, staff } = found;
  if (Date.parse(session.expiresAt) <= app.realTime.wallMs()) return refuse(AppErrorCode.AuthUnauthenticated, 'the session has expired; sign in again', { expired: true });
  return success({
    actor: { id: staff.id, username: staff.username, name: staff.name, role: staff.role, officeId: staff.officeId },
    csrfToken: session.csrfToken,
    mustChangePassword: staff.mustChangePassword,
    expiresAt: session.expiresAt,
  });
}

export async function signOut(app: AppContext, actor: Actor, token: string): Promise<void> {
  await app.store.transaction(async (tx) => {
    await tx.sessions.revoke(tokenHash(token));
    await auditAct(app, tx, actor, {
      action: 'session.sign-out',
      subjectType: 'staff',
      subjectId: actor.id,
      details: {},
    });
  });
}

/** A new password, e.g. replacing a one-time password; every other session of the user ends. */
export async function changePassword(app: AppContext, actor: Actor, currentPassword: string, newPassword: string, keepToken: string): Promise<Result<StaffView>> {
  const staff = await app.store.read.staff.get(actor.id);
  if (!staff?.passwordHash || !(await verifySecret(staff.passwordHash, currentPassword))) {
    return refuse(AppErrorCode.AuthInvalidCredentials, 'the current password is wrong');
  }
  const weak = weakPassword(newPassword);
  if (weak) return weak;
  if (newPassword === currentPassword) return refuse(AppErrorCode.AuthWeakPassword, 'the new password must differ from the current one');
  const passwordHash = await hashSecret(newPassword);
  return app.store.transaction(async (tx) => {
    await tx.staff.setPassword(staff.id, passwordHash, false);
    await tx.sessions.revokeAllOf(staff.id, tokenHash(keepToken));
    await auditAct(app, tx, actor, {
      action: 'staff.change-password',
      subjectType: 'staff',
      subjectId: actor.id,
      details: {},
    });
    return success(staffView({ ...staff, mustChangePassword: false }));
  });
}
