import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { answer, api } from '../api/client';
import type { JobRun } from '../api/types';
import { DateText, StatusTag, TableScroll } from '../components/bits';
import { Page } from '../components/layout';
import { useI18n } from '../i18n/i18n';
import { seconds, SWEEP_COUNTS } from './sweep-run';

/** The recent runs of the nightly sweep, newest first, for a supervisor checking the nights. */
export function SweepRunsPage() {
  const { t, time, count } = useI18n();
  const [runs, setRuns] = useState<JobRun[]>();
  useEffect(() => {
    void answer(api.GET('/api/v1/jobs/sweep/runs')).then((result) => setRuns(result.ok ? result.data : []));
  }, []);
  return (
    <Page title={t('sweep.history')} wide>
      <p>{t('sweep.historyIntro')}</p>
      {runs === undefined ? <p>{t('common.loading')}</p> : runs.length === 0 ? <p>{t('sweep.noRuns')}</p> : null}
      {runs?.length ? (
        <TableScroll label={t('sweep.history')}>
          <table className="table table--compact">
            <caption className="visually-hidden">{t('sweep.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sweep.startedAt')}</th>
                <th scope="col">{t('sweep.businessDate')}</th>
                <th scope="col">{t('sweep.status')}</th>
                {SWEEP_COUNTS.map((key) => (
                  <th scope="col" className="num" key={key}>
                    {t(`sweepCount.${key}`)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('sweep.duration')}
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => {
                const duration = seconds(run.durationMs);
                return (
                  <tr key={run.id}>
                    <th scope="row">{time(run.startedAt)}</th>
                    <td>
                      <DateText value={run.businessDate} />
                    </td>
                    <td>
                      <StatusTag status={run.status} kind="sweep" />
                      {run.error ? <p className="secondary">{run.error}</p> : null}
                    </td>
                    {SWEEP_COUNTS.map((key) => (
                      <td className="num" key={key}>
                        {count(run.counts[key] ?? 0)}
                      </td>
                    ))}
                    <td className="num">{duration === null ? '—' : t('sweep.seconds', { seconds: duration })}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <p>
        <Link to="/dashboard">{t('sweep.back')}</Link>
      </p>
    </Page>
  );
}
