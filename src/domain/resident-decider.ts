import type { PlainDate } from '../rules/plain-date.ts';
import { abroadContinuationRefusal, movingAbroad } from '../rules/moving-abroad.ts';
import { isLive, type CardState, type CardStatus } from './card.ts';
import { can, type Permission, type Role } from './roles.ts';
import type { DecisionContext } from './decision-context.ts';
import { DomainErrorCode, notInFuture, refuse, refuseField, success, type Result } from './errors.ts';
import { isKana, readingForm } from './name-search.ts';
import { leadingPostalCode, normalizePostalCode } from '../rules/resident-formats.ts';
import type { Registration, ResidentEvent, ResidentFacts, ResidentName, ResidentState } from './resident.ts';

export type ResidentCommand =
  /** 転居: the new address and its postal code (null: none known; the old one belonged to the old address). */
  | { readonly type: 'change-address'; readonly address: string; readonly postalCode: string | null; readonly effectiveDate: PlainDate }
  | ({ readonly type: 'change-name'; readonly effectiveDate: PlainDate } & ResidentName)
  | {
      readonly type: 'move-out';
      readonly plannedMoveOutDate: PlainDate;
      readonly destination: string;
      readonly abroad: boolean;
      /** R-17 国外継続利用 asked for with the 国外転出届. */
      readonly keepCardAbroad: boolean;
      /** The status of the card that would be kept: the one in the holder's hands, else the newest live one; null without one. */
      readonly cardStatus: CardStatus | null;
    }
  | { readonly type: 'record-death'; readonly dateOfDeath: PlainDate; readonly notifiedOn: PlainDate }
  | {
      readonly type: 'move-in';
      readonly moveInDate: PlainDate;
      readonly notificationDate: PlainDate;
      readonly address: string;
      /** The new address's postal code; null: none known. */
      readonly postalCode: string | null;
      readonly cardPresented: boolean;
    }
  | { readonly type: 'update-period-of-stay'; readonly periodOfStayEnd: PlainDate; readonly residenceCardNumber: string }
  | { readonly type: 'change-number'; readonly reason: string }
  /** 成年後見: an adult under guardianship (成年被後見人) from `effectiveDate`, or no longer. */
  | { readonly type: 'set-guardianship'; readonly adultWard: boolean; readonly effectiveDate: PlainDate };

/** Who may ask for each resident command. */
export const RESIDENT_COMMAND_PERMISSION = {
  'change-address': 'resident.write',
  'change-name': 'resident.write',
  'move-out': 'resident.write',
  'move-in': 'resident.write',
  'update-period-of-stay': 'resident.write',
  'change-number': 'resident.change-number',
  'record-death': 'resident.write',
  'set-guardianship': 'resident.write',
} as const satisfies Record<ResidentCommand['type'], Permission>;

/** What can be asked about a resident: their own commands, and a first card. */
export const RESIDENT_ACTIONS = [
  'change-address',
  'change-name',
  'move-out',
  'move-in',
  'update-period-of-stay',
  'change-number',
  'set-guardianship',
  'record-death',
  'apply-for-card',
] as const satisfies readonly (
  | ResidentCommand['type']
  | 'apply-for-card'
)[];
export type ResidentAction = (typeof RESIDENT_ACTIONS)[number];

/**
 * What a staff member of this role may ask about this resident now, as the counter app offers
 * it: the registration state allows the command and the role holds its permission; a period of
 * stay only for a foreign resident who has one; a card application only for a registered resident
 * with no live card (docs/domain.md: at most one).
 */
export function allowedResidentActions(resident: ResidentState, cards: readonly CardState[], role: Role): ResidentAction[] {
  const commands = (RESIDENT_TRANSITIONS[resident.registration] as readonly ResidentCommand['type'][]).filter(
    (command) => can(role, RESIDENT_COMMAND_PERMISSION[command]) && (command !== 'update-period-of-stay' || resident.residency === 'foreign-with-period'),
  );
  const mayApply = resident.registration === 'registered' && !cards.some(isLive) && can(role, 'card.counter-procedure');
  return mayApply ? [...commands, 'apply-for-card'] : commands;
}

/** Which registration states allow each command: the resident's transition table. */
export const RESIDENT_TRANSITIONS = {
  registered: ['change-address', 'change-name', 'move-out', 'update-period-of-stay', 'change-number', 'set-guardianship', 'record-death'],
  // A death after the 転出届 but before the move (its card may still be live, R-17) is recorded here too.
  'moved-out': ['move-in', 'record-death'],
  'moved-abroad': ['move-in', 'record-death'],
  deceased: [],
} as const satisfies Record<Registration, readonly ResidentCommand['type'][]>;

const RESIDENCE_CARD_NUMBER = /^[A-Z]{2}[0-9]{8}[A-Z]{2}$/;

