import { dateWithWeekday } from '../../app/guide/dates.ts';
import { isJapanese, type Lang } from '../../app/guide/lang.ts';
import { localName, wordsFor } from '../../app/guide/localize-guide.ts';
import { PICKUP_TEXT, type PickupTextKey } from '../../app/guide/ui-text.ts';
import type { PickupLookup } from '../../app/appointments/find-pickup.ts';
import type { BookedAppointment } from '../../app/appointments/book-appointment.ts';
import type { Office, OfficeDirectory } from '../../domain/office.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import { html, richHtml, type SafeHtml } from './html.ts';
import { guideUrl, page, type PagePlace } from './page-layout.ts';

/** Where the booking pages live: /guide/{lang}/pickup-booking. */
export const PICKUP_BOOKING_REST = '/pickup-booking';
const PLACE: PagePlace = { rest: PICKUP_BOOKING_REST, query: '' };

export interface PageContext {
  readonly lang: Lang;
  readonly offices: OfficeDirectory;
  readonly origin: string;
}

/** What was typed into the first form, sent back into the later ones. */
export interface Typed {
  readonly referenceNumber: string;
  readonly birthDate: string;
}

export interface FieldError {
  readonly field: 'referenceNumber' | 'birthDate' | 'slotStart' | 'cancelCode';
  readonly text: PickupTextKey;
}

const action = (lang: Lang, step: string) => guideUrl(lang, { rest: `${PICKUP_BOOKING_REST}/${step}`, query: '' });
/** A text of the booking pages from the guide's catalogues (ui-text.ts PICKUP_TEXT), its `{n}` filled in. */
export function pickupText(context: Pick<PageContext, 'lang' | 'offices'>, key: PickupTextKey, values?: Readonly<Record<string, string>>): string {
  return wordsFor(context.lang, context.offices).t(PICKUP_TEXT[key], values);
}
const t = (context: PageContext, key: PickupTextKey, values?: Readonly<Record<string, string>>) => richHtml(pickupText(context, key, values));

function layout(context: PageContext, title: string, main: SafeHtml, hasErrors = false): string {
  return page({ lang: context.lang, title, place: PLACE, main, offices: context.offices, origin: context.origin, hasErrors, description: pickupText(context, 'intro') });
}

