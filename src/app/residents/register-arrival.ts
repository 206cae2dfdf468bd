import { pinEntries } from '../../domain/card-checks.ts';
import { decideTakeOver } from '../../domain/card-take-over.ts';
import { refuseField, success } from '../../domain/errors.ts';
import type { Actor } from '../actor.ts';
import { runCommand } from '../command.ts';
import type { AppContext } from '../context.ts';
import { saveCard } from '../persist.ts';
import { recordAct } from '../act-records.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { ResidentWithCards } from '../views.ts';
import { decisionContext } from '../context.ts';
import type { Idempotency } from '../command.ts';
import { residentWithCards } from '../views.ts';
import { registerIn, type RegisterResidentInput } from './register-resident.ts';
import type { Result } from '../app-errors.ts';

/** The dates a certificate on a card taken over was issued and expires on. */
interface CertificatePlan {
  readonly issuedOn: PlainDate;
  readonly expiresOn: PlainDate;
}

/**
 * A newcomer's registration (the 転入届's day is their moveInNotificationDate), with the card they
 * hold as its issuing municipality made it; the PINs only initialise the simulated chip.
 */
export interface ArrivalInput extends Omit<RegisterResidentInput, 'moveInDate'> {
  readonly moveInDate: PlainDate;
  readonly notificationDate: PlainDate;
  readonly plannedMoveOutDate?: PlainDate;
  readonly cardPresented: boolean;
  readonly card?: {
    readonly issueDate: PlainDate;
    readonly expiryDate: PlainDate;
    readonly issuedBy: string;
    readonly certificates: { readonly signature?: CertificatePlan; readonly user?: CertificatePlan };
    readonly pins?: { readonly signature?: string; readonly user: string; readonly residentRegistry: string; readonly cardInfo: string };
  };
}

/**
 * A person moving in from a municipality this system does not serve (docs/api.md "arrivals"): they
 * are registered, and the card they hold is taken over with its own dates. R-7 decides whether
 * the special move rule still held on the notification day (if not, the card is abolished);
 * otherwise R-8's 90 days for continued use start.
 */
export async function registerArrival(app: AppContext, actor: Actor, body: ArrivalInput, idempotency?: Idempotency): Promise<Result<ResidentWithCards>> {
  const sealed = await app.chip.seal(pinEntries(body.card?.pins ?? {}));
  return runCommand(app, actor, { action: 'resident.arrival', permission: 'resident.write', subjectType: 'resident', subjectId: null, idempotency }, async (tx, note) => {
    const context = decisionContext(app);
    if (body.notificationDate < body.moveInDate) return refuseField('notificationDate', 'is before the move-in date');
    if (body.notificationDate > context.today) return refuseField('notificationDate', `${body.notificationDate} is after today`);
    const { card, cardPresented, notificationDate, plannedMoveOutDate, ...resident } = body;
    const move = { moveInDate: body.moveInDate, notificationDate, plannedMoveOutDate: plannedMoveOutDate ?? null };
    const residentId = app.ids.next();
    const cardId = card ? app.ids.next() : null;
    // The card is decided before anything is written: a card refused leaves no resident behind.
    const taken = card && cardId ? decideTakeOver({ ...card, cardId }, { residentId, birthDate: body.birthDate }, move, context) : undefined;
    if (taken && !taken.ok) return taken;
    const registered = await registerIn(app, tx, actor, { ...resident, moveInNotificationDate: notificationDate }, true, residentId);
    if (!registered.ok) return registered;
    note.subjectId = residentId;
    if (taken && cardId) {
      await saveCard(tx, undefined, taken.value.events, { at: app.clock.now(), actorId: actor.id });
      await app.chip.setPins(tx, cardId, sealed, app.clock.now());
      note.details = { cardTakenOver: true, abolished: taken.value.late, moveInDeadline: taken.value.deadline };
    }
    await recordAct(app, tx, actor, { kind: 'arrival', residentId, cardId, details: { cardPresented, withCard: card !== undefined } });
    return success(await residentWithCards(app, tx, registered.value, actor.role));
  });
}
