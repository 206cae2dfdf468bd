import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { answer, api } from '../api/client';
import type { JobRun } from '../api/types';
import { Notice } from '../components/bits';
import { useI18n } from '../i18n/i18n';
import { sweepWarning } from './sweep-run';
import { SweepSummary } from './sweep-summary';

/**
 * The last sweep at a glance, with a warning when it failed, was cut short or has not run for
 * today; a supervisor may run it now (after confirming), which is safe to repeat.
 */
export function SweepPanel({ last, today, canRun, onRan }: { last: JobRun | null; today: string; canRun: boolean; onRan: () => Promise<void> }) {
  const { t, date, error } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [working, setWorking] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'warning'; text: string }>();
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  const warning = sweepWarning(last, today);

  const run = async () => {
    setWorking(true);
    const result = await answer(api.POST('/api/v1/jobs/sweep/run', { body: {} }));
    setWorking(false);
    setConfirming(false);
    if (result.ok) {
      const counts = result.data.counts;
      setMessage({
        tone: 'success',
        text: t('sweep.done', { date: result.data.businessDate, abolished: counts.abolished ?? 0, expired: counts.expired ?? 0, certificatesExpired: counts.certificatesExpired ?? 0 }),
      });
    } else {
      setMessage({ tone: 'warning', text: error(result.problem.code, result.problem.detail) });
    }
    await onRan();
  };

  return (
    <section className={warning && warning !== 'sweep.running' ? 'card-panel card-panel--warning' : 'card-panel'} aria-labelledby="sweep-title">
      <h2 id="sweep-title">{t('sweep.title')}</h2>
      {warning ? (
        <Notice tone={warning === 'sweep.running' ? 'info' : 'warning'}>{t(warning, { date: date(today) })}</Notice>
      ) : null}
      {last ? (
        <>
          <h3>{t('sweep.last')}</h3>
          <SweepSummary run={last} />
        </>
      ) : null}
      <div aria-live="polite">{message ? <Notice tone={message.tone}>{message.text}</Notice> : null}</div>
      {canRun && confirming ? (
        <div className="confirm" role="group" aria-labelledby="sweep-confirm-title">
          <h3 id="sweep-confirm-title">{t('sweep.confirmTitle')}</h3>
          <p>{t('sweep.confirm', { date: date(today) })}</p>
          <div className="actions">
            <button type="button" className="button" ref={confirmButton} disabled={working} onClick={() => void run()}>
              {working ? t('sweep.working') : t('sweep.confirmRun')}
            </button>
            <button type="button" className="button button--secondary" disabled={working} onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      <div className="actions">
        {canRun && !confirming ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              setMessage(undefined);
              setConfirming(true);
            }}
          >
            {t('sweep.run')}
          </button>
        ) : null}
        <Link className="button button--secondary" to="/dashboard/sweeps">
          {t('sweep.history')}
        </Link>
      </div>
    </section>
  );
}
