import type { Lang } from '../lang.ts';
import type { Catalogue } from './catalogue.ts';
import { en } from './en.ts';
import { ja } from './ja.ts';
import { jaEasy } from './ja-easy.ts';
import { ko } from './ko.ts';
import { vi } from './vi.ts';
import { zhHans } from './zh-hans.ts';

export { EASY_READINGS } from './ja-easy.ts';

/** One catalogue per language of the guide; the compiler demands every language. */
export const CATALOGUES = {
  ja,
  'ja-easy': jaEasy,
  en,
  'zh-Hans': zhHans,
  ko,
  vi,
} as const satisfies Record<Lang, Catalogue>;
