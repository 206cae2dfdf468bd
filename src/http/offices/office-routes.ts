import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { OfficeDirectorySchema } from '../../domain/office.ts';

const Code = (description = '全国地方公共団体コード with its check digit') => Type.String({ pattern: '^[0-9]{6}$', description });

const MunicipalityChoices = Type.Object(
  {
    current: Code("The municipality the request is for: a town's own host name's, else the signed-in session's, else the deployment's own"),
    municipalities: Type.Array(
      Type.Object({ code: Code(), name: Type.String({ description: 'Japanese name with its kind (江戸川区, 〇〇市)' }), nameEn: Type.String() }, { additionalProperties: false }),
      { description: "The municipalities whose staff sign in at this address: at a town's own host name that town only, else every municipality served, the deployment's own first" },
    ),
  },
  { additionalProperties: false },
);

/** GET /api/v1/offices and GET /api/v1/municipalities: public facts of the request's municipality, and of the deployment (docs/api.md "Public"; tenants.ts). */
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

  app.get(
    '/api/v1/municipalities',
    {
      schema: {
        summary: 'The municipalities whose staff sign in here, for the sign-in form to offer where one deployment serves several',
        tags: ['public'],
        response: { 200: MunicipalityChoices },
      },
    },
    async (request) => {
      const atHost = app.tenants.atHost(request.host);
      return {
        current: request.tenant.offices.municipality.code,
        municipalities: (atHost ? [atHost] : app.tenants.all).map(({ offices: { municipality } }) => ({ code: municipality.code, name: municipality.name, nameEn: municipality.nameEn })),
      };
    },
  );
};
