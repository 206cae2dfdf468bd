import { Type } from 'typebox';
import { RESIDENT_ACTIONS } from '../../domain/resident-decider.ts';
import { REISSUE_REASONS } from '../../rules/policy.ts';
import { residentFieldSchemas } from '../../rules/resident-fields.ts';
import { POSTAL_CODE_PATTERN, RESIDENT_TEXT_MAX } from '../../rules/resident-formats.ts';
import { ResidencySchema } from '../../rules/residency.ts';
import { DateField, DateSchema } from '../../rules/schema.ts';
import { Body, ExpectedVersionField, KanaText, LegalRepresentativeField, Nullable, ProxyProcedureSchema, Text, proxyFor } from '../body-fields.ts';
import { CardViewSchema } from '../cards/card-schemas.ts';

/**
 * The requests and answers of docs/api.md "Residents" (resident-routes.ts). Each body's type is
 * held to its use case's input by ../agreement.ts.
 */

const NullableDate = Nullable(DateSchema);

/** A resident as the API shows them (app/views.ts ResidentView), the number masked. */
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
  postalCode: Type.Union([Type.String({ pattern: POSTAL_CODE_PATTERN }), Type.Null()], { description: '郵便番号 of the address (NNN-NNNN); null when not known' }),
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
  adultWard: Type.Boolean({ description: '成年被後見人 (R-18): represented by a guardian; no signature certificate' }),
  version: Type.Integer(),
});

/** A resident with every card they have had: the answer of every resident command. */
export const ResidentWithCardsSchema = Type.Object({
  ...ResidentViewSchema.properties,
  cards: Type.Array(CardViewSchema),
  allowedActions: Type.Array(Type.Enum(RESIDENT_ACTIONS), { description: 'What the signed-in staff member may ask about this resident now' }),
});

/** A registration: the fields every boundary registers a resident with (rules/resident-fields.ts). */
export const RegisterResidentBody = Body(residentFieldSchemas());

const CertificatePlanSchema = Type.Object({ issuedOn: DateSchema, expiresOn: DateSchema }, { additionalProperties: false });