/**
 * An address and its postal code as the record keeps them (docs/domain.md "What it keeps"): the
 * code as `NNN-NNNN` (7 digits without the hyphen and full-width digits are read so), and an
 * address that does not begin with it — a `〒132-0021` typed at its start is taken out into the
 * code, and refused when it differs from the code given beside it.
 */
export function addressWithPostalCode(address: string, postalCode: string | null): Result<{ address: string; postalCode: string | null }> {
  let code: string | null = null;
  if (postalCode !== null) {
    const normal = normalizePostalCode(postalCode);
    if (normal === undefined) return refuseField('postalCode', `"${postalCode}" is not a postal code: 3 digits, a hyphen and 4 digits (e.g. 132-0021)`);
    code = normal;
  }
  const leading = leadingPostalCode(address);
  if (leading === undefined) return success({ address, postalCode: code });
  if (code !== null && code !== leading.postalCode) return refuseField('postalCode', `${code} is not the postal code the address begins with (〒${leading.postalCode})`);
  if (leading.address.trim() === '') return refuseField('address', 'holds only a postal code');
  return success({ address: leading.address, postalCode: leading.postalCode });
}

/** Checks a new resident's facts beyond their schema: readings in kana, residency that agrees with nationality. */
export function checkResidentFacts(facts: ResidentFacts, context: DecisionContext): Result<ResidentFacts> {
  if (!isKana(facts.familyNameKana)) return refuseField('familyNameKana', 'must be written in kana');
  if (!isKana(facts.givenNameKana)) return refuseField('givenNameKana', 'must be written in kana');
  if (facts.birthDate > context.today) return refuseField('birthDate', `${facts.birthDate} is after today`);
  if ((facts.nationality === 'JP') !== (facts.residency === 'national')) {
    return refuseField('residency', facts.nationality === 'JP' ? 'is national for nationality JP' : `cannot be national for nationality ${facts.nationality}`);
  }
  if (facts.residency === 'foreign-with-period') {
    if (facts.periodOfStayEnd === null) return refuseField('periodOfStayEnd', 'is required for a foreign resident with a period of stay');
    if (facts.residenceCardNumber === null) return refuseField('residenceCardNumber', 'is required for a foreign resident with a period of stay');
  } else if (facts.periodOfStayEnd !== null) {
    return refuseField('periodOfStayEnd', `is only for residency foreign-with-period, not ${facts.residency}`);
  }
  if (facts.residency === 'national' && facts.residenceCardNumber !== null) return refuseField('residenceCardNumber', 'is only for a foreign resident');
  if (facts.residenceCardNumber !== null && !RESIDENCE_CARD_NUMBER.test(facts.residenceCardNumber)) {
    return refuseField('residenceCardNumber', 'must be 2 letters, 8 digits and 2 letters, as on the residence card');
  }
  if (facts.moveInNotificationDate !== null && facts.moveInDate !== null && facts.moveInNotificationDate < facts.moveInDate) {
    return refuseField('moveInNotificationDate', 'is before the move-in date');
  }
  const placed = addressWithPostalCode(facts.address, facts.postalCode);
  if (!placed.ok) return placed;
  return success({ ...facts, ...placed.value, familyNameKana: readingForm(facts.familyNameKana), givenNameKana: readingForm(facts.givenNameKana) });
}

