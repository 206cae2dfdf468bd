import type { Notice } from '../api/types';
import { useSession } from '../auth/session';
import { warekiDate } from '../i18n/format';
import { Radios } from '../components/form';
import { inJapanese, useI18n } from '../i18n/i18n';

/** A4 or postcard, for printing the letters of a list. */
export function LetterSizeChoice({ size, onChange }: { size: LetterSize; onChange: (size: LetterSize) => void }) {
  const { t } = useI18n();
  return (
    <Radios
      name="letterSize"
      label={t('letters.size')}
      value={size}
      onChange={(value) => onChange(value === 'postcard' ? 'postcard' : 'a4')}
      options={(['a4', 'postcard'] as const).map((value) => ({ value, label: t(`letters.size.${value}`) }))}
    />
  );
}

/** A4 (one letter a page), or a postcard 100 × 148 mm (the 交付通知書 as many cities post it). */
export type LetterSize = 'a4' | 'postcard';

/**
 * One letter to a resident, in Japanese whatever the app's language (the server writes its
 * words in Japanese): the city and department, the address and 氏名 様, the date, the subject,
 * what to do, what to bring, by when, where, and whom to ask. Printed, it fills one A4 sheet.
 */
export function Letter({ notice, index, size = 'a4' }: { notice: Notice; index: number; size?: LetterSize }) {
  const { offices } = useSession();
  const id = `letter-${index}`;
  return (
    <article className={size === 'postcard' ? 'letter letter--postcard' : 'letter'} lang="ja" aria-labelledby={`${id}-subject`}>
      <p className="letter__date">
        <time dateTime={notice.noticeDate}>{warekiDate(notice.noticeDate)}</time>
      </p>
      <div className="letter__to">
        {notice.postalCode ? <p className="letter__postal">〒{notice.postalCode}</p> : null}
        <p className="letter__address">{notice.address}</p>
        <p className="letter__name">{inJapanese('letter.honorific', { name: notice.name })}</p>
      </div>
      <p className="letter__sender">{inJapanese('letter.sender', { municipality: offices?.municipality.name ?? '', department: offices?.department ?? '' })}</p>
      <h2 className="letter__subject" id={`${id}-subject`}>
        {notice.subject}
      </h2>
      {notice.referenceNumber ? (
        <p className="letter__reference">
          {inJapanese('letter.referenceNumber')}：<span className="letter__reference-number">{notice.referenceNumber}</span>
        </p>
      ) : null}
      {notice.paragraphs.map((paragraph, index) => (
        <p className="letter__paragraph" key={index}>
          {paragraph}
        </p>
      ))}
      <h3 className="letter__heading">{inJapanese('letter.bring')}</h3>
      <ul className="letter__bring">
        {notice.bring.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      {notice.deadlineText ? (
        <>
          <h3 className="letter__heading">{inJapanese('letter.deadline')}</h3>
          <p className="letter__deadline">{notice.deadlineText}</p>
        </>
      ) : null}
      <h3 className="letter__heading">{inJapanese('letter.office')}</h3>
      <p>{inJapanese('letter.officeLine', { office: notice.office.name, phone: notice.office.phone })}</p>
      <p className="letter__office-address">{notice.office.address}</p>
      <p className="letter__hours">{inJapanese('letter.hours', { hours: notice.office.hours })}</p>
      <p className="letter__contact">
        {inJapanese('letter.contact')}：{notice.contact}
      </p>
    </article>
  );
}
