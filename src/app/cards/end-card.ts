import type { AbolitionReason, CardEvent, CardState } from '../../domain/card.ts';
import { decideCard } from '../../domain/card-decider.ts';
import { success, type DomainError } from '../../domain/errors.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import { actRecordOf } from '../act-records.ts';
import { authorize, type Actor } from '../actor.ts';
import type { Result } from '../app-errors.ts';
import { appendAudits } from '../audit-trail.ts';
import { decisionContext, type AppContext } from '../context.ts';
import { saveCards } from '../persist.ts';
import { cardCommand, decideAndRecord } from './card-command.ts';

export type CalendarCommand =
  | { readonly type: 'expire' | 'expire-certificates'; readonly on: PlainDate }
  | { readonly type: 'abolish'; readonly on: PlainDate; readonly reason: AbolitionReason; readonly asScheduled?: boolean };

const ACT_KIND = { expire: 'card-expiry', 'expire-certificates': 'certificate-expiry', abolish: 'card-abolition' } as const;

const actDetails = (command: CalendarCommand) => ({ on: command.on, ...('reason' in command && { reason: command.reason }) });

/**
 * What the calendar does to a card: expiry the day after its last day, abolition when
 * continuation lapsed or on the day it was scheduled for, certificates expired
 * after theirs. Done by the demo data's histories one card at a time, as the system.
 */
export async function endCard(app: AppContext, actor: Actor, id: string, command: CalendarCommand) {
  return cardCommand(app, actor, id, { action: `card.${command.type}`, permission: 'job.run' }, (w) =>
    decideAndRecord(app, actor, w, command, { kind: ACT_KIND[command.type], details: actDetails(command) }),
  );
}

/**
 * `endCard` for a batch of cards in one transaction, as the nightly sweep runs it: each card
 * decided on its own by the same decider, and recorded as `endCard` records it (its events, its
 * row, its procedure record and its audit entry, refused or not), but the cards read, and the
 * records written, a batch at a time (docs/architecture.md "Databases"). The cards are locked in
 * id order. Answers with the ids of the cards changed and refused.
 */
export async function endCards(app: AppContext, actor: Actor, ids: readonly string[], command: CalendarCommand): Promise<Result<{ ended: string[]; refused: string[] }>> {
  const allowed = authorize(actor, 'job.run');
  if (!allowed.ok) return allowed;
  const action = `card.${command.type}` as const;
  return success(
    await app.store.transaction(async (tx) => {
      const cards = await tx.cards.getMany(ids, { lock: true });
      const context = decisionContext(app);
      const at = app.clock.now();
      const changes: { before: CardState; events: CardEvent[] }[] = [];
      const refusals: { card: CardState; error: DomainError }[] = [];
      for (const card of cards) {
        const decided = decideCard(command, card, context);
        if (decided.ok) changes.push({ before: card, events: decided.value });
        else refusals.push({ card, error: decided.error });
      }
      const after = await saveCards(tx, changes, { at, actorId: actor.id });
      await tx.acts.insertMany(after.map((card) => actRecordOf(app, actor, { kind: ACT_KIND[command.type], residentId: card.residentId, cardId: card.id, details: actDetails(command) })));
      const who = { at, actorId: actor.id, actorRole: actor.role, officeId: actor.officeId, action, subjectType: 'card' };
      await appendAudits(app, tx, [
        ...changes.map(({ before, events }, index) => ({
          ...who,
          subjectId: before.id,
          outcome: 'ok' as const,
          code: null,
          details: { status: before.status, to: after[index]!.status, events: events.map((event) => event.type), represented: false },
        })),
        ...refusals.map(({ card, error }) => ({ ...who, subjectId: card.id, outcome: 'refused' as const, code: error.code, details: { status: card.status } })),
      ]);
      return { ended: changes.map(({ before }) => before.id), refused: refusals.map(({ card }) => card.id) };
    }),
  );
}
