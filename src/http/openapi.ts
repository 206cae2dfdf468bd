import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { EncodedBody } from './encoded-body.ts';

/**
 * The OpenAPI document, generated from the route schemas, at /api/openapi.json, and a browsable
 * view of it at /api/docs. Registered before the routes so that it sees every one of them.
 */
export const openApi = fp(
  async (app: FastifyInstance) => {
    // Every operation is named (client generators name their methods by it) and says whether it
    // needs a session: a route that declares no security is public, and says so.
    app.addHook('onRoute', (route) => {
      if (!route.schema || route.schema.hide) return;
      route.schema = { ...route.schema, operationId: route.schema.operationId ?? operationIdOf(route.method, route.url) };
      if (route.schema.security === undefined) route.schema = { ...route.schema, security: [] };
    });
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Madoguchi API',
          version: '1',
          license: { name: 'MIT', identifier: 'MIT' },
          description:
            'My Number Card service of a city office: rules, records, counter and hotline. Errors are application/problem+json with a stable `code`.',
        },
        servers: [{ url: '/', description: 'This server' }],
        tags: [
          { name: 'public', description: 'No sign-in' },
          { name: 'rules', description: 'The rules of docs/rules.md (R-1 … R-12), evaluated on the body' },
          { name: 'session', description: 'Staff sign-in' },
          { name: 'residents', description: 'Clerks and supervisors; the hotline may search' },
          { name: 'cards', description: 'Every procedure of a card' },
          { name: 'approvals', description: 'Supervisor approvals' },
          { name: 'audit', description: 'Auditors' },
          { name: 'staff', description: 'Administrators' },
          { name: 'jobs', description: 'Nightly jobs' },
          { name: 'reports', description: 'Figures, notices and lists for supervisors' },
        ],
        components: {
          securitySchemes: {
            bearer: { type: 'http', scheme: 'bearer', description: 'The token of POST /api/v1/session' },
            cookie: { type: 'apiKey', in: 'cookie', name: 'madoguchi_session', description: 'Changes also need the x-csrf-token header' },
          },
        },
      },
    });
    await app.register(swaggerUi, {
      routePrefix: '/api/docs',
      staticCSP: true,
      // The viewer's own policy, made as strict as the rest of the site (security-headers.ts): no
      // https: sources, no framing, and no upgrade to an https:// a plain-HTTP intranet may not have.
      transformStaticCSP: (header) =>
        header
          .replace(/ https:/g, '')
          .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
          .replace(/ ?upgrade-insecure-requests;?/, ''),
    });
    // The document is made and compressed once, when the server is ready (every route is known
    // then): it is half a megabyte as plain JSON and a few dozen kilobytes compressed.
    let document: EncodedBody | undefined;
    app.addHook('onReady', async () => {
      document = new EncodedBody(JSON.stringify(app.swagger()), 'application/json; charset=utf-8');
    });
    app.get('/api/openapi.json', { schema: { hide: true } }, async (request, reply) => {
      document ??= new EncodedBody(JSON.stringify(app.swagger()), 'application/json; charset=utf-8');
      return document.send(request, reply);
    });
  },
  { name: 'madoguchi-openapi' },
);

/**
 * A stable name for an operation, from its method and path: `POST /api/v1/cards/:id/suspend` is
 * `postCardsIdSuspend`, `GET /api/v1/residents` is `getResidents`.
 */
export function operationIdOf(method: string | readonly string[], url: string): string {
  const verb = (Array.isArray(method) ? method[0]! : (method as string)).toLowerCase();
  const words = url
    .replace(/^\/api\/v1\//, '')
    .split(/[/.-]+/)
    .filter(Boolean)
    .map((word) => word.replace(/^:/, ''));
  return verb + words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
}
