import type { DomainErrorCode} from '../domain/errors.ts';
import { refuse } from '../domain/errors.ts';
import type { Permission } from '../domain/roles.ts';
import { authorize, type Actor } from './actor.ts';
import type { AuditAction } from './audit-action.ts';
import { appendAudit } from './audit-trail.ts';
import type { AppContext } from './context.ts';
import type { Repositories } from './ports/store.ts';
import { AppErrorCode, type Result } from './app-errors.ts';

/** The client's Idempotency-Key, with a fingerprint of the request it came with. */
export interface Idempotency {
  readonly key: string;
  readonly fingerprint: string;
}

export interface CommandSpec {
  /** The audit action, e.g. `card.suspend`. */
  readonly action: AuditAction;
  readonly permission: Permission;
  readonly subjectType: string;
  readonly subjectId: string | null;
  /** The client's Idempotency-Key and a fingerprint of its request (method, path, body). */
  readonly idempotency?: { readonly key: string; readonly fingerprint: string } | undefined;
}

/** What a command tells the audit trail besides its outcome; never a clear number or PIN. */
export interface AuditNote {
  subjectId: string | null;
  details: Record<string, unknown>;
}

/**
 * How a command's answer is kept for a repeat of its Idempotency-Key when it must not be kept as
 * it is: an individual number is stored encrypted, as everywhere else, and opened on the repeat.
 */
export interface AnswerSeal<T> {
  seal(result: Result<T>): Result<unknown>;
  open(sealed: Result<unknown>): Result<T>;
}

/** A stored version moved under the command: the transaction is rolled back and the command refused. */
export class VersionConflict extends Error {
  constructor(readonly code: typeof DomainErrorCode.CardVersionConflict | typeof DomainErrorCode.ResidentVersionConflict) {
    super(code);
  }
}

const answerChecks = new WeakMap<Actor, (value: unknown) => void>();

/**
 * The actor of one request whose command hands its answer to `check` inside the command's
 * transaction, before the commit. The HTTP layer checks that the answer can be sent (its
 * response serializer): an answer that cannot (a damaged row) throws, the command is rolled back,
 * and the client that is told it failed finds nothing stored and may try again. Without it a
 * client was answered 500 for a command that had been stored. Only for a use case whose answer is
 * the value of the one command it runs. The check goes with a copy of the actor, not with the
 * asynchronous context: an AsyncLocalStorage turns on Node's promise hooks for every promise of
 * the process, about 5% of a request's time (docs/architecture.md "Performance").
 */
export function checkingAnswer(actor: Actor, check: (value: unknown) => void): Actor {
  const own = { ...actor };
  answerChecks.set(own, check);
  return own;
}

/**
 * Runs one command as one transaction (house style: load → decide → persist → audit): the work,
 * its audit entry and its idempotency record commit together. A refusal commits only its audit
 * entry (and what the chip itself recorded, such as a wrong PIN). A repeat of an Idempotency-Key
 * with the same request returns the first result and changes nothing. Its answer is checked
 * before the commit when the request asked for it (`checkingAnswer`).
 */
export async function runCommand<T>(
  app: AppContext,
  actor: Actor,
  spec: CommandSpec,
  work: (tx: Repositories, note: AuditNote) => Promise<Result<T>>,
  seal?: AnswerSeal<T>,
): Promise<Result<T>> {
  const allowed = authorize(actor, spec.permission);
  if (!allowed.ok) {
    await app.store.transaction((tx) => audit(app, tx, actor, spec, { subjectId: spec.subjectId, details: {} }, allowed));
    return allowed;
  }
  const checkAnswer = answerChecks.get(actor);
  try {
    return await app.store.transaction(async (tx) => {
      if (spec.idempotency) {
        const earlier = await tx.idempotency.find(actor.id, spec.idempotency.key);
        if (earlier) return replay<T>(earlier, spec.idempotency.fingerprint, seal);
      }
      const note: AuditNote = { subjectId: spec.subjectId, details: {} };
      const result = await work(tx, note);
      await audit(app, tx, actor, spec, note, result);
      if (spec.idempotency) {
        await tx.idempotency.insert(actor.id, spec.idempotency.key, spec.idempotency.fingerprint, JSON.stringify(seal ? seal.seal(result) : result), app.clock.now());
      }
      if (result.ok) checkAnswer?.(result.value);
      return result;
    });
  } catch (error) {
    if (error instanceof VersionConflict) {
      const refused = refuse(error.code, 'the record changed since it was read; reload it and try again');
      await app.store.transaction((tx) => audit(app, tx, actor, spec, { subjectId: spec.subjectId, details: {} }, refused));
      return refused;
    }
    if (spec.idempotency) {
      // Two requests with one key raced; the loser reads the winner's answer.
      const earlier = await app.store.read.idempotency.find(actor.id, spec.idempotency.key);
      if (earlier) return replay<T>(earlier, spec.idempotency.fingerprint, seal);
    }
    throw error;
  }
}

function replay<T>(earlier: { fingerprint: string; result: string }, fingerprint: string, seal?: AnswerSeal<T>): Result<T> {
  if (earlier.fingerprint !== fingerprint) {
    return refuse(AppErrorCode.IdempotencyKeyReused, 'this Idempotency-Key was used for a different request');
  }
  const stored = JSON.parse(earlier.result) as Result<unknown>;
  return seal ? seal.open(stored) : (stored as Result<T>);
}

/**
 * The first answer to an Idempotency-Key of the actor, for an entry point whose work is not one
 * command (the sweep, or a use case that does not take the key): undefined when the key is new,
 * IDEMPOTENCY.KEY_REUSED when it came with another request.
 */
export async function recallAnswer<T>(app: AppContext, actorId: string, idempotency: NonNullable<CommandSpec['idempotency']>): Promise<Result<T> | undefined> {
  const earlier = await app.store.read.idempotency.find(actorId, idempotency.key);
  return earlier && replay<T>(earlier, idempotency.fingerprint);
}

/**
 * Keeps the answer to an Idempotency-Key after such work, and answers with the one that stands:
 * this one, or the first one when another server process answered the same key meanwhile.
 */
export async function rememberAnswer<T>(app: AppContext, actorId: string, idempotency: NonNullable<CommandSpec['idempotency']>, result: Result<T>): Promise<Result<T>> {
  try {
    await app.store.transaction((tx) => tx.idempotency.insert(actorId, idempotency.key, idempotency.fingerprint, JSON.stringify(result), app.clock.now()));
    return result;
  } catch (error) {
    const earlier = await recallAnswer<T>(app, actorId, idempotency);
    if (earlier) return earlier;
    throw error;
  }
}

async function audit(app: AppContext, tx: Repositories, actor: Actor, spec: CommandSpec, note: AuditNote, result: Result<unknown>): Promise<void> {
  await appendAudit(app, tx, {
    at: app.clock.now(),
    actorId: actor.id,
    actorRole: actor.role,
    officeId: actor.officeId,
    action: spec.action,
    subjectType: spec.subjectType,
    subjectId: note.subjectId,
    outcome: result.ok ? 'ok' : 'refused',
    code: result.ok ? null : result.error.code,
    details: note.details,
  });
}
