import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { OfficeDirectorySchema } from '../../domain/office.ts';

/** GET /api/v1/offices: the counters and the hotline of the request's municipality (docs/api.md "Public"; tenants.ts). */
export const officeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/offices',
    {
      schema: {
        summary: 'The counters of the city and the 24-hour hotline',
        tags: ['public'],
        response: { 200: OfficeDirectorySchema },
      },
    },
    async (request) => request.tenant.offices,
  );
};
