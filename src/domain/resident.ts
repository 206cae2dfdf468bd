import type { PlainDate } from '../rules/plain-date.ts';
import type { Residency } from '../rules/residency.ts';
import { leadingPostalCode } from '../rules/resident-formats.ts';

/** A resident (住民) of the city as the card service keeps them (docs/domain.md "What it keeps"). */
export const REGISTRATIONS = [
  'registered',
  'moved-out',
  'moved-abroad',
  'deceased',
] as const;
export type Registration = (typeof REGISTRATIONS)[number];

export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];

export interface ResidentName {
  readonly familyName: string;
  readonly givenName: string;
  readonly familyNameKana: string;
  readonly givenNameKana: string;
}

export interface ResidentFacts extends ResidentName {
  readonly residentCode: string;
  readonly birthDate: PlainDate;
  readonly sex: Sex;
  readonly address: string;
  /** 郵便番号 of the address, `NNN-NNNN`; null when not known. The address never begins with it (docs/domain.md "What it keeps"). */
  readonly postalCode: string | null;
  readonly householdId: string;
  readonly nationality: string;
  readonly residency: Residency;
  readonly periodOfStayEnd: PlainDate | null;
  readonly residenceCardNumber: string | null;
  readonly moveInDate: PlainDate | null;
  readonly moveInNotificationDate: PlainDate | null;
  /** 成年被後見人: represented by a guardian; no signature certificate (Corrections 2026-12). */
  readonly adultWard: boolean;
}

/** The individual number itself is never part of the state or its events: it lives encrypted apart. */
export interface ResidentState extends ResidentFacts {
  readonly id: string;
  readonly version: number;
  readonly registration: Registration;
  readonly plannedMoveOutDate: PlainDate | null;
  readonly moveOutDestination: string | null;
}

export type ResidentEvent =
  | ({ readonly type: 'ResidentRegistered'; readonly residentId: string; readonly arrival: boolean } & ResidentFacts)
  | {
      readonly type: 'AddressChanged';
      readonly address: string;
      /** The new address's postal code, null without one; absent in events recorded before postal codes were kept. */
      readonly postalCode?: string | null;
      readonly effectiveDate: PlainDate;
      readonly previousAddress: string;
    }
  | ({ readonly type: 'NameChanged'; readonly effectiveDate: PlainDate; readonly previous: ResidentName } & ResidentName)
  | {
      readonly type: 'MovedOut';
      readonly plannedMoveOutDate: PlainDate;
      readonly destination: string;
      readonly abroad: boolean;
      /** R-17 国外継続利用 accepted with the 国外転出届; absent in events recorded before it existed. */
      readonly keepCardAbroad?: boolean;
    }
  | {
      readonly type: 'MovedIn';
      readonly moveInDate: PlainDate;
      readonly notificationDate: PlainDate;
      readonly address: string;
      /** The new address's postal code, null without one; absent in events recorded before postal codes were kept. */
      readonly postalCode?: string | null;
      readonly cardPresented: boolean;
    }
  | { readonly type: 'PeriodOfStayUpdated'; readonly periodOfStayEnd: PlainDate; readonly residenceCardNumber: string }
  | { readonly type: 'IndividualNumberChanged'; readonly on: PlainDate; readonly reason: string }
  /** 死亡届 (or 職権消除) recorded: the record ends as of the date of death (docs/rules.md "Death"). */
  | { readonly type: 'ResidentDied'; readonly dateOfDeath: PlainDate; readonly notifiedOn: PlainDate }
  | { readonly type: 'GuardianshipChanged'; readonly adultWard: boolean; readonly effectiveDate: PlainDate };

/**
 * The address and postal code an event records. An event written before postal codes were kept
 * has none: a postal code written at the start of its address (〒132-0021 …) is taken out of it,
 * as migration 0017 took it out of the records, so that its replay agrees with them.
 */
function addressOf(event: { readonly address: string; readonly postalCode?: string | null }): { address: string; postalCode: string | null } {
  if (event.postalCode !== undefined) return { address: event.address, postalCode: event.postalCode };
  const leading = leadingPostalCode(event.address);
  return leading && leading.address !== '' ? leading : { address: event.address, postalCode: null };
}

export function evolveResident(state: ResidentState | undefined, event: ResidentEvent): ResidentState {
  if (event.type === 'ResidentRegistered') {
    const { type: _type, residentId, arrival: _arrival, ...facts } = event;
    // Registrations recorded before R-18 carry no adultWard: nobody was recorded as a ward then.
    const adultWard = (facts as Partial<ResidentFacts>).adultWard ?? false;
    return { ...facts, adultWard, ...addressOf(facts), id: residentId, version: 1, registration: 'registered', plannedMoveOutDate: null, moveOutDestination: null };
  }
  if (state === undefined) throw new Error(`${event.type} before the resident exists`);
  const next = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'AddressChanged':
      return { ...next, ...addressOf(event) };
    case 'NameChanged':
      return {
        ...next,
        familyName: event.familyName,
        givenName: event.givenName,
        familyNameKana: event.familyNameKana,
        givenNameKana: event.givenNameKana,
      };
    case 'MovedOut':
      return {
        ...next,
        registration: event.abroad ? 'moved-abroad' : 'moved-out',
        plannedMoveOutDate: event.plannedMoveOutDate,
        moveOutDestination: event.destination,
      };
    case 'MovedIn':
      return {
        ...next,
        registration: 'registered',
        ...addressOf(event),
        moveInDate: event.moveInDate,
        moveInNotificationDate: event.notificationDate,
        plannedMoveOutDate: null,
        moveOutDestination: null,
      };
    case 'PeriodOfStayUpdated':
      return { ...next, periodOfStayEnd: event.periodOfStayEnd, residenceCardNumber: event.residenceCardNumber };
    case 'IndividualNumberChanged':
      return next;
    case 'ResidentDied':
      return { ...next, registration: 'deceased' };
    case 'GuardianshipChanged':
      return { ...next, adultWard: event.adultWard };
    default: {
      const unhandled: never = event;
      throw new Error(`unknown resident event ${JSON.stringify(unhandled)}`);
    }
  }
}

