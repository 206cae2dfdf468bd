import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { RuleErrorCode } from '../../rules/errors.ts';
import { RULE_NAMES, RULES, type RuleDefinition } from '../../rules/registry.ts';
import { sendProblem } from '../error-handler.ts';
import { problem, problemResponses } from '../problem.ts';

/**
 * POST /api/v1/rules/{rule} (docs/api.md "Public"): one route per rule of docs/rules.md, each with the
 * rule's own input and output schema, so the OpenAPI document describes every field.
 * A body that fails the schema is INPUT.INVALID, as on the CLI.
 */
export const ruleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  for (const name of RULE_NAMES) {
    const definition = RULES[name] as RuleDefinition;
    app.post(
      `/api/v1/rules/${name}`,
      {
        config: { invalidInputCode: RuleErrorCode.InputInvalid },
        schema: {
          summary: `${definition.id} ${name}: ${definition.summary}`,
          tags: ['rules'],
          body: definition.input,
          response: {
            200: definition.output,
            ...problemResponses(RuleErrorCode.InputInvalid, ...definition.refusals),
          },
        },
      },
      async (request, reply) => {
        const outcome = definition.evaluate(request.body, request.tenant.rules);
        if (!outcome.ok) return sendProblem(reply, problem(outcome.error.code, outcome.error.message, outcome.error.errors));
        return outcome.value;
      },
    );
  }
  app.post(
    '/api/v1/rules/:rule',
    {
      config: { invalidInputCode: RuleErrorCode.InputInvalid },
      schema: {
        // Not an operation: only the answer to a name that is no rule (RULE.UNKNOWN).
        hide: true,
        summary: 'Any other name is not a rule',
        tags: ['rules'],
        params: Type.Object({ rule: Type.String() }),
        response: problemResponses(RuleErrorCode.RuleUnknown),
      },
    },
    async (request, reply) =>
      sendProblem(
        reply,
        problem(RuleErrorCode.RuleUnknown, `There is no rule "${request.params.rule}". Rules: ${RULE_NAMES.join(', ')}`),
      ),
  );
};
