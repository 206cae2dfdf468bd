import { describe, expect, it } from 'vitest';
import type { RealTime } from '../../src/app/ports/clock.ts';
import { buildApp } from '../../src/http/app.ts';
import { createStaff, openTestApp, PASSWORD } from '../support/app.ts';
import { DIALECTS } from '../support/databases.ts';
import { openHttpTest, type HttpTest } from '../support/http.ts';

const attempt = (t: HttpTest, username: string, password: string, headers: Record<string, string> = {}) =>
  t.http.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password }, headers });

describe.each(DIALECTS)('sign-in throttling on $name', ({ create }) => {
  it('stops password spraying: many usernames from one address get 429 once its budget of failures is spent', async () => {
    const t = await openHttpTest(await create(), { signInFailuresPerAddress: 20 });
    try {
      await createStaff(t.app, 'clerk.honcho', 'clerk', 'honcho');
      // Signing in right spends nothing: a whole office behind one address starts its day.
      for (let i = 0; i < 30; i++) expect((await attempt(t, 'clerk.honcho', PASSWORD)).statusCode).toBe(200);
      // 100 guesses at once, each at another username: the budget is taken before each is tried.
      const sprayed = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt(t, `user${i}`, 'Winter2026!')));
      const statuses = sprayed.map((answer) => answer.statusCode);
      expect(statuses.filter((status) => status === 401)).toHaveLength(20);
      expect(statuses.filter((status) => status === 429)).toHaveLength(80);
      const refused = sprayed.find((answer) => answer.statusCode === 429)!;
      expect(refused.json()).toMatchObject({ code: 'REQUEST.THROTTLED' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // From that address, even the right password waits; and a first sign-in with a setup code too.
      expect((await attempt(t, 'clerk.honcho', PASSWORD)).statusCode).toBe(429);
      const setup = await t.http.inject({ method: 'POST', url: '/api/v1/session/setup', payload: { username: 'user1', setupCode: 'AAAA-BBBB-CCCC-DDDD', newPassword: 'a long new password' } });
      expect(setup.statusCode).toBe(429);
      // Without TRUST_PROXY a client cannot pass for another by writing X-Forwarded-For.
      expect((await attempt(t, 'clerk.honcho', PASSWORD, { 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(429);
      // Another address still signs in.
      const elsewhere = await t.http.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'clerk.honcho', password: PASSWORD }, remoteAddress: '192.0.2.44' });
      expect(elsewhere.statusCode).toBe(200);
    } finally {
      await t.close();
      await t.database.drop();
    }
  });

  it('believes X-Forwarded-For and X-Forwarded-Proto only with TRUST_PROXY, and only from the proxy', async () => {
    const off = await openHttpTest(await create(), { signInFailuresPerAddress: 3 });
    const on = await openHttpTest(await create(), { signInFailuresPerAddress: 3, trustProxy: 'loopback' });
    try {
      for (const t of [off, on]) await createStaff(t.app, 'clerk.honcho', 'clerk', 'honcho');
      const behindProxy = { 'x-forwarded-for': '198.51.100.7', 'x-forwarded-proto': 'https' };
      const secureOf = async (t: HttpTest) => (await attempt(t, 'clerk.honcho', PASSWORD, behindProxy)).cookies.find((cookie) => cookie.name === 'madoguchi_session')?.secure ?? false;
      expect(await secureOf(off)).toBe(false);
      expect(await secureOf(on)).toBe(true);

      for (const t of [off, on]) for (let i = 0; i < 3; i++) await attempt(t, `guess${i}`, 'wrong password', behindProxy);
      // Off: every client is the proxy itself (127.0.0.1), so its budget is everybody's.
      expect((await attempt(off, 'clerk.honcho', PASSWORD, { 'x-forwarded-for': '198.51.100.8' })).statusCode).toBe(429);
      // On: the sprayer is 198.51.100.7 as the proxy saw it; another client behind the proxy signs in.
      expect((await attempt(on, 'clerk.honcho', PASSWORD, behindProxy)).statusCode).toBe(429);
      expect((await attempt(on, 'clerk.honcho', PASSWORD, { 'x-forwarded-for': '198.51.100.8' })).statusCode).toBe(200);
      // A sprayer writing its own X-Forwarded-For is still the address the proxy appended last.
      expect((await attempt(on, 'clerk.honcho', PASSWORD, { 'x-forwarded-for': '192.0.2.1, 198.51.100.7' })).statusCode).toBe(429);
      // A connection that is not from the proxy is not believed.
      const direct = await on.http.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'clerk.honcho', password: PASSWORD }, headers: { 'x-forwarded-for': '198.51.100.9' }, remoteAddress: '198.51.100.7' });
      expect(direct.statusCode).toBe(429);
    } finally {
      for (const t of [off, on]) {
        await t.close();
        await t.database.drop();
      }
    }
  });
});

describe.each(DIALECTS)('session time on $name', ({ create }) => {
  it('ends a session after its hours on the monotonic clock, even when the wall clock was set back', async () => {
    const t = await openTestApp(await create());
    let wall = Date.parse('2031-04-01T00:00:00Z');
    let monotonic = 5_000;
    const realTime: RealTime = { wallMs: () => wall, monotonicMs: () => monotonic };
    const http = await buildApp({ ...t.app, realTime });
    try {
      await createStaff(t.app, 'clerk.honcho', 'clerk', 'honcho');
      const signedIn = await http.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'clerk.honcho', password: PASSWORD } });
      expect(signedIn.json().expiresAt).toBe('2031-04-01T10:00:00.000Z');
      const session = () => http.inject({ method: 'GET', url: '/api/v1/session', headers: { authorization: `Bearer ${signedIn.json().token}` } });
      expect((await session()).statusCode).toBe(200);
      // An NTP step sets the wall clock back two hours, nine hours and 59 minutes into the day.
      const step = 2 * 3600_000;
      const elapse = (ms: number) => {
        wall += ms;
        monotonic += ms;
      };
      elapse(9 * 3600_000 + 59 * 60_000);
      wall -= step;
      expect((await session()).statusCode).toBe(200);
      elapse(2 * 60_000);
      // By the wall clock the session has two hours left; it has lasted ten hours all the same.
      expect(new Date(wall).toISOString()).toBe('2031-04-01T08:01:00.000Z');
      expect((await session()).json()).toMatchObject({ status: 401, code: 'AUTH.UNAUTHENTICATED', expired: true });
    } finally {
      await http.close();
      await t.close();
      await t.database.drop();
    }
  });
});
