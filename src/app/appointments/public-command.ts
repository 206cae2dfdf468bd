import type { AuditAction } from '../audit-action.ts';
import { appendAudit } from '../audit-trail.ts';
import type { AppContext } from '../context.ts';
import type { AuditNote } from '../command.ts';
import type { Repositories } from '../ports/store.ts';
import type { Result } from '../app-errors.ts';

/** Who the audit trail names for what a resident does on the public pages: nobody signed in. */
export const PUBLIC_ACTOR_ID = 'public';

/**
 * A command of the public booking pages (docs/pickup.md "Appointments"), the way `runCommand`
 * runs a staff member's: one transaction with its audit entry, ok or refused; a refusal commits
 * only the entry. The entry names no person, only the appointment, the card and the slot.
 */
export async function publicCommand<T>(app: AppContext, action: AuditAction, work: (tx: Repositories, note: AuditNote) => Promise<Result<T>>): Promise<Result<T>> {
  const audit = (tx: Repositories, note: AuditNote, result: Result<unknown>) =>
    appendAudit(app, tx, {
      at: app.clock.now(),
      actorId: PUBLIC_ACTOR_ID,
      actorRole: null,
      officeId: null,
      action,
      subjectType: 'appointment',
      subjectId: note.subjectId,
      outcome: result.ok ? 'ok' : 'refused',
      code: result.ok ? null : result.error.code,
      details: note.details,
    });
  try {
    return await app.store.transaction(async (tx) => {
      const note: AuditNote = { subjectId: null, details: {} };
      const result = await work(tx, note);
      await audit(tx, note, result);
      return result;
    });
  } catch (error) {
    if (!(error instanceof RefusedAfterWrites)) throw error;
    // What the work wrote before it was refused is rolled back; the refusal alone is kept.
    const refused = error.result as Result<T>;
    await app.store.transaction((tx) => audit(tx, error.note, refused));
    return refused;
  }
}

/** Thrown by a public command's work refused after it wrote: the writes are rolled back, the refusal audited. */
export class RefusedAfterWrites extends Error {
  constructor(
    readonly result: Result<never>,
    readonly note: AuditNote,
  ) {
    super(result.ok ? 'refused' : result.error.code);
  }
}
