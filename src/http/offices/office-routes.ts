import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { OfficeDirectorySchema, type OfficeDirectory } from '../../domain/office.ts';

/** GET /api/v1/offices: the counters and the hotline of offices.json (docs/api.md "Public"). */
export const officeRoutes: FastifyPluginAsyncTypebox<{ offices: OfficeDirectory }> = async (app, { offices }) => {
  app.get(
    '/api/v1/offices',
    {
      schema: {
        summary: 'The counters of the city and the 24-hour hotline',
        tags: ['public'],
        response: { 200: OfficeDirectorySchema },
      },
    },
    async () => offices,
  );
};
