import type { Report, ReportName } from '../api/types';
import type { useI18n } from '../i18n/i18n';
import { MESSAGES, type MessageKey } from '../i18n/messages';

type Translate = ReturnType<typeof useI18n>['t'];

const known = (key: string): key is MessageKey => key in MESSAGES;


/**
 * A report's title: the server's own Japanese, or the English of its name. The server's words
 * win in Japanese because they also head its CSV file, which the supervisor compares with.
 */
export function reportTitle(t: Translate, lang: 'ja' | 'en', name: ReportName, serverTitle: string | undefined): string {
  if (lang === 'ja' && serverTitle) return serverTitle;
  const key = `report.${name}`;
  return known(key) ? t(key) : (serverTitle ?? name);
}

/**
 * A column's heading: the server's Japanese label, or the English of its key. `total` means a
 * sum of cards in one report and of yen in another, so a report's own key comes first.
 */
export function columnLabel(t: Translate, lang: 'ja' | 'en', report: ReportName, column: Report['columns'][number]): string {
  if (lang === 'ja') return column.label;
  for (const key of [`reportColumn.${report}.${column.key}`, `reportColumn.${column.key}`, `cardStatus.${column.key}`]) if (known(key)) return t(key);
  return column.label;
}
