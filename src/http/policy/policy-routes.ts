import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PolicySchema } from '../../rules/policy.ts';

/**
 * GET /api/v1/policy (docs/api.md "Public"): the city's effective policy, the defaults of docs/rules.md
 * with `POLICY_FILE` laid over them, exactly as the rules apply it. Public like the rules: it
 * holds the city's decisions (of the request's municipality: tenants.ts), no one's data. The web app reads it so that its texts name the
 * city's figures and its checks before sending take the rules' own values, never a copy.
 */
export const policyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/policy',
    {
      schema: {
        summary: 'The policy the rules apply: the defaults of docs/rules.md and the city’s POLICY_FILE',
        tags: ['public'],
        response: { 200: PolicySchema },
      },
    },
    async (request) => request.tenant.rules.policy,
  );
};
