import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { KeyRing } from '../../app/crypto/key-ring.ts';
import type { Database, ReplicaState } from '../../app/ports/store.ts';
import { StoreFault } from '../../app/store-fault.ts';
import { sendProblem } from '../error-handler.ts';
import { maskDigits } from '../log.ts';
import { HttpErrorCode, problem, problemResponses } from '../problem.ts';

/** The checks of readiness, in the order they are made. */
const CHECKS = ['database', 'migrations', 'key'] as const;
type Check = (typeof CHECKS)[number];
type CheckOutcome = 'ok' | 'failed' | 'not-checked';

const OutcomeSchema = Type.Enum(['ok', 'failed', 'not-checked']);
const ChecksSchema = Type.Object(
  { database: OutcomeSchema, migrations: OutcomeSchema, key: OutcomeSchema } satisfies Record<Check, unknown>,
  { description: 'Each check: ok, failed, or not-checked (the migrations when the database does not answer)' },
);

const ReplicaSchema = Type.Union(
  [
    Type.Object({ status: Type.Literal('ok'), lagSeconds: Type.Union([Type.Number(), Type.Null()], { description: 'Seconds behind the primary: 0 when it has replayed all it received; null when it cannot tell' }) }),
    Type.Object({ status: Type.Literal('unreachable') }),
  ],
  { description: 'The read replica (DATABASE_READ_URL), only when there is one: reported, never a reason to be not ready' },
);

/** A value no one's: encrypted and decrypted to show that the number key is loaded and works. */
const KEY_PROBE = 'madoguchi-readiness-probe';

export interface HealthOptions {
  readonly database: Database;
  readonly keys: Pick<KeyRing, 'encryptNumber' | 'decryptNumber'>;
}

/**
 * The health checks (docs/api.md "Public" and README "Operations and monitoring"):
 *
 * - GET /api/v1/health: `{ status: "ok" }` once the database answers and takes writes. A database
 *   that does not answer is 503 SERVICE.UNAVAILABLE; one that answers but refused a write for lack
 *   of space is 503 STORAGE.FULL until a write commits again, so that a monitor sees a full disk,
 *   which a query alone would not show. Clients rely on it as it is.
 * - GET /api/v1/health/live: the process answers (no database asked), for a supervisor that
 *   restarts a process that hangs: a database that is away is no reason to restart the server.
 * - GET /api/v1/health/ready: the database answers, has run every migration the code has and none
 *   it does not know (a backup of another version restored under the running server), and the
 *   number key is loaded and works; 503 naming the check that failed, for a balancer that should
 *   send no requests here until it passes. With a read replica (DATABASE_READ_URL) it says in
 *   `replica` whether the replica answers and how far behind it is, but is not failed by it: the
 *   replica is shared by every instance, so failing readiness would take them all out of the
 *   balancer, counters and hotline too, for the searches and reports alone, which answer 503 by
 *   themselves meanwhile (docs/architecture.md "Read replica").
 */
export const healthRoutes: FastifyPluginAsyncTypebox<HealthOptions> = async (app, { database, keys }) => {
  app.get(
    '/api/v1/health',
    {
      schema: {
        summary: 'Whether the service and its database answer, and the database has room for writes',
        tags: ['public'],
        response: { 200: Type.Object({ status: Type.Literal('ok') }), ...problemResponses(HttpErrorCode.Unavailable, HttpErrorCode.StorageFull) },
      },
    },
    async (request, reply) => {
      try {
        await database.ping();
      } catch (error) {
        logUnanswered(request.log, error);
        return sendProblem(reply, problem(HttpErrorCode.Unavailable, 'The database does not answer'));
      }
      if (database.condition.full) {
        return sendProblem(reply, problem(HttpErrorCode.StorageFull, 'The database has no room left: writes are refused'));
      }
      return { status: 'ok' as const };
    },
  );

  app.get(
    '/api/v1/health/live',
    {
      schema: {
        summary: 'Whether the process answers (liveness); asks no database',
        tags: ['public'],
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/api/v1/health/ready',
    {
      schema: {
        summary: 'Whether the service can take requests (readiness): database answers, migrations current, number key loaded',
        description: 'A 503 problem names the checks that failed in `failed` and gives every check in `checks`.',
        tags: ['public'],
        response: {
          200: Type.Object({ status: Type.Literal('ok'), checks: ChecksSchema, replica: Type.Optional(ReplicaSchema) }),
          ...problemResponses(HttpErrorCode.Unavailable),
        },
      },
    },
    async (request, reply) => {
      const checks: Record<Check, CheckOutcome> = { database: 'ok', migrations: 'ok', key: 'ok' };
      const reasons: string[] = [];
      // Asked beside the primary's checks, not after them: a replica away costs a probe at most 2 s once.
      const replicaState = replica(database, request.log);
      try {
        await database.ping();
        try {
          const { pending, unknown } = await database.migrations();
          if (pending.length > 0 || unknown.length > 0) {
            checks.migrations = 'failed';
            if (pending.length > 0) reasons.push(`the database has not run the migrations ${pending.join(', ')}`);
            if (unknown.length > 0) reasons.push(`the database has run migrations this version does not know: ${unknown.join(', ')}`);
          }
        } catch (error) {
          request.log.error({ err: error }, 'the migrations could not be read');
          checks.migrations = 'failed';
          reasons.push('the migrations the database has run cannot be read');
        }
      } catch (error) {
        logUnanswered(request.log, error);
        checks.database = 'failed';
        checks.migrations = 'not-checked';
        reasons.push('the database does not answer');
      }
      try {
        if (keys.decryptNumber(keys.encryptNumber(KEY_PROBE)) !== KEY_PROBE) throw new Error('the number key gave back another value');
      } catch (error) {
        request.log.error({ err: error }, 'the number key does not work');
        checks.key = 'failed';
        reasons.push('the number key does not encrypt and decrypt');
      }
      const failed = CHECKS.filter((check) => checks[check] === 'failed');
      const state = await replicaState;
      const replicaMember = state === undefined ? {} : { replica: state };
      if (failed.length > 0) {
        // Extension members of the problem (RFC 9457): which checks failed, and how each went.
        const body = { ...problem(HttpErrorCode.Unavailable, `Not ready: ${reasons.join('; ')}`), failed, checks, ...replicaMember };
        return sendProblem(reply, body);
      }
      return { status: 'ok' as const, checks, ...replicaMember };
    },
  );
};

/** The read replica's state; a replica that refuses is 'unreachable', logged as a warning (searches and reports answer 503 meanwhile). */
async function replica(database: Database, log: { warn(object: object, message: string): void }): Promise<ReplicaState | undefined> {
  try {
    const state = await database.replicaState();
    if (state?.status === 'unreachable') log.warn({ code: HttpErrorCode.Unavailable }, 'the read replica does not answer within 2 s');
    return state;
  } catch (error) {
    if (error instanceof StoreFault) log.warn({ code: HttpErrorCode.Unavailable, cause: error.code }, maskDigits(error.message));
    else log.warn({ err: error }, 'the read replica does not answer');
    return { status: 'unreachable' };
  }
}

/** A monitor asks every few seconds: one line each time, a stack only for the unexpected. */
function logUnanswered(log: { error(object: object, message: string): void }, error: unknown): void {
  if (error instanceof StoreFault) log.error({ code: HttpErrorCode.Unavailable, cause: error.code }, maskDigits(error.message));
  else log.error({ err: error }, 'database does not answer');
}
