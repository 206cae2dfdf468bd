import type { Static } from 'typebox';
import { DomainErrorCode, refuse, success, type Result } from '../../domain/errors.ts';
import type { Actor } from '../actor.ts';
import { runCommand } from '../command.ts';
import type { AppContext } from '../context.ts';
import type { RevealBody } from '../schemas.ts';

/** The individual number in clear: only by a logged reveal, with its purpose, never by any other route. */
export async function revealNumber(app: AppContext, actor: Actor, id: string, body: Static<typeof RevealBody>): Promise<Result<{ individualNumber: string }>> {
  return runCommand(app, actor, { action: 'resident.reveal-number', permission: 'resident.reveal-number', subjectType: 'resident', subjectId: id }, async (tx, note) => {
    note.details = { purpose: body.purpose };
    const encrypted = await tx.numbers.current(id);
    if (!encrypted) return refuse(DomainErrorCode.ResidentNotFound, `no resident ${id}`);
    return success({ individualNumber: app.keys.decryptNumber(encrypted) });
  });
}
