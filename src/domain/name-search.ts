export { isKana } from '../rules/resident-formats.ts';

/**
 * The form names are searched in: NFKC (full-width letters and half-width kana made regular),
 * hiragana as katakana, no spaces. A clerk typing やまだ, ﾔﾏﾀﾞ or ヤマダ finds 山田 (ヤマダ).
 */
export function searchForm(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u3041-\u3096]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0x60))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
}

/**
 * A reading (フリガナ) as the register keeps it: full-width katakana, whatever was typed or
 * imported (ひらがな, half-width ｶﾅ), with single spaces.
 */
export function readingForm(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u3041-\u3096]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0x60))
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}
