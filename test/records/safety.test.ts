import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/app/audit-trail.ts';
import { addStaff, systemActor } from '../../src/app/staff.ts';
import { runCli } from '../../src/cli/program.ts';
import { openedFor } from '../support/cli.ts';
import { buildApp } from '../../src/http/app.ts';
import { DEFAULT_CONTEXT } from '../../src/rules/context.ts';
import { PASSWORD } from '../support/app.ts';
import { DIALECTS } from '../support/databases.ts';
import { openHttpTest, signInAs } from '../support/http.ts';
import { PINS, residentBody, residentWithActiveCard, worldFor } from '../support/world.ts';
import { PassThrough } from 'node:stream';

describe.each(DIALECTS)('safety of commands on $name', ({ create }) => {
  const world = worldFor(create);

  it('answers a repeated Idempotency-Key with the first answer and changes nothing more', async () => {
    const { cardId } = await residentWithActiveCard(world);
    const headers = { 'idempotency-key': `suspend-${cardId}` };
    const body = { reason: 'lost', channel: 'hotline' };
    const first = await world.call('hotline', 'POST', `/api/v1/cards/${cardId}/suspend`, body, headers);
    const again = await world.call('hotline', 'POST', `/api/v1/cards/${cardId}/suspend`, body, headers);
    expect(first.status).toBe(200);
    expect(again).toEqual(expect.objectContaining({ status: 200, body: first.body }));
    const history = await world.call('clerk', 'GET', `/api/v1/cards/${cardId}/history`);
    expect(history.body.filter((event: { type: string }) => event.type === 'CardSuspended')).toHaveLength(1);
    const other = await world.call('hotline', 'POST', `/api/v1/cards/${cardId}/suspend`, { reason: 'stolen', channel: 'hotline' }, headers);
    expect(other).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY.KEY_REUSED' } });

    const registration = residentBody({ familyNameKana: 'イデンポテント' });
    const key = { 'idempotency-key': 'register-once' };
    const created = await world.call('clerk', 'POST', '/api/v1/residents', registration, key);
    const repeated = await world.call('clerk', 'POST', '/api/v1/residents', registration, key);
    expect(repeated).toMatchObject({ status: 201, body: { id: created.body.id } });
    const found = await world.call('clerk', 'GET', '/api/v1/residents?q=%E3%82%A4%E3%83%87%E3%83%B3%E3%83%9D%E3%83%86%E3%83%B3%E3%83%88');
    expect(found.body.residents).toHaveLength(1);
  });

  it('lets no browser or proxy keep an answer of the API, and caches only what holds no one\'s data', async () => {
    const { residentId } = await residentWithActiveCard(world);
    const noStore = (answer: { headers: Record<string, unknown> }, what: string) => expect(answer.headers['cache-control'], what).toBe('no-store');
    noStore(await world.call('clerk', 'GET', `/api/v1/residents/${residentId}`), 'a resident');
    noStore(await world.call('clerk', 'GET', '/api/v1/residents?q=%E6%B1%9F%E6%88%B8%E5%B7%9D'), 'a search');
    noStore(await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/individual-number/reveal`, { purpose: '本人確認' }), 'a revealed number');
    noStore(await world.call('clerk', 'GET', '/api/v1/residents/00000000-0000-7000-8000-000000000000'), 'a refusal');
    noStore(await world.http.inject({ method: 'GET', url: '/api/v1/notices/renewal-window', headers: { ...world.headersOf('supervisor'), accept: 'text/csv' } }), 'a CSV file');
    noStore(await world.http.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'clerk.honcho', password: PASSWORD } }), 'a sign-in with its token');
    noStore(await world.call(null, 'POST', '/api/v1/rules/age', { birthDate: '1990-05-10', on: '2026-11-26' }), 'a rule on a birth date');
    noStore(await world.http.inject({ url: '/guide/en/moved-in/answer?moveInDate=2026-11-20' }), "the guide's answer to someone's dates");
    expect((await world.http.inject({ url: '/' })).headers['cache-control']).toBe('no-cache');
  });

  it('refuses a stale expectedVersion with 409 and changes nothing', async () => {
    const { cardId } = await residentWithActiveCard(world);
    const card = (await world.call('clerk', 'GET', `/api/v1/cards/${cardId}`)).body;
    const stale = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/suspend`, { reason: 'lost', channel: 'counter', expectedVersion: card.version - 1 });
    expect(stale).toMatchObject({ status: 409, body: { code: 'CARD.VERSION_CONFLICT', currentVersion: card.version } });
    expect((await world.call('clerk', 'GET', `/api/v1/cards/${cardId}`)).body).toEqual(card);
    const fresh = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/suspend`, { reason: 'lost', channel: 'counter', expectedVersion: card.version });
    expect(fresh).toMatchObject({ status: 200, body: { version: card.version + 2 } });
  });

  it('lets exactly one of two simultaneous suspensions of a card win', async () => {
    const { cardId } = await residentWithActiveCard(world);
    const answers = await Promise.all([
      world.call('hotline', 'POST', `/api/v1/cards/${cardId}/suspend`, { reason: 'lost', channel: 'hotline' }),
      world.call('clerk', 'POST', `/api/v1/cards/${cardId}/suspend`, { reason: 'stolen', channel: 'counter' }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(answers.find((answer) => answer.status === 409)?.body).toMatchObject({ code: 'CARD.INVALID_TRANSITION', currentStatus: 'suspended' });
    const history = await world.call('clerk', 'GET', `/api/v1/cards/${cardId}/history`);
    expect(history.body.filter((event: { type: string }) => event.type === 'CardSuspended')).toHaveLength(1);
    expect(await verifyAudit(world.store, world.app.keys)).toMatchObject({ ok: true });
  });

  it('keeps twenty concurrent commands on different cards, each once, with an unbroken audit chain', async () => {
    const cards = await Promise.all(Array.from({ length: 5 }, () => residentWithActiveCard(world)));
    const answers = await Promise.all(
      cards.flatMap(({ cardId }) => [
        world.call('hotline', 'POST', `/api/v1/cards/${cardId}/suspend`, { reason: 'lost', channel: 'hotline' }),
        world.call('clerk', 'POST', `/api/v1/cards/${cardId}/pins/card-info/verify`, { pin: '0000' }),
        world.call('clerk', 'GET', `/api/v1/cards/${cardId}`),
        world.call('clerk', 'POST', `/api/v1/cards/${cardId}/pins/user/verify`, { pin: PINS.user }),
      ]),
    );
    expect(answers.every((answer) => answer.status < 500)).toBe(true);
    expect(await verifyAudit(world.store, world.app.keys)).toMatchObject({ ok: true });
  });

  it('detects an altered, a removed and a reordered audit entry', async () => {
    const check = () => world.call('auditor', 'GET', '/api/v1/audit/verify');
    expect((await check()).body.ok).toBe(true);
    const entries = (await world.call('auditor', 'GET', '/api/v1/audit?limit=20')).body;
    const code = world.app.offices.municipality.code;
    const db = world.store.db;
    const target = entries[10];
    await sql`update audit_log set details = ${JSON.stringify({ purpose: 'nothing to see' })} where municipality_code = ${code} and chain = ${target.chain} and seq = ${target.seq}`.execute(db);
    expect((await check()).body).toMatchObject({ ok: false, firstBrokenSeq: target.seq, brokenChain: target.chain });
    await sql`update audit_log set details = ${JSON.stringify(target.details)} where municipality_code = ${code} and chain = ${target.chain} and seq = ${target.seq}`.execute(db);
    expect((await check()).body.ok).toBe(true);

    const [a, b] = [entries[5], entries[6]];
    await sql`update audit_log set action = ${b.action}, details = ${JSON.stringify(b.details)}, subject_id = ${b.subjectId}, at = ${b.at} where municipality_code = ${code} and chain = ${a.chain} and seq = ${a.seq}`.execute(db);
    expect((await check()).body).toMatchObject({ ok: false, firstBrokenSeq: a.seq, brokenChain: a.chain });
    await sql`update audit_log set action = ${a.action}, details = ${JSON.stringify(a.details)}, subject_id = ${a.subjectId}, at = ${a.at} where municipality_code = ${code} and chain = ${a.chain} and seq = ${a.seq}`.execute(db);
    expect((await check()).body.ok).toBe(true);

    await sql`delete from audit_log where municipality_code = ${code} and chain = ${entries[3].chain} and seq = ${entries[3].seq}`.execute(db);
    expect((await check()).body).toMatchObject({ ok: false, firstBrokenSeq: entries[3].seq, brokenChain: entries[3].chain });

    const stdout = new PassThrough();
    let printed = '';
    stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const exitCode = await runCli(['audit', 'verify'], { stdin: new PassThrough(), stdout, stderr: new PassThrough() }, {
      ruleContext: () => DEFAULT_CONTEXT,
      serve: async () => undefined,
      rotateKey: async () => ({ retired: '', current: '' }),
      backup: async () => {
        throw new Error('no backup here');
      },
      restore: async () => {
        throw new Error('no restore here');
      },
      openApp: async () => openedFor(world.app),
    });
    expect(exitCode).toBe(1);
    expect(JSON.parse(printed)).toMatchObject({ ok: false, firstBrokenSeq: entries[3].seq });
  });
});

describe.each(DIALECTS)('restarts on $name', ({ create }) => {
  it('keeps residents, cards, PIN locks and the audit chain across a restart', async () => {
    const t = await openHttpTest(await create());
    await addStaff(t.app, systemActor('test'), { username: 'clerk.honcho', role: 'clerk', officeId: 'honcho', password: PASSWORD });
    let auth = await signInAs(t.http, 'clerk.honcho');
    const call = async (http: typeof t.http, method: 'GET' | 'POST', url: string, payload?: object) => {
      const response = await http.inject({ method, url, headers: auth, ...(payload && { payload }) });
      return { status: response.statusCode, body: response.json() };
    };
    const resident = await call(t.http, 'POST', '/api/v1/residents', residentBody());
    const card = await call(t.http, 'POST', `/api/v1/residents/${resident.body.id}/card-applications`, {
      applicationDate: '2026-11-01',
      photoTakenOn: '2026-10-20',
      withSignatureCertificate: false,
      withUserCertificate: true,
    });
    await call(t.http, 'POST', `/api/v1/cards/${card.body.id}/manufacture`, { issueDate: '2026-11-20' });
    await call(t.http, 'POST', `/api/v1/cards/${card.body.id}/issue`, { handedOverOn: '2026-11-26', pins: PINS, identityDocuments: ['passport'], notificationCardReturned: true });
    for (let i = 0; i < 3; i++) await call(t.http, 'POST', `/api/v1/cards/${card.body.id}/pins/card-info/verify`, { pin: '9999' });
    await t.http.close();

    const restarted = await t.reopen();
    const http = await buildApp(restarted.app);
    auth = await signInAs(http, 'clerk.honcho');
    expect((await call(http, 'GET', `/api/v1/residents/${resident.body.id}`)).body).toMatchObject({ individualNumber: resident.body.individualNumber, cards: [{ status: 'active' }] });
    expect(await call(http, 'POST', `/api/v1/cards/${card.body.id}/pins/card-info/verify`, { pin: PINS.cardInfo })).toMatchObject({ status: 422, body: { code: 'PIN.LOCKED' } });
    expect((await call(http, 'GET', `/api/v1/cards/${card.body.id}`)).body.pins.cardInfo).toEqual({ set: true, locked: true, remainingAttempts: 0 });
    expect(await call(http, 'POST', `/api/v1/residents/${resident.body.id}/individual-number/reveal`, { purpose: 'restart check' })).toMatchObject({
      status: 200,
      body: { individualNumber: expect.stringMatching(/^\d{12}$/) },
    });
    expect(await verifyAudit(restarted.store, restarted.app.keys)).toMatchObject({ ok: true });
    await http.close();
    await restarted.close();
    await t.database.drop();
  });
});

describe.each(DIALECTS)('sessions on $name', ({ create }) => {
  it('signs in by password, refuses unknown users alike, throttles guessing, and signs out', async () => {
    const t = await openHttpTest(await create(), { loginAttemptsPerMinute: 5 });
    await addStaff(t.app, systemActor('test'), { username: 'clerk.honcho', role: 'clerk', officeId: 'honcho', password: PASSWORD });
    const signIn = (username: string, password: string) => t.http.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });
    const wrong = await signIn('clerk.honcho', 'not the password');
    const unknown = await signIn('nobody', 'not the password');
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    for (let i = 0; i < 4; i++) await signIn('clerk.honcho', 'still wrong');
    const throttled = await signIn('clerk.honcho', PASSWORD);
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json()).toMatchObject({ code: 'REQUEST.THROTTLED' });
    await t.close();

    const fresh = await openHttpTest(await create());
    await addStaff(fresh.app, systemActor('test'), { username: 'clerk.honcho', role: 'clerk', officeId: 'honcho', password: PASSWORD });
    const ok = await fresh.http.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'clerk.honcho', password: PASSWORD } });
    expect(ok.json()).toMatchObject({ user: { username: 'clerk.honcho', role: 'clerk', officeId: 'honcho' }, csrfHeader: 'x-csrf-token' });
    expect(JSON.stringify(ok.json())).not.toContain('passwordHash');
    const cookie = ok.cookies.find((c) => c.name === 'madoguchi_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const cookies = { madoguchi_session: cookie.value };
    expect((await fresh.http.inject({ method: 'GET', url: '/api/v1/session', cookies })).statusCode).toBe(200);
    const noCsrf = await fresh.http.inject({ method: 'POST', url: '/api/v1/residents', cookies, payload: residentBody() });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('AUTH.CSRF');
    const withCsrf = await fresh.http.inject({ method: 'POST', url: '/api/v1/residents', cookies, headers: { 'x-csrf-token': ok.json().csrfToken }, payload: residentBody() });
    expect(withCsrf.statusCode).toBe(201);
    // Signing out with the cookie alone is a change too: a page of another site cannot sign a clerk out.
    const signOutNoCsrf = await fresh.http.inject({ method: 'DELETE', url: '/api/v1/session', cookies });
    expect(signOutNoCsrf.json()).toMatchObject({ status: 403, code: 'AUTH.CSRF' });
    const documented = (await fresh.http.inject('/api/openapi.json')).json().paths;
    expect(Object.keys(documented['/api/v1/session'].delete.responses)).toContain('403');
    expect(Object.keys(documented['/api/v1/session/password'].post.responses)).toContain('403');
    const bearer = { authorization: `Bearer ${ok.json().token}` };
    expect((await fresh.http.inject({ method: 'DELETE', url: '/api/v1/session', headers: bearer })).statusCode).toBe(204);
    expect((await fresh.http.inject({ method: 'GET', url: '/api/v1/session', headers: bearer })).json().code).toBe('AUTH.UNAUTHENTICATED');
    await fresh.close();
    await t.database.drop();
    await fresh.database.drop();
  });

  it('makes a one-time password be changed before anything else', async () => {
    const t = await openHttpTest(await create());
    await addStaff(t.app, systemActor('test'), { username: 'newcomer', role: 'clerk', officeId: 'kasai', password: 'one-time-password-1', mustChangePassword: true });
    const auth = await signInAs(t.http, 'newcomer', 'one-time-password-1');
    const blocked = await t.http.inject({ method: 'GET', url: '/api/v1/residents?q=%E3%82%A2', headers: auth });
    expect(blocked.json()).toMatchObject({ code: 'AUTH.PASSWORD_CHANGE_REQUIRED' });
    const weak = await t.http.inject({ method: 'POST', url: '/api/v1/session/password', headers: auth, payload: { currentPassword: 'one-time-password-1', newPassword: 'short' } });
    expect(weak.json()).toMatchObject({ code: 'AUTH.WEAK_PASSWORD' });
    const changed = await t.http.inject({ method: 'POST', url: '/api/v1/session/password', headers: auth, payload: { currentPassword: 'one-time-password-1', newPassword: 'my own long password' } });
    expect(changed.json()).toMatchObject({ mustChangePassword: false });
    expect((await t.http.inject({ method: 'GET', url: '/api/v1/residents?q=%E3%82%A2', headers: auth })).statusCode).toBe(200);
    await t.close();
    await t.database.drop();
  });
});
