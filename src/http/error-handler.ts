import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { TLocalizedValidationError } from 'typebox/error';
import { StoreFault } from '../app/store-fault.ts';
import type { FieldError } from '../rules/errors.ts';
import { fieldErrors } from '../rules/input-errors.ts';
import { BODY_TIMEOUT } from './body-timeout.ts';
import { maskDigits } from './log.ts';
import { HttpErrorCode, problem, PROBLEM_CONTENT_TYPE, problemResponses, type ErrorCode, type Problem } from './problem.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The code for a body that fails its schema: INPUT.INVALID on the rules API, else REQUEST.INVALID. */
    invalidInputCode?: ErrorCode;
  }
}

/** The code of the problem each answered request was refused with, for the metrics (kept only while the request lives). */
const problemCodes = new WeakMap<FastifyRequest, string>();

/** The code of the problem+json this request was answered with, if it was one. */
export function problemCodeOf(request: FastifyRequest): string | undefined {
  return problemCodes.get(request);
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  problemCodes.set(reply.request, body.code);
  return reply.code(body.status).type(PROBLEM_CONTENT_TYPE).send(body);
}

/**
 * Every error leaves as application/problem+json with a stable code. Schema failures name each
 * field; Fastify's own client errors keep their status; a fault of the database (away, locked,
 * full) is a 503 and one log line, with no stack, since it says nothing of the code and may come
 * with every request until it passes; anything else is a 500 that says nothing of the internals,
 * and is logged in full.
 */
export const errorHandler = fp(
  async (app: FastifyInstance) => {
    app.addHook('onRoute', (route) => {
      // Every route may fail in these ways; say so in its schema, so that OpenAPI lists them too.
      if (!route.schema || route.schema.hide) return;
      const generic: ErrorCode[] = [HttpErrorCode.Internal, HttpErrorCode.Unavailable, HttpErrorCode.StorageFull];
      if (route.schema.body) {
        generic.push(route.config?.invalidInputCode ?? HttpErrorCode.RequestInvalid, HttpErrorCode.UnsupportedMediaType, HttpErrorCode.PayloadTooLarge, HttpErrorCode.RequestTimeout);
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
      if (error instanceof StoreFault) return sendProblem(reply, storeProblem(error, request));
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(reply, problem(HttpErrorCode.Internal, 'An unexpected error occurred. It has been logged.'));
    });
    app.setNotFoundHandler((request, reply) =>
      sendProblem(reply, problem(HttpErrorCode.NotFound, `No route ${request.method} ${request.url.split('?')[0]}`)),
    );
  },
  { name: 'madoguchi-error-handler' },
);

/** The answer to a fault of the database, logged as one line naming the driver's code and what it said. */
function storeProblem(fault: StoreFault, request: FastifyRequest): Problem {
  const code = fault.kind === 'full' ? HttpErrorCode.StorageFull : HttpErrorCode.Unavailable;
  request.log.error({ code, cause: fault.code }, maskDigits(fault.message));
  return fault.kind === 'full'
    ? problem(code, 'The records cannot be changed: the database has no room left. Nothing was changed; try again once an operator has made room.')
    : problem(code, 'The database cannot be used just now. Try again in a moment.');
}

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
    case BODY_TIMEOUT:
      return problem(HttpErrorCode.RequestTimeout, error.message);
    default:
      if (error.statusCode === 429) return problem(HttpErrorCode.Throttled, error.message);
      if (error.statusCode === 400) return problem(inputCode, error.message);
      return undefined;
  }
}
