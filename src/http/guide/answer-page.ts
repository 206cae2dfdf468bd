import { easyWareki } from '../../app/guide/dates.ts';
import type { LocalizedGuide } from '../../app/guide/localized-guide.ts';
import { isJapanese, Lang } from '../../app/guide/lang.ts';
import { wordsFor, type Words } from '../../app/guide/localize-guide.ts';
import { fieldLabel, PICKUP_TEXT, UI_TEXT, type UiMessage } from '../../app/guide/ui-text.ts';
import { asks, type GuideAnswers, type Situation } from '../../domain/guide/situation.ts';
import type { OfficeDirectory } from '../../domain/office.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import { html, phoneLink, richHtml, type SafeHtml } from './html.ts';
import { guideUrl, officeMapPath, page, type PagePlace } from './page-layout.ts';
import { plainText } from '../../app/guide/rich-text.ts';
import { feedbackForm } from './feedback-pages.ts';
import { PICKUP_BOOKING_REST } from './pickup-booking-pages.ts';

export interface AnswerPageInput {
  readonly lang: Lang;
  readonly situation: Situation;
  readonly guide: LocalizedGuide;
  readonly answers: GuideAnswers;
  readonly place: PagePlace;
  readonly offices: OfficeDirectory;
  /** The site's address, for absolute links. */
  readonly origin: string;
}

/** Pages of the guide an answer leads on to: a card ready to collect is booked on the pickup pages. */
const NEXT_PAGES: Partial<Record<Situation, { readonly rest: string; readonly text: UiMessage }>> = {
  'card-ready': { rest: PICKUP_BOOKING_REST, text: PICKUP_TEXT.title },
};

const t = (words: Words, key: Parameters<Words['t']>[0], values?: Record<string, string>) => richHtml(words.t(key, values));

/** 和暦 as the page shows it: with ruby in やさしい日本語, marked Japanese in the other languages. */
function warekiHtml(words: Words, date: PlainDate, wareki: string): SafeHtml {
  if (words.lang === Lang.EasyJapanese) return richHtml(easyWareki(date));
  return isJapanese(words.lang) ? html`${wareki}` : html`<span lang="ja">${wareki}</span>`;
}

function datedHtml(words: Words, dated: { date: PlainDate; dateText: string; wareki: string }): SafeHtml {
  return html`<span class="date">${richHtml(dated.dateText)}</span> <span class="wareki">(${t(words, UI_TEXT.warekiLabel)}: ${warekiHtml(words, dated.date, dated.wareki)})</span>`;
}

function countdown(words: Words, daysLeft: number): SafeHtml {
  if (daysLeft < 0) return t(words, UI_TEXT.passed);
  if (daysLeft === 0) return t(words, UI_TEXT.dueToday);
  return t(words, UI_TEXT.daysLeft, { count: words.number(daysLeft) });
}

function deadlineHtml(words: Words, deadline: LocalizedGuide['deadlines'][number]): SafeHtml {
  const when = deadline.seedAdvice
    ? html`<dl>
<dt>${t(words, UI_TEXT.legalDate)}</dt><dd>${datedHtml(words, deadline)}</dd>
<dt>${t(words, UI_TEXT.seedDate)}</dt><dd>${datedHtml(words, deadline.seedAdvice)}</dd>
</dl>`
    : html`<p>${datedHtml(words, deadline)}</p>`;
  return html`<div class="deadline${deadline.passed ? ' passed' : ''}" id="deadline-${deadline.kind}">
<h3>${richHtml(deadline.title)}</h3>
${when}
<p class="countdown">${countdown(words, deadline.daysLeft)}</p>
${deadline.seedAdvice ? html`<p class="notes">${richHtml(deadline.seedAdvice.text)}</p>` : ''}
${deadline.notes.map((note) => html`<p class="notes">${richHtml(note.text)}</p>`)}
<p>${richHtml(deadline.consequence)}</p>
</div>`;
}

function answerValue(words: Words, name: keyof GuideAnswers, value: GuideAnswers[keyof GuideAnswers]): SafeHtml {
  if (value === undefined) return t(words, UI_TEXT.notAnswered);
  if (typeof value === 'boolean') {
    if (name === 'lostAtHome') return t(words, value ? UI_TEXT.lostAtHomeYes : UI_TEXT.lostAtHomeNo);
    return t(words, value ? UI_TEXT.yes : UI_TEXT.no);
  }
  return richHtml(words.date(value));
}

