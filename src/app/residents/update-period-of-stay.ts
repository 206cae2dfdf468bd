import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { VersionedInput } from '../command-input.ts';
import type { Idempotency } from '../command.ts';
import { residentCommand } from './resident-command.ts';

/** A renewed or changed period of stay, with the residence card that shows it. */
export interface PeriodOfStayInput extends VersionedInput {
  readonly periodOfStayEnd: PlainDate;
  readonly residenceCardNumber: string;
}

/** A renewed or changed period of stay (在留期間更新): the record follows; the card is extended separately. */
export async function updatePeriodOfStay(app: AppContext, actor: Actor, id: string, body: PeriodOfStayInput, idempotency?: Idempotency) {
  return residentCommand(
    app,
    actor,
    { action: 'resident.period-of-stay', idempotency },
    id,
    body.expectedVersion,
    { type: 'update-period-of-stay', periodOfStayEnd: body.periodOfStayEnd, residenceCardNumber: body.residenceCardNumber },
    { kind: 'period-of-stay-update', details: { periodOfStayEnd: body.periodOfStayEnd } },
  );
}
