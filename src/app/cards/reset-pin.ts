import { decideCard } from '../../domain/card-decider.ts';
import { success } from '../../domain/errors.ts';
import type { PinKind } from '../../rules/policy.ts';
import { Procedure } from '../../rules/procedures.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { saveCard } from '../persist.ts';
import { recordAct } from '../act-records.ts';
import type { IdentityDocument } from '../../rules/identity-documents.ts';
import type { ProxyInput } from '../command-input.ts';
import type { Idempotency } from '../command.ts';
import { cardViewOf } from '../views.ts';
import { cardCommand, representedDetails, representedNote } from './card-command.ts';
import { holderOf } from '../../domain/holder.ts';
import type { LegalRepresentative } from '../../domain/representation.ts';

/** A new PIN, with the documents the clerk checked. */
export interface PinResetInput extends ProxyInput<'card.pin-reset'> {
  readonly newPin: string;
  readonly identityDocuments: readonly IdentityDocument[];
  /** The 法定代理人 of a holder under 15 on the day or an adult ward. */
  readonly legalRepresentative?: LegalRepresentative;
}

/** 暗証番号の再設定: a forgotten or locked PIN is set anew at a counter, identity checked. */
export async function resetPin(app: AppContext, actor: Actor, id: string, kind: PinKind, body: PinResetInput, idempotency?: Idempotency) {
  const sealed = await app.chip.seal([{ kind, pin: body.newPin }]);
  return cardCommand(
    app,
    actor,
    id,
    { action: 'card.pin-reset', permission: 'card.counter-procedure', idempotency, proxy: { approvalId: body.proxyApprovalId, procedure: Procedure.PinReset } },
    async (w) => {
      const decided = decideCard(
        {
          type: 'reset-pin',
          kind,
          newPin: body.newPin,
          identityDocuments: body.identityDocuments,
          holder: holderOf(await w.resident()),
          legalRepresentative: body.legalRepresentative,
          withProxyApproval: w.proxy !== null,
        },
        w.card,
        w.context,
      );
      if (!decided.ok) return decided;
      await app.chip.setPins(w.tx, w.card.id, sealed, w.meta.at);
      const after = await saveCard(w.tx, w.card, decided.value, w.meta);
      w.note.details = { kind, ...representedNote(body.legalRepresentative) };
      await recordAct(app, w.tx, actor, {
        kind: 'pin-reset',
        residentId: after.residentId,
        cardId: after.id,
        documents: body.identityDocuments,
        proxy: w.proxy,
        details: { kind, ...representedDetails(body.legalRepresentative) },
      });
      return success(await cardViewOf(app, w.tx, after, actor.role));
    },
  );
}
