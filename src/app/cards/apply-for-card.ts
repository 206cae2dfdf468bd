import { decideApplication } from '../../domain/card-application.ts';
import { DomainErrorCode, refuse, success } from '../../domain/errors.ts';
import { Procedure } from '../../rules/procedures.ts';
import type { Actor } from '../actor.ts';
import { runCommand } from '../command.ts';
import type { AppContext } from '../context.ts';
import { saveCard } from '../persist.ts';
import { recordAct } from '../act-records.ts';
import { useProxyApproval } from '../proxy.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { ApplicationReason } from '../../domain/card.ts';
import type { ProxyInput } from '../command-input.ts';
import { decisionContext } from '../context.ts';
import type { Idempotency } from '../command.ts';
import { cardViewOf } from '../views.ts';
import type { LegalRepresentative } from '../../domain/representation.ts';
import { representedDetails, representedNote } from './card-command.ts';

/** 交付申請: the photo's date, the certificates wanted, and the counter the card will wait at. */
export interface ApplicationInput extends ProxyInput<'card.apply'> {
  readonly applicationDate: PlainDate;
  readonly photoTakenOn: PlainDate;
  readonly withSignatureCertificate: boolean;
  readonly withUserCertificate: boolean;
  readonly reason?: ApplicationReason;
  /** The clerk's office when absent. */
  readonly pickupOfficeId?: string;
  /** The 法定代理人 of a holder under 15 on the day or an adult ward. */
  readonly legalRepresentative?: LegalRepresentative;
}

/** 交付申請 (docs/api.md POST /residents/{id}/card-applications): the resident may hold one live card at a time. */
export async function applyForCard(app: AppContext, actor: Actor, residentId: string, body: ApplicationInput, idempotency?: Idempotency) {
  return runCommand(app, actor, { action: 'card.apply', permission: 'card.counter-procedure', subjectType: 'resident', subjectId: residentId, idempotency }, async (tx, note) => {
    const resident = await tx.residents.get(residentId, { lock: true });
    if (!resident) return refuse(DomainErrorCode.ResidentNotFound, `no resident ${residentId}`);
    return useProxyApproval(app, tx, actor, { approvalId: body.proxyApprovalId, procedure: Procedure.Application }, residentId, async (proxy) => {
      const decided = decideApplication(
        {
          cardId: app.ids.next(),
          applicationDate: body.applicationDate,
          photoTakenOn: body.photoTakenOn,
          withSignatureCertificate: body.withSignatureCertificate,
          withUserCertificate: body.withUserCertificate,
          reason: body.reason ?? 'first',
          previousCardId: null,
          pickupOfficeId: body.pickupOfficeId ?? actor.officeId,
        },
        resident.state,
        await tx.cards.listByResident(residentId),
        app.offices.offices.map((office) => office.id),
        { legalRepresentative: body.legalRepresentative, withProxyApproval: proxy !== null },
        decisionContext(app),
      );
      if (!decided.ok) return decided;
      const card = await saveCard(tx, undefined, decided.value, { at: app.clock.now(), actorId: actor.id });
      note.details = { cardId: card.id, ...representedNote(body.legalRepresentative) };
      await recordAct(app, tx, actor, { kind: 'card-application', residentId, cardId: card.id, proxy, details: representedDetails(body.legalRepresentative) });
      return success(await cardViewOf(app, tx, card, actor.role));
    });
  });
}
