import { useState } from 'react';
import { Link } from 'react-router';
import { DateText, StatusTag } from '../components/bits';
import { TextInput } from '../components/form';
import { Page } from '../components/layout';
import { useI18n } from '../i18n/i18n';
import { useResidentSearch } from './use-resident-search';

/** Find a resident by kana or kanji (partial), birth date, address or phone; results as you type. */
export function SearchPage() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [address, setAddress] = useState('');
  const [phone, setPhone] = useState('');
  const search = useResidentSearch({ q, birthDate, address, phone });
  return (
    <Page title={t('search.title')} wide>
      <form className="search-form" role="search" onSubmit={(event) => event.preventDefault()}>
        <TextInput name="q" label={t('search.name')} hint={t('search.nameHint')} value={q} onChange={setQ} type="search" width="medium" />
        <TextInput name="birthDate" label={t('field.birthDate')} type="date" value={birthDate} onChange={setBirthDate} width="medium" />
        <TextInput name="address" label={t('field.address')} hint={t('search.addressHint')} value={address} onChange={setAddress} width="medium" />
        <TextInput name="phone" label={t('field.phone')} type="tel" value={phone} onChange={setPhone} width="medium" inputMode="tel" />
      </form>
      <SearchResults search={search} />
      <p>
        <Link to="/residents/new">{t('nav.register')}</Link>
        {' ・ '}
        <Link to="/residents/arrival">{t('nav.arrival')}</Link>
      </p>
    </Page>
  );
}

type Found = ReturnType<typeof useResidentSearch>['residents'][number];
type Action = (resident: Found) => React.ReactNode;

export function SearchResults({ search, action }: { search: ReturnType<typeof useResidentSearch>; action?: Action }) {
  const { t } = useI18n();
  const none = search.addressMatches.length ? 'search.noneByName' : 'search.none';
  return (
    <section aria-labelledby="results-title" className="results">
      <h2 id="results-title" className="visually-hidden">
        {t('search.results')}
      </h2>
      <p role="status" aria-live="polite" className="results__count" data-took={search.took === undefined ? undefined : Math.round(search.took)}>
        {search.searching ? t('search.searching') : search.searched ? t(search.residents.length ? (search.match === 'contains' ? 'search.countContains' : 'search.count') : none, { count: search.residents.length + (search.nextCursor ? '+' : '') }) : t('search.prompt')}
        {search.truncated ? ` ${t('search.truncated')}` : ''}
      </p>
      {search.residents.length > 0 ? <ResidentTable residents={search.residents} action={action} caption={t('search.results')} byName={search.byName} /> : null}
      {search.nextCursor ? (
        <button type="button" className="button button--secondary" onClick={() => void search.more()}>
          {t('search.more')}
        </button>
      ) : null}
      {search.addressMatches.length > 0 ? (
        <>
          <h3 id="address-matches-title">{t('search.addressMatches', { count: search.addressMatches.length })}</h3>
          <ResidentTable residents={search.addressMatches} action={action} caption={t('search.addressMatchesCaption')} byName={false} />
        </>
      ) : null}
    </section>
  );
}

/** Residents found, each with their kana, birth date, address and card (an ended card shown as such); a name found inside, not at its start, says so. */
function ResidentTable({ residents, action, caption, byName }: { residents: readonly Found[]; action?: Action | undefined; caption: string; byName: boolean }) {
  const { t } = useI18n();
  return (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('search.colName')}</th>
          <th scope="col">{t('field.birthDate')}</th>
          <th scope="col">{t('field.address')}</th>
          <th scope="col">{t('search.colCard')}</th>
          {action ? <th scope="col">{t('search.colAction')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {residents.map((resident) => (
          <tr key={resident.id}>
            <td>
              {action ? (
                <span>{`${resident.familyName} ${resident.givenName}`}</span>
              ) : (
                <Link to={`/residents/${resident.id}`}>{`${resident.familyName} ${resident.givenName}`}</Link>
              )}
              <br />
              <span className="secondary">{`${resident.familyNameKana} ${resident.givenNameKana}`}</span>
              {byName && resident.match === 'contains' ? (
                <>
                  <br />
                  <span className="secondary">{t('search.withinName')}</span>
                </>
              ) : null}
              {resident.registration !== 'registered' ? (
                <>
                  <br />
                  <span className="secondary">{t(`registration.${resident.registration}`)}</span>
                </>
              ) : null}
            </td>
            <td>
              <DateText value={resident.birthDate} />
            </td>
            <td>{resident.address}</td>
            <td>{resident.card ? <StatusTag status={resident.card.status} /> : t('search.noCard')}</td>
            {action ? <td>{action(resident)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
