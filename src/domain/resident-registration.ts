import { individualNumber, normalizeDigits } from '../rules/individual-number.ts';
import type { DecisionContext } from './decision-context.ts';
import { DomainErrorCode, refuse, success, type Result } from './errors.ts';
import { checkResidentFacts } from './resident-decider.ts';
import { evolveResident, type ResidentEvent, type ResidentFacts, type ResidentState } from './resident.ts';

export interface RegistrationCommand {
  readonly residentId: string;
  /** As typed or imported: full-width digits are read as digits. */
  readonly individualNumber: string;
  readonly facts: ResidentFacts;
  /** Moving in from a municipality this system does not serve, rather than registered here. */
  readonly arrival: boolean;
}

export interface Registered {
  /** The number in its normal form: twelve ASCII digits. It is kept apart from the state, encrypted. */
  readonly individualNumber: string;
  readonly event: Extract<ResidentEvent, { type: 'ResidentRegistered' }>;
  readonly state: ResidentState;
}

/**
 * A new resident, the one way every path registers one (the counter, an arrival, the registry
 * import, generated data): the individual number must pass R-11 and the facts their checks.
 * That the number and the 住民票コード are new to the records is the caller's to ask the store.
 */
export function decideRegistration(command: RegistrationCommand, context: DecisionContext): Result<Registered> {
  const number = normalizeDigits(command.individualNumber);
  const check = individualNumber({ number });
  if (!check.ok || !check.value.valid) {
    return refuse(DomainErrorCode.ResidentInvalidNumber, 'the individual number is not 12 digits with a valid check digit');
  }
  const facts = checkResidentFacts(command.facts, context);
  if (!facts.ok) return facts;
  const event: Registered['event'] = { type: 'ResidentRegistered', residentId: command.residentId, arrival: command.arrival, ...facts.value };
  return success({ individualNumber: number, event, state: evolveResident(undefined, event) });
}
