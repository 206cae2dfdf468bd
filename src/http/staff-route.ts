import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { Type, type Static, type TSchema } from 'typebox';
import type { Result } from '../domain/errors.ts';
import { BEARER_SECURITY } from './auth.ts';
import { problemResponses, type ErrorCode } from './problem.ts';
import { idempotencyOf, sendResult } from './reply.ts';

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'A repeat with the same key and body returns the first answer' })),
});

/** Every signed-in route may be refused these ways. */
const SESSION_PROBLEMS: ErrorCode[] = ['AUTH.UNAUTHENTICATED', 'AUTH.FORBIDDEN', 'AUTH.CSRF', 'AUTH.PASSWORD_CHANGE_REQUIRED'];

export interface StaffRouteSpec<P extends TSchema | undefined, Q extends TSchema | undefined, B extends TSchema | undefined> {
  readonly method: HTTPMethods;
  readonly url: string;
  readonly summary: string;
  readonly tags: string[];
  readonly params?: P;
  readonly querystring?: Q;
  readonly body?: B;
  readonly response: TSchema;
  /** The refusals this route answers with, besides those of every signed-in route. */
  readonly problems: ErrorCode[];
  readonly status?: number;
}

type Input<S> = S extends TSchema ? Static<S> : undefined;

export interface StaffRequest<P, Q, B> {
  readonly request: FastifyRequest;
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly idempotency: { key: string; fingerprint: string } | undefined;
}

/**
 * A route for signed-in staff with its full schema (params, query, body, Idempotency-Key, every
 * response and problem), answering with a use case's result.
 */
export function staffRoute<P extends TSchema | undefined, Q extends TSchema | undefined, B extends TSchema | undefined, T>(
  app: FastifyInstance,
  spec: StaffRouteSpec<P, Q, B>,
  handle: (input: StaffRequest<Input<P>, Input<Q>, Input<B>>) => Promise<Result<T>>,
): void {
  const status = spec.status ?? 200;
  app.route({
    method: spec.method,
    url: spec.url,
    preHandler: app.requireStaff,
    schema: {
      summary: spec.summary,
      tags: spec.tags,
      security: BEARER_SECURITY,
      ...(spec.params && { params: spec.params }),
      ...(spec.querystring && { querystring: spec.querystring }),
      ...(spec.body && { body: spec.body, headers: IdempotencyHeaders }),
      response: { [status]: spec.response, ...problemResponses(...SESSION_PROBLEMS, ...spec.problems) },
    },
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const result = await handle({
        request,
        params: request.params as Input<P>,
        query: request.query as Input<Q>,
        body: request.body as Input<B>,
        idempotency: spec.body ? idempotencyOf(request) : undefined,
      });
      return sendResult(reply, result, status);
    },
  });
}
