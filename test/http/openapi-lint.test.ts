import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareHttpApp, temporaryDataDir } from '../support/http.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const REDOCLY = path.join(ROOT, 'node_modules', '.bin', 'redocly');

describe('the OpenAPI document', () => {
  let http: Awaited<ReturnType<typeof bareHttpApp>>;
  let document: { paths: Record<string, Record<string, { operationId?: string; security?: unknown[] }>> };
  beforeAll(async () => {
    http = await bareHttpApp();
    document = (await http.inject('/api/openapi.json')).json();
  });
  afterAll(() => http.close());

  it('names every operation once and says whether it needs a session', () => {
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));
    const ids = operations.map((operation) => operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z0-9]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operations.every((operation) => Array.isArray(operation.security))).toBe(true);
    expect(document.paths['/api/v1/cards/{id}/suspend']!.post).toMatchObject({ operationId: 'postCardsIdSuspend', security: [{ bearer: [] }, { cookie: [] }] });
    expect(document.paths['/api/v1/health']!.get).toMatchObject({ operationId: 'getHealth', security: [] });
  });

  it('lints clean with Redocly’s recommended rules', { timeout: 60_000 }, async () => {
    const file = path.join(temporaryDataDir(), 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const run = await promisify(execFile)(REDOCLY, ['lint', file, '--format=summary', '--config', path.join(ROOT, 'redocly.yaml')], { cwd: ROOT }).then(
      () => ({ code: 0, output: '' }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: `${error.stdout}\n${error.stderr}` }),
    );
    expect(run.output).not.toMatch(/error|warning/);
    expect(run.code).toBe(0);
  });
});
