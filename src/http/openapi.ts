import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The OpenAPI document, generated from the route schemas, at /api/openapi.json, and a browsable
 * view of it at /api/docs. Registered before the routes so that it sees every one of them.
 */
export const openApi = fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Madoguchi API',
          version: '1',
          description:
            'My Number Card service of a city office: rules, records, counter and hotline. Errors are application/problem+json with a stable `code`.',
        },
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
    await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'madoguchi-openapi' },
);
