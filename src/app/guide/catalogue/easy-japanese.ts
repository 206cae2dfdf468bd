import { JAPANESE_MARK, PARAMETER, RUBY_MARK } from '../rich-text.ts';

/**
 * The measurable rules of the guide's やさしい日本語 (issue 13 item 4b; the principles of
 * 「在留支援のためのやさしい日本語ガイドライン」, 出入国在留管理庁・文化庁 2020: short sentences,
 * one thing each, hard words explained). easy-japanese.test.ts holds every ja-easy text to them.
 *
 * - **Sentence length** (decision, measured on the texts): at most SENTENCE_LIMIT characters per
 *   sentence, counted as a reader sees them without the ruby readings and without the spaces that
 *   part the words. A sentence ends at 。！？ outside brackets, so an explanation in brackets
 *   counts with the sentence it explains. A date parameter counts as DATE_LENGTH (its longest
 *   form on a page, 2026年12月31日（木曜日）), any other parameter as OTHER_PARAMETER_LENGTH.
 * - **One date per instruction**: at most one date parameter in a sentence.
 * - **Hard terms explained**: a text that uses one of HARD_TERMS in a sentence explains it there
 *   — in brackets right after the term, or in a sentence of its own that begins with the term
 *   (「[転入届|てんにゅうとどけ]は、…です。」). Titles, labels and checklist lines (no 。) name the
 *   term only; the answer's sentences explain it.
 */
export const SENTENCE_LIMIT = 45;
export const DATE_LENGTH = 16;
export const OTHER_PARAMETER_LENGTH = 4;

/** The parameters that are filled in with a date. */
export const DATE_PARAMETERS: ReadonlySet<string> = new Set(['date', 'filed', 'closedDate', 'plannedDate', 'from', 'to', 'today']);

/** Terms a resident must be told about, not just shown (issue 13 item 4b). */
export const HARD_TERMS: readonly string[] = [
  '署名用電子証明書',
  '利用者証明用電子証明書',
  '住民基本台帳事務用',
  '暗証番号',
  '転入届',
  '転出届',
  '転居届',
  '継続利用',
  '追記欄',
  '一時停止',
  '法定代理人',
  '成年被後見人',
];

const DATE_MARK = '\u{F0000}';
const OTHER_MARK = '\u{F0001}';

/** The text as a reader sees it: ruby base text only, marks taken off, parameters as placeholders. */
function seen(text: string): string {
  return text
    .replace(RUBY_MARK, '$1')
    .replace(JAPANESE_MARK, '$1')
    .replace(PARAMETER, (_, name: string) => (DATE_PARAMETERS.has(name) ? DATE_MARK : OTHER_MARK))
    .replace(/\s+/g, '');
}

/** The sentences of a text, as a reader sees them: split after 。！？ that stand outside brackets. */
export function easySentences(text: string): string[] {
  const sentences: string[] = [];
  let depth = 0;
  let current = '';
  for (const character of seen(text)) {
    current += character;
    if ('（「'.includes(character)) depth += 1;
    else if ('）」'.includes(character)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && '。！？'.includes(character)) {
      sentences.push(current);
      current = '';
    }
  }
  if (current !== '') sentences.push(current);
  return sentences;
}

/** A sentence's length by the rule above. */
export function sentenceLength(sentence: string): number {
  let length = 0;
  for (const character of sentence) length += character === DATE_MARK ? DATE_LENGTH : character === OTHER_MARK ? OTHER_PARAMETER_LENGTH : 1;
  return length;
}

export function datesIn(sentence: string): number {
  return [...sentence].filter((character) => character === DATE_MARK).length;
}

/** A sentence shown for reports: parameters as 〈日付〉 and 〈…〉. */
export function shown(sentence: string): string {
  return sentence.replaceAll(DATE_MARK, '〈日付〉').replaceAll(OTHER_MARK, '〈…〉');
}

/**
 * The hard terms a text uses in its sentences without explaining them: neither followed by an
 * explanation in brackets nor the subject of a sentence of their own (「…は、」).
 */
export function unexplainedTerms(text: string): string[] {
  const plain = seen(text);
  if (!/[。！？]/u.test(plain)) return [];
  const sentences = easySentences(text);
  return HARD_TERMS.filter((term) => {
    // Another word holding this one (国外継続利用 holds 継続利用) is not this term.
    const rest = [...HARD_TERMS, ...COMPOUNDS].filter((other) => other !== term && other.includes(term)).reduce((remaining, other) => remaining.replaceAll(other, '\u{F0002}'), plain);
    const at = rest.indexOf(term);
    if (at < 0) return false;
    const before = rest.slice(0, at);
    const after = rest.slice(at + term.length);
    // Explained in brackets right after it, or named in brackets after its explanation: 「カードを とめて もらいます（一時停止）」.
    if (after.startsWith('（') || after.startsWith('」（') || (before.endsWith('（') && after.startsWith('）'))) return false;
    return !sentences.some((sentence) => sentence.startsWith(`${term}は`) || sentence.startsWith(`「${term}」は`));
  });
}

/** Words that hold a hard term but are terms of their own, explained where they are used (国外継続利用, 国外転出届). */
const COMPOUNDS: readonly string[] = ['国外継続利用', '国外転出届'];
