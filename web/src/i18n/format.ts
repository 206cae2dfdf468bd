/** 令和8年11月26日木曜日: the 和暦 of a calendar date with its weekday (Intl, Japanese calendar). */
const WAREKI = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', weekday: 'short', timeZone: 'UTC' });
const WAREKI_DATE = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const WEEKDAY = { ja: new Intl.DateTimeFormat('ja-JP', { weekday: 'long', timeZone: 'UTC' }), en: new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' }) };

function utc(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}

export function wareki(iso: string): string {
  return WAREKI.format(utc(iso));
}

/** 令和8年11月26日: the 和暦 alone, as a letter to a resident is dated. */
export function warekiDate(iso: string): string {
  return WAREKI_DATE.format(utc(iso));
}

export function weekday(iso: string, lang: 'ja' | 'en'): string {
  return WEEKDAY[lang].format(utc(iso));
}

/** Every date as the clerk reads it: ISO and 和暦 with the weekday. */
export function dateLabel(iso: string, lang: 'ja' | 'en'): string {
  return lang === 'ja' ? `${iso}（${wareki(iso)}）` : `${iso} (${WAREKI_DATE.format(utc(iso))}, ${weekday(iso, 'en')})`;
}

/** A day named in running text: 2025年12月1日, or 2025-12-01 in English. */
export function dayInText(iso: string, lang: 'ja' | 'en'): string {
  if (lang === 'en') return iso;
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return `${year}年${month}月${day}日`;
}

export function yen(amount: number, lang: 'ja' | 'en'): string {
  return lang === 'ja' ? `${amount.toLocaleString('ja-JP')}円` : `¥${amount.toLocaleString('en-US')}`;
}

/** A count as the clerk reads it, with thousands separators. */
export function count(value: number, lang: 'ja' | 'en'): string {
  return value.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB');
}

const JAPAN_TIME = {
  ja: new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }),
};

/** An instant (a job's start, say) in Japan's time, where the counters are. */
export function japanTime(instant: string, lang: 'ja' | 'en'): string {
  return JAPAN_TIME[lang].format(new Date(instant));
}

/** Today in Japan (UTC+9, no daylight saving), as the server counts business dates. */
export function todayInJapan(): string {
  return new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
}

export function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return utc(text).toISOString().slice(0, 10) === text;
}

/** The first day of the date's month: where a report of "the month so far" starts. */
export function firstOfMonth(iso: string): string {
  return `${iso.slice(0, 8)}01`;
}

export function addDays(iso: string, days: number): string {
  const date = utc(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
