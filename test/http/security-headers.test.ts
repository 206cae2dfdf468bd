import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext } from '../../src/app/create-app-context.ts';
import { buildApp } from '../../src/http/app.ts';
import { DEFAULT_CONTEXT } from '../../src/rules/context.ts';
import { openStore } from '../../src/store/open-store.ts';
import { OFFICES } from '../support/app.ts';
import { bareHttpApp, temporaryDataDir } from '../support/http.ts';

describe('security headers (OWASP Secure Headers)', () => {
  let http: Awaited<ReturnType<typeof bareHttpApp>>;
  beforeAll(async () => {
    http = await bareHttpApp();
  });
  afterAll(() => http.close());

  const policyOf = (header: unknown) =>
    new Map(
      String(header)
        .split(';')
        .map((part) => part.trim().split(/\s+/))
        .filter((words) => words[0])
        .map(([name, ...values]) => [name!, values]),
    );

  it.each(['/', '/guide/ja', '/api/v1/health', '/api/v1/offices', '/api/docs'])('forbids framing, denies browser features and allows no inline or foreign styles on %s', async (url) => {
    const response = await http.inject(url);
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['permissions-policy']).toContain('camera=()');
    expect(response.headers['permissions-policy']).toContain('geolocation=()');
    const csp = policyOf(response.headers['content-security-policy']);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    for (const directive of ['style-src', 'font-src', 'script-src', 'default-src']) {
      expect(csp.get(directive)?.join(' ') ?? '').not.toMatch(/unsafe-inline|https:|\*/);
    }
    // No HSTS on a site the operator has not said is served over TLS.
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('lets the guide’s own inline style sheet in by its hash, and nothing else inline', async () => {
    const page = await http.inject('/guide/ja');
    const style = /<style>([\s\S]*?)<\/style>/.exec(page.body)![1]!;
    const hash = `'sha256-${createHash('sha256').update(style).digest('base64')}'`;
    expect(policyOf(page.headers['content-security-policy']).get('style-src')).toEqual(["'self'", hash]);
  });

  it('sends HSTS for a year when the site is served over TLS', async () => {
    const store = openStore({ dataDir: temporaryDataDir(), databaseUrl: undefined, municipalityCode: OFFICES.municipality.code });
    const tls = await buildApp(createAppContext({ store, masterKey: randomBytes(32), rules: DEFAULT_CONTEXT, offices: OFFICES }), { hsts: true });
    try {
      const response = await tls.inject('/api/v1/health');
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await tls.close();
      await store.close();
    }
  });
});
