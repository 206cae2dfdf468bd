import { answerErrorText, type AnswerError } from '../../app/guide/answer-errors.ts';
import { AnswerProblem } from '../../domain/guide/guide-plan.ts';
import { isJapanese, type Lang } from '../../app/guide/lang.ts';
import { wordsFor, type Words } from '../../app/guide/localize-guide.ts';
import { fieldHint, fieldLabel, UI_TEXT } from '../../app/guide/ui-text.ts';
import { SITUATION_TITLES } from '../../domain/guide/guide-text.ts';
import { ANSWER_KINDS, QUESTIONS, type AnswerName, type GuideAnswers, type Situation } from '../../domain/guide/situation.ts';
import type { OfficeDirectory } from '../../domain/office.ts';
import type { Calendar } from '../../rules/calendar.ts';
import { html, richHtml, type SafeHtml } from './html.ts';
import { plainText } from '../../app/guide/rich-text.ts';
import { guideUrl, page, type PagePlace } from './page-layout.ts';

export interface QuestionPageInput {
  readonly lang: Lang;
  readonly situation: Situation;
  readonly place: PagePlace;
  readonly answers: GuideAnswers;
  readonly typed: Readonly<Partial<Record<AnswerName, string>>>;
  readonly errors: readonly AnswerError[];
  readonly offices: OfficeDirectory;
  readonly calendar: Pick<Calendar, 'firstDate' | 'lastDate'>;
  /** The site's address, for absolute links. */
  readonly origin: string;
}

const fieldId = (name: AnswerName) => `f-${name}`;

function tag(words: Words, required: boolean): SafeHtml {
  const text = richHtml(words.t(required ? UI_TEXT.required : UI_TEXT.optional));
  return isJapanese(words.lang) ? html` <span class="tag">（${text}）</span>` : html` <span class="tag">(${text})</span>`;
}

function dateField(input: QuestionPageInput, words: Words, name: AnswerName, required: boolean, error: string | undefined): SafeHtml {
  const id = fieldId(name);
  const describedBy = [`${id}-hint`, ...(error ? [`${id}-error`] : [])].join(' ');
  const value = input.answers[name] ?? input.typed[name] ?? '';
  return html`<div class="field${error ? ' error' : ''}">
<label for="${id}">${richHtml(words.t(fieldLabel(input.situation, name)))}${tag(words, required)}</label>
<p class="hint" id="${id}-hint">${richHtml(words.t(fieldHint(input.situation, name)))} ${richHtml(words.t(UI_TEXT.dateHint))}</p>
${error ? html`<p class="error-message" id="${id}-error">${richHtml(words.t(UI_TEXT.errorPrefix))}${richHtml(error)}</p>` : ''}
<input type="date" id="${id}" name="${name}" value="${String(value)}" aria-describedby="${describedBy}"${required ? html` required` : ''}${error ? html` aria-invalid="true"` : ''}>
</div>`;
}

function choiceField(input: QuestionPageInput, words: Words, name: AnswerName, required: boolean, error: string | undefined): SafeHtml {
  const id = fieldId(name);
  const describedBy = [`${id}-hint`, ...(error ? [`${id}-error`] : [])].join(' ');
  const value = input.answers[name];
  const [yes, no] = name === 'lostAtHome' ? [UI_TEXT.lostAtHomeYes, UI_TEXT.lostAtHomeNo] : [UI_TEXT.yes, UI_TEXT.no];
  return html`<fieldset class="field${error ? ' error' : ''}" aria-describedby="${describedBy}">
<legend>${richHtml(words.t(fieldLabel(input.situation, name)))}${tag(words, required)}</legend>
<p class="hint" id="${id}-hint">${richHtml(words.t(fieldHint(input.situation, name)))}</p>
${error ? html`<p class="error-message" id="${id}-error">${richHtml(words.t(UI_TEXT.errorPrefix))}${richHtml(error)}</p>` : ''}
<div class="radios">
<label><input type="radio" id="${id}" name="${name}" value="true"${value === true ? html` checked` : ''}${required ? html` required` : ''}> ${richHtml(words.t(yes))}</label>
<label><input type="radio" id="${id}-no" name="${name}" value="false"${value === false ? html` checked` : ''}> ${richHtml(words.t(no))}</label>
</div>
</fieldset>`;
}

/**
 * /guide/{lang}/{situation}: only the questions the situation needs, as a form sent by GET so the
 * answers end up in the answer page's URL. With errors: a summary that takes focus and links to
 * each field, and the message at the field, named in aria-describedby (GOV.UK error-summary).
 */
export function questionPage(input: QuestionPageInput): string {
  const { lang, situation, errors } = input;
  const words = wordsFor(lang, input.offices);
  const messages = new Map<AnswerName, string>();
  for (const error of errors) if (!messages.has(error.field)) messages.set(error.field, answerErrorText(words, situation, error, input.calendar));
  const { required, optional } = QUESTIONS[situation];
  // A date only questioned (after today, may be planned): the same form can confirm it as typed.
  const questioned = errors.length > 0 && errors.every((error) => error.problem === AnswerProblem.InFuture);
  const fields = [...required.map((name) => [name, true] as const), ...optional.map((name) => [name, false] as const)].map(([name, isRequired]) =>
    ANSWER_KINDS[name] === 'date'
      ? dateField(input, words, name, isRequired, messages.get(name))
      : choiceField(input, words, name, isRequired, messages.get(name)),
  );
  const summary =
    messages.size === 0
      ? ''
      : html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
<h2 id="error-summary-title">${richHtml(words.t(UI_TEXT.errorSummaryTitle))}</h2>
<ul>${[...messages].map(([name, message]) => html`<li><a href="#${fieldId(name)}">${richHtml(message)}</a></li>`)}</ul>
</div>`;
  const title = words.t(SITUATION_TITLES[situation]);
  const main = html`<p class="no-print"><a href="${guideUrl(lang, { rest: '', query: '' })}">${richHtml(words.t(UI_TEXT.startAgain))}</a></p>
${summary}
<h1>${richHtml(title)}</h1>
<h2>${richHtml(words.t(UI_TEXT.questionsTitle))}</h2>
<form method="get" action="${guideUrl(lang, { rest: `/${situation}/answer`, query: '' })}" novalidate>
${fields}
${input.answers.today !== undefined ? html`<input type="hidden" name="today" value="${input.answers.today}">` : ''}
<button type="submit">${richHtml(words.t(UI_TEXT.submit))}</button>
${questioned ? html`<button type="submit" name="futureDatesConfirmed" value="true" class="secondary">${richHtml(words.t(UI_TEXT.confirmFuture))}</button>` : ''}
</form>
<p class="privacy">${richHtml(words.t(UI_TEXT.privacy))}</p>`;
  return page({ lang, title, place: input.place, main, offices: input.offices, origin: input.origin, hasErrors: messages.size > 0, description: words.t(UI_TEXT.metaDescription, { title: plainText(title) }) });
}
