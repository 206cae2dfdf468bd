import type { Report } from '../api/types';
import { useSession } from '../auth/session';
import { TableScroll } from '../components/bits';
import { useI18n } from '../i18n/i18n';
import { procedureKindLabel } from '../i18n/procedure-kind';
import { columnLabel, reportOffice, shownColumns } from './report-labels';

type Row = Report['rows'][number];

/**
 * A report as a table: the first column heads its row, numbers are right-aligned with
 * separators, and the totals the server summed close it, to check the chart or a cash book by.
 */
export function ReportTable({ report, caption }: { report: Report; caption: string }) {
  const { t, lang, count, time } = useI18n();
  const { offices } = useSession();
  const cell = (row: Row, key: string, numeric: boolean): string => {
    const value = row[key];
    if (value === undefined || value === '') return '';
    if (numeric) return count(Number(value));
    if (key === 'kind') return procedureKindLabel(t, String(value));
    // The statistics' sex as the CSV writes it (男, 女), in the user's language.
    if (key === 'sex' && report.report === 'statistics') return value === '男' ? t('sex.male') : value === '女' ? t('sex.female') : String(value);
    if (key === 'office') return reportOffice(t, offices, lang, row);
    if (key === 'occurredAt') return time(String(value));
    return String(value);
  };
  const columns = shownColumns(report);
  const [first, ...rest] = columns;
  if (!first) return null;
  return (
    <TableScroll label={caption}>
      <table className="table table--compact table--report">
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.numeric ? 'num' : undefined}>
                {columnLabel(t, lang, report.report, column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row, index) => (
            <tr key={index}>
              <th scope="row" className={first.numeric ? 'num' : undefined}>
                {cell(row, first.key, first.numeric)}
              </th>
              {rest.map((column) => (
                <td key={column.key} className={column.numeric ? 'num' : undefined} data-column={column.key}>
                  {cell(row, column.key, column.numeric)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('reports.total')}</th>
            {rest.map((column) => (
              <td key={column.key} className={column.numeric ? 'num' : undefined} data-column={column.key}>
                {column.numeric ? count(report.totals[column.key] ?? 0) : ''}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
