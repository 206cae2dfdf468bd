import type { FastifyReply } from 'fastify';
import type { Result } from '../app/app-errors.ts';
import { sendProblem } from './error-handler.ts';
import { problemOf } from './problem.ts';

/** A use case's result as the HTTP answer: the value with `status`, or the refusal as a problem. */
export function sendResult<T>(reply: FastifyReply, result: Result<T>, status = 200): FastifyReply {
  if (!result.ok) return sendProblem(reply, problemOf(result.error));
  return reply.code(status).send(result.value);
}
