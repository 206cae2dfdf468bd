import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext } from '../../src/app/create-app-context.ts';
import { LANGS, type Lang } from '../../src/app/guide/lang.ts';
import { buildApp } from '../../src/http/app.ts';
import { checkOfficeDirectory, type OfficeDirectory } from '../../src/domain/office.ts';
import { SITUATIONS, asks, type Situation } from '../../src/domain/guide/situation.ts';
import { DEFAULT_CONTEXT } from '../../src/rules/context.ts';
import { openStore } from '../../src/store/open-store.ts';
import { OFFICES } from '../support/app.ts';
import { temporaryDataDir } from '../support/databases.ts';
import { EXAMPLE_ANSWERS, exampleQuery, GUIDE_TODAY } from '../support/guide.ts';

/**
 * The resident guide of a municipality that is not Edogawa (docs/scale.md "Several
 * municipalities"): every page and every answer, in every language, names the town and its own
 * counters, and nothing of Edogawa's — its name in any script, its 区民課 and 戸籍住民係, or the
 * ward's words (区役所, 区のホームページ) that the texts used to say.
 */

/** Edogawa's name, organisation and ward words, as each language of the guide said them. */
const EDOGAWA = [
  '江戸川', 'えどがわ', 'Edogawa', '江户川', '에도가와',
  '区民課', '戸籍住民係', '本庁舎', '生活振興部', 'マイナンバー推進課', '区役所', '区のホームページ', '区のサーバー', '区内',
  'Residents Division', 'Family Register and Residents Section', 'the city office', 'city’s website',
  '区民课', '户籍居民系', '本厅舍', '区政府', '区网站', '区的服务器',
  '구민과', '호적주민계', '본청사', '구청', '구 홈페이지', '구의 서버', '구 안',
  'Phòng Cư dân', 'Bộ phận hộ tịch', 'văn phòng quận', 'web của quận', 'máy chủ của quận', 'trong quận',
];

function edogawaIn(text: string): string[] {
  return EDOGAWA.filter((word) => text.includes(word));
}

/** A fictional city with every localized fact but the counter phrase of three languages and the card counter's. */
const SAKURADAI = checked({
  ...OFFICES,
  municipality: {
    code: '132999',
    name: '桜台市',
    nameEn: 'Sakuradai City',
    reading: 'さくらだいし',
    names: { 'zh-Hans': '樱台市', ko: '사쿠라다이시', vi: 'thành phố Sakuradai' },
    registrationDesk: { ja: '市役所の市民課', 'ja-easy': '[市役所|しやくしょ]の [市民課|しみんか]', en: 'the Citizens Division of the city hall («市民課»)' },
  },
  department: '市民部市民課',
  hotline: { ...OFFICES.hotline, phone: '0120-000-222' },
  offices: [
    {
      id: 'shiyakusho',
      name: '桜台市役所 市民課',
      nameEn: 'Sakuradai City Hall, Citizens Division',
      kind: 'card-counter',
      phone: '042-000-0001',
      address: '〒999-0001 桜台市本町1-1 桜台市役所',
      hours: { weekdays: '8:30–17:15' },
    },
    {
      id: 'kita',
      name: '桜台市北支所',
      nameEn: 'Sakuradai North Branch Office',
      kind: 'branch-office',
      phone: '042-000-0002',
      address: '〒999-0002 桜台市北町2-2',
      hours: { weekdays: '8:30–17:15' },
    },
  ],
});

/** A town whose offices file gives only what it must: the guide falls back, in every language. */
const MIDORIKAWA = checked({ ...SAKURADAI, municipality: { code: '133999', name: '緑川町', nameEn: 'Midorikawa Town' } });

