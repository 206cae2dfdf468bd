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
 * A phone number as it is searched: its digits only, whether typed with hyphens, spaces or
 * full-width digits (０３－５６６２ → 035662).
 */
export function phoneDigits(text: string): string {
  return text.normalize('NFKC').replace(/\D/g, '');
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
