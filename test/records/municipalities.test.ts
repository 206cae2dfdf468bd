import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAuditCheckpoint } from '../../src/app/audit-checkpoints.ts';
import type { AppContext } from '../../src/app/context.ts';
import { createStaff, OFFICES, type TestApp } from '../support/app.ts';
import { DIALECTS } from '../support/databases.ts';
import { signInAs } from '../support/http.ts';
import { addTestTown } from '../support/towns.ts';
import { openWorld, residentBody, residentWithActiveCard, type Answer, type World } from '../support/world.ts';

/**
 * Two municipalities in one deployment (docs/scale.md "Several municipalities"): Edogawa, the
 * deployment's own, and a second town added as `municipality add` adds it. Its staff try every
 * route of the API with Edogawa's ids, and search, count and list what they can: nothing of
 * Edogawa's is ever answered, and nothing of Edogawa's changes.
 */
const TOWN = '132021';
const TOWN_NAME = '狛江テスト市';
const TOWN_HOST = 'guide.town.example';
const TOWN_HOTLINE = '0120-000-111';
const postgres = DIALECTS.find((dialect) => dialect.name === 'postgres');
const METRICS_TOKEN = 'metrics-token-0123456789abcdef0123456789abcdef';

const addTown = (t: TestApp) => addTestTown(t, { code: TOWN, name: TOWN_NAME, nameEn: 'Test Town', host: TOWN_HOST, hotline: TOWN_HOTLINE });

type Role = 'clerk' | 'supervisor' | 'hotline' | 'auditor' | 'admin';
const ROLES: Role[] = ['clerk', 'supervisor', 'hotline', 'auditor', 'admin'];

interface Operation {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: string;
  // The served OpenAPI document's schemas, as JSON.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

/** Candidates a string with a pattern takes, the first that matches. */
const PATTERNED = ['1234', 'abc123', '2026-11-20', '2026-11-20T01:00:00Z', 'ABCD-EFGH-JKLM-NPQR', '132-0021', 'AB12345678CD', '03-1234-5678', 'エドガワ', '江戸川', '131237', 'x'];

/** A value the schema takes, as plain as can be: so that a request gets past validation to the use case. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function valueOf(schema: any): unknown {
  if (schema === undefined) return undefined;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return valueOf(branches.find((branch: { type?: string }) => branch.type !== 'null') ?? branches[0]);
  switch (schema.type) {
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((name: string) => [name, valueOf(schema.properties?.[name])]));
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () => valueOf(schema.items));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'date') return '2026-11-20';
      if (schema.format === 'date-time') return '2026-11-20T01:00:00Z';
      if (schema.format === 'uuid') return '00000000-0000-7000-8000-000000000000';
      if (schema.pattern) return PATTERNED.find((candidate) => new RegExp(schema.pattern, 'u').test(candidate)) ?? 'x';
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    default:
      return 'x';
  }
}

describe.skipIf(!postgres)('two municipalities in one deployment, on postgres', () => {
  let home: World;
  let town: AppContext;
  const townAuth = {} as Record<Role, { authorization: string }>;
  let operations: Operation[];
  /** Edogawa's records the other town reaches for. */
  const edogawa = { residentId: '', cardId: '', staffId: '', approvalId: '', name: '' };

  const asTown = async (role: Role, method: Operation['method'], url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    const response = await home.http.inject({ method, url, headers: { ...townAuth[role], ...headers }, ...(payload !== undefined && { payload: payload as object }) });
    return { status: response.statusCode, body: response.body ? response.json() : null, headers: response.headers };
  };
  /** Edogawa's audit trail, as its own store counts it: a request of the town that changed anything of Edogawa's would add to it. */
  const edogawaAudit = async () => (await home.app.store.read.audit.list({ limit: 1000 })).length;

