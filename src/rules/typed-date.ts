import { daysInMonth, formatPlainDate, type PlainDate } from './plain-date.ts';

/**
 * The eras of the 和暦 a birth date is said in, by their letter and name, with their first day
 * (元号法; 明治 from the solar calendar's first day, 明治6年). A date belongs to the era it falls in: 昭和64年
 * ends on 1989-01-07, and 平成元年 begins on 1989-01-08.
 */
const ERAS = [
  { letter: 'M', name: '明治', firstYear: 1868, start: '1873-01-01' },
  { letter: 'T', name: '大正', firstYear: 1912, start: '1912-07-30' },
  { letter: 'S', name: '昭和', firstYear: 1926, start: '1926-12-25' },
  { letter: 'H', name: '平成', firstYear: 1989, start: '1989-01-08' },
  { letter: 'R', name: '令和', firstYear: 2019, start: '2019-05-01' },
] as const;

const ERA = new RegExp(`^(?:(${ERAS.map((era) => era.letter).join('|')})|(${ERAS.map((era) => era.name).join('|')}))(元|\\d{1,2})`, 'i');

function dayOf(year: number, month: number, day: number): PlainDate | undefined {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return formatPlainDate(year, month, day);
}

/**
 * A date as a clerk types it, or a caller says it: 2026-11-26, 2026/11/26, 2026年11月26日, or in
 * the 和暦 with the era's letter or name (S55.5.31, s55/5/31, 昭和55年5月31日, 令和元年5月1日).
 * Full-width digits count. A date that does not exist, or lies outside its era, is none.
 */
export function parseTypedDate(text: string): PlainDate | undefined {
  const typed = text.normalize('NFKC').trim();
  const western = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(typed);
  if (western) return dayOf(Number(western[1]), Number(western[2]), Number(western[3]));
  const era = ERA.exec(typed);
  if (!era) return undefined;
  const rest = /^年?[-/.]?(\d{1,2})[-/.月](\d{1,2})日?$/.exec(typed.slice(era[0].length));
  if (!rest) return undefined;
  const index = ERAS.findIndex((candidate) => candidate.letter === era[1]?.toUpperCase() || candidate.name === era[2]);
  const { start, firstYear } = ERAS[index]!;
  const year = firstYear + (era[3] === '元' ? 1 : Number(era[3])) - 1;
  const date = dayOf(year, Number(rest[1]), Number(rest[2]));
  if (date === undefined || date < start) return undefined;
  const next = ERAS[index + 1];
  return next && date >= next.start ? undefined : date;
}

/** Where a date starts right after another word: an era and a year, or a western year and its separator. */
const GLUED_DATE = new RegExp(`(?<=[^\\s\\d])(?=(?:[${ERAS.map((era) => era.letter).join('')}]|${ERAS.map((era) => era.name).join('|')})(?:元|\\d)|\\d{4}[-/.年])`, 'gi');

/**
 * What is said in one search box: a date anywhere among the words (a birth date, western or
 * 和暦) taken out, and the rest of the words (the name) as they were. `ヤマダ S55.5.31` is the
 * name ヤマダ born on 1980-05-31.
 */
export function splitTypedDate(text: string): { readonly rest: string; readonly date: PlainDate | undefined } {
  // A date typed straight after the name, with no space (シシボネS55.5.31), is a word of its own.
  const spaced = text.normalize('NFKC').replace(GLUED_DATE, ' ');
  const words = spaced.split(/[\s\u3000]+/).filter(Boolean);
  const at = words.findIndex((word) => parseTypedDate(word) !== undefined);
  if (at < 0) return { rest: text.trim(), date: undefined };
  return { rest: words.filter((_, index) => index !== at).join(' '), date: parseTypedDate(words[at]!) };
}
