import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAuditCheckpoint } from '../../src/app/audit-checkpoints.ts';
import { createMetrics } from '../../src/http/metrics/metrics.ts';
import type { PlainDate } from '../../src/rules/plain-date.ts';
import { OFFICES } from '../support/app.ts';
import { DIALECTS } from '../support/databases.ts';
import { bareHttpApp } from '../support/http.ts';
import { openWorld, residentBody, residentWithActiveCard, type World } from '../support/world.ts';

const TOKEN = 'metrics-token-0123456789abcdef0123456789abcdef';
const bearer = { authorization: `Bearer ${TOKEN}` };
/** The label of the deployment's own municipality on the figures of its sweep and audit chain. */
const HOME = { municipality: OFFICES.municipality.code };

/** The value of one sample of the exposition text: a metric's name and, if given, its labels exactly. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .sort();
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? '').split(/,(?=[a-zA-Z_]+=")/).filter(Boolean).sort();
    if (have.length === wanted.length && have.every((pair, i) => pair === wanted[i])) return Number(match[3]);
  }
  return undefined;
}

describe('GET /metrics without METRICS_TOKEN', () => {
  it('does not exist: 404 as any unknown path, and says nothing of metrics', async () => {
    const app = await bareHttpApp();
    const response = await app.inject({ url: '/metrics', headers: bearer });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect(response.body).not.toMatch(/madoguchi_/);
    await app.close();
  });
});

describe.each(DIALECTS)('GET /metrics on $name', ({ name, create }) => {
  const metrics = createMetrics({ processMetrics: false });
  let world: World;
  beforeAll(async () => {
    world = await openWorld(await create(), { metricsToken: TOKEN, metrics, onCommitBatch: metrics.observeCommitBatch });
  });
  afterAll(async () => {
    await world.close();
    await world.database.drop();
  });
  const scrape = async () => {
    const response = await world.http.inject({ url: '/metrics', headers: bearer });
    expect(response.statusCode).toBe(200);
    return response.body;
  };

  it.each([
    ['no Authorization header', {}],
    ['a wrong token', { authorization: `Bearer ${TOKEN.slice(0, -1)}x` }],
    ['the token in another scheme', { authorization: `Basic ${TOKEN}` }],
    ['a staff session', { authorization: 'Bearer 0123456789abcdef' }],
  ])('is 401 with %s, never cached', async (_, headers) => {
    const response = await world.http.inject({ url: '/metrics', headers });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
    expect(response.body).not.toMatch(/madoguchi_http/);
  });

  it('answers the Prometheus text format to the token, never cached, and is not in the OpenAPI document', async () => {
    const response = await world.http.inject({ url: '/metrics', headers: bearer });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toMatch(/^# HELP madoguchi_http_requests_total /m);
    const document = (await world.http.inject('/api/openapi.json')).json();
    expect(Object.keys(document.paths)).not.toContain('/metrics');
  });

  it('counts requests and their time per route pattern, never with the ids of the path', async () => {
    const body = residentBody();
    const resident = await world.call('clerk', 'POST', '/api/v1/residents', body);
    expect(resident.status).toBe(201);
    const route = { method: 'GET', route: '/api/v1/residents/:id' };
    const before = await scrape();
    for (let i = 0; i < 3; i++) expect((await world.call('clerk', 'GET', `/api/v1/residents/${resident.body.id}`)).status).toBe(200);
    await world.call(null, 'GET', '/api/v1/nothing/here/4711');
    const after = await scrape();
    expect((sample(after, 'madoguchi_http_requests_total', { ...route, status: '200' }) ?? 0) - (sample(before, 'madoguchi_http_requests_total', { ...route, status: '200' }) ?? 0)).toBe(3);
    expect((sample(after, 'madoguchi_http_request_duration_seconds_count', route) ?? 0) - (sample(before, 'madoguchi_http_request_duration_seconds_count', route) ?? 0)).toBe(3);
    expect(sample(after, 'madoguchi_http_request_duration_seconds_sum', route)).toBeGreaterThan(0);
    expect(sample(after, 'madoguchi_http_requests_total', { method: 'POST', route: '/api/v1/residents', status: '201' })).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'madoguchi_http_requests_total', { method: 'GET', route: 'unmatched', status: '404' })).toBe(1);
    // The scrape before this one is counted too.
    expect(sample(after, 'madoguchi_http_requests_total', { method: 'GET', route: '/metrics', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(after).not.toContain(resident.body.id);
    expect(after).not.toContain('4711');
    expect(after).not.toContain(body.individualNumber);
    expect(after).not.toContain(body.residentCode);
  });

  it('counts refusals by their problem code', async () => {
    const before = await scrape();
    const body = residentBody();
    expect((await world.call('clerk', 'POST', '/api/v1/residents', body)).status).toBe(201);
    expect((await world.call('clerk', 'POST', '/api/v1/residents', body)).body.code).toBe('RESIDENT.DUPLICATE');
    for (let i = 0; i < 2; i++) expect((await world.call('clerk', 'GET', `/api/v1/residents/${randomUUID()}`)).body.code).toBe('RESIDENT.NOT_FOUND');
    expect((await world.call(null, 'GET', '/api/v1/residents')).body.code).toBe('AUTH.UNAUTHENTICATED');
    const after = await scrape();
    const rise = (code: string) => (sample(after, 'madoguchi_http_refusals_total', { code }) ?? 0) - (sample(before, 'madoguchi_http_refusals_total', { code }) ?? 0);
    expect(rise('RESIDENT.DUPLICATE')).toBe(1);
    expect(rise('RESIDENT.NOT_FOUND')).toBe(2);
    expect(rise('AUTH.UNAUTHENTICATED')).toBe(1);
    expect(sample(after, 'madoguchi_http_requests_total', { method: 'POST', route: '/api/v1/residents', status: '409' })).toBeGreaterThanOrEqual(1);
  });

  it('reports the last sweep run from its run record: when, how long, what it changed', async () => {
    const before = await scrape();
    expect(sample(before, 'madoguchi_sweep_last_run_timestamp_seconds', HOME)).toBeNaN();
    expect(sample(before, 'madoguchi_sweep_last_success_timestamp_seconds', HOME)).toBeNaN();
    expect(sample(before, 'madoguchi_sweep_running', HOME)).toBe(0);
    await residentWithActiveCard(world, {
      nationality: 'CN',
      residency: 'foreign-with-period',
      periodOfStayEnd: '2026-11-30',
      residenceCardNumber: 'AB12345678CD',
    });
    world.clock.set('2026-12-01' as PlainDate);
    try {
      const run = await world.call('supervisor', 'POST', '/api/v1/jobs/sweep/run', {});
      expect(run.body).toMatchObject({ status: 'done', counts: { expired: 1 } });
      const after = await scrape();
      expect(sample(after, 'madoguchi_sweep_last_run_changes', { ...HOME, kind: 'expired' })).toBe(1);
      expect(sample(after, 'madoguchi_sweep_last_run_changes', { ...HOME, kind: 'refused' })).toBe(0);
      expect(sample(after, 'madoguchi_sweep_last_run_succeeded', HOME)).toBe(1);
      expect(sample(after, 'madoguchi_sweep_last_run_duration_seconds', HOME)).toBe(run.body.durationMs / 1000);
      expect(sample(after, 'madoguchi_sweep_last_run_timestamp_seconds', HOME)).toBe(Date.parse(run.body.finishedAt) / 1000);
      expect(sample(after, 'madoguchi_sweep_last_success_timestamp_seconds', HOME)).toBe(Date.parse(run.body.finishedAt) / 1000);
    } finally {
      world.clock.set('2026-11-26' as PlainDate);
    }
  });

  it('reports the age and number of the last audit checkpoint', async () => {
    const before = await scrape();
    expect(sample(before, 'madoguchi_audit_checkpoint_age_seconds', HOME)).toBeNaN();
    expect(sample(before, 'madoguchi_audit_checkpoints_damaged', HOME)).toBe(0);
    const outcome = await writeAuditCheckpoint(world.app, 'test');
    expect(outcome.written?.n).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const after = await scrape();
    expect(sample(after, 'madoguchi_audit_checkpoint_number', HOME)).toBe(1);
    expect(sample(after, 'madoguchi_audit_checkpoint_age_seconds', HOME)).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'madoguchi_audit_checkpoint_age_seconds', HOME)).toBeLessThan(30);
  });

  it('reports the size of the database', async () => {
    const text = await scrape();
    expect(sample(text, 'madoguchi_database_up')).toBe(1);
    expect(sample(text, 'madoguchi_storage_full')).toBe(0);
    expect(sample(text, 'madoguchi_database_size_bytes')).toBeGreaterThan(100_000);
  });

  it(name === 'sqlite' ? 'counts the commands each group commit shares' : 'has no group commit: every command commits on its own', async () => {
    const before = await scrape();
    const answers = await Promise.all(Array.from({ length: 20 }, () => world.call('clerk', 'POST', '/api/v1/residents', residentBody())));
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(201));
    // Commands that arrive together share one commit.
    await Promise.all(Array.from({ length: 10 }, () => world.store.transaction((tx) => tx.jobRuns.list('metrics-test', 1))));
    const after = await scrape();
    const rise = (metric: string, labels: Record<string, string> = {}) => (sample(after, metric, labels) ?? 0) - (sample(before, metric, labels) ?? 0);
    if (name === 'sqlite') {
      expect(rise('madoguchi_store_commit_batch_commands_sum')).toBeGreaterThanOrEqual(30);
      expect(rise('madoguchi_store_commit_batch_commands_count')).toBeGreaterThanOrEqual(1);
      expect(rise('madoguchi_store_commit_batch_commands_bucket', { le: '1' })).toBeLessThan(rise('madoguchi_store_commit_batch_commands_count'));
    } else {
      expect(sample(after, 'madoguchi_store_commit_batch_commands_count')).toBe(0);
    }
  });
});

describe.each(DIALECTS)('GET /metrics when the database is away, on $name', ({ create }) => {
  it('still answers, with madoguchi_database_up 0 and the figures of the records unknown', async () => {
    const world = await openWorld(await create(), { metricsToken: TOKEN, metrics: createMetrics({ processMetrics: false }) });
    await world.store.close();
    const response = await world.http.inject({ url: '/metrics', headers: bearer });
    expect(response.statusCode).toBe(200);
    expect(sample(response.body, 'madoguchi_database_up')).toBe(0);
    expect(sample(response.body, 'madoguchi_database_size_bytes')).toBeNaN();
    expect(sample(response.body, 'madoguchi_sweep_last_run_timestamp_seconds', HOME)).toBeNaN();
    expect(sample(response.body, 'madoguchi_sweep_running', HOME)).toBeNaN();
    await world.http.close();
    await world.database.drop();
  });
});
