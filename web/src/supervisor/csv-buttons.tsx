import { useState } from 'react';
import type { Answer } from '../api/client';
import { Notice } from '../components/bits';
import { useI18n } from '../i18n/i18n';
import type { CsvEncoding } from './csv-download';

/** The two CSV downloads of a table: UTF-8, and Shift_JIS for spreadsheet software that expects it. */
export function CsvButtons({ save }: { save: (encoding: CsvEncoding) => Promise<Answer<string>> }) {
  const { t, error } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'warning'; text: string }>();
  const run = async (encoding: CsvEncoding) => {
    setBusy(true);
    const result = await save(encoding);
    setBusy(false);
    setMessage(result.ok ? { tone: 'success', text: t('csv.saved', { filename: result.data }) } : { tone: 'warning', text: error(result.problem.code, result.problem.detail) });
  };
  return (
    <>
      <div className="actions no-print">
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => void run('utf-8')}>
          {t('csv.utf8')}
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => void run('shift_jis')}>
          {t('csv.shiftJis')}
        </button>
      </div>
      <div aria-live="polite">{message ? <Notice tone={message.tone}>{message.text}</Notice> : null}</div>
    </>
  );
}
