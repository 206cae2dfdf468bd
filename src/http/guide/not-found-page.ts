import { wordsFor } from '../../app/guide/localize-guide.ts';
import type { Lang } from '../../app/guide/lang.ts';
import { UI_TEXT } from '../../app/guide/ui-text.ts';
import type { OfficeDirectory } from '../../domain/office.ts';
import { html, richHtml } from './html.ts';
import { guideUrl, page } from './page-layout.ts';

/** A guide address that names no page: say so in the resident's language and lead back to the start. */
export function notFoundPage(lang: Lang, offices: OfficeDirectory, origin: string): string {
  const words = wordsFor(lang, offices);
  const main = html`<h1>${richHtml(words.t(UI_TEXT.notFoundTitle))}</h1>
<p>${richHtml(words.t(UI_TEXT.notFoundBody))}</p>
<p><a href="${guideUrl(lang, { rest: '', query: '' })}">${richHtml(words.t(UI_TEXT.startAgain))}</a></p>`;
  return page({ lang, title: words.t(UI_TEXT.notFoundTitle), place: { rest: '', query: '' }, main, offices, origin });
}
