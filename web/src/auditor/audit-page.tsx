import { useEffect, useState } from 'react';
import { answer, api } from '../api/client';
import type { AuditEntry, Response } from '../api/types';
import { Notice, TableScroll } from '../components/bits';
import { SelectInput, TextInput } from '../components/form';
import { Page } from '../components/layout';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { AUDIT_ACTIONS, auditActionLabel, type AuditAction } from './audit-actions';

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

/** Entries on a page of the trail; the next page follows the last one shown. */
const PAGE = 50;

/** Who the entry is about: the resident by name and kana, a staff account by name, or the id the trail holds. */
function Subject({ entry }: { entry: AuditEntry }) {
  if (entry.resident) {
    return (
      <>
        {entry.resident.name}
        <br />
        <span className="secondary">{entry.resident.kana}</span>
      </>
    );
  }
  if (entry.subjectStaffName) return <>{entry.subjectStaffName}</>;
  return <span className="mono">{entry.subjectId ?? '—'}</span>;
}

/** The prefix of the actor ids of the system (the command line, the nightly sweep, the demo): no staff account. */
const SYSTEM = 'system:';

/** Who acted: a staff member by name, the system and which part of it, or the id the trail holds. */
function Actor({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  if (entry.actorName) return <>{entry.actorName}</>;
  if (!entry.actorId) return <>{t('audit.system')}</>;
  if (entry.actorId.startsWith(SYSTEM)) return <>{`${t('audit.system')}（${entry.actorId.slice(SYSTEM.length)}）`}</>;
  return <span className="mono">{entry.actorId}</span>;
}

/** The audit trail, newest first a page at a time, with filters, and the check of its chain. */
export function AuditPage() {
  const { t, time, lang } = useI18n();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [actor, setActor] = useState('');
  const [subject, setSubject] = useState('');
  const [action, setAction] = useState<AuditAction | ''>('');
  const [entries, setEntries] = useState<AuditEntry[]>();
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [verification, setVerification] = useState<Verification | 'checking'>();

  /** The first page of the filters' entries, or (with a cursor) the page after the ones shown. */
  const load = async (cursor?: number) => {
    setLoading(true);
    const result = await answer(
      api.GET('/api/v1/audit', {
        params: {
          query: {
            ...(from && { from: `${from}T00:00:00+09:00` }),
            ...(to && { to: `${to}T23:59:59.999+09:00` }),
            ...(actor.trim() && { actor: actor.trim() }),
            ...(subject.trim() && { subject: subject.trim() }),
            ...(action && { action }),
            ...(cursor !== undefined && { cursor }),
            order: 'newest',
            limit: PAGE,
          },
        },
      }),
    );
    setLoading(false);
    const page = result.ok ? result.data : [];
    setEntries((shown) => (cursor === undefined ? page : [...(shown ?? []), ...page]));
    setMore(page.length === PAGE);
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
          <SelectInput
            name="action"
            label={t('audit.action')}
            value={action}
            onChange={(value) => setAction(value as AuditAction | '')}
            options={[{ value: '', label: t('audit.anyAction') }, ...AUDIT_ACTIONS.map((value) => ({ value, label: auditActionLabel(value, lang) }))]}
          />
          <TextInput name="actor" label={t('audit.actorId')} hint={t('audit.idHint')} value={actor} onChange={setActor} width="medium" />
          <TextInput name="subject" label={t('audit.subjectId')} hint={t('audit.idHint')} value={subject} onChange={setSubject} width="medium" />
          <div className="actions">
            <button type="submit" className="button">
              {t('audit.filter')}
            </button>
          </div>
        </form>
        <p role="status">{entries && !loading ? t('audit.shown', { count: entries.length }) : t('common.loading')}</p>
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
                  <th scope="col">{t('audit.purpose')}</th>
                  <th scope="col">{t('audit.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={`${entry.chain}-${entry.seq}`}>
                    <td className="mono">{`${entry.chain}-${entry.seq}`}</td>
                    <td>{time(entry.at)}</td>
                    <td>
                      <Actor entry={entry} />
                      {entry.actorRole && !entry.actorId?.startsWith(SYSTEM) ? (
                        <>
                          <br />
                          <span className="secondary">{t(`role.${entry.actorRole}` as MessageKey)}</span>
                        </>
                      ) : null}
                    </td>
                    <td>
                      {auditActionLabel(entry.action, lang)}
                      <br />
                      <span className="secondary mono">{entry.action}</span>
                    </td>
                    <td>
                      <Subject entry={entry} />
                    </td>
                    <td>{typeof entry.details.purpose === 'string' ? entry.details.purpose : '—'}</td>
                    <td>{entry.outcome === 'ok' ? t('audit.okOutcome') : `${t('audit.refusedOutcome')}（${entry.code}）`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
        {more ? (
          <button type="button" className="button button--secondary" disabled={loading} onClick={() => void load(entries?.at(-1)?.position)}>
            {t('audit.more', { count: PAGE })}
          </button>
        ) : null}
      </section>
    </Page>
  );
}
