import { useState, type FormEvent } from 'react';
import { answer, api, type Problem } from '../api/client';
import type { DeliveryReport, NoticeList } from '../api/types';
import { useSession } from '../auth/session';
import { Notice, TableScroll } from '../components/bits';
import { TextInput } from '../components/form';
import { Page } from '../components/layout';
import { officeLabel } from '../components/office';
import { todayInJapan } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { Letter, LetterSizeChoice, type LetterSize } from '../supervisor/letter';

const HEADER = 'card_id,issue_date';

/**
 * 納品の受入れ: a delivery of made cards from J-LIS checked in at the signed-in staff member's
 * counter (docs/pickup.md "Deliveries"). The list is pasted (card_id,issue_date per line) or
 * uploaded as the file J-LIS sent (UTF-8 or Shift_JIS, sent as it is); the answer says what
 * was accepted and lists each rejected row with its line and reason; the 交付通知書 of the day's
 * cards are then printed from here, A4 or postcard.
 */
export function DeliveryPage() {
  const { t, date, count, error, lang } = useI18n();
  const { user, offices } = useSession();
  const [receivedOn, setReceivedOn] = useState(todayInJapan());
  const [pasted, setPasted] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DeliveryReport | { problem: Problem }>();
  const [letters, setLetters] = useState<NoticeList | { problem: Problem }>();
  const [size, setSize] = useState<LetterSize>('a4');
  const officeId = user?.officeId ?? '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setLetters(undefined);
    const text = pasted.trim();
    // The file goes as J-LIS wrote it (the server reads its encoding); a pasted list gets its header if it has none.
    const body: Blob | string = file ?? (text.toLowerCase().startsWith('card_id') ? `${text}\n` : `${HEADER}\n${text}\n`);
    const sent = await answer(
      api.POST('/api/v1/deliveries', {
        params: { query: { officeId, receivedOn } },
        body: body as never,
        bodySerializer: (value: unknown) => value as BodyInit,
        headers: { 'content-type': 'text/csv' },
      }),
    );
    setResult(sent.ok ? sent.data : { problem: sent.problem });
    setBusy(false);
  }

  async function loadLetters(report: DeliveryReport) {
    const list = await answer(api.GET('/api/v1/notices/{kind}', { params: { path: { kind: 'pickup-notice' }, query: { from: report.receivedOn, to: report.receivedOn, officeId: report.officeId } } }));
    setLetters(list.ok ? list.data : { problem: list.problem });
  }

  const report = result && !('problem' in result) ? result : undefined;
  const printable = letters && !('problem' in letters) ? letters.notices : undefined;
  return (
    <Page title={t('delivery.title')} wide>
      <div className="no-print">
        <p className="lead">{t('delivery.intro', { office: officeLabel(offices, officeId, lang) })}</p>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <TextInput name="receivedOn" label={t('delivery.receivedOn')} hint={t('delivery.receivedOnHint')} type="date" width="medium" value={receivedOn} onChange={setReceivedOn} />
          <div className="field">
            <label className="label" htmlFor="field-pasted">
              {t('delivery.paste')}
            </label>
            <p className="hint" id="field-pasted-hint">
              {t('delivery.pasteHint')}
            </p>
            <textarea
              className="input input--long textarea mono"
              id="field-pasted"
              name="pasted"
              rows={8}
              value={pasted}
              disabled={file !== null}
              aria-describedby="field-pasted-hint"
              onChange={(event) => setPasted(event.target.value)}
            />
          </div>
          <div className="field">
            <label className="label" htmlFor="field-file">
              {t('delivery.file')}
            </label>
            <input className="input" id="field-file" name="file" type="file" accept=".csv,text/csv" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={busy || (file === null && pasted.trim() === '')}>
              {t('delivery.submit')}
            </button>
          </div>
        </form>
        {result && 'problem' in result ? <Notice tone="warning">{error(result.problem.code, result.problem.detail)}</Notice> : null}
        {report ? (
          <section aria-labelledby="delivery-result" data-delivery={report.deliveryId}>
            <h2 id="delivery-result">{t('delivery.result')}</h2>
            <Notice tone={report.rejected.length ? 'warning' : 'success'} title={t('delivery.summary', { accepted: count(report.accepted), unchanged: count(report.unchanged), rejected: count(report.rejected.length) })}>
              <p>{t('delivery.collectBy', { date: date(report.collectBy), receivedOn: date(report.receivedOn) })}</p>
            </Notice>
            {report.rejected.length ? (
              <TableScroll label={t('delivery.rejected')}>
                <table className="table table--compact">
                  <caption>{t('delivery.rejected')}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        {t('delivery.line')}
                      </th>
                      <th scope="col">{t('delivery.cardId')}</th>
                      <th scope="col">{t('delivery.reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.rejected.map((row) => (
                      <tr key={`${row.line}-${row.cardId}`}>
                        <td className="num">{row.line}</td>
                        <td className="mono">{row.cardId}</td>
                        <td>
                          {t(`delivery.code.${row.code}` as MessageKey)}
                          <span className="hint hint--inline"> {row.message}</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            ) : null}
            <h2>{t('delivery.notices')}</h2>
            <LetterSizeChoice size={size} onChange={setSize} />
            <div className="actions">
              <button type="button" className="button button--secondary" onClick={() => void loadLetters(report)}>
                {t('delivery.showNotices')}
              </button>
              {printable?.length ? (
                <button type="button" className="button" onClick={() => window.print()}>
                  {t('delivery.printNotices', { count: printable.length })}
                </button>
              ) : null}
            </div>
            {letters && 'problem' in letters ? <Notice tone="warning">{error(letters.problem.code, letters.problem.detail)}</Notice> : null}
            {printable?.length === 0 ? <p>{t('notices.none')}</p> : null}
          </section>
        ) : null}
      </div>
      <div className="letters">
        {printable?.map((notice, index) => <Letter key={notice.cardId} notice={notice} index={index} size={size} />)}
      </div>
    </Page>
  );
}
