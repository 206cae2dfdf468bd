import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { answer, api, type Problem } from '../api/client';
import type { Report, ReportName, Response } from '../api/types';
import { useSession } from '../auth/session';
import { Notice } from '../components/bits';
import { ErrorSummary, SelectInput, TextInput, type FieldProblem } from '../components/form';
import { Page } from '../components/layout';
import { addDays, firstOfMonth, todayInJapan } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { ChartCanvas } from './chart-canvas';
import { CsvButtons } from './csv-buttons';
import { saveCsv, type CsvEncoding } from './csv-download';
import { reportChart } from './report-chart';
import { columnLabel, reportOffice, reportTitle } from './report-labels';
import { ReportTable } from './report-table';
import { rangeProblems } from './range-problems';

type ReportList = Response<'/api/v1/reports', 'get'>;

/**
 * The supervisors' reports: pick one and, for most, a range of business dates (the month so far
 * by default); see its chart and always its table, and save it as CSV. The choice lives in the
 * address, so a report can be bookmarked and the back button works.
 */
export function ReportsPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const [list, setList] = useState<ReportList>();
  const today = todayInJapan();
  const asked = params.get('report');
  const name: ReportName = list?.some((entry) => entry.name === asked) ? (asked as ReportName) : 'procedures';
  const ranged = list?.find((entry) => entry.name === name)?.ranged ?? true;
  const monthly = list?.find((entry) => entry.name === name)?.monthly ?? false;
  const from = params.get('from') || firstOfMonth(today);
  const to = params.get('to') || today;
  // A monthly report is of the last whole month unless another is chosen, as the server's default.
  const month = params.get('month') || addDays(firstOfMonth(today), -1).slice(0, 7);

  useEffect(() => {
    void answer(api.GET('/api/v1/reports')).then((result) => setList(result.ok ? result.data : []));
  }, []);

  return (
    <Page title={t('reports.title')} wide>
      <p>{t('reports.intro')}</p>
      {list ? (
        <ReportForm
          key={`${name} ${from} ${to} ${month}`}
          list={list}
          initial={{ name, from, to, month }}
          onSubmit={(next) => {
            const entry = list.find((candidate) => candidate.name === next.name);
            setParams(entry?.ranged ? { report: next.name, from: next.from, to: next.to } : entry?.monthly ? { report: next.name, month: next.month } : { report: next.name });
          }}
        />
      ) : (
        <p>{t('common.loading')}</p>
      )}
      {list ? <ReportView name={name} from={ranged ? from : undefined} to={ranged ? to : undefined} month={monthly ? month : undefined} title={reportTitle(t, lang, name, list.find((entry) => entry.name === name)?.title)} /> : null}
    </Page>
  );
}

type Choice = { name: ReportName; from: string; to: string; month: string };

function ReportForm({ list, initial, onSubmit }: { list: ReportList; initial: Choice; onSubmit: (value: Choice) => void }) {
  const { t, lang } = useI18n();
  const [name, setName] = useState(initial.name);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [month, setMonth] = useState(initial.month);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const ranged = list.find((entry) => entry.name === name)?.ranged ?? false;
  const monthly = list.find((entry) => entry.name === name)?.monthly ?? false;
  return (
    <form
      className="no-print"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const found = ranged
          ? rangeProblems(t, from, to, { from: t('reports.from'), to: t('reports.to') })
          : monthly && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)
            ? [{ field: 'month', message: t('reports.monthInvalid') }]
            : [];
        setProblems(found);
        if (found.length === 0) onSubmit({ name, from, to, month });
      }}
    >
      <ErrorSummary problems={problems} />
      <SelectInput
        name="report"
        label={t('reports.report')}
        value={name}
        onChange={(value) => setName(value as ReportName)}
        options={list.map((entry) => ({ value: entry.name, label: reportTitle(t, lang, entry.name, entry.title) }))}
      />
      {ranged ? (
        <div className="search-form">
          <TextInput name="from" label={t('reports.from')} hint={t('reports.rangeHint')} type="date" value={from} onChange={setFrom} width="medium" error={problems.find((problem) => problem.field === 'from')?.message} />
          <TextInput name="to" label={t('reports.to')} type="date" value={to} onChange={setTo} width="medium" error={problems.find((problem) => problem.field === 'to')?.message} />
        </div>
      ) : monthly ? (
        <TextInput name="month" label={t('reports.month')} hint={t('reports.monthHint')} type="month" value={month} onChange={setMonth} width="medium" error={problems.find((problem) => problem.field === 'month')?.message} />
      ) : (
        <p className="hint">{t('reports.notRanged')}</p>
      )}
      <div className="actions">
        <button type="submit" className="button">
          {t('reports.show')}
        </button>
      </div>
    </form>
  );
}

function ReportView({ name, from, to, month, title }: { name: ReportName; from: string | undefined; to: string | undefined; month: string | undefined; title: string }) {
  const { t, lang, money, error } = useI18n();
  const { offices } = useSession();
  const [shown, setShown] = useState<{ report: Report } | { problem: Problem }>();
  useEffect(() => {
    let current = true;
    setShown(undefined);
    void answer(api.GET('/api/v1/reports/{name}', { params: { path: { name }, query: { ...(from && { from }), ...(to && { to }), ...(month && { month }) } } })).then((result) => {
      if (current) setShown(result.ok ? { report: result.data } : { problem: result.problem });
    });
    return () => {
      current = false;
    };
  }, [name, from, to, month]);
  const report = shown && 'report' in shown ? shown.report : undefined;
  const chart = useMemo(
    () => (report ? reportChart(report, (row) => reportOffice(t, offices, lang, row), money) : null),
    [report, t, lang, offices, money],
  );
  const seriesLabel = useCallback(
    (key: string) => {
      const column = report?.columns.find((candidate) => candidate.key === key);
      return report && column ? columnLabel(t, lang, report.report, column) : key;
    },
    [report, t, lang],
  );
  const save = (encoding: CsvEncoding) =>
    saveCsv(
      api.GET('/api/v1/reports/{name}', {
        params: { path: { name }, query: { ...(from && { from }), ...(to && { to }), ...(month && { month }), encoding } },
        headers: { Accept: 'text/csv' },
        parseAs: 'blob',
      }),
      month ? `${name}-${month}.csv` : `${name}.csv`,
    );

  if (!shown) return <p role="status">{t('common.loading')}</p>;
  if ('problem' in shown) return <Notice tone="warning">{error(shown.problem.code, shown.problem.detail)}</Notice>;
  const period =
    shown.report.from && shown.report.to
      ? month
        ? t('reports.monthPeriod', { month: shown.report.from.slice(0, 7), from: shown.report.from, to: shown.report.to })
        : t('reports.period', { from: shown.report.from, to: shown.report.to })
      : null;
  const caption = period ? `${title}（${period}）` : title;
  return (
    <section className="report" aria-labelledby="report-title">
      <h2 id="report-title">{title}</h2>
      {period ? <p>{period}</p> : null}
      <CsvButtons save={save} />
      {shown.report.rows.length === 0 ? (
        <p>{t('reports.empty')}</p>
      ) : (
        <div className="report__body">
          {chart ? (
            <div className="report__chart">
              <h3>{t('reports.chart')}</h3>
              <ChartCanvas spec={chart} label={t(chart.summary.key, chart.summary.params)} seriesLabel={seriesLabel} />
            </div>
          ) : null}
          <div className="report__table">
            <h3>{t('reports.table')}</h3>
            <ReportTable report={shown.report} caption={caption} />
          </div>
        </div>
      )}
    </section>
  );
}
