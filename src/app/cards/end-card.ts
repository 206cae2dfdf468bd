import type { AbolitionReason } from '../../domain/card.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { cardCommand, decideAndRecord } from './card-command.ts';

/**
 * What the calendar does to a card: expiry the day after its last day, abolition when
 * continuation lapsed or on the day it was scheduled for, certificates expired
 * after theirs. Done by the nightly sweep (and the demo data), as the system.
 */
export async function endCard(
  app: AppContext,
  actor: Actor,
  id: string,
  command:
    | { readonly type: 'expire' | 'expire-certificates'; readonly on: PlainDate }
    | { readonly type: 'abolish'; readonly on: PlainDate; readonly reason: AbolitionReason; readonly asScheduled?: boolean },
) {
  const kind = ({ expire: 'card-expiry', 'expire-certificates': 'certificate-expiry', abolish: 'card-abolition' } as const)[command.type];
  return cardCommand(app, actor, id, { action: `card.${command.type}`, permission: 'job.run' }, (w) =>
    decideAndRecord(app, actor, w, command, { kind, details: { on: command.on, ...('reason' in command && { reason: command.reason }) } }),
  );
}
