import { useEffect, useState } from 'react';
import { answer, api } from '../api/client';
import type { AuditEntry, Response } from '../api/types';
import { Notice, TableScroll } from '../components/bits';
import { TextInput } from '../components/form';
import { Page } from '../components/layout';
import { useI18n } from '../i18n/i18n';

type Verification = Response<'/api/v1/audit/verify', 'get'>;

/** What the check found: the chain, and the trail against its last checkpoint (kept outside the database). */
function VerificationNotice({ verification }: { verification: Verification }) {
  const { t, time } = useI18n();
  const checkpoint = verification.checkpoint ? { n: verification.checkpoint.n, at: time(verification.checkpoint.at) } : undefined;
  if (verification.ok) {
    return (
      <Notice tone="success">
        <p>{t('audit.ok', { entries: verification.entries })}</p>
        <p>{checkpoint ? t('audit.heldCheckpoint', checkpoint) : t('audit.noCheckpoint')}</p>
      </Notice>
    );
  }
  const seq = `${verification.brokenChain ?? 0}-${verification.firstBrokenSeq ?? 0}`;
  const anchored = { seq, n: checkpoint?.n ?? '—', at: checkpoint?.at ?? '—' };
  const message =
    verification.reason === 'trail-shorter-than-checkpoint'
      ? t('audit.shorter', anchored)
      : verification.reason === 'trail-differs-from-checkpoint'
        ? t('audit.differs', anchored)
        : verification.reason === 'checkpoints-damaged'
          ? t('audit.checkpointsDamaged')
          : t('audit.broken', { seq, entries: verification.entries });
  return (
    <Notice tone="warning">
      <p>{message}</p>
      {verification.detail ? <p className="mono">{verification.detail}</p> : null}
    </Notice>
  );
}

/** The audit trail with filters, and the check of its chain. */
export function AuditPage() {
  const { t, time } = useI18n();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [actor, setActor] = useState('');
  const [subject, setSubject] = useState('');
  const [action, setAction] = useState('');
  const [entries, setEntries] = useState<AuditEntry[]>();
  const [verification, setVerification] = useState<Verification | 'checking'>();

  const load = async () => {
    const result = await answer(
      api.GET('/api/v1/audit', {
        params: {
          query: {
            ...(from && { from: `${from}T00:00:00+09:00` }),
            ...(to && { to: `${to}T23:59:59+09:00` }),
            ...(actor.trim() && { actor: actor.trim() }),
            ...(subject.trim() && { subject: subject.trim() }),
            ...(action.trim() && { action: action.trim() }),
            limit: 200,
          },
        },
      }),
    );
    setEntries(result.ok ? result.data : []);
  };
  useEffect(() => {
    void load();
    // The first page loads once; later loads follow the filters' form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <Page title={t('audit.title')} wide>
      <section aria-labelledby="verify-title">
        <h2 id="verify-title">{t('audit.verifyTitle')}</h2>
        <button
          type="button"
          className="button"
          onClick={async () => {
            setVerification('checking');
            const result = await answer(api.GET('/api/v1/audit/verify'));
            if (result.ok) setVerification(result.data);
          }}
        >
          {t('audit.verify')}
        </button>
        <div aria-live="polite">
          {verification === 'checking' ? <p>{t('audit.checking')}</p> : null}
          {verification && verification !== 'checking' ? <VerificationNotice verification={verification} /> : null}
        </div>
      </section>
      <section aria-labelledby="trail-title">
        <h2 id="trail-title">{t('audit.trail')}</h2>
        <form
          className="search-form"
          onSubmit={(event) => {
            event.preventDefault();
            void load();
          }}
        >
          <TextInput name="from" label={t('audit.from')} type="date" value={from} onChange={setFrom} width="medium" />
          <TextInput name="to" label={t('audit.to')} type="date" value={to} onChange={setTo} width="medium" />
          <TextInput name="actor" label={t('audit.actor')} hint={t('audit.idHint')} value={actor} onChange={setActor} width="medium" />
          <TextInput name="subject" label={t('audit.subject')} hint={t('audit.idHint')} value={subject} onChange={setSubject} width="medium" />
          <TextInput name="action" label={t('audit.action')} hint={t('audit.actionHint')} value={action} onChange={setAction} width="medium" />
          <div className="actions">
            <button type="submit" className="button">
              {t('audit.filter')}
            </button>
          </div>
        </form>
        <p role="status">{entries ? t('audit.count', { count: entries.length }) : t('common.loading')}</p>
        {entries?.length ? (
          <TableScroll label={t('audit.trail')}>
            <table className="table table--compact">
              <caption className="visually-hidden">{t('audit.trail')}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('audit.at')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.subject')}</th>
                  <th scope="col">{t('audit.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={`${entry.chain}-${entry.seq}`}>
                    <td>{`${entry.chain}-${entry.seq}`}</td>
                    <td>{time(entry.at)}</td>
                    <td>
                      {entry.actorRole ?? '—'}
                      <br />
                      <span className="secondary mono">{entry.actorId ?? '—'}</span>
                    </td>
                    <td className="mono">{entry.action}</td>
                    <td className="mono">{entry.subjectId ?? '—'}</td>
                    <td>{entry.outcome === 'ok' ? t('audit.okOutcome') : `${t('audit.refusedOutcome')}（${entry.code}）`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </section>
    </Page>
  );
}
