import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Result } from '../domain/errors.ts';
import { sendProblem } from './error-handler.ts';
import { problemOf } from './problem.ts';

/** A use case's result as the HTTP answer: the value with `status`, or the refusal as a problem. */
export function sendResult<T>(reply: FastifyReply, result: Result<T>, status = 200): FastifyReply {
  if (!result.ok) return sendProblem(reply, problemOf(result.error));
  return reply.code(status).send(result.value);
}

/**
 * The client's Idempotency-Key, with a fingerprint of the request it came with: the same key
 * with another method, path or body is refused rather than answered with the first response.
 */
export function idempotencyOf(request: FastifyRequest): { key: string; fingerprint: string } | undefined {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || key.length === 0) return undefined;
  const fingerprint = createHash('sha256')
    .update(`${request.method} ${request.url.split('?')[0]}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
  return { key: key.slice(0, 200), fingerprint };
}