function answersHtml(input: AnswerPageInput, words: Words): SafeHtml | '' {
  const names = asks(input.situation);
  if (names.length === 0) return '';
  const changeUrl = guideUrl(input.lang, { rest: `/${input.situation}`, query: input.place.query });
  return html`<section class="answers" aria-labelledby="answers-title">
<h2 id="answers-title">${t(words, UI_TEXT.answersTitle)}</h2>
<dl>${names.map(
    (name) => html`<dt>${richHtml(words.t(fieldLabel(input.situation, name)))}</dt><dd>${answerValue(words, name, input.answers[name])}</dd>`,
  )}</dl>
<p><a href="${changeUrl}">${t(words, UI_TEXT.changeAnswers)}</a></p>
</section>`;
}

function hoursHtml(words: Words, office: LocalizedGuide['offices'][number]): SafeHtml {
  const { weekdays, weekend } = office.hours;
  const days = weekend?.days.map((day) => words.t(day === 'saturday' ? UI_TEXT.saturday : UI_TEXT.sunday)).join(isJapanese(words.lang) ? '・' : ', ');
  return html`${t(words, UI_TEXT.weekdaysHours, { hours: weekdays })}; ${weekend ? t(words, UI_TEXT.weekendHours, { days: days ?? '', hours: weekend.hours }) : t(words, UI_TEXT.weekendClosed)}`;
}

/**
 * One counter: its name in the page's language with the Japanese beside (to show at the counter or
 * to a taxi), phone, address with a map link, and hours; facts the city has not confirmed are
 * marked. Each is a disclosure, so that on a phone the list is short: each name with its phone.
 */
function officeHtml(words: Words, office: LocalizedGuide['offices'][number]): SafeHtml {
  const separator = isJapanese(words.lang) ? '、' : ', ';
  const japanese = words.lang === Lang.EasyJapanese ? richHtml(words.japanese(office.name)) : isJapanese(words.lang) ? html`${office.name}` : html`<span lang="ja">${office.name}</span>`;
  const name = office.localName === undefined ? japanese : html`${office.localName} (${japanese})`;
  const mark = (fact: 'address' | 'hours') => (office.unconfirmed.includes(fact) ? html`<span class="unconfirmed">※</span>` : '');
  // The phone stays outside the disclosure: a link inside <summary> would nest one control in another.
  return html`<li><details>
<summary><strong>${name}</strong></summary>
${isJapanese(words.lang) ? '' : html`<p class="office-en">${richHtml(office.kindText)}</p>`}
<p>${t(words, UI_TEXT.addressLabel)}: <span lang="ja">${office.address}</span> <a href="${officeMapPath(office.id)}">${t(words, UI_TEXT.mapLink)}</a>${mark('address')}</p>
<p>${t(words, UI_TEXT.hoursLabel)}: ${hoursHtml(words, office)}${mark('hours')}</p>
<p class="handles">${t(words, UI_TEXT.handles)}: ${office.handles.map((handle, index) => html`${index > 0 ? separator : ''}${richHtml(handle.text)}`)}</p>
</details><p class="office-tel">${t(words, UI_TEXT.phoneLabel)}: ${phoneLink(office.phone)}</p></li>`;
}

/**
 * /guide/{lang}/{situation}/answer: the answer, urgent action first (the hotline for a lost or
 * stolen card), then the steps, the dated deadlines (R-7's legal date beside the city page's
 * simpler count), the checklist, the fee, the counters and the warnings. Printing gives a
 * one-page checklist.
 */
