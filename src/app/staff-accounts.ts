import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainErrorCode, refuse, success } from '../domain/errors.ts';
import { authorize, type Actor } from './actor.ts';
import { appendAudit } from './audit-trail.ts';
import { runCommand, type AuditNote, type CommandSpec } from './command.ts';
import type { AppContext } from './context.ts';
import { hashSecret } from './crypto/secrets.ts';
import type { StaffRecord } from './ports/staff-repository.ts';
import type { Repositories } from './ports/store.ts';
import { PERMISSIONS, readsResidentData, type Role } from '../domain/roles.ts';
import {
  isSystemActor,
  officeProblem,
  oneTimePassword,
  openSession,
  staffAccountView,
  weakPassword,
  type SignedIn,
  type StaffAccountChange,
  type StaffAccountView,
} from './staff.ts';
import { AppErrorCode, type Result } from './app-errors.ts';
import type { AuditAction } from './audit-action.ts';

/**
 * The life of a staff account after it is made (docs/security.md "Staff accounts"): an
 * administrator resets, disables, re-enables, changes the role of an account and ends its
 * sessions; a supervisor issues the setup code of an account of their office that awaits its
 * first password; the person exchanges that code for a password of their own. Every act is one
 * transaction with its audit entry, and every act that takes a credential away ends the
 * account's sessions in the same transaction.
 */

/** How long a setup code works: three days, to reach someone on leave or on another shift. */
export const SETUP_CODE_HOURS = 72;

// 32 letters and digits that cannot be taken for one another (no 0/O, 1/I): 5 bits each, 80 bits in all.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 16;

/** A new setup code, in groups of four: XXXX-XXXX-XXXX-XXXX. */
export function newSetupCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  const letters = [...bytes].map((byte) => CODE_ALPHABET[byte & 31]!).join('');
  return letters.match(/.{4}/g)!.join('-');
}

/**
 * The stored form of a setup code: SHA-256 of its letters, whatever the case, spaces or dashes
 * it was typed with. 80 random bits need no slow hash: nobody tries 2^80 codes.
 */