function checked(value: unknown): OfficeDirectory {
  const result = checkOfficeDirectory(value);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/** The guide's HTTP application serving one municipality's offices file, as a deployment serves each. */
async function guideApp(offices: OfficeDirectory): Promise<FastifyInstance> {
  const store = openStore({ dataDir: temporaryDataDir(), databaseUrl: undefined, municipalityCode: offices.municipality.code });
  const app = await buildApp(createAppContext({ store, masterKey: randomBytes(32), rules: DEFAULT_CONTEXT, offices }));
  app.addHook('onClose', async () => store.close());
  return app;
}

/** The text a reader sees: tags and ruby readings removed, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<rt>.*?<\/rt>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

const between = (html: string, start: RegExp): string => html.match(start)?.[1] ?? '';

/** How each language names the town, as a reader sees it. */
const SAKURADAI_NAMES: Record<Lang, string> = { ja: '桜台市', 'ja-easy': '桜台市', en: 'Sakuradai City', 'zh-Hans': '樱台市', ko: '사쿠라다이시', vi: 'thành phố Sakuradai' };

const PAGES: readonly string[] = [
  '',
  ...SITUATIONS.flatMap((situation: Situation) => [...(asks(situation).length > 0 ? [`/${situation}`] : []), `/${situation}/answer?${exampleQuery(situation)}`]),
  '/pickup-booking',
  '/no-such-page',
];

describe.each([
  ['桜台市, with its localized facts', SAKURADAI, SAKURADAI_NAMES],
  ['緑川町, without them', MIDORIKAWA, { ja: '緑川町', 'ja-easy': '緑川町', en: 'Midorikawa Town', 'zh-Hans': '緑川町', ko: '緑川町', vi: '緑川町' } as Record<Lang, string>],
] as const)('the guide of %s', (_, offices, names) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await guideApp(offices);
  });
  afterAll(async () => app.close());

  it.each(LANGS)('in %s: every page names the town in its heading, meta description and footer, and nothing of Edogawa', async (lang) => {
    for (const page of PAGES) {
      const response = await app.inject({ url: `/guide/${lang}${page}` });
      expect(response.statusCode, page).toBe(page === '/no-such-page' ? 404 : 200);
      expect(edogawaIn(response.body), `${lang}${page}`).toEqual([]);
      expect(visibleText(between(response.body, /<p class="site-name">([\s\S]*?)<\/p>/)), page).toContain(names[lang]);
      expect(visibleText(between(response.body, /<p class="source">([\s\S]*?)<\/p>/)), page).toContain(names[lang]);
      // The pages of a situation describe it for search engines naming the town; the start and booking pages describe themselves.
      if (SITUATIONS.some((situation) => page.startsWith(`/${situation}`))) expect(between(response.body, /<meta name="description" content="([^"]*)">/), page).toContain(names[lang]);
    }
  });

  it.each(LANGS)('in %s: POST /api/v1/guide answers every situation without Edogawa', async (lang) => {
    for (const situation of SITUATIONS) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/guide', payload: { situation, lang, answers: { today: GUIDE_TODAY, ...EXAMPLE_ANSWERS[situation] } } });
      expect(response.statusCode, situation).toBe(200);
      expect(edogawaIn(response.body), `${lang} ${situation}`).toEqual([]);
    }
    const movedIn = (await app.inject({ method: 'POST', url: '/api/v1/guide', payload: { situation: 'moved-in', lang, answers: { today: GUIDE_TODAY, ...EXAMPLE_ANSWERS['moved-in'] } } })).json();
    expect(movedIn.title).toContain(names[lang]);
  });
});

describe('the counters a town names in its offices file', () => {
  const step = async (offices: OfficeDirectory, lang: Lang) => {
    const app = await guideApp(offices);
    try {
      const body = (await app.inject({ method: 'POST', url: '/api/v1/guide', payload: { situation: 'moved-in', lang, answers: { today: GUIDE_TODAY, ...EXAMPLE_ANSWERS['moved-in'] } } })).json();
      return (body.steps as { id: string; text: string }[]).find((each) => each.id === 'moveInFile')!.text;
    } finally {
      await app.close();
    }
  };

  it('are its own where it gives them, with ruby in やさしい日本語', async () => {
    expect(await step(SAKURADAI, 'ja')).toContain('市役所の市民課で転入届を出してください');
    expect(await step(SAKURADAI, 'ja-easy')).toContain('市役所（しやくしょ）の 市民課（しみんか）に だします');
    expect(await step(SAKURADAI, 'en')).toContain('at the Citizens Division of the city hall (市民課)');
  });

  it('fall back to the generic counter with the Japanese beside it, or to the generic counter alone', async () => {
    expect(await step(SAKURADAI, 'zh-Hans')).toContain('居民登记窗口 (市役所の市民課)');
    expect(await step(SAKURADAI, 'ko')).toContain('주민등록 창구 (市役所の市民課)');
    expect(await step(MIDORIKAWA, 'ja')).toContain('住民登録の窓口で転入届を出してください');
    expect(await step(MIDORIKAWA, 'en')).toContain('at the resident registration counter.');
  });
});

