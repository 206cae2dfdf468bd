import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { answer, api, type Problem } from '../api/client';
import type { Dashboard } from '../api/types';
import { useSession } from '../auth/session';
import { Notice, StatusTag } from '../components/bits';
import { Page } from '../components/layout';
import { useI18n } from '../i18n/i18n';
import { procedureKindLabel } from '../i18n/procedure-kind';
import { SweepPanel } from './sweep-panel';

/**
 * A supervisor's start page (auditors read it too): what the counters did today, what waits for
 * a decision, how many cards are in each state, and how the night's sweep went.
 */
export function DashboardPage() {
  const { t, date, money, count, error } = useI18n();
  const { permissions } = useSession();
  const [dashboard, setDashboard] = useState<Dashboard | { problem: Problem }>();
  const load = useCallback(async () => {
    const result = await answer(api.GET('/api/v1/reports/dashboard'));
    setDashboard(result.ok ? result.data : { problem: result.problem });
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  if (!dashboard) return <Page title={t('dashboard.title')}><p>{t('common.loading')}</p></Page>;
  if ('problem' in dashboard) {
    return (
      <Page title={t('dashboard.title')}>
        <Notice tone="warning">{error(dashboard.problem.code, dashboard.problem.detail)}</Notice>
      </Page>
    );
  }
  const byKind = Object.entries(dashboard.proceduresByKind).sort(([, a], [, b]) => b - a);
  const cards = Object.entries(dashboard.cardsByStatus);
  return (
    <Page title={t('dashboard.title')} wide>
      {dashboard.auditAlert ? (
        <Notice tone="warning" title={t('dashboard.auditAlert')}>
          <p data-alert="audit">{t(`dashboard.auditAlert.${dashboard.auditAlert.reason}`, { n: dashboard.auditAlert.checkpoint ?? '—' })}</p>
          <p className="mono">{dashboard.auditAlert.detail}</p>
          <p>{t('dashboard.auditAlertAction')}</p>
        </Notice>
      ) : null}
      <p className="lead">{t('dashboard.intro', { date: date(dashboard.today) })}</p>
      <section aria-labelledby="counts-title">
        <h2 id="counts-title">{t('dashboard.counts')}</h2>
        <dl className="figures">
          <div className="figure">
            <dt className="figure__label">{t('dashboard.procedures')}</dt>
            <dd className="figure__value" data-figure="procedures">{t('dashboard.cases', { count: count(dashboard.procedures) })}</dd>
          </div>
          <div className="figure">
            <dt className="figure__label">{t('dashboard.suspensions')}</dt>
            <dd className="figure__value" data-figure="suspensions">{t('dashboard.cases', { count: count(dashboard.suspensions) })}</dd>
          </div>
          <div className="figure">
            <dt className="figure__label">{t('dashboard.resumptions')}</dt>
            <dd className="figure__value" data-figure="resumptions">{t('dashboard.cases', { count: count(dashboard.resumptions) })}</dd>
          </div>
          <div className="figure">
            <dt className="figure__label">{t('dashboard.fees')}</dt>
            <dd className="figure__value" data-figure="fees">
              {money(dashboard.fees.total)}
              <span className="figure__note">{t('dashboard.receipts', { count: count(dashboard.fees.receipts) })}</span>
            </dd>
          </div>
          <div className={dashboard.pendingApprovals > 0 ? 'figure figure--attention' : 'figure'}>
            <dt className="figure__label">{t('dashboard.pending')}</dt>
            <dd className="figure__value" data-figure="pending">
              {t('dashboard.cases', { count: count(dashboard.pendingApprovals) })}
              {permissions.includes('approval.decide') ? (
                <Link className="figure__note" to="/approvals">
                  {t('dashboard.openApprovals')}
                </Link>
              ) : null}
            </dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="pickup-title">
        <h2 id="pickup-title">{t('dashboard.pickup')}</h2>
        <dl className="figures">
          <div className="figure">
            <dt className="figure__label">{t('dashboard.deliveredThisWeek')}</dt>
            <dd className="figure__value" data-figure="delivered">{t('dashboard.cardsCount', { count: count(dashboard.pickup.deliveredThisWeek) })}</dd>
          </div>
          <div className="figure">
            <dt className="figure__label">{t('dashboard.waiting')}</dt>
            <dd className="figure__value" data-figure="waiting">
              {t('dashboard.cardsCount', { count: count(dashboard.pickup.waiting) })}
              <Link className="figure__note" to="/reports?report=pickup-waiting">
                {t('dashboard.waitingByAge')}
              </Link>
            </dd>
          </div>
          <div className="figure">
            <dt className="figure__label">{t('dashboard.bookedToday')}</dt>
            <dd className="figure__value" data-figure="booked-today">{t('dashboard.bookingsCount', { count: count(dashboard.pickup.bookedToday) })}</dd>
          </div>
          <div className={dashboard.pickup.discardSoon > 0 ? 'figure figure--attention' : 'figure'}>
            <dt className="figure__label">{t('dashboard.discardSoon')}</dt>
            <dd className="figure__value" data-figure="discard-soon">
              {t('dashboard.cardsCount', { count: count(dashboard.pickup.discardSoon) })}
              <Link className="figure__note" to="/reports?report=pickup-discard-soon">
                {t('dashboard.discardSoonList')}
              </Link>
            </dd>
          </div>
          <div className="figure">
            <dt className="figure__label">{t('dashboard.uncollected')}</dt>
            <dd className="figure__value" data-figure="uncollected">{t('dashboard.cardsCount', { count: count(dashboard.pickup.uncollectedThisMonth) })}</dd>
          </div>
        </dl>
      </section>
      <div className="columns">
        <section className="column" aria-labelledby="kinds-title">
          <h2 id="kinds-title">{t('dashboard.byKind')}</h2>
          {byKind.length === 0 ? (
            <p>{t('dashboard.noProcedures')}</p>
          ) : (
            <table className="table table--compact">
              <caption className="visually-hidden">{t('dashboard.byKind')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.kind')}</th>
                  <th scope="col" className="num">
                    {t('dashboard.count')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {byKind.map(([kind, n]) => (
                  <tr key={kind}>
                    <th scope="row">{procedureKindLabel(t, kind)}</th>
                    <td className="num">{count(n)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="column" aria-labelledby="cards-title">
          <h2 id="cards-title">{t('dashboard.cards')}</h2>
          <table className="table table--compact">
            <caption className="visually-hidden">{t('dashboard.cards')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.status')}</th>
                <th scope="col" className="num">
                  {t('dashboard.cardCount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {cards.map(([status, n]) => (
                <tr key={status}>
                  <th scope="row">
                    <StatusTag status={status} />
                  </th>
                  <td className="num">{count(n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <Link to="/reports?report=cards-by-status">{t('dashboard.reports')}</Link>
          </p>
        </section>
      </div>
      <SweepPanel last={dashboard.lastSweep} today={dashboard.today} canRun={permissions.includes('job.run')} onRan={load} />
    </Page>
  );
}
