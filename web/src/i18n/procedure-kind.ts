import type { useI18n } from './i18n';
import { MESSAGES, type MessageKey } from './messages';

const known = (key: string): key is MessageKey => key in MESSAGES;

/** A procedure kind in the user's language, or its code when the server has a kind newer than this build. */
export function procedureKindLabel(t: ReturnType<typeof useI18n>['t'], kind: string): string {
  const key = `procedureKind.${kind}`;
  return known(key) ? t(key) : kind;
}