export function answerPage(input: AnswerPageInput): string {
  const { lang, guide } = input;
  const words = wordsFor(lang, input.offices);
  const urgent = guide.steps.filter((step) => step.urgent);
  const steps = guide.steps.filter((step) => !step.urgent);
  const fee = guide.fee;
  const next = NEXT_PAGES[input.situation];
  const feeHtml = fee
    ? html`<section aria-labelledby="fee-title">
<h2 id="fee-title">${t(words, UI_TEXT.feeTitle)}</h2>
<table class="fee"><tbody>
<tr><th scope="row">${t(words, UI_TEXT.feeCard)}</th><td>${richHtml(words.yen(fee.cardFee))}</td></tr>
<tr><th scope="row">${t(words, UI_TEXT.feeCertificates)}</th><td>${richHtml(words.yen(fee.certificateFee))}</td></tr>
<tr><th scope="row">${t(words, UI_TEXT.feeTotal)}</th><td><strong>${richHtml(fee.totalText)}</strong></td></tr>
${fee.policeReportApplies ? html`<tr><th scope="row">${t(words, UI_TEXT.feePolice)}</th><td>${t(words, fee.policeReportRequired ? UI_TEXT.needed : UI_TEXT.notNeededShort)}</td></tr>` : ''}
</tbody></table>
</section>`
    : '';
  const main = html`<p class="no-print"><a href="${guideUrl(lang, { rest: '', query: '' })}">${t(words, UI_TEXT.startAgain)}</a></p>
<h1>${richHtml(guide.title)}</h1>
${
  urgent.length > 0
    ? html`<section class="urgent" aria-labelledby="urgent-title">
<h2 id="urgent-title">${t(words, UI_TEXT.urgentTitle)}</h2>
<p class="hotline">${phoneLink(guide.hotline.phone)}</p>
<p>${richHtml(guide.hotline.name)} — ${richHtml(guide.hotline.hours)}</p>
<ol>${urgent.map((step) => html`<li id="step-${step.id}">${richHtml(step.text)}</li>`)}</ol>
</section>`
    : ''
}
<p class="as-of">${t(words, UI_TEXT.asOf, { date: words.date(guide.today) })}</p>
${answersHtml(input, words)}
<section aria-labelledby="steps-title">
<h2 id="steps-title">${t(words, UI_TEXT.stepsTitle)}</h2>
<ol class="steps"${urgent.length > 0 ? html` start="${urgent.length + 1}"` : ''}>${steps.map((step) => html`<li id="step-${step.id}">${richHtml(step.text)}</li>`)}</ol>
${next ? html`<ul class="situations no-print"><li><a id="next-page" href="${guideUrl(lang, { rest: next.rest, query: '' })}">${t(words, next.text)}</a></li></ul>` : ''}
</section>
${
  guide.deadlines.length > 0
    ? html`<section aria-labelledby="deadlines-title">
<h2 id="deadlines-title">${t(words, UI_TEXT.deadlinesTitle)}</h2>
${guide.deadlines.map((deadline) => deadlineHtml(words, deadline))}
</section>`
    : ''
}
<section aria-labelledby="checklist-title">
<h2 id="checklist-title">${t(words, UI_TEXT.checklistTitle)}</h2>
<ul class="checklist">${guide.checklist.map(
    (entry) => html`<li><input type="checkbox" id="check-${entry.id}"><label for="check-${entry.id}">${richHtml(entry.text)}</label></li>`,
  )}</ul>
</section>
${feeHtml}
<section aria-labelledby="offices-title">
<h2 id="offices-title">${t(words, UI_TEXT.officesTitle)}</h2>
<div class="place-notes">${guide.placeNotes.map((note) => html`<p>${richHtml(note.text)}</p>`)}</div>
<ul class="offices">${guide.offices.map((office) => officeHtml(words, office))}</ul>
${guide.offices.some((office) => office.unconfirmed.length > 0) ? html`<p class="unconfirmed">※ ${t(words, UI_TEXT.unconfirmed)}</p>` : ''}
<p>${t(words, UI_TEXT.hotlineForeignTitle)}: ${phoneLink(guide.hotlineForeign.phone)}</p>
</section>
${
  guide.warnings.length > 0
    ? html`<section aria-labelledby="warnings-title">
<h2 id="warnings-title">${t(words, UI_TEXT.warningsTitle)}</h2>
<ul class="warnings">${guide.warnings.map((warning) => html`<li id="warning-${warning.id}">${richHtml(warning.text)}</li>`)}</ul>
</section>`
    : ''
}
${feedbackForm(lang, input.situation, input.offices)}
<p class="print-hint no-print">${t(words, UI_TEXT.printHint)}</p>
<p class="privacy no-print">${t(words, UI_TEXT.privacy)}</p>`;
  return page({ lang, title: guide.title, place: input.place, main, offices: input.offices, origin: input.origin, description: words.t(UI_TEXT.metaDescription, { title: plainText(guide.title) }) });
}
