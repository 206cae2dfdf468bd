import { useEffect, useRef, useState } from 'react';
import { answer, api } from '../api/client';
import type { ResidentSummary } from '../api/types';
import { useSession } from '../auth/session';
import { Notice } from '../components/bits';
import { ErrorSummary, TextInput } from '../components/form';
import { Page } from '../components/layout';
import { useI18n } from '../i18n/i18n';
import { SearchResults } from '../counter/search-page';
import { useResidentSearch } from '../counter/use-resident-search';

type Reason = 'lost' | 'stolen';

/**
 * The hotline console (24 h): find the caller's card from what they say, suspend it with the
 * reason in three actions (find, choose, confirm), and read the script back. Nothing else.
 */
export function HotlinePage() {
  const { t, lang, error, time } = useI18n();
  const { offices } = useSession();
  const [q, setQ] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [address, setAddress] = useState('');
  const [phone, setPhone] = useState('');
  const [caller, setCaller] = useState('');
  const search = useResidentSearch({ q, birthDate, address, phone });
  const [pending, setPending] = useState<{ resident: ResidentSummary; reason: Reason }>();
  const [done, setDone] = useState<{ resident: ResidentSummary; reason: Reason; at: string }>();
  const [problem, setProblem] = useState<string>();
  const confirmRef = useRef<HTMLButtonElement>(null);

  // A call starts with what the caller says: the name field takes the focus (after the page's
  // heading has taken it, so a screen reader has read the title), and again for the next call.
  useEffect(() => {
    if (!done) document.getElementById('field-q')?.focus();
  }, [done]);

  const suspend = async () => {
    if (!pending?.resident.card) return;
    const result = await answer(
      api.POST('/api/v1/cards/{id}/suspend', {
        params: { path: { id: pending.resident.card.id } },
        body: { reason: pending.reason, channel: 'hotline', ...(caller.trim() && { caller: { name: caller.trim() } }) },
      }),
    );
    if (!result.ok) {
      setProblem(error(result.problem.code, result.problem.detail));
      return;
    }
    setDone({ ...pending, at: new Date().toISOString() });
    setPending(undefined);
  };

  if (done) {
    return (
      <Page title={t('hotline.doneTitle')}>
        <Notice tone="success">{t('hotline.done', { name: `${done.resident.familyName} ${done.resident.givenName}`, reason: t(`reason.${done.reason}`) })}</Notice>
        <section aria-labelledby="script-title" className="script">
          <h2 id="script-title">{t('hotline.script')}</h2>
          <ol>
            <li>{t('hotline.script1')}</li>
            <li>{t('hotline.script2')}</li>
            <li>{t('hotline.script3')}</li>
            <li>{t(done.reason === 'stolen' ? 'hotline.script4stolen' : 'hotline.script4lost')}</li>
            <li>{t('hotline.script5')}</li>
          </ol>
          <h3>{t('hotline.counters')}</h3>
          <ul>
            {offices?.offices.map((office) => (
              <li key={office.id}>
                {lang === 'ja' ? office.name : `${office.nameEn}（${office.name}）`}：{office.phone}
              </li>
            ))}
          </ul>
          <p className="secondary">{t('hotline.reference', { time: time(done.at) })}</p>
        </section>
        <button type="button" className="button" onClick={() => { setDone(undefined); setQ(''); setBirthDate(''); setAddress(''); setPhone(''); setCaller(''); }}>
          {t('hotline.next')}
        </button>
      </Page>
    );
  }

  return (
    <Page title={t('hotline.title')} wide>
      <p>{t('hotline.intro')}</p>
      <form
        className="search-form"
        role="search"
        onSubmit={(event) => event.preventDefault()}
        onKeyDown={(event) => {
          // Enter in a field goes from what the caller said to the first card to suspend: keyboard
          // only, no pointing (a form of several fields and no submit button has no implicit submission).
          if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
          event.preventDefault();
          document.querySelector<HTMLButtonElement>('.results tbody button')?.focus();
        }}
      >
        <TextInput name="q" label={t('hotline.kana')} hint={t('search.nameHint')} value={q} onChange={setQ} type="search" width="medium" />
        <TextInput name="birthDate" label={t('field.birthDate')} type="date" value={birthDate} onChange={setBirthDate} width="medium" />
        <TextInput name="address" label={t('field.address')} value={address} onChange={setAddress} width="medium" />
        <TextInput name="phone" label={t('field.phone')} type="tel" inputMode="tel" value={phone} onChange={setPhone} width="medium" />
      </form>
      {pending ? (
        <section className="confirm" aria-labelledby="confirm-title">
          <h2 id="confirm-title">{t('hotline.confirmTitle')}</h2>
          <ErrorSummary problems={problem ? [{ field: '', message: problem }] : []} />
          <p>{t('hotline.confirm', { name: `${pending.resident.familyName} ${pending.resident.givenName}`, reason: t(`reason.${pending.reason}`) })}</p>
          <TextInput name="caller" label={t('hotline.caller')} hint={t('hotline.callerHint')} value={caller} onChange={setCaller} width="medium" />
          <div className="actions">
            <button type="button" className="button button--warning" ref={confirmRef} onClick={() => void suspend()}>
              {t('hotline.suspendNow')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => { setPending(undefined); setProblem(undefined); }}>
              {t('common.cancel')}
            </button>
          </div>
        </section>
      ) : null}
      <SearchResults
        search={search}
        action={(resident) =>
          // The search names only the live card's id and status, no allowed actions; its status is
          // the one thing the hotline can tell from it (the server refuses any other card's suspension).
          resident.card?.status === 'active' ? (
            <span className="button-group">
              {(['lost', 'stolen'] as const).map((reason) => (
                <button
                  key={reason}
                  type="button"
                  className="button button--small"
                  onClick={() => {
                    setPending({ resident, reason });
                    setProblem(undefined);
                    setTimeout(() => confirmRef.current?.focus(), 0);
                  }}
                  aria-label={t('hotline.suspendFor', { reason: t(`reason.${reason}`), name: `${resident.familyName} ${resident.givenName}` })}
                >
                  {t(reason === 'lost' ? 'hotline.suspendLost' : 'hotline.suspendStolen')}
                </button>
              ))}
            </span>
          ) : (
            <span className="secondary">{t('hotline.nothingToSuspend')}</span>
          )
        }
      />
    </Page>
  );
}
