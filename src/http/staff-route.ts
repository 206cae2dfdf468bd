import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { Type, type Static, type TSchema } from 'typebox';
import { checkingAnswer } from '../app/command.ts';
import { csvText, encodeCsv, type CsvEncoding } from '../app/csv-file.ts';
import type { Result } from '../app/app-errors.ts';
import type { AppContext } from '../app/context.ts';
import { BEARER_SECURITY } from './auth.ts';
import { problemResponses, type ErrorCode } from './problem.ts';
import type { RequestKey } from './idempotency.ts';
import { sendResult } from './reply.ts';

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
  /**
   * `command`: the use case takes the Idempotency-Key into the transaction of its command
   * (runCommand), so that the first answer is kept with what it changed. Without it, the route
   * keeps the first answer to a key itself, after the work (idempotency.ts).
   */
  readonly idempotency?: 'command';
  /**
   * Whether the answer is the value of the one command the use case runs (the default): it is
   * then serialised inside that command's transaction, before the commit, so that an answer
   * that cannot be sent rolls the command back. False for a use case that runs many commands
   * and answers with something else (a job and its run).
   */
  readonly answerIsCommand?: boolean;
  /** The body may be sent as `text/csv` too (a file as it is, UTF-8 or Shift_JIS): the handler gets its text as a string. */
  readonly csvBody?: string;
}

/** A result as a CSV file, for routes that answer `Accept: text/csv` too. */
export interface CsvAnswer {
  readonly filename: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

/** Whether the client asked for CSV, and in which encoding (`?encoding=` or the Accept charset). */
function csvWanted(request: FastifyRequest): CsvEncoding | undefined {
  const accept = String(request.headers.accept ?? '');
  if (!/\btext\/csv\b/i.test(accept)) return undefined;
  const asked = (request.query as { encoding?: string } | undefined)?.encoding ?? /charset=([\w-]+)/i.exec(accept)?.[1]?.toLowerCase();
  return asked === 'shift_jis' || asked === 'cp932' || asked === 'windows-31j' ? 'shift_jis' : 'utf-8';
}

/** The encoding query parameter of routes with a CSV answer. */
export const CsvEncodingQuery = Type.Optional(Type.Enum(['utf-8', 'shift_jis'], { description: 'For Accept: text/csv — Shift_JIS (CP932) for spreadsheet software; UTF-8 with a byte-order mark by default' }));

type Input<S> = S extends TSchema ? Static<S> : undefined;

export interface StaffRequest<P, Q, B> {
  /** The signed-in staff member's municipality (docs/scale.md "Several municipalities"): every use case runs on its records only. */
  readonly context: AppContext;
  readonly request: FastifyRequest;
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  /** The Idempotency-Key, for a use case that keeps it in its command (`idempotency: 'command'`). */
  readonly idempotency: RequestKey | undefined;
}

/**
 * A route for signed-in staff with its full schema (params, query, body, Idempotency-Key, every
 * response and problem), answering with a use case's result. Every route with a body takes an
 * Idempotency-Key: a repeat with the same key and request gets the first answer.
 */
export function staffRoute<P extends TSchema | undefined, Q extends TSchema | undefined, B extends TSchema | undefined, T>(
  app: FastifyInstance,
  spec: StaffRouteSpec<P, Q, B>,
  handle: (input: StaffRequest<Input<P>, Input<Q>, Input<B>>) => Promise<Result<T>>,
  csv?: (value: T) => CsvAnswer,
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
      ...(spec.body && {
        body: spec.csvBody ? { content: { 'application/json': { schema: spec.body }, 'text/csv': { schema: Type.String({ description: spec.csvBody }) } } } : spec.body,
        headers: IdempotencyHeaders,
      }),
      response: { [status]: spec.response, ...problemResponses(...new Set([...SESSION_PROBLEMS, ...spec.problems, ...(spec.body ? (['IDEMPOTENCY.KEY_REUSED'] as const) : [])])) },
    },
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const input = { context: request.tenant, request, params: request.params as Input<P>, query: request.query as Input<Q>, body: request.body as Input<B> };
      const key = spec.body ? app.idempotency.of(request) : undefined;
      if (spec.answerIsCommand !== false) request.actor = checkingAnswer(request.actor, (value) => void reply.code(status).serialize(value));
      const run = (idempotency: RequestKey | undefined) => handle({ ...input, idempotency });
      const result = key ? await app.idempotency.answer(request, key, spec.idempotency === 'command', run) : await run(undefined);
      const encoding = csv && result.ok ? csvWanted(request) : undefined;
      if (csv && result.ok && encoding) {
        const { filename, header, rows } = csv(result.value);
        return reply
          .code(status)
          .header('content-type', `text/csv; charset=${encoding === 'shift_jis' ? 'Shift_JIS' : 'utf-8'}`)
          .header('content-disposition', `attachment; filename="${filename}"`)
          .send(encodeCsv(csvText(header, rows), encoding));
      }
      return sendResult(reply, result, status);
    },
  });
}
