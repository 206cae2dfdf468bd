import type { Notice } from '../api/types';
import { useSession } from '../auth/session';
import { warekiDate } from '../i18n/format';
import { inJapanese } from '../i18n/i18n';

/**
 * One letter to a resident, in Japanese whatever the app's language (the server writes its
 * words in Japanese): the city and department, the address and 氏名 様, the date, the subject,
 * what to do, what to bring, by when, where, and whom to ask. Printed, it fills one A4 sheet.
 */
export function Letter({ notice, index }: { notice: Notice; index: number }) {
  const { offices } = useSession();
  const id = `letter-${index}`;
  return (
    <article className="letter" lang="ja" aria-labelledby={`${id}-subject`}>
      <p className="letter__date">
        <time dateTime={notice.noticeDate}>{warekiDate(notice.noticeDate)}</time>
      </p>
      <div className="letter__to">
        <p className="letter__address">{notice.address}</p>
        <p className="letter__name">{inJapanese('letter.honorific', { name: notice.name })}</p>
      </div>
      <p className="letter__sender">{inJapanese('letter.sender', { municipality: offices?.municipality.name ?? '', department: offices?.department ?? '' })}</p>
      <h2 className="letter__subject" id={`${id}-subject`}>
        {notice.subject}
      </h2>
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
      <p className="letter__contact">
        {inJapanese('letter.contact')}：{notice.contact}
      </p>
    </article>
  );
}
