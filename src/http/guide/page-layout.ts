import { HTML_LANG, isJapanese, LANG_NAMES, LANGS, type Lang } from '../../app/guide/lang.ts';
import { hotlineLanguage, wordsFor } from '../../app/guide/localize-guide.ts';
import { plainText } from '../../app/guide/rich-text.ts';
import { UI_TEXT, type UiMessage } from '../../app/guide/ui-text.ts';
import type { OfficeDirectory } from '../../domain/office.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import { GUIDE_CSS } from './guide-style.ts';
import { html, phoneLink, richHtml, SafeHtml } from './html.ts';

export const GUIDE_PREFIX = '/guide';

/** The style sheet is ours, not input, and holds no `</style>`. */
const STYLE = new SafeHtml(GUIDE_CSS);

/** Where a page of the guide lives; the same page in another language swaps only the language. */
export interface PagePlace {
  /** The path after /guide/{lang}: '', '/moved-in', '/moved-in/answer'. */
  readonly rest: string;
  /** The query string without '?', kept when the language changes. */
  readonly query: string;
}

/** A short link to an office's map (the page stays light; the route redirects to the map search). */
export function officeMapPath(officeId: string): string {
  return `${GUIDE_PREFIX}/map/${officeId}`;
}

export function guideUrl(lang: Lang, place: PagePlace): string {
  return `${GUIDE_PREFIX}/${lang}${place.rest}${place.query === '' ? '' : `?${place.query}`}`;
}

export interface PageParts {
  readonly lang: Lang;
  /** The page's own title, as catalogue text (marks are taken off for <title>). */
  readonly title: string;
  readonly place: PagePlace;
  readonly main: SafeHtml;
  readonly offices: OfficeDirectory;
  readonly hasErrors?: boolean;
  /** The site's address (PUBLIC_URL, or the request's), for the absolute hreflang links. */
  readonly origin: string;
  /** The meta description; the site's own introduction when absent. */
  readonly description?: string;
}

/** The longest title search engines and tabs show whole (issue 13 item 16). */
export const TITLE_MAX = 70;

/** The page title: the page's own, then the site's name when both fit in TITLE_MAX. */
export function pageTitle(own: string, siteName: string): string {
  const full = `${own} | ${siteName}`;
  if (full.length <= TITLE_MAX) return full;
  return own.length <= TITLE_MAX ? own : `${own.slice(0, TITLE_MAX - 1)}…`;
}

const LANGUAGE_NAMES: Readonly<Record<string, UiMessage>> = {
  en: UI_TEXT.langEn,
  zh: UI_TEXT.langZh,
  ko: UI_TEXT.langKo,
  es: UI_TEXT.langEs,
  pt: UI_TEXT.langPt,
  vi: UI_TEXT.langVi,
};

/**
 * The national hotline's foreign-language line, first on every page in another language than
 * Japanese; where the page's language is not offered (Vietnamese), it says so and names those that
 * are (docs/rules.md "Corrections 2026-12").
 */
export function foreignHotlineHtml(lang: Lang, offices: OfficeDirectory): SafeHtml {
  const words = wordsFor(lang, offices);
  const line = offices.hotlineForeign;
  const offered = line.languages.includes(hotlineLanguage(lang));
  const languages = line.languages.map((code) => (LANGUAGE_NAMES[code] ? words.t(LANGUAGE_NAMES[code]) : code)).join(isJapanese(lang) ? '、' : ', ');
  return html`<aside class="hotline-foreign" aria-labelledby="hotline-foreign-title">
<h2 id="hotline-foreign-title">${richHtml(words.t(UI_TEXT.hotlineForeignTitle))}: ${phoneLink(line.phone)}</h2>
<p>${richHtml(offered ? words.t(UI_TEXT.hotlineForeignOffered) : words.t(UI_TEXT.hotlineForeignNotOffered, { languages }))} ${richHtml(words.t(UI_TEXT.hotlineForeignHours, { weekdays: line.weekdayHours, weekends: line.weekendHours }))}</p>
</aside>`;
}

/** Where the banner of every page opens: a training instance's band goes first inside it. */
const BANNER = '<header class="site">';

/**
 * A page of a training instance (MADOGUCHI_TODAY, docs/architecture.md "Training mode"): a band
 * at the top of the banner, in the page's language, naming the business date and saying that the
 * dates are not real — as the staff app's band does — so a resident who reaches a training site
 * is not misled by its deadlines.
 */
export function withTrainingBand(pageHtml: string, lang: Lang, date: PlainDate, offices: OfficeDirectory): string {
  const band = html`<p class="training-band">${richHtml(wordsFor(lang, offices).t(UI_TEXT.trainingBand, { date }))}</p>`;
  return pageHtml.replace(BANNER, `${BANNER}\n${band.value}`);
}

/**
 * Every page of the guide: the language switch (links to this same page and answers in each
 * language, each link in its own language), the skip link, and the hotline in the footer.
 * No script, one inline style sheet.
 */
export function page({ lang, title, place, main, offices, origin, description, hasErrors = false }: PageParts): string {
  const words = wordsFor(lang, offices);
  const siteName = words.t(UI_TEXT.siteName);
  const fullTitle = pageTitle(`${hasErrors ? plainText(words.t(UI_TEXT.errorPrefix)) : ''}${plainText(title)}`, plainText(siteName));
  const hotline = offices.hotline.phone;
  return html`<!DOCTYPE html>
<html lang="${HTML_LANG[lang]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${plainText(description ?? words.t(UI_TEXT.startIntro))}">
<link rel="icon" href="${GUIDE_PREFIX}/favicon.svg" type="image/svg+xml">
${LANGS.filter((other) => other !== 'ja-easy').map((other) => html`<link rel="alternate" hreflang="${HTML_LANG[other]}" href="${origin}${guideUrl(other, place)}">`)}
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">${richHtml(words.t(UI_TEXT.skipLink))}</a>
${new SafeHtml(BANNER)}<div class="wrap">
<p class="site-name"><a href="${guideUrl(lang, { rest: '', query: '' })}">${richHtml(siteName)}</a></p>
<nav class="langs" aria-label="${plainText(words.t(UI_TEXT.languageNav))}"><ul>${LANGS.map(
    (other) =>
      html`<li><a href="${guideUrl(other, place)}" lang="${HTML_LANG[other]}" hreflang="${HTML_LANG[other]}"${other === lang ? html` aria-current="page"` : ''}>${LANG_NAMES[other]}</a></li>`,
  )}</ul></nav>
</div></header>
<main id="main" tabindex="-1"><div class="wrap">
${isJapanese(lang) ? '' : foreignHotlineHtml(lang, offices)}
${main}
</div></main>
<footer class="site"><div class="wrap">
<p>${richHtml(words.t(UI_TEXT.hotlineFooter))} <strong>${phoneLink(hotline)}</strong> (${richHtml(words.t(UI_TEXT.hotlineHours))})</p>
<p class="source">${richHtml(words.t(UI_TEXT.footerSource))}</p>
</div></footer>
</body>
</html>
`.value;
}
