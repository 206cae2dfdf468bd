import { Type } from 'typebox';
import { CARD_ACTIONS } from '../../domain/card-transitions.ts';
import { CARD_STATUSES, CERTIFICATE_STATUSES, RETURN_REASONS } from '../../domain/card.ts';
import { ExpiryBasis } from '../../rules/card-expiry.ts';
import { IdentityDocumentsSchema } from '../../rules/identity-documents.ts';
import { PIN_KINDS, REISSUE_REASONS } from '../../rules/policy.ts';
import { PROCEDURE_TABLE } from '../../rules/procedures.ts';
import { ReissueFeeOutput } from '../../rules/reissue-fee.ts';
import { DateField, DateSchema } from '../../rules/schema.ts';
import { Body, ExpectedVersionField, LegalRepresentativeField, Nullable, Text, proxyFor } from '../body-fields.ts';

/**
 * The requests and answers of docs/api.md "Cards" (card-routes.ts). Each body's type is held to
 * its use case's input by ../agreement.ts.
 */

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

/** A card as the API shows it (app/views.ts CardView): the answer of every card command. */
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
  scheduledAbolition: Nullable(
    Type.Object(
      { on: DateSchema, reason: Type.Enum(['moved-abroad']) },
      { description: 'An abolition the nightly sweep carries out on its day: a resident moving abroad, on the planned move-out date (R-17); the card works until then' },
    ),
  ),
  pickup: Nullable(
    Type.Object(
      {
        readyOn: DateField('The day the card arrived at its counter (交付待ち since)'),
        referenceNumber: Nullable(Type.String({ description: '照会番号 of its 交付通知書 (10 digits); null for a card made before they were drawn' })),
        reminderOn: DateField('R-19: a reminder goes out if the card is still waiting'),
        collectBy: DateField('R-19: the last day the card can be collected'),
        discardOn: DateField('R-19: the nightly sweep of this day destroys the card if it is still waiting'),
      },
      { description: 'The card at its counter (docs/pickup.md); kept after the hand-over; null before it was made and for a card taken over from another city' },
    ),
  ),
  endedOn: NullableDate,
  endReason: Nullable(Type.String()),
  pins: Nullable(Type.Object({ signature: PinStateSchema, user: PinStateSchema, residentRegistry: PinStateSchema, cardInfo: PinStateSchema })),
  allowedActions: Type.Array(Type.Enum(CARD_ACTIONS), { description: 'What the signed-in staff member may ask of this card now: the counter app offers exactly these' }),
});

export const PinParams = Type.Object({ id: Type.String({ format: 'uuid' }), kind: Type.Enum(PIN_KINDS) });

export const CardHistorySchema = Type.Array(
  Type.Object({ version: Type.Integer(), type: Type.String(), recordedAt: Type.String(), actorId: Type.Union([Type.String(), Type.Null()]), data: Type.Object({}, { additionalProperties: true }) }),
);

export const ManufactureBody = Body({ issueDate: DateField('発行日: the day the card was made'), expectedVersion: ExpectedVersionField });

const Pin4 = Type.String({ maxLength: 16 });
export const IssueBody = Body({
  handedOverOn: DateSchema,
  pins: Type.Object(
    { signature: Type.Optional(Type.String({ maxLength: 32 })), user: Pin4, residentRegistry: Pin4, cardInfo: Pin4 },
    { additionalProperties: false, description: 'Set on the chip, never stored or returned in clear' },
  ),
  identityDocuments: IdentityDocumentsSchema,
  notificationCardReturned: Type.Boolean({ description: 'A held 通知カード was taken back' }),
  legalRepresentative: LegalRepresentativeField,
  expectedVersion: ExpectedVersionField,
  ...proxyFor('card.issue'),
});