/** Decides a command on a resident record; side effects on their card are the caller's to derive. */
export function decideResident(command: ResidentCommand, state: ResidentState, context: DecisionContext): Result<ResidentEvent[]> {
  if (state.registration === 'deceased') return deceasedRefusal(state);
  if (!(RESIDENT_TRANSITIONS[state.registration] as readonly string[]).includes(command.type)) {
    return refuse(DomainErrorCode.ResidentInvalidTransition, `a resident who is ${state.registration} cannot ${command.type.replace(/-/g, ' ')}`, {
      registration: state.registration,
    });
  }
  switch (command.type) {
    case 'change-address': {
      const future = notInFuture('effectiveDate', command.effectiveDate, context);
      if (future) return future;
      const placed = addressWithPostalCode(command.address, command.postalCode);
      if (!placed.ok) return placed;
      if (placed.value.address === state.address) return refuseField('address', 'is the current address');
      // A new address without a postal code clears the old one, which belonged to the old address (docs/domain.md).
      return success([{ type: 'AddressChanged', ...placed.value, effectiveDate: command.effectiveDate, previousAddress: state.address }]);
    }
    case 'change-name': {
      const future = notInFuture('effectiveDate', command.effectiveDate, context);
      if (future) return future;
      if (!isKana(command.familyNameKana)) return refuseField('familyNameKana', 'must be written in kana');
      if (!isKana(command.givenNameKana)) return refuseField('givenNameKana', 'must be written in kana');
      const { type: _type, effectiveDate, ...typed } = command;
      const name = { ...typed, familyNameKana: readingForm(typed.familyNameKana), givenNameKana: readingForm(typed.givenNameKana) };
      const previous = { familyName: state.familyName, givenName: state.givenName, familyNameKana: state.familyNameKana, givenNameKana: state.givenNameKana };
      if (JSON.stringify(previous) === JSON.stringify(name)) return refuseField('familyName', 'the name is unchanged');
      return success([{ type: 'NameChanged', effectiveDate, previous, ...name }]);
    }
    case 'move-out':
      return decideMoveOut(command, state, context);
    case 'record-death': {
      const future = notInFuture('notifiedOn', command.notifiedOn, context);
      if (future) return future;
      if (command.dateOfDeath > command.notifiedOn) return refuseField('dateOfDeath', `is after the notification (${command.notifiedOn})`);
      if (command.dateOfDeath < state.birthDate) return refuseField('dateOfDeath', `is before the birth date (${state.birthDate})`);
      return success([{ type: 'ResidentDied', dateOfDeath: command.dateOfDeath, notifiedOn: command.notifiedOn }]);
    }
    case 'move-in': {
      const future = notInFuture('notificationDate', command.notificationDate, context);
      if (future) return future;
      if (command.notificationDate < command.moveInDate) return refuseField('notificationDate', 'is before the move-in date');
      const placed = addressWithPostalCode(command.address, command.postalCode);
      if (!placed.ok) return placed;
      return success([
        {
          type: 'MovedIn',
          moveInDate: command.moveInDate,
          notificationDate: command.notificationDate,
          ...placed.value,
          cardPresented: command.cardPresented,
        },
      ]);
    }
    case 'update-period-of-stay':
      if (state.residency !== 'foreign-with-period') {
        return refuse(DomainErrorCode.ResidentInvalidTransition, 'only a foreign resident with a period of stay has one to update', {
          registration: state.registration,
        });
      }
      if (!RESIDENCE_CARD_NUMBER.test(command.residenceCardNumber)) {
        return refuseField('residenceCardNumber', 'must be 2 letters, 8 digits and 2 letters, as on the residence card');
      }
      return success([{ type: 'PeriodOfStayUpdated', periodOfStayEnd: command.periodOfStayEnd, residenceCardNumber: command.residenceCardNumber }]);
    case 'change-number':
      return success([{ type: 'IndividualNumberChanged', on: context.today, reason: command.reason }]);
    case 'set-guardianship': {
      const future = notInFuture('effectiveDate', command.effectiveDate, context);
      if (future) return future;
      if (command.adultWard === state.adultWard) return refuseField('adultWard', `is already ${String(state.adultWard)}`);
      return success([{ type: 'GuardianshipChanged', adultWard: command.adultWard, effectiveDate: command.effectiveDate }]);
    }
    default: {
      const unhandled: never = command;
      throw new Error(`unknown resident command ${JSON.stringify(unhandled)}`);
    }
  }
}

/**
 * The refusal of anything asked about a deceased resident (docs/rules.md "Death"): the record is
 * closed; only a card the family hands back is still recorded (as `returned`).
 */
export function deceasedRefusal(state: Pick<ResidentState, 'id'>): Result<never> {
  return refuse(DomainErrorCode.ResidentDeceased, `a death is recorded for resident ${state.id}: no procedure is possible but handing back the card`, {
    registration: 'deceased',
  });
}

/**
 * 転出届. Abroad, 国外継続利用 is asked with it and R-17 decides (policy, nationality, the card's
 * status, asked by the day before the move-out); a refusal names why and changes nothing. Within
 * Japan there is no card to keep abroad.
 */
function decideMoveOut(command: Extract<ResidentCommand, { type: 'move-out' }>, state: ResidentState, context: DecisionContext): Result<ResidentEvent[]> {
  const moved = { type: 'MovedOut', plannedMoveOutDate: command.plannedMoveOutDate, destination: command.destination, abroad: command.abroad } as const;
  if (!command.keepCardAbroad) return success([moved]);
  if (!command.abroad) return refuseField('keepCardAbroad', 'a card is kept for use abroad only on moving abroad (abroad: true)');
  const input = {
    nationality: state.nationality,
    plannedMoveOutDate: command.plannedMoveOutDate,
    today: context.today,
    // Without a card there is nothing active to keep: R-17 answers as for an ended card.
    cardStatus: command.cardStatus ?? 'abolished',
  };
  const answer = movingAbroad(input, context.rules);
  if (!answer.ok) return answer;
  const refusal = abroadContinuationRefusal(input, answer.value);
  if (refusal) return refuse(refusal.code, refusal.message, { reason: answer.value.reason ?? null, plannedMoveOutDate: command.plannedMoveOutDate });
  return success([{ ...moved, keepCardAbroad: true }]);
}
