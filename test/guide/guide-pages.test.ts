import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/app/clock.ts';
import { HTML_LANG, LANGS } from '../../src/app/guide/lang.ts';
import { plainGuide, residentGuide } from '../../src/app/guide/resident-guide.ts';
import { CATALOGUES } from '../../src/app/guide/catalogue/catalogues.ts';
import { JAPANESE_MARK, RUBY_MARK } from '../../src/app/guide/rich-text.ts';
import { PICKUP_TEXT } from '../../src/app/guide/ui-text.ts';
import { SITUATION_TITLES } from '../../src/domain/guide/guide-text.ts';
import { asks, SITUATIONS } from '../../src/domain/guide/situation.ts';
import { DEFAULT_CONTEXT } from '../../src/rules/context.ts';
import { OFFICES } from '../support/app.ts';
import { exampleQuery } from '../support/guide.ts';
import { bareHttpApp } from '../support/http.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await bareHttpApp();
});
afterAll(async () => app.close());

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

/** A catalogue text as the page shows it: ruby readings and Japanese-term marks off. */
const seen = (rich: string) => rich.replace(RUBY_MARK, '$1').replace(JAPANESE_MARK, '$1');

/** The text a reader sees: tags and ruby readings removed, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<rp>.*?<\/rp>|<rt>.*?<\/rt>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\u2011/g, '-');
}

describe('GET /guide', () => {
  it('sends the resident to the language they chose before, else their browser’s, else Japanese', async () => {
    expect((await get('/guide')).headers.location).toBe('/guide/ja');
    expect((await get('/guide', { 'accept-language': 'en-US,en;q=0.9' })).headers.location).toBe('/guide/en');
    expect((await get('/guide', { 'accept-language': 'fr;q=1, zh-CN;q=0.8' })).headers.location).toBe('/guide/zh-Hans');
    const remembered = await get('/guide', { 'accept-language': 'en', cookie: 'madoguchi_guide_lang=vi' });
    expect(remembered.statusCode).toBe(302);
    expect(remembered.headers.location).toBe('/guide/vi');
  });
});

describe.each(LANGS)('the pages in %s', (lang) => {
  it('start page: every situation, the language in lang and the URL, remembered in a cookie, no script', async () => {
    const response = await get(`/guide/${lang}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['set-cookie']).toBe(`madoguchi_guide_lang=${lang}; Max-Age=31536000; Path=/guide; HttpOnly; SameSite=Lax`);
    expect(response.body).toContain(`<html lang="${HTML_LANG[lang]}">`);
    expect(response.body).not.toMatch(/<script/i);
    for (const situation of SITUATIONS) {
      expect(response.body).toContain(asks(situation).length > 0 ? `href="/guide/${lang}/${situation}"` : `href="/guide/${lang}/${situation}/answer"`);
    }
  });

  it('language switch on every page: links to the same page and answers in each language, each in its own language', async () => {
    const query = exampleQuery('moved-in');
    const { body } = await get(`/guide/${lang}/moved-in/answer?${query}`);
    for (const other of LANGS) {
      expect(body).toContain(`<a href="/guide/${other}/moved-in/answer?${query.replace(/&/g, '&amp;')}" lang="${HTML_LANG[other]}" hreflang="${HTML_LANG[other]}"`);
    }
    expect(body).toMatch(new RegExp(`href="/guide/${lang}/moved-in/answer\\?[^"]*"[^>]*aria-current="page"`));
  });

  it.each(SITUATIONS)('answer for %s: the same steps, checklist and dates as the API', async (situation) => {
    const query = exampleQuery(situation);
    const page = await get(`/guide/${lang}/${situation}/answer?${query}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    const answers = Object.fromEntries(new URLSearchParams(query));
    const typed = Object.fromEntries(Object.entries(answers).map(([name, value]) => [name, value === 'true' ? true : value === 'false' ? false : value]));
    const api = (await app.inject({ method: 'POST', url: '/api/v1/guide', payload: { situation, lang, answers: typed } })).json();
    const guide = residentGuide({ rules: DEFAULT_CONTEXT, offices: OFFICES, clock: systemClock }, { situation, lang, answers: typed });
    if (!guide.ok) throw new Error(guide.error.message);
    expect(plainGuide(guide.value)).toEqual(api);
    const text = visibleText(page.body);
    const { steps, checklist, warnings, deadlines, offices } = guide.value;
    for (const line of [...steps, ...checklist, ...warnings]) expect(text).toContain(seen(line.text));
    for (const deadline of deadlines) {
      expect(text).toContain(seen(deadline.dateText));
      expect(text).toContain(seen(deadline.consequence));
    }
    for (const office of offices) expect(page.body).toContain(`href="tel:${office.phone.replace(/-/g, '')}"`);
  });
});

describe('a card ready to collect (issue 12)', () => {
  it.each(LANGS)('in %s: the start page’s first group leads to the answer and to the booking pages; the answer links to booking', async (lang) => {
    const start = (await get(`/guide/${lang}`)).body;
    const group = /<section aria-labelledby="group-pickup">([\s\S]*?)<\/section>/.exec(start)![1]!;
    expect(start.indexOf('group-pickup')).toBeLessThan(start.indexOf('group-moving'));
    expect(visibleText(group)).toContain(seen(CATALOGUES[lang][SITUATION_TITLES['card-ready']]));
    expect(group.indexOf(`href="/guide/${lang}/card-ready/answer"`)).toBeGreaterThan(-1);
    expect(group.indexOf(`href="/guide/${lang}/pickup-booking"`)).toBeGreaterThan(group.indexOf(`href="/guide/${lang}/card-ready/answer"`));

    const answer = await get(`/guide/${lang}/card-ready/answer`);
    expect(answer.statusCode).toBe(200);
    const link = /<a id="next-page" href="([^"]+)">([\s\S]*?)<\/a>/.exec(answer.body)!;
    expect(link[1]).toBe(`/guide/${lang}/pickup-booking`);
    expect(visibleText(link[2]!)).toBe(seen(CATALOGUES[lang][PICKUP_TEXT.title]));
    const text = visibleText(answer.body);
    expect(text).toContain(seen(CATALOGUES[lang][SITUATION_TITLES['card-ready']]));
    const booking = await get(`/guide/${lang}/pickup-booking`);
    expect(booking.statusCode).toBe(200);
  });

  it('says in English what the notice says: collect by the day before 6 months are up, bring the notice and the legal representative', async () => {
    const text = visibleText((await get('/guide/en/card-ready/answer')).body);
    expect(text).toContain('up to the day before the date 6 months after it arrived at the counter');
    expect(text).toContain('The pickup notice (交付通知書, the postcard you received)');
    expect(text).toContain('the legal representative (法定代理人), who comes along');
    expect(text).toContain('we send the holder a reminder');
  });
});

describe('questions', () => {
  it('asks only what the situation needs, in a form sent by GET to the answer page', async () => {
    const { body, statusCode } = await get('/guide/en/lost');
    expect(statusCode).toBe(200);
    expect(body).toContain('<form method="get" action="/guide/en/lost/answer" novalidate>');
    expect(body.match(/<fieldset/g)).toHaveLength(2);
    expect(body).toContain('name="lostAtHome" value="true"');
    expect(body).toContain('name="withCertificates" value="false"');
    expect(body).not.toContain('type="date"');
    const moveIn = (await get('/guide/en/moved-in')).body;
    expect(moveIn).toContain('<label for="f-moveInDate">The day you started living at your new address <span class="tag">(required)</span></label>');
    expect(moveIn).toContain('<input type="date" id="f-moveInDate" name="moveInDate" value="" aria-describedby="f-moveInDate-hint" required>');
  });

  it('goes straight to the answer where there is nothing to ask', async () => {
    const response = await get('/guide/vi/found');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/guide/vi/found/answer');
  });

  it('refuses a missing or impossible date with an error summary that takes focus and links to the field', async () => {
    const response = await get('/guide/en/moved-in/answer?moveInDate=2026-02-30&plannedMoveOutDate=');
    expect(response.statusCode).toBe(400);
    const { body } = response;
    // The site's name would take the title past 70 characters, so it is left off (issue 13 item 16).
    expect(body).toContain('<title>Error: I moved into Edogawa City (転入)</title>');
    expect(body).toMatch(/<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>/);
    expect(body).toContain('<a href="#f-moveInDate">“The day you started living at your new address” must be a real date written as year-month-day (for example 2026-07-06).</a>');
    expect(body).toContain('aria-describedby="f-moveInDate-hint f-moveInDate-error"');
    expect(body).toContain('aria-invalid="true"');
    const missing = (await get('/guide/ja/period-of-stay-renewed/answer?birthDate=1990-05-10')).body;
    expect(visibleText(missing)).toContain('「カードの発行日」を入力してください。');
    expect(visibleText(missing)).toContain('「新しい在留期間の満了日」を入力してください。');
  });

  it('questions a move-in typed in the future, and the same form confirms it as typed (issue 13 item 3)', async () => {
    const response = await get('/guide/en/moved-in/answer?moveInDate=2027-07-06&today=2026-07-06');
    expect(response.statusCode).toBe(400);
    const text = visibleText(response.body);
    expect(text).toContain('“The day you started living at your new address” is after today (Monday, 6 July 2026). Please check the year and the month.');
    expect(response.body).toContain('<button type="submit" name="futureDatesConfirmed" value="true" class="secondary">This date is right (it is planned)</button>');
    expect(response.body).toContain('value="2027-07-06"');
    const confirmed = await get('/guide/en/moved-in/answer?moveInDate=2027-07-06&today=2026-07-06&futureDatesConfirmed=true');
    expect(confirmed.statusCode).toBe(200);
    const birth = await get('/guide/en/period-of-stay-renewed/answer?birthDate=2027-01-01&cardIssueDate=2026-04-01&currentExpiryDate=2027-03-31&newPeriodOfStayEnd=2030-03-31&today=2026-07-06');
    expect(birth.statusCode).toBe(400);
    expect(birth.body).not.toContain('futureDatesConfirmed');
  });

  it('says which answers conflict, in the resident’s language', async () => {
    const { body } = await get('/guide/ko/moved-in/answer?moveInDate=2026-07-06&moveInNotificationDate=2026-07-01');
    expect(visibleText(body)).toContain('"에도가와구에 전입신고 (転入届)를 한 날" 항목의 날짜는 "새 주소에 살기 시작한 날"보다 앞선 날짜일 수 없습니다.');
  });

  it('reads a date typed without a date picker (2026/7/6, full-width digits)', async () => {
    expect((await get('/guide/en/moved-in/answer?moveInDate=2026/7/6')).statusCode).toBe(200);
    expect((await get(`/guide/ja/moved-in/answer?moveInDate=${encodeURIComponent('２０２６／７／６')}`)).statusCode).toBe(200);
  });

  it('escapes whatever the URL carries', async () => {
    const { body } = await get(`/guide/en/moved-in/answer?moveInDate=${encodeURIComponent('"><script>alert(1)</script>')}`);
    expect(body).not.toContain('<script>');
    expect(body).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });
});

describe('answers', () => {
  it('a move-in on 2026-07-06 in English shows the legal date and the city page’s date, with weekdays and 和暦', async () => {
    const text = visibleText((await get('/guide/en/moved-in/answer?moveInDate=2026-07-06&plannedMoveOutDate=2026-07-06&today=2026-07-06')).body);
    expect(text).toContain('Legal deadlineTuesday, 21 July 2026 (Japanese calendar (和暦): 令和8年7月21日)');
    expect(text).toContain('The advice on the website of Edogawa CityMonday, 20 July 2026 (Japanese calendar (和暦): 令和8年7月20日)');
    expect(text).toContain('Monday, 20 July 2026 is a day the counters of Edogawa City are closed (Marine Day 海の日)');
    expect(text).toContain('15 days left');
  });

  it('marks Japanese inside other languages with lang="ja" and renders やさしい日本語 ruby', async () => {
    expect((await get(`/guide/en/lost/answer?${exampleQuery('lost')}`)).body).toContain('<span lang="ja">マイナンバー総合フリーダイヤル</span>');
    const easy = (await get(`/guide/ja-easy/lost/answer?${exampleQuery('lost')}`)).body;
    expect(easy).toContain('<ruby>一時停止<rt>いちじていし</rt></ruby>');
    const dates = (await get(`/guide/ja-easy/moved-in/answer?${exampleQuery('moved-in')}`)).body;
    expect(dates).toContain('<ruby>令和<rt>れいわ</rt></ruby>8<ruby>年<rt>ねん</rt></ruby>');
  });

  it('puts the hotline first for a lost card, as a link a phone can call', async () => {
    const { body } = await get(`/guide/en/lost/answer?${exampleQuery('lost')}`);
    const main = body.slice(body.indexOf('<main'));
    expect(main.indexOf('class="urgent"')).toBeLessThan(main.indexOf('id="steps-title"'));
    expect(main).toContain('<p class="hotline"><a class="tel" href="tel:0120950178">0120‑95‑0178</a></p>');
  });

  it('sends pages gzipped to a browser that takes it', async () => {
    const response = await app.inject({ url: `/guide/ja/moved-in/answer?${exampleQuery('moved-in')}`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(response.rawPayload).toString('utf8')).toContain('<html lang="ja">');
  });

  it('keeps every page light: at most 40 KB of HTML and CSS, 10 KB gzipped, and no script at all', async () => {
    for (const lang of LANGS) {
      for (const url of [`/guide/${lang}`, ...SITUATIONS.map((situation) => `/guide/${lang}/${situation}/answer?${exampleQuery(situation)}`)]) {
        const response = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
        const html = gunzipSync(response.rawPayload);
        expect(html.length, url).toBeLessThan(40_000);
        expect(response.rawPayload.length, url).toBeLessThan(10_000);
        expect(html.toString()).not.toMatch(/<script|\son[a-z]+=/i);
      }
    }
  });

  it('is served under the CSP that forbids inline script', async () => {
    const response = await get('/guide/en');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
  });
});

describe('offices and the foreign-language line (issue 13 items 2, 4a)', () => {
  it('each office: the name in the page’s language with the Japanese beside, phone, address, a map link and hours, collapsed', async () => {
    const { body } = await get(`/guide/zh-Hans/moved-in/answer?${exampleQuery('moved-in')}`);
    expect(body).toContain('<summary><strong>个人编号卡专用窗口（区政府本厅舍） (<span lang="ja">マイナンバーカード専用窓口(本庁舎)</span>)</strong></summary>');
    expect(body).toContain('<p class="office-tel">电话: <a class="tel" href="tel:0356629200">03‑5662‑9200</a></p>');
    expect(body).toContain('<span lang="ja">〒132-8501 江戸川区中央1-4-1 江戸川区役所</span> <a href="/guide/map/honcho">地图</a>');
    expect(visibleText(body)).toContain('办公时间: 工作日 8:30–17:00; 周六、周日及节假日休息');
    expect(body.match(/<details>/g)).toHaveLength(7);
    // Facts the city has not confirmed are marked, and said once.
    expect(body).toContain('<p class="unconfirmed">※ 尚未确认的信息：前往前请先打电话确认。</p>');
    const ja = (await get(`/guide/ja/moved-in/answer?${exampleQuery('moved-in')}`)).body;
    expect(ja).toContain('<summary><strong>マイナンバーカード専用窓口(本庁舎)</strong>');
  });

  it('the map link goes to a map search of the address', async () => {
    const response = await get('/guide/map/kasai');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(`https://www.google.com/maps/search/?api=1&query=${encodeURIComponent('江戸川区中葛西3-10-1 葛西事務所')}`);
    expect((await get('/guide/map/nowhere')).statusCode).toBe(404);
  });

  it.each([
    ['en', 'answers in English'],
    ['zh-Hans', '可以用中文咨询'],
    ['ko', '한국어로 상담할 수 있습니다'],
    ['vi', 'không hỗ trợ tiếng Việt. Các ngôn ngữ được hỗ trợ: tiếng Anh, tiếng Trung, tiếng Hàn, tiếng Tây Ban Nha, tiếng Bồ Đào Nha.'],
  ])('in %s the foreign-language line 0120-0178-27 comes first on every page', async (lang, says) => {
    for (const url of [`/guide/${lang}`, `/guide/${lang}/lost/answer?${exampleQuery('lost')}`]) {
      const { body } = await get(url);
      const main = body.slice(body.indexOf('<main'));
      expect(main.indexOf('class="hotline-foreign"')).toBeGreaterThan(0);
      expect(main.indexOf('class="hotline-foreign"')).toBeLessThan(main.indexOf('<h1'));
      expect(main).toContain('<a class="tel" href="tel:0120017827">0120‑0178‑27</a>');
      expect(visibleText(main)).toContain(says);
    }
  });

  it('Japanese pages need no foreign-language box; their answers still name the line with the offices', async () => {
    const { body } = await get(`/guide/ja/lost/answer?${exampleQuery('lost')}`);
    expect(body).not.toContain('class="hotline-foreign"');
    expect(visibleText(body)).toContain('外国語の電話相談: 0120-0178-27');
  });
});

describe('addresses that name no page', () => {
  it.each(['/guide/fr', '/guide/en/married', '/guide/en/moved-in/answer/more', '/guide/xx/yy/zz'])('%s is a 404 page that leads back', async (url) => {
    const response = await get(url);
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toMatch(/<a href="\/guide\/(ja|en)">/);
  });

  it('a language in another letter case is sent to its canonical address', async () => {
    const response = await get('/guide/zh-hans/lost?withCertificates=true');
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe('/guide/zh-Hans/lost?withCertificates=true');
  });
});

describe('a live instance', () => {
  it('shows no training band on any language’s pages (only a MADOGUCHI_TODAY instance has one: test/browser/training.test.ts)', async () => {
    for (const lang of LANGS) {
      const response = await get(`/guide/${lang}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['madoguchi-training']).toBeUndefined();
      expect(response.body).toContain('<header class="site"><div class="wrap">');
      expect(response.body).not.toContain('class="training-band"');
    }
  });
});
