import { Link, useSearchParams } from 'react-router';
import { Notice } from '../components/bits';
import { Page } from '../components/layout';
import { useI18n } from '../i18n/i18n';
import { Letter, LetterSizeChoice, type LetterSize } from './letter';
import { noticeQuery, noticeSearch, useNotices } from './use-notices';

/**
 * The letters of a list, ready to print: on screen, a sheet for each; on paper, one A4 page
 * each, and nothing of the app around them (see the print stylesheet).
 */
export function NoticeLettersPage() {
  const { t, error } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = noticeQuery(params);
  const size: LetterSize = params.get('size') === 'postcard' ? 'postcard' : 'a4';
  const list = useNotices(query);
  const letters = list && !('problem' in list) ? list.notices : undefined;
  return (
    <Page title={letters ? t('notices.printTitle', { count: letters.length }) : t('notices.print')} wide>
      <div className="no-print">
        <p>{t(size === 'postcard' ? 'notices.printIntroPostcard' : 'notices.printIntro')}</p>
        <LetterSizeChoice size={size} onChange={(next) => setParams(`${noticeSearch(query)}${next === 'postcard' ? '&size=postcard' : ''}`)} />
        {list && 'problem' in list ? <Notice tone="warning">{error(list.problem.code, list.problem.detail)}</Notice> : null}
        {list === undefined ? <p role="status">{t('common.loading')}</p> : null}
        {letters?.length === 0 ? <p>{t('notices.none')}</p> : null}
        <div className="actions">
          {letters?.length ? (
            <button type="button" className="button" onClick={() => window.print()}>
              {t('notices.printNow')}
            </button>
          ) : null}
          <Link className="button button--secondary" to={`/notices?${noticeSearch(query)}`}>
            {t('notices.back')}
          </Link>
        </div>
      </div>
      <div className="letters">
        {letters?.map((notice, index) => (
          <Letter key={`${notice.cardId}-${notice.noticeDate}-${index}`} notice={notice} index={index} size={size} />
        ))}
      </div>
    </Page>
  );
}
