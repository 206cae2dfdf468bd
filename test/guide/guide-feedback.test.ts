import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanitizeComment } from '../../src/app/guide/guide-feedback.ts';
import { FeedbackThrottle } from '../../src/http/guide/feedback-throttle.ts';
import { createStaff } from '../support/app.ts';
import { exampleQuery } from '../support/guide.ts';
import { DIALECTS, openHttpTest, signInAs, type HttpTest } from '../support/http.ts';

describe('comments keep no numbers a person could be found by', () => {
  it.each([
    ['電話は03-5662-9200です', '電話は です'],
    ['call me on +81 (90) 1234 5678 please', 'call me on please'],
    ['番号１２３４５６７８９０１８を書きました', '番号 を書きました'],
    ['mail a.b@example.jp thanks', 'mail thanks'],
    ['〇九〇一二三四五六七八', null],
    ['   ', null],
  ])('%s → %s', (comment, kept) => {
    expect(sanitizeComment(comment)).toBe(kept);
  });

  it('keeps at most 500 characters and no control characters', () => {
    expect(sanitizeComment(`a\u0000b${'x'.repeat(600)}`)!.length).toBe(500);
    expect(sanitizeComment('a\u0000b')).toBe('a b');
  });

  it('throttles per address in a sliding hour', () => {
    let now = 0;
    const throttle = new FeedbackThrottle(2, 1000, () => now);
    expect([throttle.take('a'), throttle.take('a'), throttle.take('a'), throttle.take('b')]).toEqual([true, true, false, true]);
    now = 1000;
    expect(throttle.take('a')).toBe(true);
  });
});

describe.each(DIALECTS)('guide feedback on $name', ({ create }) => {
  let t: HttpTest;
  let supervisor: { authorization: string };
  beforeAll(async () => {
    t = await openHttpTest(await create());
    await createStaff(t.app, 'feedback-supervisor', 'supervisor', 'honcho');
    supervisor = await signInAs(t.http, 'feedback-supervisor');
  });
  afterAll(async () => t.close());

  const post = (url: string, form: Record<string, string>, ip = '192.0.2.1') =>
    t.http.inject({ method: 'POST', url, remoteAddress: ip, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(form).toString() });

  it('every answer page asks the city’s two questions, with an optional comment', async () => {
    const { body } = await t.http.inject({ url: `/guide/ja/lost/answer?${exampleQuery('lost')}` });
    expect(body).toContain('<form method="post" action="/guide/ja/lost/feedback">');
    expect(body).toContain('このページの情報は役に立ちましたか？');
    expect(body).toContain('見つけやすかったですか？');
    expect(body).toContain('<textarea id="f-comment" name="comment"');
  });

  it('takes an answer from the page, strips numbers, thanks, and counts it per situation and language', async () => {
    const sent = await post('/guide/en/lost/feedback', { helpful: 'yes', easyToFind: 'no', comment: '=HYPERLINK("x") call 090-1234-5678' });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/guide/en/lost/feedback');
    expect((await t.http.inject({ url: '/guide/en/lost/feedback' })).body).toContain('Thank you for your feedback');
    expect((await post('/guide/en/lost/feedback', { helpful: 'yes', easyToFind: 'yes' })).statusCode).toBe(303);
    const api = await t.http.inject({ method: 'POST', url: '/api/v1/guide/feedback', payload: { situation: 'moved-in', lang: 'vi', helpful: 'no', easyToFind: 'yes' } });
    expect(api.statusCode).toBe(204);
    const report = await t.http.inject({ url: '/api/v1/reports/guide-feedback', headers: supervisor });
    expect(report.statusCode).toBe(200);
    expect(report.json().rows).toEqual([
      { situation: 'lost', title: 'カードをなくした', lang: 'en', answers: 2, helpfulYes: 2, helpfulNo: 0, easyYes: 1, easyNo: 1, comments: 1 },
      { situation: 'moved-in', title: '江戸川区に引っ越してきた（転入）', lang: 'vi', answers: 1, helpfulYes: 0, helpfulNo: 1, easyYes: 1, easyNo: 0, comments: 0 },
    ]);
    const comments = await t.http.inject({ url: '/api/v1/reports/guide-feedback-comments', headers: { ...supervisor, accept: 'text/csv' } });
    expect(comments.statusCode).toBe(200);
    // Neutralised for spreadsheets like the other CSVs, and the phone number never stored.
    expect(comments.body).toContain(`'=HYPERLINK(""x"") call`);
    expect(comments.body).not.toMatch(/1234|5678/);
  });

  it('refuses an answer without both questions, and a flood from one address', async () => {
    expect((await post('/guide/ko/found/feedback', { helpful: 'yes' })).statusCode).toBe(400);
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await post('/guide/ko/found/feedback', { helpful: 'yes', easyToFind: 'yes' }, '198.51.100.7')).statusCode);
    expect(codes.slice(0, 10).every((code) => code === 303)).toBe(true);
    expect(codes[10]).toBe(429);
    expect((await post('/guide/ko/found/feedback', { helpful: 'yes', easyToFind: 'yes' }, '198.51.100.8')).statusCode).toBe(303);
  });

  it('the report is for supervisors only', async () => {
    expect((await t.http.inject({ url: '/api/v1/reports/guide-feedback' })).statusCode).toBe(401);
  });
});
