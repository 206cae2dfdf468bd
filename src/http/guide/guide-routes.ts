import { gzipSync } from 'node:zlib';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { answerErrorsOf, type AnswerError } from '../../app/guide/answer-errors.ts';
import { GuideFeedbackSchema, GuideRequestSchema, GuideResponseSchema } from './guide-schemas.ts';
import { HTML_LANG, isLang, Lang, LANGS, langFromAcceptLanguage } from '../../app/guide/lang.ts';
import { plainGuide, residentGuide } from '../../app/guide/resident-guide.ts';
import { mapUrl } from '../../app/guide/localize-guide.ts';
import { asks, isSituation, type Situation } from '../../domain/guide/situation.ts';
import { RuleErrorCode } from '../../rules/errors.ts';
import { sendProblem } from '../error-handler.ts';
import { problem, problemResponses } from '../problem.ts';
import { answerPage } from './answer-page.ts';
import { notFoundPage } from './not-found-page.ts';
import { feedbackDonePage } from './feedback-pages.ts';
import { FeedbackThrottle } from './feedback-throttle.ts';
import { recordGuideFeedback } from '../../app/guide/guide-feedback.ts';
import { Type } from 'typebox';
import { GUIDE_PREFIX, guideUrl, withTrainingBand } from './page-layout.ts';
import { answersFromQuery, type Query } from './query-answers.ts';
import { questionPage } from './question-page.ts';
import { startPage } from './start-page.ts';

const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0017c1"/><rect x="5" y="9" width="22" height="14" rx="2" fill="#fff"/><circle cx="11" cy="16" r="3" fill="#0017c1"/><rect x="16" y="13" width="8" height="2" fill="#0017c1"/><rect x="16" y="17" width="6" height="2" fill="#0017c1"/></svg>';

/** The language a resident chose last, remembered for a year on this path only. It holds nothing else. */
export const LANG_COOKIE = 'madoguchi_guide_lang';
const YEAR_SECONDS = 365 * 24 * 3600;

function queryStringOf(request: FastifyRequest): string {
  const index = request.url.indexOf('?');
  return index < 0 ? '' : request.url.slice(index + 1);
}

/**
 * An HTML page, gzipped when the browser takes it (a reverse proxy may do this too; an old phone
 * on a slow line should not wait for it). Answers are never cached by anyone: their URL holds dates.
 */
export function sendHtml(request: FastifyRequest, reply: FastifyReply, lang: Lang, body: string, status = 200, cache = 'no-store'): FastifyReply {
  reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('content-language', HTML_LANG[lang])
    .header('cache-control', cache)
    .header('vary', 'accept-encoding')
    .setCookie(LANG_COOKIE, lang, { path: GUIDE_PREFIX, maxAge: YEAR_SECONDS, sameSite: 'lax', httpOnly: true });
  const accepts = String(request.headers['accept-encoding'] ?? '');
  if (/\bgzip\b/.test(accepts)) return reply.header('content-encoding', 'gzip').send(gzipSync(body));
  return reply.send(body);
}

/** A language segment of the URL, in any letter case; `undefined` when it names none of ours. */
export function langOf(segment: string): Lang | undefined {
  return LANGS.find((lang) => lang.toLowerCase() === segment.toLowerCase());
}

/**
 * The public resident guide: POST /api/v1/guide, and the pages under /guide. Both call
 * `residentGuide`, the one implementation; the API sends its answer as plain JSON, the pages as
 * server-rendered HTML that needs no script (the CSP forbids inline scripts, and there are none).
 */
