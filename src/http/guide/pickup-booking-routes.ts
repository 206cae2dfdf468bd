import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bookAppointment } from '../../app/appointments/book-appointment.ts';
import { cancelAppointment } from '../../app/appointments/cancel-appointment.ts';
import { findPickup } from '../../app/appointments/find-pickup.ts';
import type { Result } from '../../app/app-errors.ts';
import { Lang } from '../../app/guide/lang.ts';
import type { PickupTextKey } from '../../app/guide/ui-text.ts';
import { parsePlainDate } from '../../rules/plain-date.ts';
import { clientAddress, withinBudget } from '../appointments/appointment-routes.ts';
import type { LookupBudget } from '../appointments/lookup-budget.ts';
import { langOf, sendHtml } from './guide-routes.ts';
import { notFoundPage } from './not-found-page.ts';
import { GUIDE_PREFIX, guideUrl, withTrainingBand } from './page-layout.ts';
import { bookedPage, cancelledPage, PICKUP_BOOKING_REST, slotsPage, startForm, type FieldError, type PageContext, type Typed } from './pickup-booking-pages.ts';

type Form = Record<string, string> | undefined;
type PageRequest = FastifyRequest<{ Params: { lang: string }; Body: Form }>;

/** Digits as a resident may type them: full-width (０-９), with spaces or hyphens. */
function normalizeReference(typed: string): string {
  return typed.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0)).replace(/[\s\-‐－ー]/g, '');
}

/** The reference number and birth date of a form, or what is wrong with them. */
function typedOf(body: Form): { typed: Typed; errors: FieldError[] } {
  const typed = { referenceNumber: normalizeReference(String(body?.referenceNumber ?? '')), birthDate: String(body?.birthDate ?? '').trim() };
  const errors: FieldError[] = [];
  if (typed.referenceNumber === '') errors.push({ field: 'referenceNumber', text: 'missing' });
  else if (!/^[0-9]{10}$/.test(typed.referenceNumber)) errors.push({ field: 'referenceNumber', text: 'typo' });
  if (typed.birthDate === '') errors.push({ field: 'birthDate', text: 'missing' });
  else if (!parsePlainDate(typed.birthDate)) errors.push({ field: 'birthDate', text: 'missing' });
  return { typed, errors };
}

/** The first form again with the refusal of a look-up, or undefined when it is not one of those. */
function lookupRefusal(code: string): { errors: FieldError[]; notice?: PickupTextKey; status: number } | undefined {
  if (code === 'APPOINTMENT.NOT_FOUND') return { errors: [{ field: 'referenceNumber', text: 'notFound' }], status: 404 };
  if (code === 'INPUT.INVALID') return { errors: [{ field: 'referenceNumber', text: 'typo' }], status: 400 };
  if (code === 'APPOINTMENT.CARD_NOT_READY') return { errors: [], notice: 'notReady', status: 409 };
  return undefined;
}

/**
 * The resident guide's pickup booking pages (docs/pickup.md "Appointments"): plain HTML forms sent
 * by POST, no script, the guide's look and languages. They call the same use cases as the public
 * API and spend the same per-address budget of failed look-ups.
 */
