/** The guide's languages (docs/api.md "Resident guide"): やさしい日本語 is Japanese for its `lang`. */
export const Lang = {
  Japanese: 'ja',
  EasyJapanese: 'ja-easy',
  English: 'en',
  Chinese: 'zh-Hans',
  Korean: 'ko',
  Vietnamese: 'vi',
} as const;
export type Lang = (typeof Lang)[keyof typeof Lang];
export const LANGS = Object.values(Lang);

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** What each language is called in itself, for the language switch. */
export const LANG_NAMES = {
  ja: '日本語',
  'ja-easy': 'やさしい にほんご',
  en: 'English',
  'zh-Hans': '中文（简体）',
  ko: '한국어',
  vi: 'Tiếng Việt',
} as const satisfies Record<Lang, string>;

/** The `lang` attribute of a page (BCP 47); やさしい日本語 is Japanese. */
export const HTML_LANG = {
  ja: 'ja',
  'ja-easy': 'ja',
  en: 'en',
  'zh-Hans': 'zh-Hans',
  ko: 'ko',
  vi: 'vi',
} as const satisfies Record<Lang, string>;

/** The locale dates, weekdays and numbers are written in. */
export const LOCALE = {
  ja: 'ja-JP',
  'ja-easy': 'ja-JP',
  en: 'en-GB',
  'zh-Hans': 'zh-Hans-CN',
  ko: 'ko-KR',
  vi: 'vi-VN',
} as const satisfies Record<Lang, string>;

/** Japanese pages need no «…» marks around the Japanese terms kept beside a translation. */
export function isJapanese(lang: Lang): boolean {
  return lang === Lang.Japanese || lang === Lang.EasyJapanese;
}

/** The language a browser prefers, from Accept-Language, among ours. */
export function langFromAcceptLanguage(header: string | undefined): Lang | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.tag !== '' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'ja' || tag.startsWith('ja-')) return Lang.Japanese;
    if (tag === 'en' || tag.startsWith('en-')) return Lang.English;
    if (tag === 'zh' || tag.startsWith('zh-')) return Lang.Chinese;
    if (tag === 'ko' || tag.startsWith('ko-')) return Lang.Korean;
    if (tag === 'vi' || tag.startsWith('vi-')) return Lang.Vietnamese;
  }
  return undefined;
}
