import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sendProblem } from './error-handler.ts';
import { HttpErrorCode, problem, problemResponses } from './problem.ts';

const NUL = '\u0000';

/** A JSON pointer's segment (RFC 6901). */
const segment = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Where the value holds a NUL, in a string or a key, as a JSON pointer under `root`; walked
 * without recursion, so a deeply nested body that JSON.parse took cannot exhaust the stack.
 */
function nulIn(value: unknown, root: string): string | undefined {
  const pending: [unknown, string][] = [[value, root]];
  while (pending.length > 0) {
    const [item, pointer] = pending.pop()!;
    if (typeof item === 'string') {
      if (item.includes(NUL)) return pointer;
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        if (key.includes(NUL)) return pointer;
        pending.push([child, `${pointer}/${segment(key)}`]);
      }
    }
  }
  return undefined;
}

/** The first place of the request that holds a NUL: a path parameter, the query, the body or a header. */
function nulOf(request: FastifyRequest): string | undefined {
  return (
    nulIn(request.params, '/params') ??
    // A NUL in a fixed part of the path matched no parameter: the path as a whole is named.
    (/%00/.test(request.url.split('?')[0]!) ? '/path' : undefined) ??
    nulIn(request.query, '/query') ??
    nulIn(request.body, '') ??
    nulIn(request.headers, '/headers')
  );
}

/**
 * A NUL character anywhere in a request — path, query string, JSON body, header — is bad input,
 * refused for every route before its schema, its handler or the database sees it: no field of the
 * API has a use for one, and PostgreSQL cannot hold one in text (it would answer a search or a
 * command with an error, a 500). The answer is the route's validation problem, 400 with the
 * route's code (REQUEST.INVALID, or INPUT.INVALID on the rules and guide API) and a pointer to
 * the place, as for any other field that fails its schema.
 */
export const nulGuard = fp(
  async (app: FastifyInstance) => {
    app.addHook('onRoute', (route) => {
      // Any route may now answer 400: say so where its schema did not already.
      if (!route.schema || route.schema.hide) return;
      const declared = (route.schema.response ?? {}) as Record<string, unknown>;
      if (!declared[400]) route.schema.response = { ...declared, ...problemResponses(route.config?.invalidInputCode ?? HttpErrorCode.RequestInvalid) };
    });
    app.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
      const pointer = nulOf(request);
      if (pointer === undefined) return;
      const message = `${pointer || 'the body'} must not contain a NUL character`;
      return sendProblem(reply, problem(request.routeOptions.config?.invalidInputCode ?? HttpErrorCode.RequestInvalid, message, [{ pointer, message }]));
    });
  },
  { name: 'madoguchi-nul-guard' },
);
