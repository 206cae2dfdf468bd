import { dayOf, dayOfWeek, monthOf, yearOf, type PlainDate } from '../../rules/plain-date.ts';
import { Lang, LOCALE } from './lang.ts';

/**
 * Dates as residents read them: the date in their language with its weekday, and the Japanese era
 * (和暦) as on Japanese forms. A PlainDate becomes a Date only here, at UTC midnight, and every
 * format is read in UTC, so no time zone can move the day.
 */
function utcDate(date: PlainDate): Date {
  // Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear takes the year as it is.
  const value = new Date(Date.UTC(2000, 0, 1));
  value.setUTCFullYear(yearOf(date), monthOf(date) - 1, dayOf(date));
  return value;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let formatter = formats.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formats.set(key, formatter);
  }
  return formatter;
}

/** 令和8年7月21日 (ja-JP-u-ca-japanese, era long): the same in every language, to show at the counter. */
export function wareki(date: PlainDate): string {
  return format('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(utcDate(date));
}

/** The weekday's name in the language: 火曜日, Tuesday, 星期二, 화요일, Thứ Ba. */
export function weekdayName(date: PlainDate, lang: Lang): string {
  return format(LOCALE[lang], { weekday: 'long' }).format(utcDate(date));
}

/**
 * The date with its weekday as a sentence in the language would write it: 2026年7月21日（火）,
 * Tuesday 21 July 2026, 2026年7月21日星期二, 2026년 7월 21일 화요일, Thứ Ba, ngày 21 tháng 7 năm 2026.
 */
export function dateWithWeekday(date: PlainDate, lang: Lang): string {
  const day = utcDate(date);
  switch (lang) {
    case Lang.Japanese:
      return `${format('ja-JP', { year: 'numeric', month: 'long', day: 'numeric' }).format(day)}（${format('ja-JP', { weekday: 'short' }).format(day)}）`;
    case Lang.EasyJapanese:
      return `${yearOf(date)}[年|ねん]${easyMonthDay(date)}（${easyWeekday(date)}）`;
    case Lang.English:
      return format(LOCALE[lang], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(day);
    case Lang.Vietnamese:
      // "Thứ Hai, ngày 4 tháng 1 năm 2027", as Vietnamese writes a date in a sentence (issue 13 item 4b).
      return `${format(LOCALE[lang], { weekday: 'long' }).format(day)}, ngày ${dayOf(date)} tháng ${monthOf(date)} năm ${yearOf(date)}`;
    case Lang.Chinese:
    case Lang.Korean:
      return format(LOCALE[lang], { dateStyle: 'full' }).format(day);
    default: {
      const unknown: never = lang;
      throw new Error(`unknown language ${String(unknown)}`);
    }
  }
}

/** The days of the month Japanese does not read as 〜にち (1日 ついたち, 20日 はつか …). */
const EASY_DAYS: Readonly<Record<number, string>> = {
  1: 'ついたち',
  2: 'ふつか',
  3: 'みっか',
  4: 'よっか',
  5: 'いつか',
  6: 'むいか',
  7: 'なのか',
  8: 'ようか',
  9: 'ここのか',
  10: 'とおか',
  14: 'じゅうよっか',
  20: 'はつか',
  24: 'にじゅうよっか',
};
const EASY_MONTHS: Readonly<Record<number, string>> = { 4: 'しがつ', 7: 'しちがつ', 9: 'くがつ' };
const EASY_WEEKDAYS = ['にちようび', 'げつようび', 'かようび', 'すいようび', 'もくようび', 'きんようび', 'どようび'] as const;
const ERA_READINGS: Readonly<Record<string, string>> = { 令和: 'れいわ', 平成: 'へいせい', 昭和: 'しょうわ', 大正: 'たいしょう', 明治: 'めいじ' };

/** 7月21日 with ruby for やさしい日本語, the readings a child would say (7月 しちがつ, 1日 ついたち). */
function easyMonthDay(date: PlainDate): string {
  const month = monthOf(date);
  const day = dayOf(date);
  const monthText = EASY_MONTHS[month] ? `[${month}月|${EASY_MONTHS[month]}]` : `${month}[月|がつ]`;
  const dayText = EASY_DAYS[day] ? `[${day}日|${EASY_DAYS[day]}]` : `${day}[日|にち]`;
  return monthText + dayText;
}

function easyWeekday(date: PlainDate): string {
  const name = format('ja-JP', { weekday: 'long' }).format(utcDate(date));
  return `[${name}|${EASY_WEEKDAYS[dayOfWeek(date)]}]`;
}

/** 和暦 with ruby, for やさしい日本語: [令和|れいわ]8[年|ねん]7[月|しちがつ]… */
export function easyWareki(date: PlainDate): string {
  const parts = format('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric' }).formatToParts(utcDate(date));
  const era = parts.find((part) => part.type === 'era')?.value ?? '';
  const year = parts.find((part) => part.type === 'year')?.value ?? '';
  const eraText = ERA_READINGS[era] ? `[${era}|${ERA_READINGS[era]}]` : era;
  const yearText = year === '元' ? '[元年|がんねん]' : `${year}[年|ねん]`;
  return eraText + yearText + easyMonthDay(date);
}

/** A number in the language's way (1,000; 4,5 in Vietnamese). */
export function numberText(value: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 2 }).format(value);
}
