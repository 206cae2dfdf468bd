import type { FastifyInstance } from 'fastify';
import type { Config } from '../app/config.ts';
import type { AppContext } from '../app/context.ts';
import { buildApp } from './app.ts';

/** Starts listening on HOST:PORT with structured logs (pino); returns the running app. */
export async function startServer(config: Config, context: AppContext): Promise<FastifyInstance> {
  const app = await buildApp(context, {
    logger: {
      level: config.logLevel,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
    },
  });
  await app.listen({ port: config.port, host: config.host });
  return app;
}
