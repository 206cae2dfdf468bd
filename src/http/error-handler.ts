import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { TLocalizedValidationError } from 'typebox/error';
import type { FieldError } from '../rules/errors.ts';
import { fieldErrors } from '../rules/input-errors.ts';
import { HttpErrorCode, problem, PROBLEM_CONTENT_TYPE, problemResponses, type ErrorCode, type Problem } from './problem.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The code for a body that fails its schema: INPUT.INVALID on the rules API, else REQUEST.INVALID. */
    invalidInputCode?: ErrorCode;
  }
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type(PROBLEM_CONTENT_TYPE).send(body);
}

/**
 * Every error leaves as application/problem+json with a stable code. Schema failures name each
 * field; Fastify's own client errors keep their status; anything else is a 500 that says nothing
 * of the internals, and is logged in full.
 */
export const errorHandler = fp(
  async (app: FastifyInstance) => {
    app.addHook('onRoute', (route) => {
      // Every route may fail in these ways; say so in its schema, so that OpenAPI lists them too.
      if (!route.schema || route.schema.hide) return;
      const generic: ErrorCode[] = [HttpErrorCode.Internal];
      if (route.schema.body) {
        generic.push(route.config?.invalidInputCode ?? HttpErrorCode.RequestInvalid, HttpErrorCode.UnsupportedMediaType, HttpErrorCode.PayloadTooLarge);
      }
      if (route.schema.querystring || route.schema.params) generic.push(HttpErrorCode.RequestInvalid);
      const declared = (route.schema.response ?? {}) as Record<string, unknown>;
      route.schema.response = { ...problemResponses(...generic), ...declared };
    });
    app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      if (error.validation) {
        const code = request.routeOptions.config.invalidInputCode ?? HttpErrorCode.RequestInvalid;
        const errors = validationErrors(error.validation as unknown as TLocalizedValidationError[], error.validationContext);
        return sendProblem(reply, problem(code, errors.map((e) => e.message).join('; ') || 'invalid request', errors));
      }
      const clientError = clientProblem(error, request);
      if (clientError) return sendProblem(reply, clientError);
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(reply, problem(HttpErrorCode.Internal, 'An unexpected error occurred. It has been logged.'));
    });
    app.setNotFoundHandler((request, reply) =>
      sendProblem(reply, problem(HttpErrorCode.NotFound, `No route ${request.method} ${request.url.split('?')[0]}`)),
    );
  },
  { name: 'madoguchi-error-handler' },
);

function validationErrors(errors: TLocalizedValidationError[], context: string | undefined): FieldError[] {
  const root = context === 'body' || context === undefined ? '' : `/${context === 'querystring' ? 'query' : context}`;
  return fieldErrors(errors, root);
}

function clientProblem(error: FastifyError, request: FastifyRequest): Problem | undefined {
  const inputCode = request.routeOptions.config?.invalidInputCode ?? HttpErrorCode.RequestInvalid;
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem(inputCode, error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'The JSON body is empty' : 'The body is not valid JSON');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(HttpErrorCode.UnsupportedMediaType, 'Send the body as application/json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(HttpErrorCode.PayloadTooLarge, 'The body is too large');
    default:
      if (error.statusCode === 429) return problem(HttpErrorCode.Throttled, error.message);
      if (error.statusCode === 400) return problem(inputCode, error.message);
      return undefined;
  }
}