export const ArrivalBody = Type.Object(
  {
    ...RegisterResidentBody.properties,
    moveInDate: DateField('The day living at the address in this city began'),
    notificationDate: DateField('The day the 転入届 is filed'),
    plannedMoveOutDate: Type.Optional(DateField('転出予定日 given to the previous municipality')),
    cardPresented: Type.Boolean({ description: 'The card was brought to the 転入届' }),
    card: Type.Optional(
      Type.Object(
        {
          issueDate: DateSchema,
          expiryDate: DateSchema,
          issuedBy: Text(100, 'The municipality that issued it'),
          certificates: Type.Object({ signature: Type.Optional(CertificatePlanSchema), user: Type.Optional(CertificatePlanSchema) }, { additionalProperties: false }),
          pins: Type.Optional(
            Type.Object(
              {
                signature: Type.Optional(Type.String({ maxLength: 16 })),
                user: Type.String({ maxLength: 4 }),
                residentRegistry: Type.String({ maxLength: 4 }),
                cardInfo: Type.String({ maxLength: 4 }),
              },
              { additionalProperties: false, description: 'Only initialise the simulated chip' },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const SearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Name in kanji or kana, partial' })),
    birthDate: Type.Optional(DateSchema),
    address: Type.Optional(Type.String({ minLength: 1, maxLength: RESIDENT_TEXT_MAX.address, description: 'Address, partial' })),
    phone: Type.Optional(
      Type.String({ pattern: '^[0-9-]{3,20}$', description: 'A phone number or any part of it (at least 3 digits), with or without hyphens' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 400 })),
  },
  { additionalProperties: false },
);

export const SearchResultSchema = Type.Object({
  residents: Type.Array(
    Type.Object({
      ...ResidentViewSchema.properties,
      card: Type.Union([Type.Object({ id: Type.String(), status: Type.String() }), Type.Null()], {
        description: 'The live card, or the last card (expired, abolished, returned) when none is live; null when the resident never had one',
      }),
      match: Type.Enum(['prefix', 'contains'], { description: 'Whether the name (or address) started with the text, or contained it further on' }),
    }),
  ),
  nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as cursor for the next page' }),
  match: Type.Enum(['prefix', 'contains'], { description: 'contains when any resident of the page matched by containing the text further on (names starting with q come first)' }),
  truncated: Type.Boolean({ description: 'More residents contain the text than a search looks at: narrow it, e.g. with a birth date' }),
});


export const ProcedureSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  residentId: Type.Union([Type.String(), Type.Null()]),
  cardId: Type.Union([Type.String(), Type.Null()]),
  staffId: Type.String(),
  staffName: Type.Union([Type.String(), Type.Null()], { description: 'The staff member who did it, by name (null: an account no longer known)' }),
  officeId: Type.String(),
  occurredAt: Type.String(),
  businessDate: DateSchema,
  documents: Type.Array(Type.String()),
  fee: Type.Union([Type.Integer(), Type.Null()]),
  receiptNumber: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.String(),
  details: Type.Object({}, { additionalProperties: true }),
  proxy: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
});

export const RevealBody = Body({ purpose: Text(200, 'Why the number is needed; kept in the audit trail') });
export const RevealAnswerSchema = Type.Object({ individualNumber: Type.String() });

/** The 郵便番号 with a new address: without it the record keeps none, as the old one belonged to the old address. */
const NewPostalCodeField = Type.Optional(
  Type.String({
    maxLength: RESIDENT_TEXT_MAX.postalCode,
    description: '郵便番号 of the new address (NNN-NNNN; 7 digits and full-width digits are read so). Absent: the resident has none recorded, the old one belonged to the old address',
  }),
);

export const AddressChangeBody = Body({
  address: Text(RESIDENT_TEXT_MAX.address),
  postalCode: NewPostalCodeField,
  effectiveDate: DateSchema,
  expectedVersion: ExpectedVersionField,
  ...proxyFor('resident.change-address'),
});
export const NameChangeBody = Body({
  familyName: Text(RESIDENT_TEXT_MAX.familyName),
  givenName: Text(RESIDENT_TEXT_MAX.givenName),
  familyNameKana: KanaText('フリガナ'),
  givenNameKana: KanaText('フリガナ'),
  effectiveDate: DateSchema,
  expectedVersion: ExpectedVersionField,
  ...proxyFor('resident.change-name'),
});
export const MoveOutBody = Body({
  plannedMoveOutDate: DateSchema,
  destination: Text(200),
  abroad: Type.Optional(Type.Boolean({ default: false })),
  keepCardAbroad: Type.Optional(
    Type.Boolean({
      default: false,
      description: '国外継続利用 (R-17): keep the card for use abroad; only with abroad, for a Japanese national with an active card, asked by the day before plannedMoveOutDate',
    }),
  ),
  expectedVersion: ExpectedVersionField,
  ...proxyFor('resident.move-out'),
});
export const DeathBody = Body({
  dateOfDeath: DateField('死亡日: the card is abolished and its certificates end as of this day'),
  notifiedOn: DateField('The day the 死亡届 was received (or the 職権消除 decided); not after today'),
  expectedVersion: ExpectedVersionField,
});
export const MoveInBody = Body({
  moveInDate: DateSchema,
  notificationDate: DateSchema,
  address: Text(RESIDENT_TEXT_MAX.address),
  postalCode: NewPostalCodeField,
  cardPresented: Type.Boolean(),
  expectedVersion: ExpectedVersionField,
  ...proxyFor('resident.move-in'),
});
export const PeriodOfStayBody = Body({
  periodOfStayEnd: DateSchema,
  residenceCardNumber: Type.String({ maxLength: RESIDENT_TEXT_MAX.residenceCardNumber }),
  expectedVersion: ExpectedVersionField,
});

export const GuardianshipBody = Body({
  adultWard: Type.Boolean({ description: 'true: 成年被後見人 from effectiveDate (represented by the guardian, R-18); false: the guardianship ended' }),
  effectiveDate: DateSchema,
  expectedVersion: ExpectedVersionField,
});

/** Why misuse of the number is feared: the change itself, and a request for one (approval-schemas.ts). */
export const NumberChangeReason = Text(500, 'Why misuse is feared, e.g. the number leaked with a stolen card');
export const NumberChangeBody = Body({ reason: NumberChangeReason, ...proxyFor('resident.change-number'), legalRepresentative: LegalRepresentativeField });
export const NumberChangeAnswerSchema = Type.Object({ ...ResidentWithCardsSchema.properties, newCardId: Type.Union([Type.String(), Type.Null()]) });

export const ProxyEnquiryBody = Body({
  enquiredOn: DateSchema,
  callerName: Text(100),
  relationship: Text(100, 'e.g. 子, 配偶者, 成年後見人'),
  procedure: ProxyProcedureSchema,
  notes: Type.Optional(Type.String({ maxLength: 1000 })),
});
export const EnquirySchema = Type.Object({
  id: Type.String(),
  residentId: Type.String(),
  enquiredOn: DateSchema,
  callerName: Type.String(),
  relationship: Type.String(),
  procedure: Type.String(),
  notes: Type.String(),
  recordedBy: Type.String(),
  recordedAt: Type.String(),
});

export const ResidentDetailSchema = Type.Object({
  ...ResidentWithCardsSchema.properties,
  household: Type.Array(ResidentViewSchema),
  proxyEnquiries: Type.Array(EnquirySchema, { description: 'The latest proxy enquiries (at most 20), for those who may ask for a proxy approval; empty for others' }),
});

/** 交付申請, at the resident's address in the API (POST /residents/:id/card-applications); it answers with the card. */
export const ApplicationBody = Body({
  applicationDate: DateSchema,
  photoTakenOn: DateSchema,
  withSignatureCertificate: Type.Boolean(),
  withUserCertificate: Type.Boolean(),
  reason: Type.Optional(Type.Enum(['first', ...REISSUE_REASONS])),
  pickupOfficeId: Type.Optional(Type.String({ maxLength: 64, description: "The counter where the card will be handed over; the clerk's by default" })),
  legalRepresentative: LegalRepresentativeField,
  ...proxyFor('card.apply'),
});
