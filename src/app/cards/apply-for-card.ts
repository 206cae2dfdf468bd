import type { Static } from 'typebox';
import { decideApplication } from '../../domain/card-application.ts';
import { DomainErrorCode, refuse, success } from '../../domain/errors.ts';
import { Procedure } from '../../rules/procedures.ts';
import type { Actor } from '../actor.ts';
import { runCommand } from '../command.ts';
import type { AppContext } from '../context.ts';
import { saveCard } from '../persist.ts';
import { recordAct } from '../act-records.ts';
import { useProxyApproval } from '../proxy.ts';
import type { ApplicationBody } from '../schemas.ts';
import { decisionContext } from '../context.ts';
import type { Idempotency } from '../command.ts';
import { cardViewOf } from '../views.ts';

/** 交付申請 (docs/api.md POST /residents/{id}/card-applications): the resident may hold one live card at a time. */
export async function applyForCard(app: AppContext, actor: Actor, residentId: string, body: Static<typeof ApplicationBody>, idempotency?: Idempotency) {
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
        decisionContext(app),
      );
      if (!decided.ok) return decided;
      const card = await saveCard(tx, undefined, decided.value, { at: app.clock.now(), actorId: actor.id });
      note.details = { cardId: card.id };
      await recordAct(app, tx, actor, { kind: 'card-application', residentId, cardId: card.id, proxy });
      return success(await cardViewOf(app, tx, card, actor.role));
    });
  });
}
