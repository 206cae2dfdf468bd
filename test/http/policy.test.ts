import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/app/policy-file.ts';
import { createRuleContext } from '../../src/rules/context.ts';
import { DEFAULT_POLICY } from '../../src/rules/policy.ts';
import { bareHttpApp, temporaryDataDir } from '../support/http.ts';

/** A POLICY_FILE of the city's own decisions, as an operator writes one. */
function policyFile(entries: Record<string, unknown>): string {
  const file = path.join(temporaryDataDir(), 'policy.json');
  writeFileSync(file, JSON.stringify(entries));
  return file;
}

describe('GET /api/v1/policy', () => {
  let defaults: FastifyInstance;
  let city: FastifyInstance;
  beforeAll(async () => {
    defaults = await bareHttpApp();
    const file = policyFile({ signatureCertificateMinAge: 16, healthInsuranceCardValidUntil: '2026-12-01', moveInDays: 15, holidayShift: { moveIn: 'none' } });
    city = await bareHttpApp(undefined, createRuleContext(loadPolicy(file)));
  });
  afterAll(async () => {
    await defaults.close();
    await city.close();
  });

  it('answers anyone, unsigned, with the defaults of docs/rules.md when there is no POLICY_FILE, and is never kept by a cache', async () => {
    const response = await defaults.inject('/api/v1/policy');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual(DEFAULT_POLICY);
  });

  it('answers the policy a POLICY_FILE changed: the changed entries, and the defaults beside them', async () => {
    const body = (await city.inject('/api/v1/policy')).json();
    expect(body.signatureCertificateMinAge).toBe(16);
    expect(body.healthInsuranceCardValidUntil).toBe('2026-12-01');
    expect(body.moveInDays).toBe(15);
    expect(body.holidayShift).toEqual({ moveIn: 'none', continuation: 'next-business-day' });
    expect(body.continuationDays).toBe(DEFAULT_POLICY.continuationDays);
  });

  it('is the policy the rules apply: R-7 on the same server counts the changed days', async () => {
    const deadline = await city.inject({ method: 'POST', url: '/api/v1/rules/move-in-deadline', payload: { moveInDate: '2026-12-01' } });
    expect(deadline.json()).toMatchObject({ deadline: '2026-12-16', movedForHoliday: false });
  });

  it('is described in the OpenAPI document, so the web app is typed by it', async () => {
    const document = (await defaults.inject('/api/openapi.json')).json();
    expect(Object.keys(document.paths['/api/v1/policy'].get.responses['200'].content['application/json'].schema.properties)).toEqual(Object.keys(DEFAULT_POLICY));
  });
});
