import type { JobRun } from '../api/types';
import { StatusTag, SummaryList } from '../components/bits';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { seconds, sweepCountKeys } from './sweep-run';

/** One run of the sweep: when, for which business day, how it ended, what it changed, how long it took. */
export function SweepSummary({ run }: { run: JobRun }) {
  const { t, date, time, count } = useI18n();
  const duration = seconds(run.durationMs);
  return (
    <SummaryList
      rows={[
        [t('sweep.startedAt'), time(run.startedAt)],
        [t('sweep.businessDate'), date(run.businessDate)],
        [t('sweep.status'), <StatusTag status={run.status} kind="sweep" />],
        [
          t('sweep.counts'),
          <ul className="plain-list counts">
            {sweepCountKeys(run).map((key) => (
              <li key={key}>
                {t(`sweepCount.${key}` as MessageKey)}：<strong>{count(run.counts[key] ?? 0)}</strong>
              </li>
            ))}
          </ul>,
        ],
        [t('sweep.duration'), duration === null ? '—' : t('sweep.seconds', { seconds: duration })],
        ...(run.error ? ([[t('sweep.error'), run.error]] as const) : []),
      ]}
    />
  );
}
