import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/actor.ts';
import type { RealTime } from '../../src/app/ports/clock.ts';
import { issueSetupCode } from '../../src/app/staff-accounts.ts';
import { addStaff } from '../../src/app/staff.ts';
import { buildApp } from '../../src/http/app.ts';
import { createStaff, openTestApp, PASSWORD } from '../support/app.ts';
import { cli, openedFor } from '../support/cli.ts';
import { DIALECTS } from '../support/databases.ts';
import { type Answer, residentWithActiveCard, type Who, worldFor } from '../support/world.ts';

const NEW_PASSWORD = 'a password of my own';

describe.each(DIALECTS)('staff accounts on $name', ({ create }) => {
  const world = worldFor(create);

  /** A request with a bearer token of its own (accounts made in the test, not the world's staff). */
  async function as(token: string | undefined, method: 'GET' | 'POST', url: string, payload?: object): Promise<Answer> {
    const response = await world.http.inject({ method, url, headers: token ? { authorization: `Bearer ${token}` } : {}, ...(payload && { payload }) });
    return { status: response.statusCode, body: response.body ? response.json() : null, headers: response.headers };
  }
  const signIn = (username: string, password: string) => as(undefined, 'POST', '/api/v1/session', { username, password });
  const setup = (username: string, setupCode: string, newPassword = NEW_PASSWORD) => as(undefined, 'POST', '/api/v1/session/setup', { username, setupCode, newPassword });
  const admin = (method: 'GET' | 'POST', url: string, payload?: object) => world.call('admin', method, url, payload);
  const byAdmin = async (username: string, role: string, officeId: string) => {
    const made = await admin('POST', '/api/v1/staff', { username, name: username, role, officeId });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    return made.body as { id: string; state: string; oneTimePassword?: string };
  };
  const issue = (who: Who, id: string) => world.call(who, 'POST', `/api/v1/staff/${id}/setup-code`);
  /** A staff member made from the server's command line, as `madoguchi user add` does, and signed in. */
  const withPassword = async (username: string, role: string, officeId: string) => {
    const actor = await createStaff(world.app, username, role, officeId);
    const signedIn = await signIn(username, PASSWORD);
    expect(signedIn.status).toBe(200);
    return { actor, token: signedIn.body.token as string };
  };
  const auditOf = async (id: string) => {
    const entries = await world.call('auditor', 'GET', `/api/v1/audit?subject=${id}&limit=1000`);
    expect(entries.status).toBe(200);
    return entries.body as { action: string; outcome: string; code: string | null; actorId: string | null; details: Record<string, unknown> }[];
  };

  it('never lets an administrator sign in as an account of theirs that reads individual numbers, by any way round', async () => {
    const made = await byAdmin('mallory.sup', 'supervisor', 'honcho');
    expect(made).toMatchObject({ role: 'supervisor', officeId: 'honcho', state: 'awaiting-setup', setupCodeExpiresAt: null });
    expect(made).not.toHaveProperty('oneTimePassword');
    // A password of the administrator's choosing is not part of the request any more, nor of the use case.
    expect((await admin('POST', '/api/v1/staff', { username: 'mallory.two', name: 'M', role: 'supervisor', officeId: 'honcho', password: 'chosen by the admin' })).status).toBe(400);
    const adminActor: Actor = { id: world.ids.admin, username: 'admin', name: 'admin', role: 'admin', officeId: 'honcho' };
    expect(await addStaff(world.app, adminActor, { username: 'mallory.three', role: 'clerk', officeId: 'honcho', password: 'chosen by the admin' })).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } });
    for (const password of [PASSWORD, 'chosen by the admin', ' ']) expect((await signIn('mallory.sup', password)).status).toBe(401);

    // The administrator may not issue its setup code, nor guess one.
    expect(await issue('admin', made.id)).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
    expect(await admin('GET', '/api/v1/staff/awaiting-setup')).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
    expect((await setup('mallory.sup', 'AAAA-AAAA-AAAA-AAAA')).body.code).toBe('AUTH.INVALID_CREDENTIALS');
    // Nor reset it into something usable.
    const reset = await admin('POST', `/api/v1/staff/${made.id}/reset`);
    expect(reset).toMatchObject({ status: 200, body: { state: 'awaiting-setup' } });
    expect(reset.body).not.toHaveProperty('oneTimePassword');

    // The long way round: make it an administrator, whose password an administrator may hand out, then raise it again.
    expect(await admin('POST', `/api/v1/staff/${made.id}/role`, { role: 'admin', officeId: 'honcho' })).toMatchObject({ status: 200, body: { role: 'admin' } });
    const adminReset = await admin('POST', `/api/v1/staff/${made.id}/reset`);
    expect(adminReset.body.oneTimePassword).toEqual(expect.any(String));
    const asAdmin = await signIn('mallory.sup', adminReset.body.oneTimePassword);
    expect(asAdmin.status).toBe(200);
    expect((await as(asAdmin.body.token, 'POST', '/api/v1/session/password', { currentPassword: adminReset.body.oneTimePassword, newPassword: 'known to the admin' })).status).toBe(200);
    const raised = await admin('POST', `/api/v1/staff/${made.id}/role`, { role: 'supervisor', officeId: 'honcho' });
    expect(raised).toMatchObject({ status: 200, body: { role: 'supervisor', state: 'awaiting-setup' } });
    expect((await as(asAdmin.body.token, 'GET', '/api/v1/session')).status).toBe(401);
    expect((await signIn('mallory.sup', 'known to the admin')).status).toBe(401);

    // Only a supervisor of its office hands the person a code, and only they can then get in.
    expect(await issue('clerk', made.id)).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
    expect(await issue('kasaiSupervisor', made.id)).toMatchObject({ status: 403, body: { code: 'AUTH.OFFICE_NOT_ALLOWED' } });
    expect(await issue('auditor', made.id)).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
    const issued = await issue('supervisor', made.id);
    expect(issued).toMatchObject({ status: 201, body: { code: expect.stringMatching(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/), account: { state: 'awaiting-setup' } } });
    const person = await setup('mallory.sup', issued.body.code);
    expect(person).toMatchObject({ status: 200, body: { user: { username: 'mallory.sup', role: 'supervisor', mustChangePassword: false } } });
    const { residentId } = await residentWithActiveCard(world);
    expect((await as(person.body.token, 'POST', `/api/v1/residents/${residentId}/individual-number/reveal`, { purpose: 'first day' })).status).toBe(200);

    const acts = await auditOf(made.id);
    const seen = new Set(acts.map((entry) => `${entry.action}:${entry.outcome}${entry.code ? `:${entry.code}` : ''}`));
    for (const act of [
      'staff.add:ok',
      'staff.issue-setup-code:refused:AUTH.FORBIDDEN',
      'staff.issue-setup-code:refused:AUTH.OFFICE_NOT_ALLOWED',
      'staff.issue-setup-code:ok',
      'staff.setup:refused:AUTH.INVALID_CREDENTIALS',
      'staff.setup:ok',
      'staff.reset:ok',
      'staff.change-role:ok',
      'session.sign-in:refused:AUTH.INVALID_CREDENTIALS',
      'session.sign-in:ok',
    ]) {
      expect(seen, act).toContain(act);
    }
    expect(acts.find((entry) => entry.action === 'staff.issue-setup-code' && entry.outcome === 'ok')).toMatchObject({ actorId: world.ids.supervisor, details: { expiresAt: issued.body.expiresAt } });
    expect(acts.find((entry) => entry.action === 'staff.change-role' && entry.details.setupRequired === true)).toMatchObject({ details: { from: { role: 'admin' }, to: { role: 'supervisor' } } });
    expect(JSON.stringify(acts)).not.toContain(issued.body.code);
    expect(JSON.stringify(acts)).not.toContain(issued.body.code.replace(/-/g, ''));
  });

  it("needs another supervisor of the office for a supervisor's account, never its holder", async () => {
    const { actor, token } = await withPassword('lone.sup', 'supervisor', 'honcho');
    expect((await admin('POST', `/api/v1/staff/${actor.id}/reset`)).body.state).toBe('awaiting-setup');
    expect((await as(token, 'GET', '/api/v1/session')).status).toBe(401);
    // Its holder, were they still signed in somewhere, could not vouch for themselves.
    expect(await issueSetupCode(world.app, actor, actor.id)).toMatchObject({ ok: false, error: { code: 'STAFF.SELF' } });
    expect((await auditOf(actor.id)).find((entry) => entry.action === 'staff.issue-setup-code')).toMatchObject({ outcome: 'refused', code: 'STAFF.SELF', actorId: actor.id });
    const listed = await world.call('supervisor2', 'GET', '/api/v1/staff/awaiting-setup');
    expect(listed.body.map((account: { username: string }) => account.username)).toContain('lone.sup');
    expect((await world.call('kasaiSupervisor', 'GET', '/api/v1/staff/awaiting-setup')).body.map((account: { username: string }) => account.username)).not.toContain('lone.sup');
    const issued = await issue('supervisor2', actor.id);
    expect(issued.status).toBe(201);
    expect((await world.call('supervisor2', 'GET', '/api/v1/staff/awaiting-setup')).body.find((account: { id: string }) => account.id === actor.id)).toMatchObject({ setupCodeExpiresAt: issued.body.expiresAt });
    expect((await setup('lone.sup', issued.body.code.toLowerCase().replace(/-/g, ' '))).status).toBe(200);
    expect((await signIn('lone.sup', NEW_PASSWORD)).status).toBe(200);
    // Nothing is left to issue for an account with a password.
    expect(await issue('supervisor2', actor.id)).toMatchObject({ status: 409, body: { code: 'STAFF.NOT_AWAITING_SETUP' } });
  });

  it("issues a hotline operator's code from any counter's supervisor, the hotline having none of its own", async () => {
    const made = await byAdmin('new.operator', 'hotline', 'hotline');
    expect(await issue('clerk', made.id)).toMatchObject({ status: 403 });
    expect(await issue('kasaiSupervisor', made.id)).toMatchObject({ status: 201 });
  });

  it('prints a setup code on the server machine for an office with no other supervisor, and adds accounts with a password there', async () => {
    const services = { openApp: async () => openedFor(world.app) };
    const added = await cli(['user', 'add', 'first.sup', '--role', 'supervisor', '--office', 'koiwa', '--password-stdin'], `${PASSWORD}\n`, services);
    expect(added).toMatchObject({ exitCode: 0, stdout: 'added first.sup (supervisor at koiwa)\n' });
    expect((await signIn('first.sup', PASSWORD)).status).toBe(200);
    const made = await byAdmin('koiwa.sup', 'supervisor', 'koiwa');
    const printed = await cli(['user', 'setup-code', 'koiwa.sup'], '', services);
    expect(printed.exitCode).toBe(0);
    const code = /setup code for koiwa\.sup: (\S+) \(works once, until (\S+);/.exec(printed.stdout);
    expect(code, printed.stdout).not.toBeNull();
    expect((await setup('koiwa.sup', code![1]!)).status).toBe(200);
    expect((await auditOf(made.id)).find((entry) => entry.action === 'staff.issue-setup-code')).toMatchObject({ outcome: 'ok', actorId: expect.stringMatching(/^system:cli:/) });
    const refused = await cli(['user', 'setup-code', 'koiwa.sup'], '', services);
    expect(refused).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('STAFF.NOT_AWAITING_SETUP') });
  });

  it('takes a setup code once, and not after it expired', async () => {
    const made = await byAdmin('once.clerk', 'clerk', 'honcho');
    const first = await issue('supervisor', made.id);
    const second = await issue('supervisor2', made.id);
    // A new code replaces the one before.
    expect((await setup('once.clerk', first.body.code)).body.code).toBe('AUTH.INVALID_CREDENTIALS');
    expect((await setup('once.clerk', second.body.code, 'short')).body.code).toBe('AUTH.WEAK_PASSWORD');
    expect((await setup('someone.else', second.body.code)).body.code).toBe('AUTH.INVALID_CREDENTIALS');
    const used = await setup('once.clerk', second.body.code);
    expect(used.status).toBe(200);
    expect((await as(used.body.token, 'GET', '/api/v1/session')).body.user).toMatchObject({ username: 'once.clerk', role: 'clerk' });
    expect((await setup('once.clerk', second.body.code, 'another password of mine')).body.code).toBe('AUTH.INVALID_CREDENTIALS');
    expect((await signIn('once.clerk', 'another password of mine')).status).toBe(401);

    // Three days later by the wall clock, an unused code no longer works.
    let wall = Date.parse('2031-03-02T00:00:00Z');
    const realTime: RealTime = { wallMs: () => wall, monotonicMs: () => wall };
    const timed = { ...world.app, realTime };
    const http = await buildApp(timed, { loginAttemptsPerMinute: 1000, signInFailuresPerAddress: 1000 });
    try {
      const late = await byAdmin('late.clerk', 'clerk', 'honcho');
      const supervisor: Actor = { id: world.ids.supervisor, username: 'super.honcho', name: 'super.honcho', role: 'supervisor', officeId: 'honcho' };
      const issued = await issueSetupCode(timed, supervisor, late.id);
      if (!issued.ok) throw new Error(issued.error.message);
      expect(issued.value.expiresAt).toBe('2031-03-05T00:00:00.000Z');
      wall += 72 * 3600_000;
      const expired = await http.inject({ method: 'POST', url: '/api/v1/session/setup', payload: { username: 'late.clerk', setupCode: issued.value.code, newPassword: NEW_PASSWORD } });
      expect(expired.json()).toMatchObject({ status: 401, code: 'AUTH.SETUP_CODE_EXPIRED' });
      const again = await issueSetupCode(timed, supervisor, late.id);
      if (!again.ok) throw new Error(again.error.message);
      wall += 72 * 3600_000 - 1;
      const inTime = await http.inject({ method: 'POST', url: '/api/v1/session/setup', payload: { username: 'late.clerk', setupCode: again.value.code, newPassword: NEW_PASSWORD } });
      expect(inTime.statusCode).toBe(200);
    } finally {
      await http.close();
    }
  });

  it('takes the password and every session away on a reset or a raise, and keeps them on a lowering', async () => {
    const clerk = await withPassword('reset.clerk', 'clerk', 'honcho');
    const reset = await admin('POST', `/api/v1/staff/${clerk.actor.id}/reset`);
    expect(reset.body).toMatchObject({ state: 'awaiting-setup' });
    expect((await as(clerk.token, 'GET', '/api/v1/session')).status).toBe(401);
    expect((await signIn('reset.clerk', PASSWORD)).status).toBe(401);

    const raised = await withPassword('raised.clerk', 'clerk', 'honcho');
    expect((await admin('POST', `/api/v1/staff/${raised.actor.id}/role`, { role: 'supervisor', officeId: 'honcho' })).body).toMatchObject({ role: 'supervisor', state: 'awaiting-setup' });
    expect((await as(raised.token, 'GET', '/api/v1/session')).status).toBe(401);
    expect((await signIn('raised.clerk', PASSWORD)).status).toBe(401);

    const moved = await withPassword('moved.clerk', 'clerk', 'honcho');
    expect((await admin('POST', `/api/v1/staff/${moved.actor.id}/role`, { role: 'clerk', officeId: 'kasai' })).body).toMatchObject({ officeId: 'kasai', state: 'awaiting-setup' });
    expect((await issue('supervisor', moved.actor.id)).body.code).toBe('AUTH.OFFICE_NOT_ALLOWED');
    expect((await issue('kasaiSupervisor', moved.actor.id)).status).toBe(201);

    const lowered = await withPassword('lowered.sup', 'supervisor', 'honcho');
    expect((await admin('POST', `/api/v1/staff/${lowered.actor.id}/role`, { role: 'clerk', officeId: 'honcho' })).body).toMatchObject({ role: 'clerk', state: 'active' });
    expect((await as(lowered.token, 'GET', '/api/v1/session')).status).toBe(401);
    const again = await signIn('lowered.sup', PASSWORD);
    expect(again.body.user).toMatchObject({ role: 'clerk' });

    expect((await admin('POST', `/api/v1/staff/${world.ids.admin}/role`, { role: 'clerk', officeId: 'honcho' })).body.code).toBe('STAFF.SELF');
    expect((await admin('POST', `/api/v1/staff/${world.ids.admin}/reset`)).body.code).toBe('STAFF.SELF');
    expect((await admin('POST', `/api/v1/staff/${lowered.actor.id}/role`, { role: 'hotline', officeId: 'honcho' })).body.code).toBe('OFFICE.UNKNOWN');
    expect((await admin('POST', '/api/v1/staff/00000000-0000-7000-8000-000000000000/reset')).body.code).toBe('STAFF.NOT_FOUND');
    expect((await world.call('supervisor', 'POST', `/api/v1/staff/${lowered.actor.id}/reset`)).body.code).toBe('AUTH.FORBIDDEN');
  });

  it("gives an administrator's account a one-time password, shown once, to be changed first", async () => {
    const made = await byAdmin('second.admin', 'admin', 'honcho');
    expect(made).toMatchObject({ state: 'active', mustChangePassword: true, oneTimePassword: expect.stringMatching(/^.{16}$/) });
    expect((await admin('GET', '/api/v1/staff')).body.find((account: { id: string }) => account.id === made.id)).not.toHaveProperty('oneTimePassword');
    const signedIn = await signIn('second.admin', made.oneTimePassword!);
    expect((await as(signedIn.body.token, 'GET', '/api/v1/staff')).body.code).toBe('AUTH.PASSWORD_CHANGE_REQUIRED');
    const reset = await admin('POST', `/api/v1/staff/${made.id}/reset`);
    expect(reset.body.oneTimePassword).not.toBe(made.oneTimePassword);
    expect((await as(signedIn.body.token, 'GET', '/api/v1/session')).status).toBe(401);
    expect((await signIn('second.admin', made.oneTimePassword!)).status).toBe(401);
    expect((await signIn('second.admin', reset.body.oneTimePassword)).status).toBe(200);
  });

  it('never keeps a setup code or a one-time password in the clear, not even as the answer to an Idempotency-Key', async () => {
    const key = (name: string) => ({ 'idempotency-key': `secret-${name}` });
    const made = await admin('POST', '/api/v1/staff', { username: 'keyed.admin', name: 'K', role: 'admin', officeId: 'honcho' });
    const madeAgain = await world.call('admin', 'POST', '/api/v1/staff', { username: 'keyed.admin2', name: 'K', role: 'admin', officeId: 'honcho' }, key('add'));
    // The repeat answers the account first made, with the same one-time password, kept encrypted.
    const repeated = await world.call('admin', 'POST', '/api/v1/staff', { officeId: 'honcho', role: 'admin', name: 'K', username: 'keyed.admin2' }, key('add'));
    expect(repeated).toMatchObject({ status: 201, body: { id: madeAgain.body.id, oneTimePassword: madeAgain.body.oneTimePassword } });
    const reset = await world.call('admin', 'POST', `/api/v1/staff/${made.body.id}/reset`, undefined, key('reset'));
    const clerk = await byAdmin('keyed.clerk', 'clerk', 'honcho');
    const issued = await world.call('supervisor', 'POST', `/api/v1/staff/${clerk.id}/setup-code`, undefined, key('code'));
    const secrets = [made.body.oneTimePassword, madeAgain.body.oneTimePassword, reset.body.oneTimePassword, issued.body.code];
    for (const secret of secrets) expect(secret).toEqual(expect.any(String));
    const staffRows = JSON.stringify(await world.store.db.selectFrom('staff').selectAll().execute());
    const keptAnswers = JSON.stringify(await world.store.db.selectFrom('idempotency_keys').select('result').execute());
    for (const secret of secrets) {
      expect(staffRows).not.toContain(secret);
      expect(keptAnswers).not.toContain(secret);
      expect(keptAnswers).not.toContain(secret.replace(/-/g, ''));
    }
  });

  it('disables an account and ends its sessions at once, even a session used a moment ago, in this process and another', async () => {
    const { actor, token } = await withPassword('leaving.clerk', 'clerk', 'honcho');
    const other = await signIn('leaving.clerk', PASSWORD);
    // A second server process on the same database, which has just served this token too.
    const second = await openTestApp(world.database, Buffer.from(world.masterKey));
    const secondHttp = await buildApp(second.app);
    try {
      const inSecond = () => secondHttp.inject({ method: 'GET', url: '/api/v1/session', headers: { authorization: `Bearer ${token}` } });
      expect((await as(token, 'GET', '/api/v1/session')).status).toBe(200);
      expect((await inSecond()).statusCode).toBe(200);
      const disabled = await admin('POST', `/api/v1/staff/${actor.id}/disable`);
      expect(disabled.body).toMatchObject({ state: 'disabled' });
      expect((await as(token, 'GET', '/api/v1/session')).status).toBe(401);
      expect((await inSecond()).statusCode).toBe(401);
      expect((await as(other.body.token, 'GET', '/api/v1/session')).status).toBe(401);
      expect((await signIn('leaving.clerk', PASSWORD)).status).toBe(401);
      expect((await admin('POST', `/api/v1/staff/${actor.id}/enable`)).body).toMatchObject({ state: 'active' });
      expect((await as(token, 'GET', '/api/v1/session')).status).toBe(401);
      expect((await signIn('leaving.clerk', PASSWORD)).status).toBe(200);
    } finally {
      await secondHttp.close();
      await second.close();
    }
    expect((await admin('POST', `/api/v1/staff/${world.ids.admin}/disable`)).body.code).toBe('STAFF.SELF');
    const acts = await auditOf(actor.id);
    expect(acts.find((entry) => entry.action === 'staff.disable')).toMatchObject({ outcome: 'ok', actorId: world.ids.admin, details: { username: 'leaving.clerk', endedSessions: 2 } });
    expect(acts.map((entry) => entry.action)).toContain('staff.enable');
  });

  it('ends the other sessions of a changed password at once, and all sessions when an administrator says so', async () => {
    const { actor, token } = await withPassword('moving.clerk', 'clerk', 'honcho');
    const other = await signIn('moving.clerk', PASSWORD);
    expect((await as(other.body.token, 'GET', '/api/v1/session')).status).toBe(200);
    expect((await as(token, 'POST', '/api/v1/session/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(200);
    expect((await as(other.body.token, 'GET', '/api/v1/session')).status).toBe(401);
    expect((await as(token, 'GET', '/api/v1/session')).status).toBe(200);

    const ended = await admin('POST', `/api/v1/staff/${actor.id}/end-sessions`);
    expect(ended.body).toMatchObject({ state: 'active', endedSessions: 1 });
    expect((await as(token, 'GET', '/api/v1/session')).status).toBe(401);
    expect((await signIn('moving.clerk', NEW_PASSWORD)).status).toBe(200);
    expect((await auditOf(actor.id)).find((entry) => entry.action === 'staff.end-sessions')).toMatchObject({ outcome: 'ok', details: { endedSessions: 1 } });
  });
});
