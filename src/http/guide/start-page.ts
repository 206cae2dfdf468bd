import { wordsFor } from '../../app/guide/localize-guide.ts';
import type { Lang } from '../../app/guide/lang.ts';
import { PICKUP_TEXT, UI_TEXT } from '../../app/guide/ui-text.ts';
import { GROUP_TITLES, SITUATION_TITLES } from '../../domain/guide/guide-text.ts';
import { asks, SITUATION_GROUPS } from '../../domain/guide/situation.ts';
import type { OfficeDirectory } from '../../domain/office.ts';
import { html, richHtml } from './html.ts';
import { guideUrl, page } from './page-layout.ts';
import { PICKUP_BOOKING_REST } from './pickup-booking-pages.ts';

/**
 * /guide/{lang}: what happened? Every situation, grouped, one tap from its questions or answer; the
 * pickup group also leads straight to the booking pages (docs/pickup.md "Appointments").
 */
export function startPage(lang: Lang, offices: OfficeDirectory, origin: string): string {
  const words = wordsFor(lang, offices);
  const main = html`<h1>${richHtml(words.t(UI_TEXT.startTitle))}</h1>
<p>${richHtml(words.t(UI_TEXT.startIntro))}</p>
${SITUATION_GROUPS.map(
  (group) => html`<section aria-labelledby="group-${group.id}">
<h2 id="group-${group.id}">${richHtml(words.t(GROUP_TITLES[group.id]))}</h2>
<ul class="situations">${group.situations.map((situation) => {
    const rest = asks(situation).length > 0 ? `/${situation}` : `/${situation}/answer`;
    return html`<li><a href="${guideUrl(lang, { rest, query: '' })}">${richHtml(words.t(SITUATION_TITLES[situation]))}</a></li>`;
  })}${group.id === 'pickup' ? html`<li><a href="${guideUrl(lang, { rest: PICKUP_BOOKING_REST, query: '' })}">${richHtml(words.t(PICKUP_TEXT.link))}</a></li>` : ''}</ul>
</section>`,
)}
<p class="privacy">${richHtml(words.t(UI_TEXT.privacy))}</p>`;
  return page({ lang, title: words.t(UI_TEXT.startTitle), place: { rest: '', query: '' }, main, offices, origin, description: words.t(UI_TEXT.startIntro) });
}