export const guideRoutes: FastifyPluginAsyncTypebox<{ publicUrl?: string | undefined }> = async (app, { publicUrl }) => {
  /** The site's address for absolute links: PUBLIC_URL, else the address this request came to. */
  const originOf = (request: FastifyRequest): string => (request.tenant === app.tenants.home ? publicUrl : undefined) ?? `${request.protocol}://${request.host}`;
  if (!app.hasReplyDecorator('setCookie')) throw new Error('the guide needs @fastify/cookie, which the staff-auth plugin registers');
  /** A page of the guide, with the training band on a training instance (docs/architecture.md "Training mode"). */
  const sendPage = (request: FastifyRequest, reply: FastifyReply, lang: Lang, page: string, status?: number, cache?: string): FastifyReply =>
    sendHtml(request, reply, lang, request.tenant.trainingDate === undefined ? page : withTrainingBand(page, lang, request.tenant.trainingDate, request.tenant.offices), status, cache);

  app.post(
    '/api/v1/guide',
    {
      config: { invalidInputCode: RuleErrorCode.InputInvalid },
      schema: {
        summary: 'Resident guide: steps, counters, checklist, fee and dated deadlines for a situation, in one of six languages',
        description:
          'The same answer as the pages under /guide. A missing answer the situation needs, or one it does not ask, is 400 INPUT.INVALID naming it. `today` defaults to the business date in Japan.',
        tags: ['public'],
        body: GuideRequestSchema,
        response: {
          200: GuideResponseSchema,
          ...problemResponses(RuleErrorCode.InputInvalid, RuleErrorCode.CalendarOutOfRange),
        },
      },
    },
    async (request, reply) => {
      const outcome = residentGuide(request.tenant, request.body);
      if (!outcome.ok) {
        const errors = outcome.error.errors.map(({ pointer, message }) => ({ pointer, message }));
        return sendProblem(reply, problem(outcome.error.code, outcome.error.message, errors));
      }
      return plainGuide(outcome.value);
    },
  );

  app.get(GUIDE_PREFIX, { schema: { hide: true } }, async (request, reply) => {
    const remembered = request.cookies[LANG_COOKIE];
    const lang = (remembered !== undefined && isLang(remembered) ? remembered : undefined) ?? langFromAcceptLanguage(request.headers['accept-language']) ?? Lang.Japanese;
    return reply.header('cache-control', 'no-store').header('vary', 'cookie, accept-language').redirect(`${GUIDE_PREFIX}/${lang}`, 302);
  });

  // The guide's icon (a card on the Digital Agency blue), so that no page asks for a /favicon.ico that is not there.
  app.get(`${GUIDE_PREFIX}/favicon.svg`, { schema: { hide: true } }, async (_request, reply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=604800').send(FAVICON_SVG),
  );

  app.get<{ Params: { office: string } }>(`${GUIDE_PREFIX}/map/:office`, { schema: { hide: true } }, async (request, reply) => {
    const office = request.tenant.offices.offices.find((each) => each.id === request.params.office);
    if (office === undefined) return sendPage(request, reply, Lang.Japanese, notFoundPage(Lang.Japanese, request.tenant.offices, originOf(request)), 404);
    return reply.header('cache-control', 'public, max-age=86400').redirect(mapUrl(office.address), 302);
  });

  app.get<{ Params: { lang: string } }>(`${GUIDE_PREFIX}/:lang`, { schema: { hide: true } }, async (request, reply) => {
    const lang = langOf(request.params.lang);
    if (lang === undefined) return sendPage(request, reply, Lang.Japanese, notFoundPage(Lang.Japanese, request.tenant.offices, originOf(request)), 404);
    if (lang !== request.params.lang) return reply.redirect(`${GUIDE_PREFIX}/${lang}`, 301);
    return sendPage(request, reply, lang, startPage(lang, request.tenant.offices, originOf(request)), 200, 'no-cache');
  });

  const situationPage = (answer: boolean) => async (request: FastifyRequest<{ Params: { lang: string; situation: string }; Querystring: Query }>, reply: FastifyReply) => {
    const lang = langOf(request.params.lang);
    const { situation } = request.params;
    if (lang === undefined || !isSituation(situation)) {
      const shown = lang ?? Lang.Japanese;
      return sendPage(request, reply, shown, notFoundPage(shown, request.tenant.offices, originOf(request)), 404);
    }
    const query = queryStringOf(request);
    const rest = `/${situation}${answer ? '/answer' : ''}`;
    if (lang !== request.params.lang) return reply.redirect(guideUrl(lang, { rest, query }), 301);
    const parsed = answersFromQuery(situation, request.query);
    if (!answer) {
      if (asks(situation).length === 0) return reply.redirect(guideUrl(lang, { rest: `/${situation}/answer`, query }), 302);
      return sendPage(request, reply, lang, questionPage({ lang, situation, place: { rest, query }, answers: parsed.answers, typed: parsed.typed, errors: [], offices: request.tenant.offices, calendar: request.tenant.rules.calendar, origin: originOf(request) }));
    }
    const outcome = residentGuide(request.tenant, { situation, lang, answers: parsed.answers });
    if (parsed.errors.length === 0 && outcome.ok) {
      const html = answerPage({ lang, situation, guide: outcome.value, answers: parsed.answers, place: { rest, query }, offices: request.tenant.offices, origin: originOf(request) });
      return sendPage(request, reply, lang, html);
    }
    const errors = mergeErrors(situation, parsed.errors, outcome.ok ? [] : answerErrorsOf(outcome.error.errors));
    const form = questionPage({ lang, situation, place: { rest, query }, answers: parsed.answers, typed: parsed.typed, errors, offices: request.tenant.offices, calendar: request.tenant.rules.calendar, origin: originOf(request) });
    return sendPage(request, reply, lang, form, 400);
  };

  const throttle = new FeedbackThrottle();

  app.post(
    '/api/v1/guide/feedback',
    {
      schema: {
        summary: 'Resident guide feedback: was the answer helpful, was it easy to find, an optional comment',
        description:
          'Anonymous: no personal data is asked, and digits, phone-like strings and e-mail addresses are taken out of the comment before it is stored. At most 10 answers an hour from one address (429 REQUEST.THROTTLED).',
        tags: ['public'],
        body: GuideFeedbackSchema,
        response: { 204: Type.Null({ description: 'Taken' }), ...problemResponses('REQUEST.INVALID', 'REQUEST.THROTTLED') },
      },
    },
    async (request, reply) => {
      if (!throttle.take(request.ip)) return sendProblem(reply, problem('REQUEST.THROTTLED', 'too many feedback answers from this address; try again later'));
      await recordGuideFeedback(request.tenant, request.body);
      return reply.code(204).send(null);
    },
  );

  // The answer pages' form posts application/x-www-form-urlencoded; only this plugin reads it.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 8192 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  app.post<{ Params: { lang: string; situation: string }; Body: Record<string, string> | undefined }>(
    `${GUIDE_PREFIX}/:lang/:situation/feedback`,
    { schema: { hide: true } },
    async (request, reply) => {
      const lang = langOf(request.params.lang);
      const { situation } = request.params;
      if (lang === undefined || !isSituation(situation)) return sendPage(request, reply, lang ?? Lang.Japanese, notFoundPage(lang ?? Lang.Japanese, request.tenant.offices, originOf(request)), 404);
      const body = request.body ?? {};
      const helpful = body.helpful;
      const easyToFind = body.easyToFind;
      if ((helpful !== 'yes' && helpful !== 'no') || (easyToFind !== 'yes' && easyToFind !== 'no')) {
        return sendPage(request, reply, lang, feedbackDonePage(lang, situation, 'invalid', request.tenant.offices, originOf(request)), 400);
      }
      if (!throttle.take(request.ip)) return sendPage(request, reply, lang, feedbackDonePage(lang, situation, 'throttled', request.tenant.offices, originOf(request)), 429);
      const comment = typeof body.comment === 'string' ? body.comment.slice(0, 1000) : undefined;
      await recordGuideFeedback(request.tenant, { situation, lang, helpful, easyToFind, ...(comment !== undefined && { comment }) });
      return reply.redirect(`${GUIDE_PREFIX}/${lang}/${situation}/feedback`, 303);
    },
  );

  app.get<{ Params: { lang: string; situation: string } }>(`${GUIDE_PREFIX}/:lang/:situation/feedback`, { schema: { hide: true } }, async (request, reply) => {
    const lang = langOf(request.params.lang);
    const { situation } = request.params;
    if (lang === undefined || !isSituation(situation)) return sendPage(request, reply, lang ?? Lang.Japanese, notFoundPage(lang ?? Lang.Japanese, request.tenant.offices, originOf(request)), 404);
    return sendPage(request, reply, lang, feedbackDonePage(lang, situation, 'thanks', request.tenant.offices, originOf(request)));
  });

  app.get(`${GUIDE_PREFIX}/:lang/:situation`, { schema: { hide: true } }, situationPage(false));
  app.get(`${GUIDE_PREFIX}/:lang/:situation/answer`, { schema: { hide: true } }, situationPage(true));
  app.get(`${GUIDE_PREFIX}/*`, { schema: { hide: true } }, async (request, reply) => {
    const segment = request.url.slice(GUIDE_PREFIX.length + 1).split(/[/?]/)[0] ?? '';
    const lang = langOf(segment) ?? Lang.Japanese;
    return sendPage(request, reply, lang, notFoundPage(lang, request.tenant.offices, originOf(request)), 404);
  });
};

/** The form's own findings first (a date it could not read is not also "required"), then the guide's, in question order. */
function mergeErrors(situation: Situation, own: readonly AnswerError[], guide: readonly AnswerError[]): AnswerError[] {
  const fields = new Set(own.map((error) => error.field));
  const all = [...own, ...guide.filter((error) => !fields.has(error.field))];
  const order = asks(situation);
  return all.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
}

