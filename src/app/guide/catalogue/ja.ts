import { MESSAGE_KEYS, type Catalogue, type MessageKey } from './catalogue.ts';

/** Japanese: the keys are the Japanese originals, so each text is its own key. */
export const ja: Catalogue = Object.fromEntries(MESSAGE_KEYS.map((key) => [key, key])) as Record<MessageKey, string>;
