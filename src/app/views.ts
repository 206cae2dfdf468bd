import { Type, type Static } from 'typebox';
import type { CardState } from '../domain/card.ts';
import { allowedActions, CARD_ACTIONS, type CardAction } from '../domain/card-transitions.ts';
import { allowedResidentActions, RESIDENT_ACTIONS } from '../domain/resident-decider.ts';
import type { Role } from '../domain/roles.ts';
import { CARD_STATUSES, CERTIFICATE_STATUSES } from '../domain/card.ts';
import { ExpiryBasis } from '../rules/card-expiry.ts';
import type { Policy } from '../rules/policy.ts';
import { ResidencySchema } from '../rules/residency.ts';
import { DateSchema } from '../rules/schema.ts';
import type { AppContext } from './context.ts';
import type { PinState } from './ports/card-chip.ts';
import type { ResidentRecord } from './ports/resident-repository.ts';
import type { Repositories } from './ports/store.ts';

/**
 * What the API shows of residents and cards. The schemas are the contract (OpenAPI, the web
 * app's types, the serializer); the functions below must produce exactly them.
 */
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const NullableDate = Nullable(DateSchema);

const CertificateSchema = Type.Object({
  status: Type.Enum(CERTIFICATE_STATUSES, {
    description: 'held (一時保留): on hold while the card is suspended after a loss or theft; the release revokes it (new ones on request, free)',
  }),
  issuedOn: NullableDate,
  expiresOn: NullableDate,
  revokedOn: NullableDate,
  revokedReason: Nullable(Type.String()),
});
const PinStateSchema = Type.Object({ set: Type.Boolean(), locked: Type.Boolean(), remainingAttempts: Type.Integer() });

export const CardViewSchema = Type.Object({
  id: Type.String(),
  residentId: Type.String(),
  status: Type.Enum(CARD_STATUSES),
  version: Type.Integer(),
  applicationDate: DateSchema,
  photoTakenOn: DateSchema,
  applicationReason: Type.String(),
  previousCardId: Nullable(Type.String()),
  pickupOfficeId: Type.String(),
  wantsSignatureCertificate: Type.Boolean({ description: 'The application asked for a signature certificate' }),
  wantsUserCertificate: Type.Boolean(),
  issueDate: NullableDate,
  expiryDate: NullableDate,
  expiryBasis: Nullable(Type.Enum(Object.values(ExpiryBasis))),
  handedOverOn: NullableDate,
  handedOverOfficeId: Nullable(Type.String()),
  frontNotes: Type.Array(Type.Object({ kind: Type.Enum(['address', 'name', 'other']), text: Type.String(), date: DateSchema })),
  notesCapacity: Type.Integer(),
  certificates: Type.Object({ signature: CertificateSchema, user: CertificateSchema }),
  continuation: Nullable(Type.Object({ notificationDate: DateSchema, deadline: DateSchema, lapsesOn: DateSchema })),
  suspension: Nullable(Type.Object({ reason: Type.Enum(['lost', 'stolen']), since: DateSchema, channel: Type.Enum(['hotline', 'counter']) })),
  endedOn: NullableDate,
  endReason: Nullable(Type.String()),
  pins: Nullable(Type.Object({ signature: PinStateSchema, user: PinStateSchema, residentRegistry: PinStateSchema, cardInfo: PinStateSchema })),
  allowedActions: Type.Array(Type.Enum(CARD_ACTIONS), { description: 'What the signed-in staff member may ask of this card now: the counter app offers exactly these' }),
});
export type CardView = Static<typeof CardViewSchema>;
export type PinStates = NonNullable<CardView['pins']>;

export const ResidentViewSchema = Type.Object({
  id: Type.String(),
  residentCode: Type.String(),
  individualNumber: Type.String({ description: 'Masked: only the last 4 digits are shown' }),
  familyName: Type.String(),
  givenName: Type.String(),
  familyNameKana: Type.String(),
  givenNameKana: Type.String(),
  birthDate: DateSchema,
  sex: Type.Enum(['male', 'female']),
  address: Type.String(),
  phone: Nullable(Type.String()),
  householdId: Type.String(),
  nationality: Type.String(),
  residency: ResidencySchema,
  periodOfStayEnd: NullableDate,
  residenceCardNumber: Nullable(Type.String()),
  registration: Type.Enum(['registered', 'moved-out', 'moved-abroad', 'deceased']),
  plannedMoveOutDate: NullableDate,
  moveOutDestination: Nullable(Type.String()),
  moveInDate: NullableDate,
  moveInNotificationDate: NullableDate,
  version: Type.Integer(),
});
export type ResidentView = Static<typeof ResidentViewSchema>;

export const ResidentWithCardsSchema = Type.Object({
  ...ResidentViewSchema.properties,
  cards: Type.Array(CardViewSchema),
  allowedActions: Type.Array(Type.Enum(RESIDENT_ACTIONS), { description: 'What the signed-in staff member may ask about this resident now' }),
});
export type ResidentWithCards = Static<typeof ResidentWithCardsSchema>;

/** An individual number as everyone but a logged reveal sees it: the last four digits. */
export function maskNumber(last4: string): string {
  return `********${last4}`;
}

export function pinStates(states: Record<'signature' | 'user' | 'resident-registry' | 'card-info', PinState>): PinStates {
  return { signature: states.signature, user: states.user, residentRegistry: states['resident-registry'], cardInfo: states['card-info'] };
}

export function cardView(state: CardState, pins: PinStates | null, policy: Pick<Policy, 'notesCapacity'>, actions: readonly CardAction[]): CardView {
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
    notesCapacity: policy.notesCapacity,
    certificates: state.certificates,
    continuation: state.continuation,
    suspension: state.suspension,
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
    version: state.version,
  };
}

/** A card as the API shows it, with its chip's PIN states. */
export async function cardViewOf(app: AppContext, tx: Repositories, card: CardState, role: Role): Promise<CardView> {
  return cardView(card, pinStates(await app.chip.states(tx, card.id)), app.rules.policy, allowedActions(card, role));
}

/** A resident as the API shows them, with every card they have had. */
export async function residentWithCards(app: AppContext, tx: Repositories, record: ResidentRecord, role: Role): Promise<ResidentWithCards> {
  const cards = await tx.cards.listByResident(record.state.id);
  const views: CardView[] = [];
  for (const card of cards) views.push(await cardViewOf(app, tx, card, role));
  return { ...residentView(record), cards: views, allowedActions: allowedResidentActions(record.state, cards, role) };
}
