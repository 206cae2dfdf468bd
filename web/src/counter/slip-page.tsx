import { Link, useParams } from 'react-router';
import { Notice, SummaryList } from '../components/bits';
import { Page } from '../components/layout';
import { useI18n } from '../i18n/i18n';
import { loadSlip } from './slip-store';

/** The confirmation of a procedure, and its slip for the resident (print stylesheet: one page). */
export function SlipPage() {
  const { id } = useParams();
  const { t, money } = useI18n();
  const slip = id ? loadSlip(id) : undefined;
  if (!slip) {
    return (
      <Page title={t('slip.missing')}>
        <Link to="/residents">{t('nav.search')}</Link>
      </Page>
    );
  }
  return (
    <Page title={t('slip.done', { title: slip.title })}>
      <Notice tone="success">{t('slip.recorded')}</Notice>
      <article className="slip" aria-labelledby="slip-title">
        <h2 id="slip-title" className="slip__title">
          {t('slip.heading')}
        </h2>
        <SummaryList rows={slip.lines} />
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
        <Link className="button button--secondary" to="/residents">
          {t('nav.search')}
        </Link>
      </div>
    </Page>
  );
}
