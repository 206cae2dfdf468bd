import type { CardEvent } from '../../domain/card.ts';
import { decideCard } from '../../domain/card-decider.ts';
import { success } from '../../domain/errors.ts';
import { holderOf } from '../../domain/holder.ts';
import { decideRepresentation, type LegalRepresentative } from '../../domain/representation.ts';
import type { CertificateKind } from '../../rules/certificate-expiry.ts';
import { Presenter, Procedure } from '../../rules/procedures.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { saveCard } from '../persist.ts';
import { recordAct } from '../act-records.ts';
import type { IdentityDocument } from '../../rules/identity-documents.ts';
import type { ProxyInput, VersionedInput } from '../command-input.ts';
import type { Idempotency } from '../command.ts';
import { cardViewOf } from '../views.ts';
import { cardCommand, representedNote } from './card-command.ts';

/** The certificate's new PIN, with the documents the clerk checked. */
export interface CertificateInput extends VersionedInput, ProxyInput<'card.certificate'> {
  readonly pin: string;
  readonly identityDocuments: readonly IdentityDocument[];
  /** The 法定代理人 of a holder under 15 or an adult ward. */
  readonly legalRepresentative?: LegalRepresentative;
}

/**
 * 電子証明書の発行・更新 (docs/rules.md ): at a counter, identity checked, a certificate of
 * `kind` is renewed inside its window or issued anew; the holder sets its PIN on the chip. Free:
 * the act records no fee and no receipt.
 */
export async function issueCertificate(app: AppContext, actor: Actor, id: string, kind: CertificateKind, body: CertificateInput, idempotency?: Idempotency) {
  // Hashed before the transaction (CardChip.seal): the PIN is set only when the decision is made.
  const sealed = await app.chip.seal([{ kind, pin: body.pin }]);
  return cardCommand(
    app,
    actor,
    id,
    { action: 'card.certificate', permission: 'card.counter-procedure', expectedVersion: body.expectedVersion, idempotency, proxy: { approvalId: body.proxyApprovalId, procedure: Procedure.CertificateIssue } },
    async (w) => {
      const holder = holderOf(await w.resident());
      const decided = decideCard({ type: 'issue-certificate', kind, on: w.context.today, pin: body.pin, identityDocuments: body.identityDocuments, holder }, w.card, w.context);
      if (!decided.ok) return decided;
      // R-15's own refusals come first (a child gets no signature certificate whoever asks), then who may ask (R-18).
      const represented = decideRepresentation(
        {
          procedure: Procedure.CertificateIssue,
          presenter: w.proxy ? Presenter.ProxyAfterEnquiry : Presenter.Holder,
          holder,
          on: w.context.today,
          representative: body.legalRepresentative,
          withProxyApproval: w.proxy !== null,
        },
        w.context,
      );
      if (!represented.ok) return represented;
      const issued = decided.value[0] as Extract<CardEvent, { type: 'CertificateIssued' }>;
      await app.chip.setPins(w.tx, w.card.id, sealed, w.meta.at);
      const after = await saveCard(w.tx, w.card, decided.value, w.meta);
      const details = { kind, renewal: issued.renewal, expiresOn: issued.expiresOn };
      // The audit trail says that a representative acted; the procedure record (the slip) names them.
      w.note.details = { ...w.note.details, ...details, ...representedNote(represented.value ?? undefined) };
      await recordAct(app, w.tx, actor, {
        kind: 'certificate-issue',
        residentId: after.residentId,
        cardId: after.id,
        documents: body.identityDocuments,
        proxy: w.proxy,
        details: { ...details, ...(represented.value && { legalRepresentative: represented.value }) },
      });
      return success(await cardViewOf(app, w.tx, after, actor.role));
    },
  );
}
