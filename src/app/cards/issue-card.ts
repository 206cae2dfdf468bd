import type { CardEvent } from '../../domain/card.ts';
import { pinEntries } from '../../domain/card-checks.ts';
import type { CardCommand } from '../../domain/card-decider.ts';
import { decideHandOver } from '../../domain/card-reissue.ts';
import { success } from '../../domain/errors.ts';
import { holderOf } from '../../domain/holder.ts';
import { Procedure } from '../../rules/procedures.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { saveCard } from '../persist.ts';
import { recordAct } from '../act-records.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { IdentityDocument } from '../../rules/identity-documents.ts';
import type { ProxyInput, VersionedInput } from '../command-input.ts';
import type { Idempotency } from '../command.ts';
import { cardViewOf } from '../views.ts';
import { cardCommand, representedDetails, representedNote } from './card-command.ts';
import type { LegalRepresentative } from '../../domain/representation.ts';

/** 交付: the PINs the holder chose, the documents checked, and whether a 通知カード was taken back. */
export interface IssueInput extends VersionedInput, ProxyInput<'card.issue'> {
  readonly handedOverOn: PlainDate;
  /** Set on the chip, never stored or returned in clear. */
  readonly pins: { readonly signature?: string; readonly user: string; readonly residentRegistry: string; readonly cardInfo: string };
  readonly identityDocuments: readonly IdentityDocument[];
  readonly notificationCardReturned: boolean;
  /** The 法定代理人 of a holder under 15 on the day or an adult ward. */
  readonly legalRepresentative?: LegalRepresentative;
}

/**
 * 交付: at the counter the card was sent to, with identity checked; the PINs are set on the chip,
 * the certificates issued and a held 通知カード taken back. A new card within validity takes
 * back the old card kept until now (R-16: returned, reason replaced, its certificates ended).
 */
export async function issueCard(app: AppContext, actor: Actor, id: string, body: IssueInput, idempotency?: Idempotency) {
  const sealed = await app.chip.seal(pinEntries(body.pins));
  return cardCommand(
    app,
    actor,
    id,
    { action: 'card.issue', permission: 'card.counter-procedure', expectedVersion: body.expectedVersion, idempotency, proxy: { approvalId: body.proxyApprovalId, procedure: Procedure.Issuance } },
    async (w) => {
      const command: Extract<CardCommand, { type: 'issue' }> = {
        type: 'issue',
        handedOverOn: body.handedOverOn,
        officeId: actor.officeId,
        pins: body.pins,
        identityDocuments: body.identityDocuments,
        notificationCardReturned: body.notificationCardReturned,
        holder: holderOf(await w.resident()),
        legalRepresentative: body.legalRepresentative,
        withProxyApproval: w.proxy !== null,
      };
      const previous = w.card.previousCardId === null ? undefined : await w.tx.cards.get(w.card.previousCardId, { lock: true });
      const decided = decideHandOver(command, w.card, previous, w.context);
      if (!decided.ok) return decided;
      const issued = decided.value.card[0] as Extract<CardEvent, { type: 'CardIssued' }>;
      const pins = sealed.filter((record) => record.kind !== 'signature' || issued.signature !== null);
      await app.chip.setPins(w.tx, w.card.id, pins, w.meta.at);
      const after = await saveCard(w.tx, w.card, decided.value.card, w.meta);
      const takenBack = previous && decided.value.previous.length > 0 ? (await saveCard(w.tx, previous, decided.value.previous, w.meta)).id : null;
      w.note.details = { ...w.note.details, to: after.status, notificationCardReturned: body.notificationCardReturned, ...(takenBack && { oldCardReturned: takenBack }), ...representedNote(body.legalRepresentative) };
      await recordAct(app, w.tx, actor, {
        kind: 'card-issue',
        residentId: after.residentId,
        cardId: after.id,
        documents: body.identityDocuments,
        proxy: w.proxy,
        details: {
          notificationCardReturned: body.notificationCardReturned,
          certificates: { signature: issued.signature !== null, user: issued.user !== null },
          ...(takenBack && { oldCardReturned: takenBack }),
          ...representedDetails(body.legalRepresentative),
        },
      });
      return success(await cardViewOf(app, w.tx, after, actor.role));
    },
  );
}
