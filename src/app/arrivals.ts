import { decideMoveIn, pinEntries } from '../domain/card-decider.ts';
import type { CardEvent, CertificatePlan } from '../domain/card.ts';
import { refuseField, success, type Result } from '../domain/errors.ts';
import { pinFormat } from '../rules/pin-format.ts';
import type { Actor } from './actor.ts';
import { runCommand } from './command.ts';
import type { AppContext } from './context.ts';
import { saveCard } from './persist.ts';
import { recordProcedure } from './procedures.ts';
import { decisionContext, registerIn, residentWithCards, type Idempotency } from './residents.ts';
import type { ArrivalBody } from './schemas.ts';
import type { ResidentWithCards } from './views.ts';

/**
 * A person moving in from a municipality this system does not serve (api.md "arrivals"): they
 * are registered, and the card they hold is taken over with its own dates. R-7 decides whether
 * the special move rule still held on the notification day (if not, the card is abolished);
 * otherwise R-8's 90 days for continued use start.
 */
export async function registerArrival(app: AppContext, actor: Actor, body: ArrivalBody, idempotency?: Idempotency): Promise<Result<ResidentWithCards>> {
  const sealed = await app.chip.seal(pinEntries(body.card?.pins ?? {}));
  return runCommand(app, actor, { action: 'resident.arrival', permission: 'resident.write', subjectType: 'resident', subjectId: null, idempotency }, async (tx, note) => {
    const context = decisionContext(app);
    if (body.notificationDate < body.moveInDate) return refuseField('notificationDate', 'is before the move-in date');
    if (body.notificationDate > context.today) return refuseField('notificationDate', `${body.notificationDate} is after today`);
    const { card, cardPresented, notificationDate, plannedMoveOutDate, ...resident } = body;
    if (card) {
      if (card.expiryDate < notificationDate) return refuseField('card/expiryDate', `the card expired on ${card.expiryDate}; an expired card is not taken over`);
      if (card.issueDate > card.expiryDate || card.issueDate < body.birthDate) return refuseField('card/issueDate', 'does not fit the card’s expiry and the birth date');
      for (const { field, kind, pin } of pinEntries(card.pins ?? {})) {
        const format = pinFormat({ kind, pin }, app.rules);
        if (format.ok && !format.value.valid) return refuseField(`card/pins/${field}`, `is not a valid ${kind} PIN (${format.value.reason})`);
      }
    }
    const registered = await registerIn(app, tx, actor, { ...resident, moveInNotificationDate: notificationDate }, true);
    if (!registered.ok) return registered;
    const residentId = registered.value.state.id;
    note.subjectId = residentId;
    const meta = { at: app.clock.now(), actorId: actor.id };
    let cardId: string | null = null;
    if (card) {
      cardId = app.ids.next();
      const plan = (certificate: { issuedOn: string; expiresOn: string } | undefined): CertificatePlan =>
        certificate ? ({ issuedOn: certificate.issuedOn, expiresOn: certificate.expiresOn } as CertificatePlan) : null;
      const takenOver: CardEvent = {
        type: 'CardTakenOver',
        cardId,
        residentId,
        issueDate: card.issueDate,
        expiryDate: card.expiryDate,
        issuedBy: card.issuedBy,
        signature: plan(card.certificates.signature),
        user: plan(card.certificates.user),
        on: context.today,
      };
      const state = await saveCard(tx, undefined, [takenOver], meta);
      const next = decideMoveIn(state, { moveInDate: body.moveInDate, notificationDate, plannedMoveOutDate: plannedMoveOutDate ?? null }, context);
      if (!next.ok) return next;
      await saveCard(tx, state, next.value.events, meta);
      await app.chip.setPins(tx, cardId, sealed, meta.at);
      note.details = { cardTakenOver: true, abolished: next.value.late, moveInDeadline: next.value.deadline };
    }
    await recordProcedure(app, tx, actor, { kind: 'arrival', residentId, cardId, details: { cardPresented, withCard: card !== undefined } });
    return success(await residentWithCards(app, tx, registered.value));
  });
}
