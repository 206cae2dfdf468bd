import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { OFFICES } from '../../test/support/app.ts';
import { bareHttpApp } from '../../test/support/http.ts';
import { DEFAULT_CONTEXT } from '../rules/context.ts';
import { evaluateRule, RULE_NAMES, RULES } from '../rules/registry.ts';
import { openStore } from '../store/open-store.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await bareHttpApp();
  app.get('/api/v1/test-only/boom', async () => {
    throw new Error('secret internals at /srv/madoguchi/db.ts:42');
  });
});
afterAll(async () => app.close());

const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as object });

describe('GET /api/v1/health', () => {
  it('is ok once the database answers', async () => {
    const response = await app.inject('/api/v1/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });
  it('is 503 when the database does not answer, without internals', async () => {
    const down = await bareHttpApp(openStore({ dataDir: '', databaseUrl: 'postgres://127.0.0.1:1/nothing', municipalityCode: OFFICES.municipality.code }));
    const response = await down.inject('/api/v1/health');
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 503, code: 'SERVICE.UNAVAILABLE', detail: 'The database does not answer' });
    expect(response.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    await down.close();
  });
});

describe('GET /api/v1/municipalities', () => {
  it('names the one municipality a single-municipality deployment serves, so that the sign-in form asks nothing', async () => {
    const response = await app.inject('/api/v1/municipalities');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ current: '131237', municipalities: [{ code: '131237', name: '江戸川区', nameEn: 'Edogawa City' }] });
  });
});

describe('GET /api/v1/offices', () => {
  it('lists the seven counters and the 24-hour hotline', async () => {
    const body = (await app.inject('/api/v1/offices')).json();
    expect(body.hotline).toEqual({ name: 'マイナンバー総合フリーダイヤル', phone: '0120-95-0178', hours: '24時間365日' });
    expect(body.offices.map((office: { id: string }) => office.id)).toEqual([
      'funabori-center',
      'honcho',
      'kasai',
      'koiwa',
      'komatsugawa',
      'tobu',
      'shishibone',
    ]);
    expect(body.offices[4]).toEqual({
      id: 'komatsugawa',
      name: '小松川事務所戸籍住民係',
      nameEn: 'Komatsugawa Office, Family Register and Residents Section',
      names: { 'zh-Hans': '小松川事务所 户籍居民系', ko: '고마쓰가와 사무소 호적주민계', vi: 'Văn phòng Komatsugawa, Bộ phận hộ tịch và cư dân' },
      kind: 'branch-office',
      phone: '03-3683-5184',
      address: '〒132-0035 江戸川区平井4-1-29 小松川事務所',
      hours: { weekdays: '8:30–17:00' },
      pickup: {
        slotMinutes: 30,
        capacity: 3,
        hours: { monday: '9:00–16:30', tuesday: '9:00–16:30', wednesday: '9:00–16:30', thursday: '9:00–16:30', friday: '9:00–16:30' },
      },
      unconfirmed: ['address', 'hours'],
    });
  });
});

