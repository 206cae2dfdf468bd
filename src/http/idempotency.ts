import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { recallAnswer, rememberAnswer } from '../app/command.ts';
import type { Result } from '../app/app-errors.ts';
import { STATUS_BY_CODE } from './problem.ts';

/** A request's Idempotency-Key with the keyed fingerprint of what it asked. */
export interface RequestKey {
  readonly key: string;
  readonly fingerprint: string;
}

export interface RequestIdempotency {
  /** The request's Idempotency-Key and fingerprint, or undefined when it sent none. */
  of(request: FastifyRequest): RequestKey | undefined;
  /**
   * The answer to a signed-in request with a key (docs/api.md: a repeat with the same key and body
   * returns the first response and changes nothing). Requests of one staff member with one key
   * are answered one after the other, so a second waits for the first and gets its answer.
   * `inCommand`: the use case takes the key into its command's transaction (runCommand), so
   * the answer commits with what it changed; otherwise the answer is kept here, after the work.
   */
  answer<T>(request: FastifyRequest, key: RequestKey, inCommand: boolean, handle: (key: RequestKey | undefined) => Promise<Result<T>>): Promise<Result<T>>;
}

declare module 'fastify' {
  interface FastifyInstance {
    idempotency: RequestIdempotency;
  }
}

/** JSON with the members of every object in order, so that `{a, b}` and `{b, a}` are one request. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_, member: unknown) =>
    member !== null && typeof member === 'object' && !Array.isArray(member) ? Object.fromEntries(Object.entries(member).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : member,
  );
}

/** Runs `work` after the works queued under the same name have finished, one at a time. */
function queue(): <T>(name: string, work: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return async (name, work) => {
    const mine = (tails.get(name) ?? Promise.resolve()).then(work);
    const tail = mine.catch(() => undefined);
    tails.set(name, tail);
    try {
      return await mine;
    } finally {
      if (tails.get(name) === tail) tails.delete(name);
    }
  };
}

/**
 * Idempotency-Keys for every unsafe staff route (`staffRoute`), whichever use case answers it:
 * a route added later is covered without doing anything. The fingerprint is of the method, the
 * route, its parameters, query and body with object members in any order, keyed (a body may
 * hold a PIN or a password). An answer is kept unless it is a server error, which the client
 * may try again with the same key.
 */
export const idempotency = fp(
  async (app: FastifyInstance) => {
    const inTurn = queue();
    app.decorate<RequestIdempotency>('idempotency', {
      of(request) {
        const key = request.headers['idempotency-key'];
        if (typeof key !== 'string' || key.length === 0) return undefined;
        const asked = [request.method, request.routeOptions.url, canonicalJson(request.params), canonicalJson(request.query), canonicalJson(request.body)].join('\n');
        return { key: key.slice(0, 200), fingerprint: request.tenant.keys.requestFingerprint(asked) };
      },
      answer(request, key, inCommand, handle) {
        const actorId = request.actor.id;
        return inTurn(`${actorId}\n${key.key}`, async () => {
          if (inCommand) return handle(key);
          const earlier = await recallAnswer<never>(request.tenant, actorId, key);
          if (earlier) return earlier;
          const result = await handle(undefined);
          if (!result.ok && STATUS_BY_CODE[result.error.code] >= 500) return result;
          return rememberAnswer(request.tenant, actorId, key, result);
        });
      },
    });
  },
  { name: 'madoguchi-idempotency' },
);