export const SuspendBody = Body({
  reason: Type.Enum(['lost', 'stolen']),
  channel: Type.Enum(['hotline', 'counter']),
  caller: Type.Optional(
    Type.Object(
      {
        name: Type.Optional(Type.String({ maxLength: 100 })),
        relationship: Type.Optional(Type.String({ maxLength: 100 })),
        phone: Type.Optional(Type.String({ maxLength: 20 })),
      },
      { additionalProperties: false },
    ),
  ),
  expectedVersion: ExpectedVersionField,
  ...proxyFor('card.suspend'),
});

export const ResumeBody = Body({ identityDocuments: IdentityDocumentsSchema, expectedVersion: ExpectedVersionField, ...proxyFor('card.resume') });

export const PinVerifyBody = Body({ pin: Type.String({ maxLength: 32 }) });
export const PinCheckSchema = Type.Object({ ok: Type.Boolean(), remainingAttempts: Type.Integer(), locked: Type.Boolean() });
export const PinResetBody = Body({
  newPin: Type.String({ maxLength: 32 }),
  identityDocuments: IdentityDocumentsSchema,
  legalRepresentative: LegalRepresentativeField,
  ...proxyFor('card.pin-reset'),
});

export const CertificateParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.Enum(['signature', 'user'], { description: 'signature 署名用, user 利用者証明用' }),
});
export const CertificateBody = Body({
  pin: Type.String({
    maxLength: 32,
    description: "The certificate's new PIN, set on the chip (R-12: signature 6–16 of A–Z and 0–9 with a letter and a digit; user 4 digits); never stored or returned in clear",
  }),
  identityDocuments: IdentityDocumentsSchema,
  legalRepresentative: LegalRepresentativeField,
  expectedVersion: ExpectedVersionField,
  ...proxyFor('card.certificate'),
});

export const FrontNoteBody = Body({
  kind: Type.Enum(['address', 'name', 'other']),
  text: Text(200),
  date: DateSchema,
  pin: Type.String({ maxLength: 16, description: '住民基本台帳事務用 PIN, checked on the chip' }),
  legalRepresentative: LegalRepresentativeField,
  expectedVersion: ExpectedVersionField,
  ...proxyFor('card.front-note'),
});

export const ContinuationBody = Body({
  pin: Type.String({ maxLength: 16, description: '住民基本台帳事務用 PIN' }),
  presentedBy: Type.Enum(PROCEDURE_TABLE.continuation.whoMayCome, {
    description: 'Who brought the card (R-13): the holder, a member of the household, or a proxy with an approval (proxyApprovalId)',
  }),
  date: DateSchema,
  legalRepresentative: LegalRepresentativeField,
  expectedVersion: ExpectedVersionField,
  ...proxyFor('card.continuation'),
});

export const ExtensionBody = Body({
  newPeriodOfStayEnd: Type.Optional(DateSchema),
  applicationPending: Type.Optional(Type.Boolean()),
  today: DateSchema,
  expectedVersion: ExpectedVersionField,
  ...proxyFor('card.extension'),
});

export const ReissueBody = Body({
  reason: Type.Enum(REISSUE_REASONS),
  lostAtHome: Type.Optional(Type.Boolean()),
  policeReportNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: '警察署の受理番号' })),
  photoTakenOn: DateSchema,
  applicationDate: DateSchema,
  identityDocuments: IdentityDocumentsSchema,
  withSignatureCertificate: Type.Optional(Type.Boolean({ description: 'As the old card by default' })),
  withUserCertificate: Type.Optional(Type.Boolean({ description: 'As the old card by default' })),
  legalRepresentative: LegalRepresentativeField,
  expectedVersion: ExpectedVersionField,
  ...proxyFor('card.reissue'),
});
export const ReissueAnswerSchema = Type.Object({
  fee: ReissueFeeOutput,
  receiptNumber: Type.Union([Type.String(), Type.Null()]),
  newCard: CardViewSchema,
  // The card replaced: still active (certificates unchanged) until the new one is handed over, or abolished when lost or stolen.
  oldCard: CardViewSchema,
});

export const ReturnBody = Body({
  reason: Type.Enum(RETURN_REASONS),
  expectedVersion: ExpectedVersionField,
  ...proxyFor('card.return'),
});
