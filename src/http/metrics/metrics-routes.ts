import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { readLatestCheckpoint } from '../../app/audit-checkpoints.ts';
import type { AppContext } from '../../app/context.ts';
import { sendProblem, problemCodeOf } from '../error-handler.ts';
import { problem } from '../problem.ts';
import type { Metrics } from './metrics.ts';

/** The label of a request that matched no route: one label, whatever path was asked for. */
export const UNMATCHED_ROUTE = 'unmatched';

export interface MetricsRouteOptions {
  /** Every municipality the server serves, the home one first. */
  readonly contexts: readonly AppContext[];
  readonly metrics: Metrics;
  /** METRICS_TOKEN: the bearer token a scraper must show. */
  readonly token: string;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Whether the Authorization header holds the token, compared in constant time (digests of equal length). */
function holdsToken(authorization: string | undefined, token: string): boolean {
  const shown = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(shown), digest(token));
}

function seconds(instant: string): number {
  return Date.parse(instant) / 1000;
}

/**
 * The gauges of the records, read now: the database's size, and for each municipality served the
 * last runs of its sweep (from their run records, so a run of `madoguchi sweep` counts too) and
 * its last audit checkpoint (from the end of its file, checked as the server checks it every
 * minute), labelled with its code. A database that does not answer leaves its figures NaN and
 * `madoguchi_database_up` 0, so that a scrape still answers.
 */
export async function refreshRecordMetrics(metrics: Metrics, contexts: readonly AppContext[], log: { warn(object: object, message: string): void }): Promise<void> {
  const [home] = contexts;
  if (home === undefined) return;
  metrics.storageFull.set(home.store.condition.full ? 1 : 0);
  metrics.sweepLastRunChanges.reset();
  try {
    metrics.databaseSize.set(await home.store.sizeBytes());
    metrics.databaseUp.set(1);
  } catch (error) {
    log.warn({ err: error }, 'metrics: the database does not answer');
    metrics.databaseUp.set(0);
    metrics.databaseSize.set(Number.NaN);
  }
  for (const context of contexts) {
    const labels = { municipality: context.offices.municipality.code };
    const sweep = [metrics.sweepRunning, metrics.sweepLastRunFinished, metrics.sweepLastRunDuration, metrics.sweepLastRunSucceeded, metrics.sweepLastSuccess];
    const runs = await context.store.read.jobRuns.list('sweep', 30).catch(() => undefined);
    if (runs === undefined) {
      for (const gauge of sweep) gauge.set(labels, Number.NaN);
    } else {
      const last = runs.find((run) => run.finishedAt !== null);
      const success = runs.find((run) => run.status === 'done' && run.finishedAt !== null);
      metrics.sweepRunning.set(labels, runs.some((run) => run.status === 'running') ? 1 : 0);
      metrics.sweepLastRunFinished.set(labels, last ? seconds(last.finishedAt!) : Number.NaN);
      metrics.sweepLastRunDuration.set(labels, last?.durationMs != null ? last.durationMs / 1000 : Number.NaN);
      metrics.sweepLastRunSucceeded.set(labels, last ? Number(last.status === 'done') : Number.NaN);
      for (const [kind, count] of Object.entries(last?.counts ?? {})) metrics.sweepLastRunChanges.set({ ...labels, kind }, count);
      metrics.sweepLastSuccess.set(labels, success ? seconds(success.finishedAt!) : Number.NaN);
    }
    const reading = await readLatestCheckpoint(context);
    metrics.checkpointsDamaged.set(labels, reading.problem ? 1 : 0);
    metrics.checkpointAge.set(labels, reading.last ? Math.max(0, seconds(context.clock.now()) - seconds(reading.last.at)) : Number.NaN);
    metrics.checkpointNumber.set(labels, reading.last ? reading.last.n : Number.NaN);
  }
}

/**
 * GET /metrics for Prometheus, behind METRICS_TOKEN (docs/security.md "Metrics"): without the
 * token shown as `Authorization: Bearer …` it is 401, and it is never cached. Not in the OpenAPI
 * document: it is for the operator's scraper, not for clients. Counts every request the app
 * answers, by route pattern, and every problem by its code.
 */
export const metricsRoutes = fp(
  async (app: FastifyInstance, { contexts, metrics, token }: MetricsRouteOptions) => {
    app.addHook('onResponse', async (request, reply) => {
      const labels = { method: request.method, route: request.routeOptions.url ?? UNMATCHED_ROUTE };
      metrics.requests.inc({ ...labels, status: String(reply.statusCode) });
      metrics.requestDuration.observe(labels, reply.elapsedTime / 1000);
      const code = problemCodeOf(request);
      if (code !== undefined) metrics.refusals.inc({ code });
    });
    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      if (!holdsToken(request.headers.authorization, token)) {
        reply.header('www-authenticate', 'Bearer realm="metrics"');
        return sendProblem(reply, problem('AUTH.UNAUTHENTICATED', 'Show the metrics token (METRICS_TOKEN) as Authorization: Bearer …'));
      }
      await refreshRecordMetrics(metrics, contexts, request.log);
      return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    });
  },
  { name: 'madoguchi-metrics' },
);
