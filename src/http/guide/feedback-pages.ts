import type { Lang } from '../../app/guide/lang.ts';
import { wordsFor, type Words } from '../../app/guide/localize-guide.ts';
import { UI_TEXT } from '../../app/guide/ui-text.ts';
import type { Situation } from '../../domain/guide/situation.ts';
import type { OfficeDirectory } from '../../domain/office.ts';
import { html, richHtml, type SafeHtml } from './html.ts';
import { guideUrl, page } from './page-layout.ts';

const t = (words: Words, key: Parameters<Words['t']>[0]) => richHtml(words.t(key));

function yesNo(words: Words, name: string, legend: Parameters<Words['t']>[0]): SafeHtml {
  return html`<fieldset class="field"><legend>${t(words, legend)}</legend><div class="radios">
<label><input type="radio" name="${name}" value="yes" required> ${t(words, UI_TEXT.yes)}</label>
<label><input type="radio" name="${name}" value="no"> ${t(words, UI_TEXT.no)}</label>
</div></fieldset>`;
}

/**
 * The city's own two questions under every answer (issue 13 item 4), sent by POST: the answers
 * and an optional comment, no personal data asked; digits are taken out before it is stored.
 */
export function feedbackForm(lang: Lang, situation: Situation, offices: OfficeDirectory): SafeHtml {
  const words = wordsFor(lang, offices);
  return html`<section class="feedback no-print" aria-labelledby="feedback-title">
<h2 id="feedback-title">${t(words, UI_TEXT.feedbackTitle)}</h2>
<form method="post" action="${guideUrl(lang, { rest: `/${situation}/feedback`, query: '' })}">
${yesNo(words, 'helpful', UI_TEXT.feedbackHelpful)}
${yesNo(words, 'easyToFind', UI_TEXT.feedbackEasy)}
<div class="field"><label for="f-comment">${t(words, UI_TEXT.feedbackComment)} <span class="tag">(${t(words, UI_TEXT.optional)})</span></label>
<p class="hint" id="f-comment-hint">${t(words, UI_TEXT.feedbackCommentHint)}</p>
<textarea id="f-comment" name="comment" rows="3" maxlength="500" aria-describedby="f-comment-hint"></textarea></div>
<button type="submit">${t(words, UI_TEXT.feedbackSubmit)}</button>
</form>
</section>`;
}

/** After the feedback was taken, or refused (too many from one address, or not both answers). */
export function feedbackDonePage(lang: Lang, situation: Situation, outcome: 'thanks' | 'throttled' | 'invalid', offices: OfficeDirectory, origin: string): string {
  const words = wordsFor(lang, offices);
  const message = outcome === 'thanks' ? UI_TEXT.feedbackThanks : outcome === 'throttled' ? UI_TEXT.feedbackThrottled : UI_TEXT.feedbackInvalid;
  const main = html`<h1>${t(words, message)}</h1>
<p><a href="${guideUrl(lang, { rest: '', query: '' })}">${t(words, UI_TEXT.startAgain)}</a></p>`;
  return page({ lang, title: words.t(message), place: { rest: `/${situation}/feedback`, query: '' }, main, offices, origin });
}
