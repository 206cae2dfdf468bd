import { DomainErrorCode, refuse, success } from '../../domain/errors.ts';
import type { Actor } from '../actor.ts';
import { runCommand, type AnswerSeal, type Idempotency } from '../command.ts';
import type { EncryptedNumber } from '../ports/number-repository.ts';
import type { AppContext } from '../context.ts';
import type { Result } from '../app-errors.ts';

/** Why the number is needed; kept in the audit trail. */
export interface RevealInput {
  readonly purpose: string;
}

/** The individual number in clear: only by a logged reveal, with its purpose, never by any other route. */
export async function revealNumber(app: AppContext, actor: Actor, id: string, body: RevealInput, idempotency?: Idempotency): Promise<Result<{ individualNumber: string }>> {
  // A repeat of the Idempotency-Key answers the number first revealed, audited once, as the first
  // request was: the answer is kept encrypted like every individual number, never in clear.
  const seal: AnswerSeal<{ individualNumber: string }> = {
    seal: (result) => (result.ok ? success({ individualNumber: app.keys.encryptNumber(result.value.individualNumber) }) : result),
    open: (sealed) => (sealed.ok ? success({ individualNumber: app.keys.decryptNumber((sealed.value as { individualNumber: EncryptedNumber }).individualNumber) }) : sealed),
  };
  return runCommand(
    app,
    actor,
    { action: 'resident.reveal-number', permission: 'resident.reveal-number', subjectType: 'resident', subjectId: id, idempotency },
    async (tx, note) => {
      note.details = { purpose: body.purpose };
      const encrypted = await tx.numbers.current(id);
      if (!encrypted) return refuse(DomainErrorCode.ResidentNotFound, `no resident ${id}`);
      return success({ individualNumber: app.keys.decryptNumber(encrypted) });
    },
    seal,
  );
}
