import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { AppContext } from '../app/context.ts';
import { appointmentRoutes } from './appointments/appointment-routes.ts';
import { LookupBudget } from './appointments/lookup-budget.ts';
import { approvalRoutes } from './approvals/approval-routes.ts';
import { auditRoutes } from './audit/audit-routes.ts';
import { staffAuth, tokenOf } from './auth.ts';
import { bodyTimeout } from './body-timeout.ts';
import { cardRoutes } from './cards/card-routes.ts';
import { deliveryRoutes } from './deliveries/delivery-routes.ts';
import { errorHandler } from './error-handler.ts';
import { guideRoutes } from './guide/guide-routes.ts';
import { pickupBookingRoutes } from './guide/pickup-booking-routes.ts';
import { healthRoutes } from './health/health-routes.ts';
import { idempotency } from './idempotency.ts';
import { jobRoutes } from './jobs/job-routes.ts';
import { createMetrics, type Metrics } from './metrics/metrics.ts';
import { metricsRoutes } from './metrics/metrics-routes.ts';
import { noStore } from './no-store.ts';
import { nulGuard } from './nul-guard.ts';
import { officeRoutes } from './offices/office-routes.ts';
import { openApi } from './openapi.ts';
import { policyRoutes } from './policy/policy-routes.ts';
import { reportRoutes } from './reports/report-routes.ts';
import { residentRoutes } from './residents/resident-routes.ts';
import { ruleRoutes } from './rules/rule-routes.ts';
import { securityHeaders } from './security-headers.ts';
import { sessionRoutes } from './session/session-routes.ts';
import { staffRoutes } from './staff/staff-routes.ts';
import { webApp } from './web-app.ts';
import { makeTenants, tenantResolution } from './tenants.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Requests being answered now, so that a shutdown can wait for them. */
    inFlight: () => number;
  }
}

export interface HttpOptions {
  /** The site is served over TLS (HSTS=on): send Strict-Transport-Security and upgrade requests. */
  readonly hsts?: boolean;
  /** Sign-in attempts per minute per address and username before 429. */
  readonly loginAttemptsPerMinute?: number;
  /** Failed sign-ins per address, over any usernames, in 15 minutes before 429. */
  readonly signInFailuresPerAddress?: number;
  /** How long a request's body may take to arrive before it is answered 408 (default 30 s). */
  readonly bodyTimeoutMs?: number;
  /** METRICS_TOKEN: serve /metrics to whoever shows it; without one there is no /metrics (404). */
  readonly metricsToken?: string;
  /** The metrics to count into (made here unless given: the server gives those its store reports batches to). */
  readonly metrics?: Metrics;
  /** PUBLIC_URL: the site's own address, for the guide's absolute links. */
  readonly publicUrl?: string | undefined;
  /** Requests per minute per address to the public appointment routes before 429 (default 60). */
  readonly appointmentRequestsPerMinute?: number;
  /** Failed pickup look-ups (unknown 照会番号 or wrong birth date, wrong cancel code) per address in an hour before 429 (default 10). */
  readonly appointmentLookupFailuresPerAddress?: number;
  /** The other municipalities this server serves besides `context`'s, each with the host name of its residents' pages (docs/scale.md "Several municipalities"). */
  readonly municipalities?: readonly ServedMunicipality[];
}

export interface ServedMunicipality {
  readonly context: AppContext;
  readonly publicHost?: string | undefined;
}

/**
 * Builds the HTTP application without listening, so tests drive it with `inject` (fastify/demo).
 * `trustProxy` (TRUST_PROXY) makes the client's address and protocol those a TLS proxy in front
 * reports (X-Forwarded-For, X-Forwarded-Proto): sign-in throttling and the `Secure` cookie use them.
 */
export async function buildApp(context: AppContext, options: FastifyServerOptions & HttpOptions = {}): Promise<FastifyInstance> {
  const {
    loginAttemptsPerMinute = 10,
    signInFailuresPerAddress = 30,
    bodyTimeoutMs = 30_000,
    hsts = false,
    metricsToken,
    metrics,
    publicUrl,
    appointmentRequestsPerMinute = 60,
    appointmentLookupFailuresPerAddress = 10,
    municipalities = [],
    ...fastifyOptions
  } = options;
  const app = Fastify({
    ...fastifyOptions,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  // The API speaks JSON only; a text body is refused with 415 rather than read as a string.
  app.removeContentTypeParser('text/plain');
  let inFlight = 0;
  app.decorate('inFlight', () => inFlight);
  app.addHook('onRequest', async () => void inFlight++);
  app.addHook('onResponse', async () => void inFlight--);
  // A training instance says so on every answer, pages and problems included (docs/architecture.md "Training mode").
  const training = context.trainingDate;
  if (training !== undefined) app.addHook('onRequest', async (_, reply) => void reply.header('madoguchi-training', training));
  await app.register(errorHandler);
  if (metricsToken !== undefined) await app.register(metricsRoutes, { contexts: [context, ...municipalities.map((served) => served.context)], metrics: metrics ?? createMetrics(), token: metricsToken });
  await app.register(nulGuard);
  await app.register(noStore);
  await app.register(bodyTimeout, { timeoutMs: bodyTimeoutMs });
  await app.register(securityHeaders, { hsts });
  await app.register(openApi);
  await app.register(staffAuth);
  // After staffAuth, whose cookie parser the municipality of an API request may be read from.
  const hosts = new Map(municipalities.flatMap(({ context: served, publicHost }) => (publicHost === undefined ? [] : [[publicHost, served.offices.municipality.code] as const])));
  await app.register(tenantResolution, { tenants: makeTenants(context, municipalities.map((served) => served.context), hosts), sessionOf: (request) => tokenOf(request)?.token });
  await app.register(idempotency);
  await app.register(healthRoutes, { database: context.store, keys: context.keys });
  await app.register(officeRoutes);
  await app.register(policyRoutes);
  await app.register(ruleRoutes);
  await app.register(sessionRoutes, { loginAttemptsPerMinute, signInFailuresPerAddress });
  await app.register(residentRoutes);
  await app.register(cardRoutes);
  await app.register(deliveryRoutes);
  await app.register(approvalRoutes);
  await app.register(auditRoutes);
  await app.register(staffRoutes);
  await app.register(jobRoutes);
  await app.register(reportRoutes);
  // One budget for the booking API and the guide's booking page: a guess spends it either way.
  const lookups = new LookupBudget(appointmentLookupFailuresPerAddress, () => context.realTime.monotonicMs());
  await app.register(appointmentRoutes, { publicRequestsPerMinute: appointmentRequestsPerMinute, lookups });
  await app.register(guideRoutes, { publicUrl });
  await app.register(pickupBookingRoutes, { publicUrl, lookups, publicRequestsPerMinute: appointmentRequestsPerMinute });
  await app.register(webApp);
  return app;
}