export function setupCodeHash(code: string): string {
  return createHash('sha256').update(code.toUpperCase().replace(/[\s-]/g, '')).digest('hex');
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

type Idempotency = CommandSpec['idempotency'];

/** An administrator's act on another account: found, not one's own (when `notSelf` says so). */
async function adminAct<T>(
  app: AppContext,
  actor: Actor,
  id: string,
  spec: { readonly action: AuditAction; readonly idempotency: Idempotency; readonly notSelf: string | undefined },
  work: (tx: Repositories, staff: StaffRecord, note: AuditNote) => Promise<Result<T>>,
): Promise<Result<T>> {
  return runCommand(app, actor, { action: spec.action, permission: 'staff.manage', subjectType: 'staff', subjectId: id, idempotency: spec.idempotency }, async (tx, note) => {
    const staff = await tx.staff.get(id);
    if (!staff) return refuse(AppErrorCode.StaffNotFound, 'there is no such staff account');
    note.details = { username: staff.username };
    if (spec.notSelf !== undefined && staff.id === actor.id) return refuse(AppErrorCode.StaffSelf, spec.notSelf);
    return work(tx, staff, note);
  });
}

async function reread(app: AppContext, tx: Repositories, id: string): Promise<StaffAccountView> {
  return staffAccountView((await tx.staff.get(id))!, app.realTime.wallMs());
}

/**
 * A reset by an administrator: every session ends. An account that reads resident data loses
 * its password and awaits a setup code from a supervisor; an administrator's account gets a
 * one-time password, returned once.
 */
export async function resetStaff(app: AppContext, actor: Actor, id: string): Promise<Result<StaffAccountChange>> {
  // Hashing takes tens of milliseconds, which no transaction should hold the database for.
  const before = await app.store.read.staff.get(id);
  const prepared = before && !readsResidentData(before.role) ? await prepareOneTimePassword() : undefined;
  // No Idempotency-Key: the answer may carry a one-time password, which is never stored in the clear.
  return adminAct(app, actor, id, { action: 'staff.reset', idempotency: undefined, notSelf: 'change your own password with POST /api/v1/session/password' }, async (tx, staff, note) => {
    const ended = await tx.sessions.revokeAllOf(staff.id);
    if (readsResidentData(staff.role)) {
      await tx.staff.setPassword(staff.id, null, false);
      note.details = { ...note.details, credential: 'setup-code', endedSessions: ended };
      return success(await reread(app, tx, staff.id));
    }
    const issued = prepared ?? (await prepareOneTimePassword());
    await tx.staff.setPassword(staff.id, issued.hash, true);
    note.details = { ...note.details, credential: 'one-time-password', endedSessions: ended };
    return success({ ...(await reread(app, tx, staff.id)), oneTimePassword: issued.password });
  });
}

async function prepareOneTimePassword(): Promise<{ password: string; hash: string }> {
  const password = oneTimePassword();
  return { password, hash: await hashSecret(password) };
}

/** Whether `to` can do anything `from` cannot: a raise, which someone of the office must vouch for. */
function raises(from: Role, to: Role): boolean {
  const before: readonly string[] = PERMISSIONS[from];
  return PERMISSIONS[to].some((permission) => !before.includes(permission));
}

/** The role and office an account is given. */
export interface StaffRoleInput {
  readonly role: string;
  readonly officeId: string;
}

/**
 * A new role (and office) for an account; its sessions end. A raise to a role that reads
 * resident data, or a move to another office, takes the password away: a supervisor of the
 * account's (new) office issues a setup code, so that no administrator alone makes someone a
 * clerk, a supervisor or an auditor. A lowering keeps the person's password.
 */
export async function changeStaffRole(app: AppContext, actor: Actor, id: string, input: StaffRoleInput, idempotency?: Idempotency): Promise<Result<StaffAccountView>> {
  return adminAct(app, actor, id, { action: 'staff.change-role', idempotency, notSelf: 'another administrator changes the role of your account' }, async (tx, staff, note) => {
    const misplaced = officeProblem(app, input.role, input.officeId);
    if (misplaced) return misplaced;
    const role = input.role as Role;
    if (role === staff.role && input.officeId === staff.officeId) return refuse('INPUT.INVALID', `the account is already a ${role} at ${staff.officeId}`);
    const needsSetup = readsResidentData(role) && (raises(staff.role, role) || input.officeId !== staff.officeId);
    await tx.staff.setRole(staff.id, role, input.officeId);
    const ended = await tx.sessions.revokeAllOf(staff.id);
    if (needsSetup) await tx.staff.setPassword(staff.id, null, false);
    note.details = { ...note.details, from: { role: staff.role, officeId: staff.officeId }, to: { role, officeId: input.officeId }, setupRequired: needsSetup, endedSessions: ended };
    return success(await reread(app, tx, staff.id));
  });
}

/** Disabled: no sign-in, every session ends at once, an outstanding setup code stops working. */
export async function disableStaff(app: AppContext, actor: Actor, id: string, idempotency?: Idempotency): Promise<Result<StaffAccountView>> {
  return adminAct(app, actor, id, { action: 'staff.disable', idempotency, notSelf: 'another administrator disables your account' }, async (tx, staff, note) => {
    await tx.staff.setActive(staff.id, false);
    await tx.staff.setSetupCode(staff.id, null);
    note.details = { ...note.details, endedSessions: await tx.sessions.revokeAllOf(staff.id) };
    return success(await reread(app, tx, staff.id));
  });
}

/** Enabled again, as it was: the person's own password (or, awaiting setup, a new code from a supervisor). */
export async function enableStaff(app: AppContext, actor: Actor, id: string, idempotency?: Idempotency): Promise<Result<StaffAccountView>> {
  return adminAct(app, actor, id, { action: 'staff.enable', idempotency, notSelf: undefined }, async (tx, staff) => {
    await tx.staff.setActive(staff.id, true);
    return success(await reread(app, tx, staff.id));
  });
}

/** Every session of the account ends now (a lost phone, a shared screen); the password stays. */
export async function endStaffSessions(app: AppContext, actor: Actor, id: string, idempotency?: Idempotency): Promise<Result<StaffAccountView & { readonly endedSessions: number }>> {
  return adminAct(app, actor, id, { action: 'staff.end-sessions', idempotency, notSelf: undefined }, async (tx, staff, note) => {
    const endedSessions = await tx.sessions.revokeAllOf(staff.id);
    note.details = { ...note.details, endedSessions };
    return success({ ...(await reread(app, tx, staff.id)), endedSessions });
  });
}

/**
 * Whose setup codes a supervisor issues: accounts of their own office, and hotline operators
 * (the hotline has no supervisor in the system; any counter's supervisor vouches for them).
 * The server's command line issues for any account (the bootstrap of an office with none).
 */
function issuerMayServe(actor: Actor, staff: StaffRecord): boolean {
  return isSystemActor(actor) || staff.role === 'hotline' || staff.officeId === actor.officeId;
}

function awaitsSetup(staff: StaffRecord): boolean {
  return staff.active && staff.passwordHash === null && readsResidentData(staff.role);
}

/** The accounts a supervisor may issue a setup code for now. */
export async function accountsAwaitingSetup(app: AppContext, actor: Actor): Promise<Result<StaffAccountView[]>> {
  const allowed = authorize(actor, 'staff.issue-setup-code');
  if (!allowed.ok) return allowed;
  const now = app.realTime.wallMs();
  const staff = await app.store.read.staff.list();
  return success(staff.filter((member) => member.id !== actor.id && awaitsSetup(member) && issuerMayServe(actor, member)).map((member) => staffAccountView(member, now)));
}

export interface IssuedSetupCode {
  /** Shown once, to hand to the person; only its hash is kept. */
  readonly code: string;
  readonly expiresAt: string;
  readonly account: StaffAccountView;
}

/**
 * A one-time setup code for an account that awaits its first password, issued by a supervisor
 * of its office who is not the account's holder (never by an administrator); it replaces any
 * earlier code, works once, for SETUP_CODE_HOURS.
 */
export async function issueSetupCode(app: AppContext, actor: Actor, id: string): Promise<Result<IssuedSetupCode>> {
  const permission = isSystemActor(actor) ? 'staff.manage' : 'staff.issue-setup-code';
  // No Idempotency-Key: the answer is the code, which is kept only as a hash.
  return runCommand(app, actor, { action: 'staff.issue-setup-code', permission, subjectType: 'staff', subjectId: id }, async (tx, note) => {
    const staff = await tx.staff.get(id);
    if (!staff) return refuse(AppErrorCode.StaffNotFound, 'there is no such staff account');
    note.details = { username: staff.username };
    if (staff.id === actor.id) return refuse(AppErrorCode.StaffSelf, 'another supervisor of your office issues the setup code of your account');
    if (!awaitsSetup(staff)) return refuse(AppErrorCode.StaffNotAwaitingSetup, 'this account does not await a setup code (it has a password, or is disabled)');
    if (!issuerMayServe(actor, staff)) return refuse(DomainErrorCode.AuthOfficeNotAllowed, `a supervisor of ${staff.officeId} issues the setup code of this account`);
    const code = newSetupCode();
    const expiresAt = new Date(app.realTime.wallMs() + SETUP_CODE_HOURS * 3600_000).toISOString();
    await tx.staff.setSetupCode(staff.id, { hash: setupCodeHash(code), expiresAt });
    note.details = { username: staff.username, expiresAt };
    return success({ code, expiresAt, account: await reread(app, tx, staff.id) });
  });
}

/**
 * The first sign-in of an account awaiting setup: its username and setup code, and the password
 * the person chooses. The code is used up; a session opens. A wrong code, an unknown user and an
 * account with no code are refused alike; an expired code is said to be expired only to someone
 * who typed it right.
 */
export async function completeSetup(app: AppContext, username: string, code: string, newPassword: string): Promise<Result<SignedIn>> {
  const staff = await app.store.read.staff.findByUsername(username);
  const codeHash = setupCodeHash(code);
  const outstanding = staff && awaitsSetup(staff) ? staff.setupCode : null;
  const matches = outstanding !== null && sameHash(outstanding.hash, codeHash);
  const refusal: Result<never> | undefined = !matches
    ? refuse(AppErrorCode.AuthInvalidCredentials, 'the username or setup code is wrong')
    : Date.parse(outstanding.expiresAt) <= app.realTime.wallMs()
      ? refuse(AppErrorCode.AuthSetupCodeExpired, 'this setup code has expired; ask a supervisor of your office for a new one')
      : weakPassword(newPassword);
  const passwordHash = refusal ? undefined : await hashSecret(newPassword);
  return app.store.transaction(async (tx) => {
    const audit = (action: AuditAction, result: Result<unknown>) =>
      appendAudit(app, tx, {
        at: app.clock.now(),
        actorId: staff?.id ?? null,
        actorRole: staff?.role ?? null,
        officeId: staff?.officeId ?? null,
        action,
        subjectType: 'staff',
        subjectId: staff?.id ?? null,
        outcome: result.ok ? 'ok' : 'refused',
        code: result.ok ? null : result.error.code,
        details: { username },
      });
    // Used in between by a request with the same code: the one that came second is refused.
    const used = !refusal && staff && passwordHash ? await tx.staff.useSetupCode(staff.id, codeHash, passwordHash) : false;
    if (!used || !staff) {
      const refused = refusal ?? refuse(AppErrorCode.AuthInvalidCredentials, 'the username or setup code is wrong');
      await audit('staff.setup', refused);
      return refused;
    }
    const session = await openSession(app, tx, { ...staff, mustChangePassword: false });
    await audit('staff.setup', success(undefined));
    await audit('session.sign-in', success(undefined));
    return success(session);
  });
}