describe('POST /api/v1/rules/{rule}', () => {
  it('answers card-expiry with the fields of the spec', async () => {
    const response = await post('/api/v1/rules/card-expiry', { birthDate: '2008-04-02', issueDate: '2026-04-01' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ expiryDate: '2035-04-02', basis: '10th-birthday', adultAtIssue: true });
  });

  it.each(RULE_NAMES)('answers %s exactly as the CLI does', async (name) => {
    const response = await post(`/api/v1/rules/${name}`, RULES[name].example);
    expect(response.statusCode).toBe(200);
    const outcome = evaluateRule(name, RULES[name].example, DEFAULT_CONTEXT);
    expect(outcome.ok && response.json()).toEqual(outcome.ok && outcome.value);
  });

  it.each([
    ['a missing field', { birthDate: '1990-05-10' }, [{ pointer: '/issueDate', message: 'issueDate is required' }]],
    ['an impossible date', { birthDate: '1990-05-10', issueDate: '2023-02-29' }, [{ pointer: '/issueDate', message: 'issueDate must be a calendar date YYYY-MM-DD that exists' }]],
    ['a wrong type', { birthDate: 19900510, issueDate: '2026-04-01' }, [{ pointer: '/birthDate', message: 'birthDate must be a string' }]],
    ['an unknown enum value', { birthDate: '1990-05-10', issueDate: '2026-04-01', residency: 'tourist' }, [{ pointer: '/residency', message: 'residency must be one of: "national", "foreign-without-period", "foreign-with-period"' }]],
    ['an unknown field', { birthDate: '1990-05-10', issueDate: '2026-04-01', issuedOn: '2026-04-01' }, [{ pointer: '/issuedOn', message: 'issuedOn is not a known field' }]],
    ['a rule-level contradiction', { birthDate: '1990-05-10', issueDate: '1980-01-01' }, [{ pointer: '/issueDate', message: 'issueDate: 1980-01-01 is before birthDate 1990-05-10' }]],
  ])('refuses %s with 400 INPUT.INVALID naming the field', async (_, body, errors) => {
    const response = await post('/api/v1/rules/card-expiry', body);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toEqual({
      type: 'urn:madoguchi:problem:INPUT.INVALID',
      title: 'Bad Request',
      status: 400,
      code: 'INPUT.INVALID',
      detail: errors.map((error) => error.message).join('; '),
      errors,
    });
  });

  it('refuses a body that is not JSON, or empty', async () => {
    for (const payload of ['{"birthDate":', '']) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/rules/age', payload, headers: { 'content-type': 'application/json' } });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'INPUT.INVALID' });
    }
  });

  it('refuses a body that is not JSON by its type with 415', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/rules/age', payload: 'birthDate=2000-01-01', headers: { 'content-type': 'text/plain' } });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' });
  });

  it.each([
    ['validity-extension', { birthDate: '1990-05-10', cardIssueDate: '2026-04-01', currentExpiryDate: '2027-03-31', today: '2027-04-01', newPeriodOfStayEnd: '2030-03-31' }, 'CARD.EXPIRED'],
    ['validity-extension', { birthDate: '1990-05-10', cardIssueDate: '2026-04-01', currentExpiryDate: '2027-03-31', today: '2027-03-01', newPeriodOfStayEnd: '2027-01-01' }, 'CARD.NOTHING_TO_EXTEND'],
    ['certificate-expiry', { birthDate: '2015-01-01', issueDate: '2026-04-01', cardExpiryDate: '2031-01-01', kind: 'signature' }, 'CERTIFICATE.SIGNATURE_UNDER_15'],
    ['business-day', { date: '2051-01-01' }, 'CALENDAR.OUT_OF_RANGE'],
  ])('answers a refusal of %s with 422 %s', async (name, body, code) => {
    const response = await post(`/api/v1/rules/${name}`, body);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ status: 422, code, type: `urn:madoguchi:problem:${code}` });
  });

  it('answers an unknown rule with 404 RULE.UNKNOWN', async () => {
    const response = await post('/api/v1/rules/card-expiry-date', {});
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'RULE.UNKNOWN' });
    expect(response.json().detail).toContain('card-expiry');
  });
});

describe('errors', () => {
  it('answers an unknown path with a 404 problem', async () => {
    const response = await app.inject('/api/v1/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
  it('never shows internals in a 500', async () => {
    const response = await app.inject('/api/v1/test-only/boom');
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      type: 'urn:madoguchi:problem:INTERNAL',
      title: 'Internal Server Error',
      status: 500,
      code: 'INTERNAL',
      detail: 'An unexpected error occurred. It has been logged.',
    });
  });
});

describe('OpenAPI', () => {
  it('describes every rule with its input, output and problems', async () => {
    const document = (await app.inject('/api/openapi.json')).json();
    expect(document.openapi).toBe('3.1.0');
    for (const name of RULE_NAMES) {
      const operation = document.paths[`/api/v1/rules/${name}`].post;
      expect(operation.requestBody.content['application/json'].schema.properties).toEqual(
        expect.objectContaining(Object.fromEntries(Object.keys(RULES[name].example as object).map((key) => [key, expect.any(Object)]))),
      );
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400']));
      expect(operation.responses['400'].content['application/problem+json'].schema.properties.code).toBeDefined();
    }
    expect(document.paths['/api/v1/health'].get.responses['200']).toBeDefined();
    expect(document.paths['/api/v1/offices'].get.responses['200']).toBeDefined();
  });
  it('is browsable at /api/docs', async () => {
    const response = await app.inject('/api/docs/');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('swagger-ui');
  });
});
