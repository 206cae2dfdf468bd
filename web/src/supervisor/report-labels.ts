import type { Offices, Report, ReportName } from '../api/types';
import { officeLabel } from '../components/office';
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
  // The screen shows a time in Japan time, and says so; the CSV keeps the instant as the server wrote it.
  if (column.key === 'occurredAt') return t('reportColumn.occurredAt');
  if (lang === 'ja') return column.label;
  for (const key of [`reportColumn.${report}.${column.key}`, `reportColumn.${column.key}`, `cardStatus.${column.key}`]) if (known(key)) return t(key);
  return column.label;
}

/** The office ids of report rows that are no counter of the city (src/app/reports.ts). */
const NOT_A_COUNTER: Record<string, MessageKey> = { system: 'reports.systemOffice', 'other-municipality': 'reports.otherMunicipality' };

/**
 * The office of a report's row by its name in the user's language: a counter or the hotline from
 * the directory, the nightly job, the other municipalities whose cards were taken over; never an id.
 */
export function reportOffice(t: Translate, offices: Offices | undefined, lang: 'ja' | 'en', row: Report['rows'][number]): string {
  const id = row.officeId;
  if (typeof id !== 'string') return String(row.office ?? '');
  const special = NOT_A_COUNTER[id];
  if (special) return t(special);
  const label = officeLabel(offices, id, lang);
  return label === id && typeof row.office === 'string' ? row.office : label;
}

/**
 * The columns a report shows on screen: the office's id, for machines, stays in the CSV, as does
 * the statistics' month, which is the same on every row and heads the table instead.
 */
export function shownColumns(report: Report): Report['columns'] {
  return report.columns.filter((column) => column.key !== 'officeId' && !(report.report === 'statistics' && column.key === 'month'));
}
