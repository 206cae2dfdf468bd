import type { CardState } from '../domain/card.ts';
import { allowedActions, type CardAction } from '../domain/card-transitions.ts';
import { allowedResidentActions, type ResidentAction } from '../domain/resident-decider.ts';
import type { Registration, Sex } from '../domain/resident.ts';
import type { Role } from '../domain/roles.ts';
import type { ExpiryBasis } from '../rules/card-expiry.ts';
import type { PlainDate } from '../rules/plain-date.ts';
import type { RuleContext } from '../rules/context.ts';
import { pickupDeadline } from '../rules/pickup-deadline.ts';
import type { Residency } from '../rules/residency.ts';
import type { AppContext } from './context.ts';
import type { PinState } from './ports/card-chip.ts';
import type { ResidentRecord } from './ports/resident-repository.ts';
import type { Repositories } from './ports/store.ts';

/**
 * What the API shows of residents and cards, as plain types: the answers' schemas are the HTTP
 * contract's (http/cards/card-schemas.ts CardViewSchema, http/residents/resident-schemas.ts), and
 * http/agreement.ts holds these types to them, field for field. The functions below produce them.
 */
export interface CardView {
  readonly id: string;
  readonly residentId: string;
  readonly status: CardState['status'];
  readonly version: number;
  readonly applicationDate: PlainDate;
  readonly photoTakenOn: PlainDate;
  readonly applicationReason: string;
  readonly previousCardId: string | null;
  readonly pickupOfficeId: string;
  readonly wantsSignatureCertificate: boolean;
  readonly wantsUserCertificate: boolean;
  readonly issueDate: PlainDate | null;
  readonly expiryDate: PlainDate | null;
  readonly expiryBasis: ExpiryBasis | null;
  readonly handedOverOn: PlainDate | null;
  readonly handedOverOfficeId: string | null;
  readonly frontNotes: CardState['frontNotes'][number][];
  readonly notesCapacity: number;
  readonly certificates: CardState['certificates'];
  readonly continuation: CardState['continuation'];
  readonly suspension: CardState['suspension'];
  /** An abolition the nightly sweep carries out on its day (moving abroad, R-17); the card works until then. */
  readonly scheduledAbolition: CardState['scheduledAbolition'];
  /** The card's stay at its counter (docs/pickup.md): the day it arrived, its 照会番号, and R-19's dates. */
  readonly pickup: PickupView | null;
  readonly endedOn: PlainDate | null;
  readonly endReason: string | null;
  /** The chip's PIN states (never the PINs); null before the card is issued. */
  readonly pins: PinStates | null;
  /** What the signed-in staff member may ask of this card now: the counter app offers exactly these. */
  readonly allowedActions: CardAction[];
}

export interface PickupView {
  readonly readyOn: PlainDate;
  readonly referenceNumber: string | null;
  readonly reminderOn: PlainDate;
  /** The last day the card can be collected. */
  readonly collectBy: PlainDate;
  /** The sweep of this day destroys the card if it is still waiting. */
  readonly discardOn: PlainDate;
}

/** R-19's dates for a card that arrived at its counter. */
export function pickupView(pickup: NonNullable<CardState['pickup']>, rules: RuleContext): PickupView {
  const deadline = pickupDeadline({ readyOn: pickup.readyOn }, rules);
  if (!deadline.ok) throw new Error(`a stored readyOn is not a date: ${pickup.readyOn}`);
  const { reminderOn, collectBy, discardOn } = deadline.value;
  return { readyOn: pickup.readyOn, referenceNumber: pickup.referenceNumber, reminderOn: reminderOn as PlainDate, collectBy: collectBy as PlainDate, discardOn: discardOn as PlainDate };
}

export interface PinStates {
  readonly signature: PinState;
  readonly user: PinState;
  readonly residentRegistry: PinState;
  readonly cardInfo: PinState;
}

