import type { FastifyInstance } from 'fastify';
import type { Config } from '../app/config.ts';
import type { AppContext } from '../app/context.ts';
import { buildApp } from './app.ts';

export interface RunningServer {
  readonly app: FastifyInstance;
  /** Stops taking requests and resolves once those under way have been answered (at most `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

/** Starts listening on HOST:PORT with structured logs (pino). */
export async function startServer(config: Config, context: AppContext): Promise<RunningServer> {
  const app = await buildApp(context, {
    trustProxy: config.trustProxy ?? false,
    logger: {
      level: config.logLevel,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
    },
  });
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
