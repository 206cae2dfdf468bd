import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { NoticeKind } from '../api/types';
import { DateText, Notice, TableScroll } from '../components/bits';
import { ErrorSummary, Radios, TextInput, type FieldProblem } from '../components/form';
import { Page } from '../components/layout';
import { useI18n } from '../i18n/i18n';
import { CsvButtons } from './csv-buttons';
import { saveCsv, type CsvEncoding } from './csv-download';
import { rangeProblems } from './range-problems';
import { NOTICE_KIND_LABELS, noticeQuery, noticeSearch, useNotices, type NoticeQuery } from './use-notices';

/**
 * The letters due to residents before their deadlines: pick a kind and the notice dates (today
 * by default), check the list, then save it for a mail merge or print the letters themselves.
 */
export function NoticesPage() {
  const { t, error } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = noticeQuery(params);
  const list = useNotices(query);
  const save = (encoding: CsvEncoding) =>
    saveCsv(
      api.GET('/api/v1/notices/{kind}', {
        params: { path: { kind: query.kind }, query: { from: query.from, to: query.to, encoding } },
        headers: { Accept: 'text/csv' },
        parseAs: 'blob',
      }),
      `notices-${query.kind}.csv`,
    );
  return (
    <Page title={t('notices.title')} wide>
      <p>{t('notices.intro')}</p>
      <NoticeForm key={noticeSearch(query)} initial={query} onSubmit={(next) => setParams(noticeSearch(next))} />
      <section aria-labelledby="letters-title">
        <h2 id="letters-title">{t('notices.list')}</h2>
        {list === undefined ? (
          <p role="status">{t('common.loading')}</p>
        ) : 'problem' in list ? (
          <Notice tone="warning">{error(list.problem.code, list.problem.detail)}</Notice>
        ) : (
          <>
            <p role="status" className="results__count">
              {t(NOTICE_KIND_LABELS[list.kind])}：{t('notices.count', { count: list.notices.length })}（{list.from === list.to ? list.from : `${list.from}〜${list.to}`}）
            </p>
            {list.notices.length === 0 ? (
              <p>{t('notices.none')}</p>
            ) : (
              <>
                <div className="actions no-print">
                  <Link className="button" to={`/notices/letters?${noticeSearch(query)}`}>
                    {t('notices.print')}
                  </Link>
                </div>
                <CsvButtons save={save} />
                <TableScroll label={t('notices.list')}>
                  <table className="table table--compact">
                    <caption className="visually-hidden">{t('notices.list')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('notices.name')}</th>
                        <th scope="col">{t('notices.address')}</th>
                        <th scope="col">{t('notices.noticeDate')}</th>
                        <th scope="col">{t('notices.deadline')}</th>
                        <th scope="col">{t('notices.office')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {list.notices.map((notice, index) => (
                        <tr key={`${notice.cardId}-${notice.noticeDate}-${index}`}>
                          <th scope="row">
                            <span lang="ja">{notice.name}</span>
                            <br />
                            <span className="secondary" lang="ja">
                              {notice.nameKana}
                            </span>
                          </th>
                          <td lang="ja">{notice.address}</td>
                          <td>
                            <DateText value={notice.noticeDate} />
                          </td>
                          <td>{notice.deadline ? <DateText value={notice.deadline} /> : t('notices.noDeadline')}</td>
                          <td lang="ja">{notice.office.name}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              </>
            )}
          </>
        )}
      </section>
    </Page>
  );
}

function NoticeForm({ initial, onSubmit }: { initial: NoticeQuery; onSubmit: (query: NoticeQuery) => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<NoticeKind>(initial.kind);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  return (
    <form
      className="no-print"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const found = rangeProblems(t, from, to, { from: t('notices.from'), to: t('notices.to') });
        setProblems(found);
        if (found.length === 0) onSubmit({ kind, from, to });
      }}
    >
      <ErrorSummary problems={problems} />
      <Radios
        name="kind"
        label={t('notices.kind')}
        value={kind}
        onChange={(value) => setKind(value as NoticeKind)}
        options={Object.entries(NOTICE_KIND_LABELS).map(([value, label]) => ({ value, label: t(label) }))}
      />
      <div className="search-form">
        <TextInput name="from" label={t('notices.from')} hint={t('notices.rangeHint')} type="date" value={from} onChange={setFrom} width="medium" error={problems.find((problem) => problem.field === 'from')?.message} />
        <TextInput name="to" label={t('notices.to')} type="date" value={to} onChange={setTo} width="medium" error={problems.find((problem) => problem.field === 'to')?.message} />
      </div>
      <div className="actions">
        <button type="submit" className="button">
          {t('notices.show')}
        </button>
      </div>
    </form>
  );
}
