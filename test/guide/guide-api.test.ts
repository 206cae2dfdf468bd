import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/app/clock.ts';
import { LANGS } from '../../src/app/guide/lang.ts';
import { plainGuide, residentGuide } from '../../src/app/guide/resident-guide.ts';
import { SITUATIONS } from '../../src/domain/guide/situation.ts';
import { DEFAULT_CONTEXT } from '../../src/rules/context.ts';
import { OFFICES } from '../support/app.ts';
import { EXAMPLE_ANSWERS, GUIDE_TODAY } from '../support/guide.ts';
import { bareHttpApp } from '../support/http.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await bareHttpApp();
});
afterAll(async () => app.close());

const guide = (payload: unknown) => app.inject({ method: 'POST', url: '/api/v1/guide', payload: payload as object });

describe('POST /api/v1/guide', () => {
  it.each(SITUATIONS.flatMap((situation) => LANGS.map((lang) => [situation, lang] as const)))(
    '%s in %s: 200, exactly the answer the pages render from',
    async (situation, lang) => {
      const answers = { today: GUIDE_TODAY, ...EXAMPLE_ANSWERS[situation] };
      const response = await guide({ situation, lang, answers });
      expect(response.statusCode).toBe(200);
      const expected = residentGuide({ rules: DEFAULT_CONTEXT, offices: OFFICES, clock: systemClock }, { situation, lang, answers });
      expect(expected.ok && response.json()).toEqual(expected.ok && plainGuide(expected.value));
    },
  );

  it('a move-in on 2026-07-06: the 転入届 deadline is Tuesday 2026-07-21 (令和8年7月21日), moved from 海の日; the seed’s count says 07-20', async () => {
    const body = (await guide({ situation: 'moved-in', lang: 'en', answers: { moveInDate: '2026-07-06', plannedMoveOutDate: '2026-07-06', today: '2026-07-06' } })).json();
    expect(body.deadlines).toEqual([
      expect.objectContaining({
        kind: 'move-in',
        date: '2026-07-21',
        wareki: '令和8年7月21日',
        weekday: 'Tuesday',
        movedForHoliday: true,
        closedDay: { date: '2026-07-20', reason: 'national-holiday', holidayName: '海の日', holidayNameEn: 'Marine Day' },
        seedAdvice: expect.objectContaining({ date: '2026-07-20', weekday: 'Monday', wareki: '令和8年7月20日' }),
        consequence: expect.stringContaining('becomes invalid (廃止)'),
      }),
    ]);
  });

  it('a lost card in English: the hotline first, police receipt, ¥1,000 with certificates', async () => {
    const body = (await guide({ situation: 'lost', lang: 'en', answers: { lostAtHome: false, withCertificates: true } })).json();
    expect(body.steps[0]).toEqual({ id: 'callHotline', urgent: true, text: expect.stringContaining('0120-95-0178') });
    expect(body.fee).toEqual({ cardFee: 800, certificateFee: 200, total: 1000, policeReportRequired: true, policeReportApplies: true, reason: 'lost', withCertificates: true, totalText: '¥1,000' });
    expect(body.checklist.map((entry: { id: string }) => entry.id)).toContain('police-report');
    expect(body.hotline).toEqual({ name: 'My Number general toll-free line (マイナンバー総合フリーダイヤル)', phone: '0120-95-0178', hours: '24 hours, 365 days' });
  });

  it('gives やさしい日本語 as plain text, ruby as 漢字（かんじ）', async () => {
    const body = (await guide({ situation: 'lost', lang: 'ja-easy', answers: { lostAtHome: true, withCertificates: false } })).json();
    expect(body.steps[0].text).toContain('一時停止（いちじていし）');
    expect(JSON.stringify(body)).not.toMatch(/\[[^\]]*\|/);
  });

  it('answers for today in Japan when answers.today is absent', async () => {
    const body = (await guide({ situation: 'found', lang: 'ja' })).json();
    expect(body.today).toBe(systemClock.today());
  });

  it.each([
    ['a missing answer the situation needs', { situation: 'moved-in', lang: 'en', answers: {} }, '/answers/moveInDate', 'answers.moveInDate is required for situation moved-in'],
    ['an answer the situation does not ask', { situation: 'found', lang: 'en', answers: { expiryDate: '2030-01-01' } }, '/answers/expiryDate', 'answers.expiryDate is not asked for situation found'],
    ['an impossible date', { situation: 'moved-in', lang: 'en', answers: { moveInDate: '2026-02-30' } }, '/answers/moveInDate', 'answers.moveInDate must be a calendar date YYYY-MM-DD that exists'],
    ['an unknown answer', { situation: 'found', lang: 'en', answers: { moveDate: '2026-01-01' } }, '/answers/moveDate', 'answers.moveDate is not a known field'],
    ['an unknown language', { situation: 'found', lang: 'fr' }, '/lang', 'lang must be one of: "ja", "ja-easy", "en", "zh-Hans", "ko", "vi"'],
    ['an unknown situation', { situation: 'married', lang: 'en' }, '/situation', expect.stringContaining('situation must be one of: "moved-in"')],
    ['dates out of order', { situation: 'period-of-stay-renewed', lang: 'en', answers: { ...EXAMPLE_ANSWERS['period-of-stay-renewed'], cardIssueDate: '1980-01-01' } }, '/answers/cardIssueDate', 'answers.cardIssueDate is before answers.birthDate'],
  ])('%s is 400 INPUT.INVALID naming the field', async (_, payload, pointer, message) => {
    const response = await guide(payload);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 400, code: 'INPUT.INVALID', errors: [{ pointer, message }] });
  });

  it('a date the holiday calendar does not cover is 422 CALENDAR.OUT_OF_RANGE', async () => {
    const response = await guide({ situation: 'moved-in', lang: 'en', answers: { moveInDate: '2050-12-25', futureDatesConfirmed: true } });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'CALENDAR.OUT_OF_RANGE', errors: [{ pointer: '/answers/moveInDate' }] });
  });

  it('is described in the OpenAPI document with its body, answer and problems; the pages are not API', async () => {
    const document = (await app.inject('/api/openapi.json')).json();
    const operation = document.paths['/api/v1/guide'].post;
    expect(operation.tags).toEqual(['public']);
    expect(Object.keys(operation.requestBody.content['application/json'].schema.properties)).toEqual(['situation', 'lang', 'answers']);
    // 408 when the body is too slow to arrive, 503 when the service cannot answer: every route with a body may answer so.
    expect(Object.keys(operation.responses).sort()).toEqual(['200', '400', '408', '413', '415', '422', '500', '503']);
    expect(operation.responses['200'].content['application/json'].schema.properties.deadlines.items.required).toEqual(
      expect.arrayContaining(['kind', 'date', 'wareki', 'weekday', 'consequence']),
    );
    expect(operation.responses['400'].description).toContain('INPUT.INVALID');
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/guide'))).toEqual([]);
  });
});