export interface ResidentView {
  readonly id: string;
  readonly residentCode: string;
  /** Masked: only the last 4 digits are shown. */
  readonly individualNumber: string;
  readonly familyName: string;
  readonly givenName: string;
  readonly familyNameKana: string;
  readonly givenNameKana: string;
  readonly birthDate: PlainDate;
  readonly sex: Sex;
  readonly address: string;
  /** 郵便番号 `NNN-NNNN`, null when not known. */
  readonly postalCode: string | null;
  readonly phone: string | null;
  readonly householdId: string;
  readonly nationality: string;
  readonly residency: Residency;
  readonly periodOfStayEnd: PlainDate | null;
  readonly residenceCardNumber: string | null;
  readonly registration: Registration;
  readonly plannedMoveOutDate: PlainDate | null;
  readonly moveOutDestination: string | null;
  readonly moveInDate: PlainDate | null;
  readonly moveInNotificationDate: PlainDate | null;
  readonly adultWard: boolean;
  readonly version: number;
}

export interface ResidentWithCards extends ResidentView {
  readonly cards: CardView[];
  /** What the signed-in staff member may ask about this resident now. */
  readonly allowedActions: ResidentAction[];
}

/** An individual number as everyone but a logged reveal sees it: the last four digits. */
export function maskNumber(last4: string): string {
  return `********${last4}`;
}

export function pinStates(states: Record<'signature' | 'user' | 'resident-registry' | 'card-info', PinState>): PinStates {
  return { signature: states.signature, user: states.user, residentRegistry: states['resident-registry'], cardInfo: states['card-info'] };
}

export function cardView(state: CardState, pins: PinStates | null, rules: RuleContext, actions: readonly CardAction[]): CardView {
  return {
    id: state.id,
    residentId: state.residentId,
    status: state.status,
    version: state.version,
    applicationDate: state.applicationDate,
    photoTakenOn: state.photoTakenOn,
    applicationReason: state.applicationReason,
    previousCardId: state.previousCardId,
    pickupOfficeId: state.pickupOfficeId,
    wantsSignatureCertificate: state.wantsSignatureCertificate,
    wantsUserCertificate: state.wantsUserCertificate,
    issueDate: state.issueDate,
    expiryDate: state.expiryDate,
    expiryBasis: state.expiryBasis,
    handedOverOn: state.handedOverOn,
    handedOverOfficeId: state.handedOverOfficeId,
    frontNotes: [...state.frontNotes],
    notesCapacity: rules.policy.notesCapacity,
    certificates: state.certificates,
    continuation: state.continuation,
    suspension: state.suspension,
    scheduledAbolition: state.scheduledAbolition,
    pickup: state.pickup && pickupView(state.pickup, rules),
    endedOn: state.endedOn,
    endReason: state.endReason,
    pins,
    allowedActions: [...actions],
  };
}

export function residentView(record: ResidentRecord): ResidentView {
  const { state } = record;
  return {
    id: state.id,
    residentCode: state.residentCode,
    individualNumber: maskNumber(record.numberLast4),
    familyName: state.familyName,
    givenName: state.givenName,
    familyNameKana: state.familyNameKana,
    givenNameKana: state.givenNameKana,
    birthDate: state.birthDate,
    sex: state.sex,
    address: state.address,
    postalCode: state.postalCode,
    phone: record.phone,
    householdId: state.householdId,
    nationality: state.nationality,
    residency: state.residency,
    periodOfStayEnd: state.periodOfStayEnd,
    residenceCardNumber: state.residenceCardNumber,
    registration: state.registration,
    plannedMoveOutDate: state.plannedMoveOutDate,
    moveOutDestination: state.moveOutDestination,
    moveInDate: state.moveInDate,
    moveInNotificationDate: state.moveInNotificationDate,
    adultWard: state.adultWard,
    version: state.version,
  };
}

/** A card as the API shows it, with its chip's PIN states; what may be done with it depends on the resident's other cards too. */
export async function cardViewOf(app: AppContext, tx: Repositories, card: CardState, role: Role, residentCards?: readonly CardState[]): Promise<CardView> {
  const cards = residentCards ?? (await tx.cards.listByResident(card.residentId));
  return cardView(card, pinStates(await app.chip.states(tx, card.id)), app.rules, allowedActions(card, role, cards));
}

/** A resident as the API shows them, with every card they have had. */
export async function residentWithCards(app: AppContext, tx: Repositories, record: ResidentRecord, role: Role): Promise<ResidentWithCards> {
  const cards = await tx.cards.listByResident(record.state.id);
  const views: CardView[] = [];
  for (const card of cards) views.push(await cardViewOf(app, tx, card, role, cards));
  return { ...residentView(record), cards: views, allowedActions: allowedResidentActions(record.state, cards, role) };
}