  beforeAll(async () => {
    home = await openWorld(await postgres!.create(), { metricsToken: METRICS_TOKEN, others: async (t) => [{ context: (town = await addTown(t)), publicHost: TOWN_HOST }] });
    for (const role of ROLES) {
      await createStaff(town, `town.${role}`, role, role === 'hotline' ? 'hotline' : 'honcho');
      const response = await home.http.inject({ method: 'POST', url: '/api/v1/session', payload: { username: `town.${role}`, password: 'correct horse battery', municipality: TOWN } });
      expect(response.statusCode, response.body).toBe(200);
      townAuth[role] = { authorization: `Bearer ${response.json().token}` };
    }
    const named = residentBody();
    edogawa.name = `${named.familyName as string} ${named.givenName as string}`;
    Object.assign(edogawa, await residentWithActiveCard(home, named));
    edogawa.staffId = home.ids.clerk;
    const approval = await home.call('supervisor', 'POST', '/api/v1/approvals', { kind: 'number-change', residentId: edogawa.residentId, reason: '番号の漏えいのおそれ' });
    expect(approval.status, JSON.stringify(approval.body)).toBe(201);
    edogawa.approvalId = approval.body.id;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const document = (await home.http.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, any>> };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => ['get', 'post', 'delete'].includes(method))
        .map(([method, operation]) => ({ method: method.toUpperCase() as Operation['method'], path, body: operation.requestBody?.content['application/json']?.schema })),
    );
  });
  afterAll(async () => {
    await home?.close();
    await home?.database.drop();
  });

  /** The path with the ids of one municipality's records: a card's, a resident's, a staff member's, an approval's. */
  const pathWith = (path: string, ids: typeof edogawa) =>
    path
      .replace(/^\/api\/v1\/cards\/\{id\}/, `/api/v1/cards/${ids.cardId}`)
      .replace(/^\/api\/v1\/residents\/\{id\}/, `/api/v1/residents/${ids.residentId}`)
      .replace(/^\/api\/v1\/staff\/\{id\}/, `/api/v1/staff/${ids.staffId}`)
      .replace(/^\/api\/v1\/approvals\/\{id\}/, `/api/v1/approvals/${ids.approvalId}`)
      .replace(/^\/api\/v1\/appointments\/\{id\}/, `/api/v1/appointments/${ids.cardId}`)
      .replace('{kind}', 'user');

  it('answers no request of the town about an Edogawa record, in any role, and changes nothing of Edogawa', async () => {
    const byId = operations.filter((operation) => operation.path.includes('{id}'));
    expect(byId.length).toBeGreaterThan(30);
    const auditBefore = await edogawaAudit();
    const reachedUseCase: string[] = [];
    for (const operation of byId) {
      const body = valueOf(operation.body);
      for (const role of ROLES) {
        const theirs = await asTown(role, operation.method, pathWith(operation.path, edogawa), body);
        expect(theirs.status, `${role} ${operation.method} ${operation.path}: ${JSON.stringify(theirs.body)}`).toBeGreaterThanOrEqual(400);
        expect(JSON.stringify(theirs.body)).not.toContain(edogawa.name);
        // A body the schema refuses never reaches the records: such an answer proves nothing either way.
        if (theirs.status === 400) continue;
        reachedUseCase.push(`${role} ${operation.method} ${operation.path}`);
        expect([403, 404, 409, 422], `${role} ${operation.method} ${operation.path}: ${JSON.stringify(theirs.body)}`).toContain(theirs.status);
        if (theirs.status === 404) expect(theirs.body.code).toMatch(/NOT_FOUND$/);
      }
    }
    // All but one of those routes' use cases are reached by some role (at writing, 37 of 38; the plain bodies made from the schema pass).
    const reachedRoutes = new Set(reachedUseCase.map((line) => line.split(' ').slice(1).join(' ')));
    expect(reachedRoutes.size).toBeGreaterThanOrEqual(byId.length - 1);
    expect(await edogawaAudit()).toBe(auditBefore);
  });

  it('finds, counts and lists none of Edogawa in the town: search, reports, audit, staff, approvals, sweep', async () => {
    const family = edogawa.name.split(' ')[0]!;
    const search = await asTown('clerk', 'GET', `/api/v1/residents?q=${encodeURIComponent(family)}`);
    expect(search.status).toBe(200);
    expect(JSON.stringify(search.body)).not.toContain(edogawa.residentId);
    const athome = await home.call('clerk', 'GET', `/api/v1/residents?q=${encodeURIComponent(family)}`);
    expect(JSON.stringify(athome.body)).toContain(edogawa.residentId);
    const staff = await asTown('admin', 'GET', '/api/v1/staff');
    expect(staff.body.map((account: { username: string }) => account.username).sort()).toEqual(ROLES.map((role) => `town.${role}`).sort());
    const approvals = await asTown('supervisor', 'GET', '/api/v1/approvals');
    expect(JSON.stringify(approvals.body)).not.toContain(edogawa.approvalId);
    const audit = await asTown('auditor', 'GET', '/api/v1/audit?limit=500');
    expect(audit.status).toBe(200);
    // The town's trail holds its own staff's acts only: its tries at Edogawa's ids, refused, and never whose they were.
    const edogawaStaff = new Set(Object.values(home.ids));
    for (const entry of audit.body as { actorId: string | null; subjectId: string | null; outcome: string; resident: unknown }[]) {
      expect(edogawaStaff.has(entry.actorId ?? '')).toBe(false);
      if (entry.subjectId === edogawa.residentId || entry.subjectId === edogawa.cardId) expect(entry).toMatchObject({ outcome: 'refused', resident: null });
    }
    expect(JSON.stringify(audit.body)).not.toContain(edogawa.name);
    const verified = await asTown('auditor', 'GET', '/api/v1/audit/verify');
    expect(verified.body).toMatchObject({ ok: true });
    const dashboard = await asTown('supervisor', 'GET', '/api/v1/reports/dashboard');
    const homeDashboard = await home.call('supervisor', 'GET', '/api/v1/reports/dashboard');
    expect(dashboard.status).toBe(200);
    expect(JSON.stringify(dashboard.body)).not.toEqual(JSON.stringify(homeDashboard.body));
    const sweep = await asTown('supervisor', 'POST', '/api/v1/jobs/sweep/run', {});
    expect(sweep.status, JSON.stringify(sweep.body)).toBe(200);
    // Edogawa's own sweep history does not hold the town's run.
    expect((await home.call('supervisor', 'GET', '/api/v1/jobs/sweep/runs')).body).toEqual([]);
  });

  it("shows each municipality's sweep and audit checkpoint apart on /metrics", async () => {
    const sweep = await asTown('supervisor', 'POST', '/api/v1/jobs/sweep/run', {});
    expect(sweep.status, JSON.stringify(sweep.body)).toBe(200);
    expect((await writeAuditCheckpoint(town, 'test')).written).toBeDefined();
    const scraped = await home.http.inject({ url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(scraped.statusCode).toBe(200);
    const value = (metric: string, code: string) => {
      const line = scraped.body.split('\n').find((candidate) => candidate.startsWith(`${metric}{municipality="${code}"} `));
      return line === undefined ? undefined : Number(line.split(' ').at(-1));
    };
    expect(value('madoguchi_sweep_last_run_succeeded', TOWN)).toBe(1);
    expect(value('madoguchi_sweep_last_run_timestamp_seconds', TOWN)).toBe(Date.parse(sweep.body.finishedAt) / 1000);
    expect(value('madoguchi_sweep_last_run_timestamp_seconds', OFFICES.municipality.code)).toBeNaN();
    expect(value('madoguchi_audit_checkpoint_number', TOWN)).toBeGreaterThanOrEqual(1);
    expect(value('madoguchi_audit_checkpoint_number', OFFICES.municipality.code)).toBeNaN();
    expect(value('madoguchi_audit_checkpoints_damaged', TOWN)).toBe(0);
  });

  it('offers the sign-in form every municipality at the shared address, and only the town at its own', async () => {
    const both = [
      { code: OFFICES.municipality.code, name: OFFICES.municipality.name, nameEn: OFFICES.municipality.nameEn },
      { code: TOWN, name: TOWN_NAME, nameEn: 'Test Town' },
    ];
    const shared = await home.http.inject({ url: '/api/v1/municipalities' });
    expect(shared.statusCode).toBe(200);
    expect(shared.headers['cache-control']).toBe('no-store');
    expect(shared.json()).toEqual({ current: OFFICES.municipality.code, municipalities: both });
    expect((await home.http.inject({ url: '/api/v1/municipalities', headers: { host: TOWN_HOST.toUpperCase() } })).json()).toEqual({ current: TOWN, municipalities: [both[1]] });
    // Signed in to the town at the shared address, the web app is the town's.
    expect((await asTown('clerk', 'GET', '/api/v1/municipalities')).body).toEqual({ current: TOWN, municipalities: both });
  });

  it("refuses an Edogawa session token under the town's prefix, and the town's under none", async () => {
    const edogawaToken = (await signInAs(home.http, 'clerk.honcho')).authorization.slice('Bearer '.length);
    const crossed = await home.http.inject({ method: 'GET', url: '/api/v1/session', headers: { authorization: `Bearer ${TOWN}.${edogawaToken}` } });
    expect(crossed.statusCode).toBe(401);
    const townToken = townAuth.clerk.authorization.slice('Bearer '.length);
    expect(townToken.startsWith(`${TOWN}.`)).toBe(true);
    const unprefixed = await home.http.inject({ method: 'GET', url: '/api/v1/session', headers: { authorization: `Bearer ${townToken.slice(TOWN.length + 1)}` } });
    expect(unprefixed.statusCode).toBe(401);
    const unknown = await home.http.inject({ method: 'GET', url: '/api/v1/session', headers: { authorization: `Bearer 999999.${townToken.slice(TOWN.length + 1)}` } });
    expect(unknown.statusCode).toBe(401);
    // An Edogawa username with the town's code does not sign in, nor a town that is not served.
    expect((await home.http.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'clerk.honcho', password: 'correct horse battery', municipality: TOWN } })).statusCode).toBe(401);
    expect((await home.http.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'clerk.honcho', password: 'correct horse battery', municipality: '999999' } })).statusCode).toBe(401);
  });

  it("serves each municipality's public pages and offices at its own address, and the session's to the web app", async () => {
    const atTown = await home.http.inject({ method: 'GET', url: '/api/v1/offices', headers: { host: TOWN_HOST } });
    expect(atTown.json().municipality).toMatchObject({ code: TOWN, name: TOWN_NAME });
    const atHome = await home.http.inject({ method: 'GET', url: '/api/v1/offices' });
    expect(atHome.json().municipality.code).toBe(OFFICES.municipality.code);
    const signedIn = await asTown('clerk', 'GET', '/api/v1/offices');
    expect(signedIn.body.municipality.code).toBe(TOWN);
    const guide = await home.http.inject({ method: 'GET', url: '/guide/ja', headers: { host: TOWN_HOST } });
    expect(guide.statusCode).toBe(200);
    // Its own name and hotline for a lost card; its texts name no other municipality (test/guide/guide-towns.test.ts renders every page).
    expect(guide.body).toContain(`<p class="site-name"><a href="/guide/ja">${TOWN_NAME} マイナンバーカード手続きガイド</a></p>`);
    expect(guide.body).not.toContain('江戸川');
    expect(guide.body).toContain('tel:0120000111');
    expect(guide.body).not.toContain(`tel:${OFFICES.hotline.phone.replaceAll('-', '')}`);
  });
});
