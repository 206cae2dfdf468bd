import { createHash, randomBytes } from 'node:crypto';
import { DomainErrorCode, refuse, success, type Result } from '../domain/errors.ts';
import { HOTLINE_OFFICE, ROLES, SYSTEM_OFFICE, type Role } from '../domain/roles.ts';
import type { Actor } from './actor.ts';
import { appendAudit, auditAct } from './audit-trail.ts';
import { runCommand } from './command.ts';
import type { AppContext } from './context.ts';
import { hashSecret, verifySecret } from './crypto/secrets.ts';
import type { StaffRecord } from './ports.ts';

/** How long a sign-in lasts: a working day with its overtime. */
export const SESSION_HOURS = 10;
export const MIN_PASSWORD_LENGTH = 12;

/** The actor of the command line and the nightly jobs, named after who ran them. */
export function systemActor(name: string): Actor {
  return { id: `system:${name}`, username: name, name, role: 'admin', officeId: SYSTEM_OFFICE };
}

export function staffView(record: StaffRecord) {
  return { id: record.id, username: record.username, name: record.name, role: record.role, officeId: record.officeId, mustChangePassword: record.mustChangePassword };
}
export type StaffView = ReturnType<typeof staffView>;

export interface NewStaff {
  readonly username: string;
  readonly name?: string;
  readonly role: string;
  readonly officeId: string;
  readonly password: string;
  readonly mustChangePassword?: boolean;
}

function weakPassword(password: string): Result<never> | undefined {
  return password.length < MIN_PASSWORD_LENGTH
    ? refuse(DomainErrorCode.AuthWeakPassword, `a password needs at least ${MIN_PASSWORD_LENGTH} characters`)
    : undefined;
}

/** A staff account (`madoguchi user add`): a role, an office of offices.json (hotline operators: `hotline`), an argon2id password. */
export async function addStaff(app: AppContext, actor: Actor, input: NewStaff): Promise<Result<StaffView>> {
  return runCommand(app, actor, { action: 'staff.add', permission: 'staff.manage', subjectType: 'staff', subjectId: null }, async (tx, note) => {
    if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(input.username)) {
      return refuse('INPUT.INVALID', 'a username is 2–64 lower-case letters, digits, dots, dashes or underscores');
    }
    if (!(ROLES as readonly string[]).includes(input.role)) return refuse('INPUT.INVALID', `the role must be one of ${ROLES.join(', ')}`);
    const role = input.role as Role;
    const offices = [...app.offices.offices.map((office) => office.id), HOTLINE_OFFICE];
    if (!offices.includes(input.officeId) || (input.officeId === HOTLINE_OFFICE) !== (role === 'hotline')) {
      return refuse(
        DomainErrorCode.UnknownOffice,
        role === 'hotline' ? `a hotline operator belongs to the office "${HOTLINE_OFFICE}"` : `the office must be one of ${offices.filter((id) => id !== HOTLINE_OFFICE).join(', ')}`,
      );
    }
    const weak = weakPassword(input.password);
    if (weak) return weak;
    if (await tx.staff.findByUsername(input.username)) return refuse(DomainErrorCode.StaffDuplicate, `there is already a user ${input.username}`);
    const record: StaffRecord = {
      id: app.ids.next(),
      username: input.username,
      name: input.name ?? input.username,
      role,
      officeId: input.officeId,
      passwordHash: await hashSecret(input.password),
      mustChangePassword: input.mustChangePassword ?? false,
      active: true,
    };
    await tx.staff.insert(record, app.clock.now());
    note.subjectId = record.id;
    note.details = { username: record.username, role, officeId: record.officeId };
    return success(staffView(record));
  });
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SignedIn {
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly user: StaffView;
}

// A hash to verify against when the username is unknown, so both failures take the same time.
let decoy: Promise<string> | undefined;

/** Sign-in (api.md POST /session): the same refusal for a wrong password and an unknown user. */
export async function signIn(app: AppContext, username: string, password: string): Promise<Result<SignedIn>> {
  const staff = await app.store.read.staff.findByUsername(username);
  decoy ??= hashSecret(randomBytes(16).toString('hex'));
  const valid = staff?.active ? await verifySecret(staff.passwordHash, password) : (await verifySecret(await decoy, password), false);
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
        code: outcome === 'ok' ? null : DomainErrorCode.AuthInvalidCredentials,
        details: { username },
      });
    if (!staff || !valid) {
      await audit('refused');
      return refuse(DomainErrorCode.AuthInvalidCredentials, 'the username or password is wrong');
    }
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    // A session lasts so many hours of real time, whatever business date the clock is set to.
    const createdAt = new Date().toISOString();
    const expiresAt = new Date(Date.parse(createdAt) + SESSION_HOURS * 3600_000).toISOString();
    await tx.sessions.insert({ tokenHash: tokenHash(token), staffId: staff.id, csrfToken, createdAt, expiresAt, revoked: false });
    await audit('ok');
    return success({ token, csrfToken, expiresAt, user: staffView(staff) });
  });
}

export interface Authenticated {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly mustChangePassword: boolean;
  readonly expiresAt: string;
}

/** The staff member behind a session token, while the session lasts and the account is active. */
export async function authenticate(app: AppContext, token: string): Promise<Result<Authenticated>> {
  const session = await app.store.read.sessions.find(tokenHash(token));
  if (!session || session.revoked) return refuse(DomainErrorCode.AuthUnauthenticated, 'sign in first');
  if (session.expiresAt <= new Date().toISOString()) return refuse(DomainErrorCode.AuthUnauthenticated, 'the session has expired; sign in again', { expired: true });
  const staff = await app.store.read.staff.get(session.staffId);
  if (!staff?.active) return refuse(DomainErrorCode.AuthUnauthenticated, 'sign in first');
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
  if (!staff || !(await verifySecret(staff.passwordHash, currentPassword))) {
    return refuse(DomainErrorCode.AuthInvalidCredentials, 'the current password is wrong');
  }
  const weak = weakPassword(newPassword);
  if (weak) return weak;
  if (newPassword === currentPassword) return refuse(DomainErrorCode.AuthWeakPassword, 'the new password must differ from the current one');
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
