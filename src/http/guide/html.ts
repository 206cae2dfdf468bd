import { JAPANESE_MARK, RUBY_MARK } from '../../app/guide/rich-text.ts';

/** HTML that is already safe to send: markup built here, or text that went through `escapeHtml`. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

type Value = SafeHtml | string | number | boolean | null | undefined | readonly Value[];

function render(value: Value): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false || value === true) return '';
  return escapeHtml(String(value));
}

/** A template whose every interpolated value is escaped unless it is SafeHtml: nothing reaches the page unescaped. */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0]!;
  for (let index = 0; index < values.length; index += 1) out += render(values[index]!) + strings[index + 1]!;
  return new SafeHtml(out);
}

const PHONE = /(?<![\d-])0\d{1,4}-\d{1,4}-\d{4}(?![\d-])/g;

/**
 * A phone number as a link a phone can call, written with non-breaking hyphens (U+2011) so that it
 * never wraps at a hyphen (the .tel style says nowrap as well).
 */
export function phoneLink(phone: string): SafeHtml {
  return html`<a class="tel" href="tel:${phone.replace(/-/g, '')}">${phone.replace(/-/g, '\u2011')}</a>`;
}

/**
 * A catalogue text as HTML: escaped first, then its marks turned into markup — ruby (without
 * <rp> brackets: every browser the guide serves renders ruby, and the brackets cost a やさしい日本語
 * page some 6 KB of its 40 KB budget), Japanese terms inside another language in
 * lang="ja" (WCAG 3.1.2), and phone numbers as tel: links.
 */
export function richHtml(text: string): SafeHtml {
  const escaped = escapeHtml(text)
    .replace(RUBY_MARK, '<ruby>$1<rt>$2</rt></ruby>')
    .replace(JAPANESE_MARK, '<span lang="ja">$1</span>')
    .replace(PHONE, (phone) => phoneLink(phone).value);
  return new SafeHtml(escaped);
}
