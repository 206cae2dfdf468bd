import helmet from '@fastify/helmet';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Database } from '../app/ports.ts';
import type { OfficeDirectory } from '../domain/office.ts';
import type { RuleContext } from '../rules/context.ts';
import { errorHandler } from './error-handler.ts';
import { healthRoutes } from './health/health-routes.ts';
import { officeRoutes } from './offices/office-routes.ts';
import { openApi } from './openapi.ts';
import { ruleRoutes } from './rules/rule-routes.ts';

export interface AppDependencies {
  readonly context: RuleContext;
  readonly offices: OfficeDirectory;
  readonly database: Database;
}

/** Builds the HTTP application without listening, so tests drive it with `inject` (fastify/demo). */
export async function buildApp(dependencies: AppDependencies, options: FastifyServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...options,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  // The API speaks JSON only; a text body is refused with 415 rather than read as a string.
  app.removeContentTypeParser('text/plain');
  await app.register(errorHandler);
  // HSTS and upgrade-insecure-requests belong to the TLS front (a reverse proxy); on a plain-HTTP
  // intranet address they would send browsers to an https:// that does not exist.
  await app.register(helmet, { global: true, hsts: false, contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });
  await app.register(openApi);
  await app.register(healthRoutes, { database: dependencies.database });
  await app.register(officeRoutes, { offices: dependencies.offices });
  await app.register(ruleRoutes, { context: dependencies.context });
  return app;
}
