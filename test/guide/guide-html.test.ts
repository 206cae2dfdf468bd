import type { FastifyInstance } from 'fastify';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext } from '../../src/app/create-app-context.ts';
import { HTML_LANG, LANGS } from '../../src/app/guide/lang.ts';
import { buildApp } from '../../src/http/app.ts';
import { SITUATIONS } from '../../src/domain/guide/situation.ts';
import { DEFAULT_CONTEXT } from '../../src/rules/context.ts';
import { openStore } from '../../src/store/open-store.ts';
import { randomBytes } from 'node:crypto';
import { OFFICES } from '../support/app.ts';
import { exampleQuery } from '../support/guide.ts';
import { temporaryDataDir } from '../support/http.ts';

const PUBLIC_URL = 'https://madoguchi.city.example.jp';
let app: FastifyInstance;
beforeAll(async () => {
  const store = openStore({ dataDir: temporaryDataDir(), databaseUrl: undefined, municipalityCode: OFFICES.municipality.code });
  app = await buildApp(createAppContext({ store, masterKey: randomBytes(32), rules: DEFAULT_CONTEXT, offices: OFFICES }), { publicUrl: PUBLIC_URL });
  app.addHook('onClose', async () => store.close());
});
afterAll(async () => app.close());

/** Every kind of page in every language, and every answer in the two longest languages. */
function pages(): string[] {
  const urls: string[] = ['/guide/xx'];
  for (const lang of LANGS) {
    urls.push(`/guide/${lang}`, `/guide/${lang}/pickup-booking`, `/guide/${lang}/moved-in`, `/guide/${lang}/moved-in/answer?moveInDate=2026-02-30`, `/guide/${lang}/lost/feedback`);
    urls.push(`/guide/${lang}/moved-in/answer?moveInDate=2027-07-06&today=2026-07-06`);
    const situations = lang === 'ja-easy' || lang === 'vi' ? SITUATIONS : (['moved-in', 'lost', 'moving-abroad', 'certificate'] as const);
    for (const situation of situations) urls.push(`/guide/${lang}/${situation}/answer?${exampleQuery(situation)}`);
  }
  return urls;
}

describe('guide pages as standard tools read them (issue 13 item 16)', () => {
  it('are html-validate clean (recommended rules), with titles of at most 70 characters', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    for (const url of pages()) {
      const { body } = await app.inject({ url });
      const report = await validator.validateString(body);
      for (const result of report.results) for (const message of result.messages) problems.push(`${url}: ${message.ruleId} ${message.message}`);
      const title = /<title>([^<]*)<\/title>/.exec(body)![1]!;
      if ([...title].length > 70) problems.push(`${url}: title of ${[...title].length} characters`);
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('give absolute hreflang links from PUBLIC_URL, a meta description and an icon', async () => {
    const { body } = await app.inject({ url: `/guide/en/lost/answer?${exampleQuery('lost')}` });
    for (const lang of LANGS.filter((each) => each !== 'ja-easy')) {
      expect(body).toContain(`<link rel="alternate" hreflang="${HTML_LANG[lang]}" href="${PUBLIC_URL}/guide/${lang}/lost/answer?${exampleQuery('lost').replace(/&/g, '&amp;')}">`);
    }
    expect(body).toMatch(/<meta name="description" content="I lost my card: the steps, counters, what to bring, fees and deadlines for your My Number Card in Edogawa City.">/);
    expect(body).toContain('<link rel="icon" href="/guide/favicon.svg" type="image/svg+xml">');
    const icon = await app.inject({ url: '/guide/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toContain('image/svg+xml');
  });

  it('phone numbers never wrap at a hyphen', async () => {
    const { body } = await app.inject({ url: `/guide/vi/lost/answer?${exampleQuery('lost')}` });
    expect(body).toContain('<a class="tel" href="tel:0120950178">0120‑95‑0178</a>');
    expect(body).not.toMatch(/<a class="tel"[^>]*>[^<]*-/);
  });
});