describe('the earlier count a municipality’s website gives for the 転入届', () => {
  const FLAGGED = checked({ ...SAKURADAI, municipality: { ...SAKURADAI.municipality, moveInAdviceFromMoveOut: true } });
  const apps = new Map<OfficeDirectory, FastifyInstance>();
  beforeAll(async () => {
    for (const offices of [OFFICES, FLAGGED, SAKURADAI, MIDORIKAWA]) apps.set(offices, await guideApp(offices));
  });
  afterAll(async () => {
    for (const app of apps.values()) await app.close();
  });
  const deadline = async (offices: OfficeDirectory, lang: Lang) => {
    const answers = { today: '2026-07-06', moveInDate: '2026-07-06', plannedMoveOutDate: '2026-06-10' };
    const response = await apps.get(offices)!.inject({ method: 'POST', url: '/api/v1/guide', payload: { situation: 'moved-in', lang, answers } });
    expect(response.statusCode).toBe(200);
    return { deadline: response.json().deadlines[0] as { date: string; seedAdvice?: { date: string; text: string } }, body: response.body };
  };

  it('is quoted where the offices file says its website gives it (Edogawa’s), naming that website', async () => {
    const { deadline: edogawa } = await deadline(OFFICES, 'ja');
    expect(edogawa.date).toBe('2026-07-10');
    expect(edogawa.seedAdvice).toMatchObject({ date: '2026-06-24' });
    expect(edogawa.seedAdvice!.text).toContain('江戸川区のホームページの案内は「転出日から14日以内に転入届を提出してください」です');
    const { deadline: sakuradai } = await deadline(FLAGGED, 'en');
    expect(sakuradai.seedAdvice!.text).toContain('The website of Sakuradai City says');
  });

  it.each(LANGS)('in %s: is never put in the mouth of a town whose offices file does not say so', async (lang) => {
    for (const offices of [SAKURADAI, MIDORIKAWA]) {
      const { deadline: town, body } = await deadline(offices, lang);
      expect(town.date).toBe('2026-07-10');
      expect(town.seedAdvice).toBeUndefined();
      expect(body).not.toContain('転出日から14日以内');
      expect(body).not.toMatch(/ホームページの案内|ホームページには|The website of|网站的说明|홈페이지 안내|Trang web của/);
    }
  });
});

describe('Edogawa’s guide', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await guideApp(OFFICES);
  });
  afterAll(async () => app.close());

  it('names Edogawa as before, in every language, with its reading in やさしい日本語', async () => {
    const siteName = async (lang: Lang) => between((await app.inject({ url: `/guide/${lang}` })).body, /<p class="site-name">([\s\S]*?)<\/p>/);
    expect(await siteName('ja')).toContain('江戸川区 マイナンバーカード手続きガイド');
    expect(await siteName('ja-easy')).toContain('<ruby>江戸川区<rt>えどがわく</rt></ruby> マイナンバーカード てつづき ガイド');
    expect(await siteName('en')).toContain('Edogawa City My Number Card guide');
    expect(await siteName('zh-Hans')).toContain('江户川区 个人编号卡手续指南');
    expect(await siteName('ko')).toContain('에도가와구 마이넘버 카드 절차 안내');
    expect(await siteName('vi')).toContain('thẻ My Number của quận Edogawa');
  });

  it('sends a resident who moved in to the 区民課 or a 戸籍住民係, and to its card counters for the card', async () => {
    const answer = async (situation: Situation, lang: Lang) =>
      visibleText((await app.inject({ url: `/guide/${lang}/${situation}/answer?${exampleQuery(situation)}` })).body);
    expect(await answer('moved-in', 'ja')).toContain('本庁舎の区民課か各事務所の戸籍住民係で転入届を出してください');
    expect(await answer('moved-in', 'en')).toContain('at the Residents Division of the main office (本庁舎 区民課) or the Family Register and Residents Section (戸籍住民係) of a branch office');
    expect(await answer('lost', 'ja')).toContain('お近くのマイナンバーカード専用窓口・各事務所の戸籍住民係の窓口で、新しいカード（再交付）を申請してください');
    expect(await answer('moved-in', 'ko')).toContain('에도가와구에 이사 왔습니다');
  });
});

describe('the offices file’s localized facts', () => {
  it('refuse a やさしい日本語 phrase with kanji left without a reading, and a name holding a mark of the texts', () => {
    const desk = { ja: '市民課', 'ja-easy': '市民課' };
    expect(checkOfficeDirectory({ ...SAKURADAI, municipality: { ...SAKURADAI.municipality, registrationDesk: desk } }).ok).toBe(false);
    expect(checkOfficeDirectory({ ...SAKURADAI, municipality: { ...SAKURADAI.municipality, registrationDesk: { ...desk, 'ja-easy': '[市民課|しみんか]' } } }).ok).toBe(true);
    expect(checkOfficeDirectory({ ...SAKURADAI, municipality: { ...SAKURADAI.municipality, name: '桜台市{date}' } }).ok).toBe(false);
    expect(checkOfficeDirectory({ ...SAKURADAI, municipality: { ...SAKURADAI.municipality, reading: 'Sakuradai' } }).ok).toBe(false);
  });
});
