import type { FastifyInstance } from 'fastify';
import type { Config } from '../app/config.ts';
import type { AppContext } from '../app/context.ts';
import { HttpErrorCode } from './problem.ts';
import { buildApp, type ServedMunicipality } from './app.ts';
import type { Metrics } from './metrics/metrics.ts';
import { fdSink, LogDestination, logOptions, maskDigits } from './log.ts';

export interface RunningServer {
  readonly app: FastifyInstance;
  /** Stops taking requests and resolves once those under way have been answered (at most `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts listening on HOST:PORT with structured logs (pino) on standard output, through a
 * destination that survives a full disk; a connection to the database lost while idle is
 * logged as one line. With METRICS_TOKEN, /metrics counts into `metrics` (those the store reports
 * its commit batches to).
 */
export async function startServer(config: Config, context: AppContext, metrics?: Metrics, municipalities: readonly ServedMunicipality[] = []): Promise<RunningServer> {
  const app = await buildApp(context, {
    municipalities,
    trustProxy: config.trustProxy ?? false,
    hsts: config.hsts,
    publicUrl: config.publicUrl,
    logger: logOptions(config.logLevel, new LogDestination(fdSink(1))),
    ...(config.metricsToken !== undefined && { metricsToken: config.metricsToken }),
    ...(metrics && { metrics }),
  });
  context.store.condition.onBackgroundFault((fault) => app.log.warn({ code: HttpErrorCode.Unavailable, cause: fault.code }, maskDigits(fault.message)));
  await app.listen({ port: config.port, host: config.host });
  return {
    app,
    async stop(graceMs = 10_000) {
      const closing = app.close();
      const until = Date.now() + graceMs;
      while (app.inFlight() > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
      await closing;
    },
  };
}
