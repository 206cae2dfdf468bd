import { GUIDE_MESSAGES, type GuideMessage } from '../../../domain/guide/guide-text.ts';
import { UI_MESSAGES, type UiMessage } from '../ui-text.ts';

/** Every text of the guide, keyed by its Japanese original (the domain's sentences and the pages' words). */
export type MessageKey = GuideMessage | UiMessage;

/**
 * One language's texts. A catalogue is written as an object literal `satisfies Catalogue`, so the
 * compiler refuses a missing key, an unknown key and a key given twice; catalogue.test.ts checks
 * the same at run time, and that every translation keeps the original's `{parameters}`.
 *
 * Marks inside a text: `[漢字|かんじ]` is ruby (やさしい日本語), `«…»` a Japanese term kept beside a
 * translation (shown with lang="ja"), `{name}` a value filled in per answer.
 */
export type Catalogue = { readonly [K in MessageKey]: string };

export const MESSAGE_KEYS: readonly MessageKey[] = [...new Set<MessageKey>([...GUIDE_MESSAGES, ...UI_MESSAGES])];
