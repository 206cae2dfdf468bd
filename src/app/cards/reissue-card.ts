import { decideReissue } from '../../domain/card-reissue.ts';
import { success } from '../../domain/errors.ts';
import { holderOf } from '../../domain/holder.ts';
import { REISSUE_PROCEDURE } from '../../rules/procedures.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { saveCard } from '../persist.ts';
import { nextReceiptNumber, recordAct } from '../act-records.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { IdentityDocument } from '../../rules/identity-documents.ts';
import type { ReissueReason } from '../../rules/policy.ts';
import type { ProxyInput, VersionedInput } from '../command-input.ts';
import type { Idempotency } from '../command.ts';
import { cardViewOf } from '../views.ts';
import { cardCommand, representedDetails, representedNote } from './card-command.ts';
import type { LegalRepresentative } from '../../domain/representation.ts';

/** 再交付 within validity: why, the police report of a loss outside the home, and the new card's application. */
export interface ReissueInput extends VersionedInput, ProxyInput<'card.reissue'> {
  readonly reason: ReissueReason;
  readonly lostAtHome?: boolean;
  /** 警察署の受理番号. */
  readonly policeReportNumber?: string;
  readonly photoTakenOn: PlainDate;
  readonly applicationDate: PlainDate;
  readonly identityDocuments: readonly IdentityDocument[];
  /** As the old card when absent. */
  readonly withSignatureCertificate?: boolean;
  readonly withUserCertificate?: boolean;
  /** The 法定代理人 of a holder under 15 on the day or an adult ward. */
  readonly legalRepresentative?: LegalRepresentative;
}

/**
 * 再交付 within validity (R-10 fee with a receipt; a police report number for loss or theft
 * unless lost at home; a renewal only inside R-6's window): a new card is applied for, which then
 * follows the usual path; the old card is abolished at once when lost or stolen, and otherwise
 * stays usable until the new one is handed over (R-16, issueCard). Answers both cards.
 */
export async function reissueCard(app: AppContext, actor: Actor, id: string, body: ReissueInput, idempotency?: Idempotency) {
  return cardCommand(
    app,
    actor,
    id,
    { action: 'card.reissue', permission: 'card.counter-procedure', expectedVersion: body.expectedVersion, idempotency, proxy: { approvalId: body.proxyApprovalId, procedure: REISSUE_PROCEDURE[body.reason] } },
    async (w) => {
      const newCardId = app.ids.next();
      const otherCards = (await w.tx.cards.listByResident(w.card.residentId)).filter((other) => other.id !== w.card.id);
      const decided = decideReissue(
        {
          newCardId,
          reason: body.reason,
          lostAtHome: body.lostAtHome,
          policeReportNumber: body.policeReportNumber,
          applicationDate: body.applicationDate,
          photoTakenOn: body.photoTakenOn,
          identityDocuments: body.identityDocuments,
          withSignatureCertificate: body.withSignatureCertificate,
          withUserCertificate: body.withUserCertificate,
          officeId: actor.officeId,
          holder: holderOf(await w.resident()),
          otherCards,
          legalRepresentative: body.legalRepresentative,
          withProxyApproval: w.proxy !== null,
        },
        w.card,
        w.context,
      );
      if (!decided.ok) return decided;
      const { fee } = decided.value;
      const oldCard = await saveCard(w.tx, w.card, decided.value.oldCard, w.meta);
      const newCard = await saveCard(w.tx, undefined, decided.value.newCard, w.meta);
      const receiptNumber = fee.total > 0 ? await nextReceiptNumber(app, w.tx, actor) : null;
      w.note.details = { reason: body.reason, fee: fee.total, receiptNumber, newCardId, oldCardStatus: oldCard.status, ...representedNote(body.legalRepresentative) };
      await recordAct(app, w.tx, actor, {
        kind: 'card-reissue',
        residentId: w.card.residentId,
        cardId: newCard.id,
        documents: body.identityDocuments,
        fee: fee.total,
        receiptNumber,
        proxy: w.proxy,
        details: { reason: body.reason, oldCardId: w.card.id, ...(body.policeReportNumber !== undefined && { policeReportNumber: body.policeReportNumber }), ...representedDetails(body.legalRepresentative) },
      });
      const cards = [...otherCards, oldCard, newCard];
      return success({ fee, receiptNumber, newCard: await cardViewOf(app, w.tx, newCard, actor.role, cards), oldCard: await cardViewOf(app, w.tx, oldCard, actor.role, cards) });
    },
  );
}