function errorSummary(context: PageContext, errors: readonly FieldError[]): SafeHtml | string {
  if (errors.length === 0) return '';
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
<h2 id="error-summary-title">${t(context, 'errorTitle')}</h2>
<ul>${errors.map((error) => html`<li><a href="#f-${error.field}">${t(context, error.text)}</a></li>`)}</ul>
</div>`;
}

function fieldError(context: PageContext, errors: readonly FieldError[], field: FieldError['field']): { message: SafeHtml | string; invalid: SafeHtml | string; describedBy: string } {
  const error = errors.find((candidate) => candidate.field === field);
  return error
    ? { message: html`<p class="error-message" id="f-${field}-error">${t(context, error.text)}</p>`, invalid: html` aria-invalid="true"`, describedBy: ` f-${field}-error` }
    : { message: '', invalid: '', describedBy: '' };
}

function hiddenTyped(typed: Typed): SafeHtml {
  return html`<input type="hidden" name="referenceNumber" value="${typed.referenceNumber}"><input type="hidden" name="birthDate" value="${typed.birthDate}">`;
}

/** "9:00–9:30" of a slot, in Japan time as the slots are written. */
function timeRange(start: string, end: string): string {
  const time = (moment: string) => `${Number(moment.slice(11, 13))}:${moment.slice(14, 16)}`;
  return `${time(start)}–${time(end)}`;
}

const dayOf = (moment: string) => moment.slice(0, 10) as PlainDate;

function officeHtml(lang: Lang, office: Office): SafeHtml {
  const local = localName(office, lang);
  return html`<span lang="ja">${office.name}</span>${local && !isJapanese(lang) ? html` <span class="office-en">(${local})</span>` : ''}<br><span lang="ja">${office.address}</span>`;
}

/** /guide/{lang}/pickup-booking: the reference number and birth date. */
export function startForm(context: PageContext, typed: Partial<Typed> = {}, errors: readonly FieldError[] = [], notice?: PickupTextKey): string {
  const { lang } = context;
  const reference = fieldError(context, errors, 'referenceNumber');
  const birth = fieldError(context, errors, 'birthDate');
  const main = html`${errorSummary(context, errors)}
${notice ? html`<div class="urgent" role="alert"><p>${t(context, notice)}</p></div>` : ''}
<h1>${t(context, 'title')}</h1>
<p>${t(context, 'intro')}</p>
<form method="post" action="${action(lang, 'slots')}" novalidate>
<div class="field${reference.message ? ' error' : ''}">
<label for="f-referenceNumber">${t(context, 'reference')}</label>
<p class="hint" id="f-referenceNumber-hint">${t(context, 'referenceHint')}</p>
${reference.message}
<input type="text" id="f-referenceNumber" name="referenceNumber" inputmode="numeric" autocomplete="off" maxlength="20" value="${typed.referenceNumber ?? ''}" aria-describedby="f-referenceNumber-hint${reference.describedBy}" required${reference.invalid}>
</div>
<div class="field${birth.message ? ' error' : ''}">
<label for="f-birthDate">${t(context, 'birthDate')}</label>
${birth.message}
<input type="date" id="f-birthDate" name="birthDate" autocomplete="bday" value="${typed.birthDate ?? ''}" required${birth.invalid}${birth.describedBy ? html` aria-describedby="${birth.describedBy.trim()}"` : ''}>
</div>
<button type="submit">${t(context, 'find')}</button>
</form>`;
  return layout(context, pickupText(context, 'title'), main, errors.length > 0);
}

/** After the look-up: the office, the booking if any (with its cancel form), and the free slots. */
export function slotsPage(context: PageContext, typed: Typed, lookup: PickupLookup, errors: readonly FieldError[] = []): string {
  const { lang } = context;
  const slotError = fieldError(context, errors, 'slotStart');
  const codeError = fieldError(context, errors, 'cancelCode');
  const days = new Map<PlainDate, PickupLookup['slots'][number][]>();
  for (const slot of lookup.slots) days.set(dayOf(slot.start), [...(days.get(dayOf(slot.start)) ?? []), slot]);
  const current = lookup.appointment;
  const main = html`${errorSummary(context, errors)}
<p class="no-print"><a href="${guideUrl(lang, PLACE)}">${t(context, 'again')}</a></p>
<h1>${t(context, 'title')}</h1>
<dl class="answers">
<dt>${t(context, 'office')}</dt><dd>${officeHtml(lang, lookup.office)}</dd>
<dt>${t(context, 'collectBy')}</dt><dd>${richHtml(dateWithWeekday(lookup.collectBy, lang))}</dd>
${current ? html`<dt>${t(context, 'current')}</dt><dd>${richHtml(dateWithWeekday(dayOf(current.slotStart), lang))} ${timeRange(current.slotStart, current.slotEnd)}</dd>` : ''}
</dl>
${
  current
    ? html`<section aria-labelledby="cancel-title">
<h2 id="cancel-title">${t(context, 'cancelTitle')}</h2>
<form method="post" action="${action(lang, 'cancel')}" novalidate>
${hiddenTyped(typed)}<input type="hidden" name="id" value="${current.id}">
<div class="field${codeError.message ? ' error' : ''}">
<label for="f-cancelCode">${t(context, 'cancelCode')}</label>
<p class="hint" id="f-cancelCode-hint">${t(context, 'cancelHint')}</p>
${codeError.message}
<input type="text" id="f-cancelCode" name="cancelCode" autocomplete="off" maxlength="40" aria-describedby="f-cancelCode-hint${codeError.describedBy}" required${codeError.invalid}>
</div>
<button type="submit" class="secondary">${t(context, 'cancel')}</button>
</form>
</section>`
    : ''
}
<h2 id="choose-title">${t(context, current ? 'changeTitle' : 'chooseTitle')}</h2>
${
  lookup.slots.length === 0
    ? html`<p>${t(context, 'noSlots')}</p>`
    : html`<form method="post" action="${action(lang, 'book')}" novalidate>
${hiddenTyped(typed)}
${slotError.message}
${[...days].map(
  ([day, slots], index) => html`<fieldset class="field"${slotError.describedBy ? html` aria-describedby="${slotError.describedBy.trim()}"` : ''}>
<legend>${richHtml(dateWithWeekday(day, lang))}</legend>
<div class="radios">${slots.map(
    (slot, slotIndex) =>
      html`<label><input type="radio" name="slotStart" value="${slot.start}"${index === 0 && slotIndex === 0 ? html` id="f-slotStart"` : ''}${slotError.invalid}> ${timeRange(slot.start, slot.end)} <span class="tag">${t(context, 'places', { n: wordsFor(lang, context.offices).number(slot.remaining) })}</span></label>`,
  )}</div>
</fieldset>`,
)}
<button type="submit">${t(context, 'book')}</button>
</form>`
}`;
  return layout(context, pickupText(context, 'title'), main, errors.length > 0);
}

/** The confirmation, with the cancel code shown this once. */
export function bookedPage(context: PageContext, booked: BookedAppointment): string {
  const { lang } = context;
  const office = context.offices.offices.find((candidate) => candidate.id === booked.office.id);
  const title = pickupText(context, booked.movedFrom ? 'moved' : 'booked');
  const main = html`<h1>${richHtml(title)}</h1>
<div class="deadline">
<dl>
<dt>${t(context, 'when')}</dt><dd class="date">${richHtml(dateWithWeekday(dayOf(booked.slotStart), lang))} ${timeRange(booked.slotStart, booked.slotEnd)}</dd>
<dt>${t(context, 'office')}</dt><dd>${office ? officeHtml(lang, office) : booked.office.name}</dd>
<dt>${t(context, 'cancelCode')}</dt><dd><strong class="hotline" id="cancel-code">${booked.cancelCode}</strong></dd>
</dl>
</div>
<p>${t(context, 'keepCode')}</p>
<p>${t(context, 'bring')}</p>
<p class="no-print"><a href="${guideUrl(lang, PLACE)}">${t(context, 'again')}</a></p>`;
  return layout(context, title, main);
}

export function cancelledPage(context: PageContext, slotStart: string): string {
  const { lang } = context;
  const title = pickupText(context, 'cancelled');
  const main = html`<h1>${richHtml(title)}</h1>
<p><s>${richHtml(dateWithWeekday(dayOf(slotStart), lang))} ${Number(slotStart.slice(11, 13))}:${slotStart.slice(14, 16)}</s></p>
<p><a href="${guideUrl(lang, PLACE)}">${t(context, 'again')}</a></p>`;
  return layout(context, title, main);
}
