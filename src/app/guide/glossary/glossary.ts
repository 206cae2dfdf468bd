import type { Lang } from '../lang.ts';

/** A term of the national My Number Card site and how each language of the guide says it. */
export interface GlossaryEntry {
  /** The Japanese term as the originals (src/domain/guide/guide-text.ts, ui-text.ts) write it. */
  readonly ja: string;
  /** The official term in the language; a translation of a text holding `ja` must use it. */
  readonly terms: Readonly<Partial<Record<Lang, string>>>;
  /** Why this rendering (source or decision). */
  readonly note: string;
  /** A longer term holding `ja` that has an entry of its own (国外継続利用 holds 継続利用). */
  readonly unless?: string;
}

/** Words that read as calques or template artefacts in a language, and what to write instead. */
export interface BannedWording {
  readonly pattern: RegExp;
  readonly instead: string;
}

/**
 * The guide's glossary (issue 13 item 4b): the official terms of the national card site
 * (kojinbango-card.go.jp, in its English, Chinese, Korean and Vietnamese pages) for the words the
 * guide uses most, so that every page says the same thing the same way. glossary.test.ts checks
 * every catalogue text against it.
 */
export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    ja: '署名用電子証明書',
    terms: { en: 'electronic certificate for signing', 'zh-Hans': '签名用电子证明书', ko: '서명용 전자증명서', vi: 'giấy chứng nhận điện tử dùng để ký' },
    note: 'J-LIS: the certificate used to sign documents (e-Tax); its PIN has 6–16 letters A–Z and digits (R-12)',
  },
  {
    ja: '利用者証明用電子証明書',
    terms: {
      en: 'electronic certificate for user authentication',
      'zh-Hans': '用户证明用电子证明书',
      ko: '이용자증명용 전자증명서',
      vi: 'giấy chứng nhận điện tử dùng để xác thực người dùng',
    },
    note: 'J-LIS: the certificate used to log in (マイナポータル, マイナ保険証, convenience-store certificates)',
  },
  {
    ja: '継続利用',
    terms: { en: 'continued use', 'zh-Hans': '继续使用', ko: '계속 이용', vi: 'tiếp tục sử dụng' },
    note: 'seed: 継続利用 of the card after moving in (R-8)',
    unless: '国外継続利用',
  },
  {
    ja: '国外継続利用',
    terms: { en: 'use abroad', 'zh-Hans': '国外继续使用', ko: '국외 계속 이용', vi: 'ở nước ngoài' },
    note: 'R-17: a Japanese national keeps the card abroad',
  },
  {
    ja: '一時停止',
    terms: { en: 'suspen', 'zh-Hans': '暂停', ko: '일시 정지', vi: 'tạm ngừng' },
    note: 'the hotline suspends a lost card (suspend, suspension: one stem)',
  },
  {
    ja: '暗証番号',
    terms: { en: 'PIN', 'zh-Hans': '密码', ko: '비밀번호', vi: 'mã PIN' },
    note: 'the national site says PIN / 密码 / 비밀번호 / mã PIN',
  },
  {
    ja: '在留カード',
    terms: { en: 'residence card', 'zh-Hans': '在留卡', ko: '재류카드', vi: 'thẻ cư trú' },
    note: 'Immigration Services Agency terms',
  },
  {
    ja: '資格確認書',
    terms: { en: 'certificate of eligibility', 'zh-Hans': '资格确认书', ko: '자격확인서', vi: 'giấy xác nhận tư cách' },
    note: 'the successor of the paper health insurance card (docs/rules.md "Corrections 2026-12")',
  },
  {
    ja: '法定代理人',
    terms: { en: 'legal representative', 'zh-Hans': '法定代理人', ko: '법정대리인', vi: 'người đại diện theo pháp luật' },
    note: 'R-18: the parent (親権者) of a child under 15 or the guardian (成年後見人) of an adult ward',
  },
];

/**
 * Calques and artefacts: "abolished" for 廃止 (a card "becomes invalid"), Korean particle templates
 * such as 은(는), counters of documents read as points (1점), Vietnamese "hủy bỏ" for 廃止.
 */
export const BANNED: Readonly<Partial<Record<Lang, readonly BannedWording[]>>> = {
  en: [
    { pattern: /\babolish/i, instead: 'becomes invalid' },
    { pattern: /\bsignature certificate\b/i, instead: 'electronic certificate for signing' },
  ],
  ko: [
    { pattern: /[은이을과와]\([는가를와과]\)/u, instead: 'a sentence that needs no particle after the parameter' },
    { pattern: /[12]점/u, instead: '1개 / 2개 (documents), not points' },
    { pattern: /폐지/u, instead: '효력을 잃습니다' },
  ],
  vi: [
    { pattern: /hủy bỏ/iu, instead: 'mất hiệu lực' },
    { pattern: /chứng thư điện tử/iu, instead: 'giấy chứng nhận điện tử' },
    { pattern: /ngày \{date\}|ngày \{[a-zA-Z]+Date\}/u, instead: '{date} (the date already reads “ngày 4 tháng 1 năm 2027”)' },
  ],
  'zh-Hans': [
    { pattern: /废止/u, instead: '失效' },
    { pattern: /[^（(]«/u, instead: 'Japanese terms in brackets: 中文（«日本語»）' },
  ],
};