export async function pickupBookingRoutes(app: FastifyInstance, { publicUrl, lookups, publicRequestsPerMinute }: { publicUrl?: string | undefined; lookups: LookupBudget; publicRequestsPerMinute: number }): Promise<void> {
  await app.register(rateLimit, { global: false });
  const config = { rateLimit: { max: publicRequestsPerMinute, timeWindow: 60_000, keyGenerator: clientAddress } };
  // A training instance's band on every page, as the rest of the guide has it.
  const sendPage = (request: FastifyRequest, reply: FastifyReply, lang: Lang, page: string, status?: number): FastifyReply =>
    sendHtml(request, reply, lang, request.tenant.trainingDate === undefined ? page : withTrainingBand(page, lang, request.tenant.trainingDate, request.tenant.offices), status);
  const originOf = (request: FastifyRequest): string => (request.tenant === app.tenants.home ? publicUrl : undefined) ?? `${request.protocol}://${request.host}`;
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 8192 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  const pageContext = (request: PageRequest, reply: FastifyReply): PageContext | undefined => {
    const lang = langOf(request.params.lang);
    if (lang === undefined) {
      void sendPage(request, reply, Lang.Japanese, notFoundPage(Lang.Japanese, request.tenant.offices, originOf(request)), 404);
      return undefined;
    }
    return { lang, offices: request.tenant.offices, origin: originOf(request) };
  };

  /** A look-up within the budget; a spent budget is the first form with its notice (429). */
  const budgeted = async <T>(request: PageRequest, reply: FastifyReply, page: PageContext, typed: Typed, attempt: () => Promise<Result<T>>): Promise<Result<T> | undefined> => {
    const outcome = await withinBudget(lookups, request, attempt);
    if ('throttled' in outcome) {
      reply.header('retry-after', String(Math.ceil(outcome.throttled / 1000)));
      void sendPage(request, reply, page.lang, startForm(page, typed, [], 'throttled'), 429);
      return undefined;
    }
    return outcome;
  };

  /** The slots page for a typed reference and birth date, with errors of a later step; or the first form with the look-up's refusal. */
  const showSlots = async (request: PageRequest, reply: FastifyReply, page: PageContext, typed: Typed, errors: FieldError[] = [], status = 200) => {
    const found = await budgeted(request, reply, page, typed, () => findPickup(request.tenant, { referenceNumber: typed.referenceNumber, birthDate: parsePlainDate(typed.birthDate)! }));
    if (!found) return reply;
    if (!found.ok) {
      const refusal = lookupRefusal(found.error.code);
      if (!refusal) throw new Error(`unexpected refusal ${found.error.code}: ${found.error.message}`);
      return sendPage(request, reply, page.lang, startForm(page, typed, refusal.errors, refusal.notice), refusal.status);
    }
    return sendPage(request, reply, page.lang, slotsPage(page, typed, found.value, errors), status);
  };

  app.get<{ Params: { lang: string } }>(`${GUIDE_PREFIX}/:lang${PICKUP_BOOKING_REST}`, { schema: { hide: true } }, async (request, reply) => {
    const lang = langOf(request.params.lang);
    if (lang === undefined) return sendPage(request, reply, Lang.Japanese, notFoundPage(Lang.Japanese, request.tenant.offices, originOf(request)), 404);
    if (lang !== request.params.lang) return reply.redirect(guideUrl(lang, { rest: PICKUP_BOOKING_REST, query: '' }), 301);
    return sendPage(request, reply, lang, startForm({ lang, offices: request.tenant.offices, origin: originOf(request) }));
  });
  // A later step opened without its form (a bookmark, the language switch) starts again.
  for (const step of ['slots', 'book', 'cancel']) {
    app.get<{ Params: { lang: string } }>(`${GUIDE_PREFIX}/:lang${PICKUP_BOOKING_REST}/${step}`, { schema: { hide: true } }, async (request, reply) =>
      reply.redirect(guideUrl(langOf(request.params.lang) ?? Lang.Japanese, { rest: PICKUP_BOOKING_REST, query: '' }), 303),
    );
  }

  app.post<{ Params: { lang: string }; Body: Form }>(`${GUIDE_PREFIX}/:lang${PICKUP_BOOKING_REST}/slots`, { schema: { hide: true }, config }, async (request, reply) => {
    const page = pageContext(request, reply);
    if (!page) return reply;
    const { typed, errors } = typedOf(request.body);
    if (errors.length > 0) return sendPage(request, reply, page.lang, startForm(page, typed, errors), 400);
    return showSlots(request, reply, page, typed);
  });

  app.post<{ Params: { lang: string }; Body: Form }>(`${GUIDE_PREFIX}/:lang${PICKUP_BOOKING_REST}/book`, { schema: { hide: true }, config }, async (request, reply) => {
    const page = pageContext(request, reply);
    if (!page) return reply;
    const { typed, errors } = typedOf(request.body);
    if (errors.length > 0) return sendPage(request, reply, page.lang, startForm(page, typed, errors), 400);
    const slotStart = String(request.body?.slotStart ?? '');
    if (slotStart === '') return showSlots(request, reply, page, typed, [{ field: 'slotStart', text: 'chooseOne' }], 400);
    const booked = await budgeted(request, reply, page, typed, () => bookAppointment(request.tenant, { referenceNumber: typed.referenceNumber, birthDate: parsePlainDate(typed.birthDate)!, slotStart }));
    if (!booked) return reply;
    if (booked.ok) return sendPage(request, reply, page.lang, bookedPage(page, booked.value), 201);
    const refusal = lookupRefusal(booked.error.code);
    if (refusal) return sendPage(request, reply, page.lang, startForm(page, typed, refusal.errors, refusal.notice), refusal.status);
    const text: PickupTextKey = booked.error.code === 'APPOINTMENT.SLOT_FULL' ? 'full' : 'unavailable';
    return showSlots(request, reply, page, typed, [{ field: 'slotStart', text }], 409);
  });

  app.post<{ Params: { lang: string }; Body: Form }>(`${GUIDE_PREFIX}/:lang${PICKUP_BOOKING_REST}/cancel`, { schema: { hide: true }, config }, async (request, reply) => {
    const page = pageContext(request, reply);
    if (!page) return reply;
    const { typed, errors } = typedOf(request.body);
    if (errors.length > 0) return sendPage(request, reply, page.lang, startForm(page, typed, errors), 400);
    const id = String(request.body?.id ?? '');
    const cancelCode = String(request.body?.cancelCode ?? '').trim();
    if (cancelCode === '' || !/^[0-9a-f-]{36}$/.test(id)) return showSlots(request, reply, page, typed, [{ field: 'cancelCode', text: 'missing' }], 400);
    const cancelled = await budgeted(request, reply, page, typed, () => cancelAppointment(request.tenant, { id, cancelCode }));
    if (!cancelled) return reply;
    if (cancelled.ok) return sendPage(request, reply, page.lang, cancelledPage(page, cancelled.value.slotStart));
    const text: PickupTextKey = cancelled.error.code === 'APPOINTMENT.SLOT_PAST' ? 'tooLate' : 'wrongCode';
    return showSlots(request, reply, page, typed, [{ field: 'cancelCode', text }], cancelled.error.code === 'APPOINTMENT.SLOT_PAST' ? 409 : 404);
  });
}
