import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { createStaff } from './app.ts';
import type { TestDatabase } from './databases.ts';
import { openHttpTest, signInAs, type HttpTest } from './http.ts';

export type Who = 'clerk' | 'kasaiClerk' | 'supervisor' | 'supervisor2' | 'kasaiSupervisor' | 'hotline' | 'auditor' | 'admin';

const STAFF: Record<Who, [string, string, string]> = {
  clerk: ['clerk.honcho', 'clerk', 'honcho'],
  kasaiClerk: ['clerk.kasai', 'clerk', 'kasai'],
  supervisor: ['super.honcho', 'supervisor', 'honcho'],
  supervisor2: ['super2.honcho', 'supervisor', 'honcho'],
  kasaiSupervisor: ['super.kasai', 'supervisor', 'kasai'],
  hotline: ['operator', 'hotline', 'hotline'],
  auditor: ['auditor', 'auditor', 'honcho'],
  admin: ['admin', 'admin', 'honcho'],
};

export interface Answer {
  readonly status: number;
  // Answers are JSON read by assertions, as a client reads them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
  readonly headers: Record<string, unknown>;
}

export interface World extends HttpTest {
  readonly ids: Record<Who, string>;
  call(who: Who | null, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** The signed-in header of a staff member, for requests whose answer is not JSON. */
  headersOf(who: Who): { authorization: string };
}

async function inject(http: FastifyInstance, options: InjectOptions): Promise<Answer> {
  const response = await http.inject(options);
  return { status: response.statusCode, body: response.body ? response.json() : null, headers: response.headers };
}

/**
 * The HTTP app on a fresh database with one staff member of each kind, signed in; with
 * `staffExists`, on a database where an earlier world made them, signed in again.
 */
export async function openWorld(database: TestDatabase, options: Parameters<typeof openHttpTest>[1] & { staffExists?: boolean } = {}): Promise<World> {
  const { staffExists = false, ...httpOptions } = options;
  const t = await openHttpTest(database, httpOptions);
  const auth = {} as Record<Who, { authorization: string }>;
  const ids = {} as Record<Who, string>;
  for (const [who, [username, role, office]] of Object.entries(STAFF) as [Who, [string, string, string]][]) {
    ids[who] = staffExists ? (await t.app.store.read.staff.findByUsername(username))!.id : (await createStaff(t.app, username, role, office)).id;
    auth[who] = await signInAs(t.http, username);
  }
  return {
    ...t,
    ids,
    headersOf: (who) => auth[who],
    call: (who, method, url, payload, headers = {}) =>
      inject(t.http, {
        method,
        url,
        headers: { ...(who ? auth[who] : {}), ...headers },
        ...(payload !== undefined && { payload: payload as object }),
      }),
  };
}

/**
 * The world of a describe block: opened (a fresh database, the staff signed in) before its
 * tests, closed and its database dropped after them. Usable in the tests and in later hooks.
 */
export function worldFor(create: () => Promise<TestDatabase>): World {
  let opened: World | undefined;
  beforeAll(async () => {
    opened = await openWorld(await create());
  });
  afterAll(async () => {
    await opened?.close();
    await opened?.database.drop();
  });
  return new Proxy({} as World, {
    get(_target, key) {
      if (!opened) throw new Error('the world is opened in beforeAll, before the tests');
      return Reflect.get(opened, key);
    },
  });
}

let serial = 0;

/** A resident body that registration accepts, unique in each call. */
export function residentBody(overrides: Record<string, unknown> = {}) {
  serial++;
  const eleven = String(20_000_000_000 + serial * 104729 + Math.floor(Math.random() * 1000) * 1_000_000).slice(-11);
  return {
    residentCode: String(30_000_000_000 + serial * 7 + Math.floor(Math.random() * 1e6) * 100).slice(-11),
    individualNumber: eleven + checkDigit(eleven),
    familyName: '江戸川',
    givenName: '花子',
    familyNameKana: 'エドガワ',
    givenNameKana: 'ハナコ',
    birthDate: '1990-05-10',
    sex: 'female',
    address: '東京都江戸川区中央一丁目4番1号',
    nationality: 'JP',
    residency: 'national',
    ...overrides,
  };
}

function checkDigit(eleven: string): number {
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += Number(eleven[11 - n]) * (n <= 6 ? n + 1 : n - 5);
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

export const PINS = { signature: 'abc123', user: '1234', residentRegistry: '5678', cardInfo: '1234' };

/** A parent with parental authority, the 法定代理人 who comes for a child under 15. */
export const PARENT = { name: '江戸川 一郎', relationship: 'parent', identityDocuments: ['driving-licence'], authorityDocument: '戸籍謄本' } as const;

/** The guardian (成年後見人), the 法定代理人 of an adult ward. */
export const GUARDIAN = { name: '葛西 弁護士', relationship: 'guardian', identityDocuments: ['my-number-card'], authorityDocument: '登記事項証明書' } as const;

/** A resident with a card applied for on 2026-09-01, to be collected at the office of `who` (honcho for the clerk). */
export async function appliedCard(
  world: World,
  overrides: Record<string, unknown> = {},
  who: Who = 'clerk',
  application: Record<string, unknown> = {},
): Promise<{ residentId: string; cardId: string }> {
  const resident = await world.call(who, 'POST', '/api/v1/residents', residentBody(overrides));
  if (resident.status !== 201) throw new Error(`registration: ${JSON.stringify(resident.body)}`);
  const card = await world.call(who, 'POST', `/api/v1/residents/${resident.body.id}/card-applications`, {
    applicationDate: '2026-09-01',
    photoTakenOn: '2026-08-20',
    withSignatureCertificate: true,
    withUserCertificate: true,
    ...application,
  });
  if (card.status !== 201) throw new Error(`application: ${JSON.stringify(card.body)}`);
  return { residentId: resident.body.id, cardId: card.body.id };
}

/**
 * Registers a resident and takes a card through application, manufacture and issue at the clerk's
 * counter; a `legalRepresentative` given with the application (a child's, R-18) comes to the hand-over too.
 */
export async function residentWithActiveCard(
  world: World,
  overrides: Record<string, unknown> = {},
  application: Record<string, unknown> = {},
): Promise<{ residentId: string; cardId: string }> {
  const { residentId, cardId } = await appliedCard(world, overrides, 'clerk', application);
  const made = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/manufacture`, { issueDate: '2026-10-15' });
  if (made.status !== 200) throw new Error(`manufacture: ${JSON.stringify(made.body)}`);
  const issued = await world.call('clerk', 'POST', `/api/v1/cards/${cardId}/issue`, {
    handedOverOn: '2026-11-02',
    pins: PINS,
    identityDocuments: ['driving-licence'],
    notificationCardReturned: true,
    ...(application.legalRepresentative !== undefined && { legalRepresentative: application.legalRepresentative }),
  });
  if (issued.status !== 200) throw new Error(`issue: ${JSON.stringify(issued.body)}`);
  return { residentId, cardId };
}
