import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { Result } from '../../app/app-errors.ts';
import { bookAppointment } from '../../app/appointments/book-appointment.ts';
import { cancelAppointment } from '../../app/appointments/cancel-appointment.ts';
import { dayAppointments } from '../../app/appointments/day-appointments.ts';
import { listSlots } from '../../app/appointments/list-slots.ts';
import { markNoShow } from '../../app/appointments/mark-no-show.ts';
import { sendProblem } from '../error-handler.ts';
import { HttpErrorCode, problem, problemResponses } from '../problem.ts';
import { sendResult } from '../reply.ts';
import { IdParams, staffRoute } from '../staff-route.ts';
import { BookBody, BookedSchema, CancelledSchema, CancelQuery, DayQuery, DaySchema, SlotsQuery, SlotsSchema, StaffAppointmentSchema } from './appointment-schemas.ts';
import type { LookupBudget } from './lookup-budget.ts';

export interface AppointmentLimits {
  /** Requests per minute per address to the public appointment routes, before 429. */
  readonly publicRequestsPerMinute: number;
  /** The budget of failed look-ups (unknown reference, wrong birth date, wrong cancel code) per address. */
  readonly lookups: LookupBudget;
}

/** The client's address as throttling counts it (an IPv6 client by its /64; behind TRUST_PROXY the proxy's view). */
export const clientAddress = (request: FastifyRequest) => normalizeIP(request.ip);

/**
 * Runs a public look-up within the address's budget of failures (docs/pickup.md "Appointments"):
 * one is taken before it is tried and given back unless the answer is APPOINTMENT.NOT_FOUND, so
 * guessing spends the budget and a resident who typed their notice right spends nothing.
 */
export async function withinBudget<T>(budget: LookupBudget, request: FastifyRequest, attempt: () => Promise<Result<T>>): Promise<Result<T> | { readonly throttled: number }> {
  const address = clientAddress(request);
  const taken = budget.take(address);
  if (!taken.ok) return { throttled: taken.retryAfterMs };
  const result = await attempt();
  if (result.ok || result.error.code !== 'APPOINTMENT.NOT_FOUND') budget.refund(address);
  return result;
}

function sendBudgeted<T>(reply: FastifyReply, outcome: Result<T> | { readonly throttled: number }, status = 200): FastifyReply {
  if ('throttled' in outcome) {
    reply.header('retry-after', String(Math.ceil(outcome.throttled / 1000)));
    return sendProblem(reply, problem(HttpErrorCode.Throttled, 'too many look-ups that found nothing from this address; wait and try again'));
  }
  return sendResult(reply, outcome, status);
}

/**
 * Pickup appointments (docs/api.md "Pickup appointments"): the public slots, booking and
 * cancelling, rate-limited per address; the office's day and no-shows for its clerks.
 */
export async function appointmentRoutes(app: FastifyInstance, { publicRequestsPerMinute, lookups }: AppointmentLimits): Promise<void> {
  await app.register(rateLimit, { global: false });
  const perAddress = { max: publicRequestsPerMinute, timeWindow: 60_000, keyGenerator: clientAddress };

  app.get(
    '/api/v1/appointments/slots',
    {
      config: { rateLimit: perAddress },
      schema: {
        summary: 'Public: the pickup slots of an office with the places left (no sign-in)',
        tags: ['appointments'],
        querystring: SlotsQuery,
        response: { 200: SlotsSchema, ...problemResponses('INPUT.INVALID', 'OFFICE.UNKNOWN', 'CALENDAR.OUT_OF_RANGE', 'REQUEST.THROTTLED') },
      },
    },
    async (request, reply) => {
      const query = request.query as Static<typeof SlotsQuery>;
      return sendResult(reply, await listSlots(request.tenant, query));
    },
  );
  app.post(
    '/api/v1/appointments',
    {
      config: { rateLimit: perAddress },
      schema: {
        summary: 'Public: book a pickup time with the 照会番号 and birth date, or move the one booked (no sign-in)',
        tags: ['appointments'],
        body: BookBody,
        response: {
          201: BookedSchema,
          ...problemResponses(
            'INPUT.INVALID',
            'APPOINTMENT.NOT_FOUND',
            'APPOINTMENT.SLOT_FULL',
            'APPOINTMENT.CARD_NOT_READY',
            'APPOINTMENT.NOT_A_SLOT',
            'APPOINTMENT.SLOT_PAST',
            'APPOINTMENT.AFTER_COLLECT_BY',
            'CALENDAR.OUT_OF_RANGE',
            'REQUEST.THROTTLED',
          ),
        },
      },
    },
    async (request, reply) => sendBudgeted(reply, await withinBudget(lookups, request, () => bookAppointment(request.tenant, request.body as Static<typeof BookBody>)), 201),
  );
  app.delete(
    '/api/v1/appointments/:id',
    {
      config: { rateLimit: perAddress },
      schema: {
        summary: 'Public: cancel an appointment with its cancel code (no sign-in)',
        tags: ['appointments'],
        params: IdParams,
        querystring: CancelQuery,
        response: { 200: CancelledSchema, ...problemResponses('APPOINTMENT.NOT_FOUND', 'APPOINTMENT.SLOT_PAST', 'REQUEST.THROTTLED') },
      },
    },
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { cancelCode } = request.query as Static<typeof CancelQuery>;
      return sendBudgeted(reply, await withinBudget(lookups, request, () => cancelAppointment(request.tenant, { id, cancelCode })));
    },
  );
  staffRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/appointments',
      summary: "An office's pickup appointments of a day, with the resident and the card (its clerks and supervisors)",
      tags: ['appointments'],
      querystring: DayQuery,
      response: DaySchema,
      problems: ['AUTH.COUNTER_ONLY', 'AUTH.OFFICE_NOT_ALLOWED', 'OFFICE.UNKNOWN'],
    },
    ({ context, request, query }) => dayAppointments(context, request.actor, query),
  );
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/appointments/:id/no-show',
      summary: 'Mark that nobody came to a booked appointment whose time has begun (a clerk of its office)',
      tags: ['appointments'],
      params: IdParams,
      body: Type.Object({}, { additionalProperties: false }),
      response: StaffAppointmentSchema,
      problems: ['AUTH.COUNTER_ONLY', 'AUTH.OFFICE_NOT_ALLOWED', 'APPOINTMENT.NOT_FOUND', 'APPOINTMENT.NOT_BOOKED', 'APPOINTMENT.NOT_YET'],
    },
    ({ context, request, params }) => markNoShow(context, request.actor, params.id),
  );
}
