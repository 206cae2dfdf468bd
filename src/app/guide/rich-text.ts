/**
 * The marks a catalogue text may carry (see catalogue.ts): `[漢字|かんじ]` ruby, `«…»` a Japanese term
 * inside another language, `{name}` a parameter. The pages turn the first two into HTML; the API
 * gives plain text, ruby as 漢字（かんじ）.
 */
export const RUBY_MARK = /\[([^[\]|]+)\|([^[\]|]+)\]/g;
export const JAPANESE_MARK = /«([^«»]*)»/g;
export const PARAMETER = /\{([A-Za-z]+)\}/g;

/** The text without marks: ruby becomes 漢字（かんじ）, a marked Japanese term stays as it is. */
export function plainText(rich: string): string {
  return rich.replace(RUBY_MARK, '$1（$2）').replace(JAPANESE_MARK, '$1');
}

/** The parameters a text uses, sorted, for comparing a translation with its original. */
export function parametersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PARAMETER)].map((match) => match[1]!))].sort();
}

/** Fills `{name}` with its value; a parameter without a value is a bug in the caller, not a text to show. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PARAMETER, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}} in "${template}"`);
    return value;
  });
}

/**
 * Ruby for the words of `readings` found in a text that came from data (an office name, a date, a
 * holiday), longest word first; text already marked is left alone.
 */
export function annotate(text: string, readings: Readonly<Record<string, string>>): string {
  const pattern = patternOf(readings);
  return pattern ? text.replace(pattern, (match) => (match.startsWith('[') ? match : `[${match}|${readings[match]}]`)) : text;
}

/** The pattern of a table of readings, built once per table: annotate runs for every date and name of a page. */
const PATTERNS = new WeakMap<Readonly<Record<string, string>>, RegExp | null>();

function patternOf(readings: Readonly<Record<string, string>>): RegExp | null {
  let pattern = PATTERNS.get(readings);
  if (pattern === undefined) {
    const words = Object.keys(readings).sort((a, b) => b.length - a.length);
    pattern = words.length === 0 ? null : new RegExp(`\\[[^\\]]*\\]|${words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}`, 'g');
    PATTERNS.set(readings, pattern);
  }
  return pattern;
}
