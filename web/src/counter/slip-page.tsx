import { Link, useParams } from 'react-router';
import { Notice, SummaryList } from '../components/bits';
import { Page } from '../components/layout';
import { useI18n } from '../i18n/i18n';
import { loadSlip } from './slip-store';

/**
 * The confirmation of a procedure, and its slip for the resident (print stylesheet: one page): what
 * was done, by whom, when in Japan's time and under which reference, the fee once, and what comes next.
 * A slip printed again from the resident's history is the same slip, marked as a copy.
 */
export function SlipPage() {
  const { id } = useParams();
  const { t, money, time } = useI18n();
  const slip = id ? loadSlip(id) : undefined;
  if (!slip) {
    return (
      <Page title={t('slip.missing')}>
        <Link to="/residents">{t('nav.search')}</Link>
      </Page>
    );
  }
  const toResident = slip.residentId ? `/residents/${slip.residentId}` : undefined;
  const rows: (readonly [string, string])[] = [
    ...slip.lines,
    ...(slip.clerk ? ([[t('slip.clerk'), slip.clerk]] as const) : []),
    [t('slip.time'), time(slip.at)],
    ...(slip.reference ? ([[t('slip.reference'), slip.reference]] as const) : []),
  ];
  return (
    <Page title={slip.reprint ? t('slip.reprintTitle', { title: slip.title }) : t('slip.done', { title: slip.title })}>
      {slip.reprint ? <Notice>{t('slip.reprinted')}</Notice> : <Notice tone="success">{t('slip.recorded')}</Notice>}
      <article className="slip" aria-labelledby="slip-title">
        <h2 id="slip-title" className="slip__title">
          {t('slip.heading')}
          {slip.reprint ? `（${t('slip.copy')}）` : null}
        </h2>
        <SummaryList rows={rows} />
        {slip.fee !== undefined ? (
          <p className="slip__fee">
            {t('slip.fee')}：<strong>{money(slip.fee)}</strong>
            {slip.receiptNumber ? <span className="slip__receipt">{`${t('slip.receiptNumber')}：${slip.receiptNumber}`}</span> : null}
          </p>
        ) : null}
        {slip.next.length ? (
          <>
            <h3>{t('slip.next')}</h3>
            <ol className="slip__next">
              {slip.next.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ol>
          </>
        ) : null}
        <p className="slip__footer">{t('slip.footer')}</p>
      </article>
      <div className="actions no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('slip.print')}
        </button>
        {slip.link ? (
          <Link className="button button--secondary" to={slip.link.to}>
            {slip.link.label}
          </Link>
        ) : null}
        {toResident && slip.link?.to !== toResident ? (
          <Link className="button button--secondary" to={toResident}>
            {t('slip.backToResident')}
          </Link>
        ) : null}
        <Link className="button button--secondary" to="/residents">
          {t('nav.search')}
        </Link>
      </div>
    </Page>
  );
}
