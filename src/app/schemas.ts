import { Type, type Static, type TProperties } from 'typebox';
import { IdentityDocumentsSchema } from '../rules/identity-documents.ts';
import { PIN_KINDS, REISSUE_REASONS } from '../rules/policy.ts';
import { PROCEDURE_TABLE } from '../rules/procedures.ts';
import { ResidencySchema } from '../rules/residency.ts';
import { NATIONALITY_PATTERN, PHONE_PATTERN, RESIDENT_CODE_PATTERN } from '../rules/resident-formats.ts';
import { DateField, DateSchema } from '../rules/schema.ts';
import { PROXY_PROCEDURES, takesProxy, type CommandName, type TakesProxy } from './proxy-procedures.ts';

/**
 * The bodies of the records service's commands (docs/api.md "Residents", "Cards"), one schema per
 * command, shared by the HTTP routes (validation, OpenAPI) and the use cases (types).
 */
function Body<P extends TProperties>(properties: P, description?: string) {
  return Type.Object(properties, { additionalProperties: false, ...(description && { description }) });
}

const Text = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, ...(description && { description }) });
const KanaText = (description: string) => Type.String({ minLength: 1, maxLength: 100, description });

const ProxyField = Type.Optional(
  Type.String({ format: 'uuid', description: 'An approved proxy request (代理人) naming this procedure: the proxy acts for the holder' }),
);

/**
 * `proxyApprovalId` for a command whose R-13 row lets a proxy come, nothing for one whose row does
 * not (proxy-procedures.ts): the table decides which bodies have the field, and the use cases only
 * compile when they read it from a body that has it.
 */
function proxyFor<C extends CommandName>(command: C): TakesProxy<C> extends true ? { proxyApprovalId: typeof ProxyField } : Record<never, never> {
  return (takesProxy(command) ? { proxyApprovalId: ProxyField } : {}) as TakesProxy<C> extends true ? { proxyApprovalId: typeof ProxyField } : Record<never, never>;
}

/** The procedures a proxy may be approved for, by their names in the table. */
export const ProxyProcedureSchema = Type.Enum(PROXY_PROCEDURES, {
  description: 'The R-13 procedure the proxy comes for; an approval is used by the command that carries it out',
});
export const ExpectedVersionField = Type.Optional(
  Type.Integer({ minimum: 1, description: 'The version the client last saw; a mismatch is 409 CARD.VERSION_CONFLICT' }),
);

export const RegisterResidentBody = Body({
  residentCode: Type.String({ pattern: RESIDENT_CODE_PATTERN, description: '住民票コード, 11 digits' }),
  individualNumber: Type.String({ maxLength: 40, description: '個人番号, 12 digits (full-width digits accepted)' }),
  familyName: Text(50),
  givenName: Text(50),
  familyNameKana: KanaText('フリガナ of the family name'),
  givenNameKana: KanaText('フリガナ of the given name'),
  birthDate: DateSchema,
  sex: Type.Enum(['male', 'female']),
  address: Text(200),
  phone: Type.Optional(Type.String({ pattern: PHONE_PATTERN, description: 'A phone number the hotline may match a caller by' })),
  householdId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: '世帯; a new household when absent' })),
  nationality: Type.String({ pattern: NATIONALITY_PATTERN, description: 'ISO 3166-1 alpha-2' }),
  residency: ResidencySchema,
  periodOfStayEnd: Type.Optional(DateSchema),
  residenceCardNumber: Type.Optional(Type.String({ maxLength: 20 })),
  moveInDate: Type.Optional(DateSchema),
  moveInNotificationDate: Type.Optional(DateSchema),
});
export type RegisterResidentBody = Static<typeof RegisterResidentBody>;

const CertificatePlanSchema = Type.Object(
  { issuedOn: DateSchema, expiresOn: DateSchema },
  { additionalProperties: false },
);

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
export type ArrivalBody = Static<typeof ArrivalBody>;

export const SearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Name in kanji or kana, partial' })),
    birthDate: Type.Optional(DateSchema),
    address: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Address, partial' })),
    phone: Type.Optional(Type.String({ pattern: PHONE_PATTERN })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 400 })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

export const RevealBody = Body({ purpose: Text(200, 'Why the number is needed; kept in the audit trail') });
export const AddressChangeBody = Body({ address: Text(200), effectiveDate: DateSchema, expectedVersion: ExpectedVersionField, ...proxyFor('resident.change-address') });
export const NameChangeBody = Body({
  familyName: Text(50),
  givenName: Text(50),
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
  expectedVersion: ExpectedVersionField,
  ...proxyFor('resident.move-out'),
});
export const MoveInBody = Body({
  moveInDate: DateSchema,
  notificationDate: DateSchema,
  address: Text(200),
  cardPresented: Type.Boolean(),
  expectedVersion: ExpectedVersionField,
  ...proxyFor('resident.move-in'),
});
export const PeriodOfStayBody = Body({
  periodOfStayEnd: DateSchema,
  residenceCardNumber: Type.String({ maxLength: 20 }),
  expectedVersion: ExpectedVersionField,
});
const NumberChangeReason = Text(500, 'Why misuse is feared, e.g. the number leaked with a stolen card');
export const NumberChangeBody = Body({ reason: NumberChangeReason, ...proxyFor('resident.change-number') });
export const ProxyEnquiryBody = Body({
  enquiredOn: DateSchema,
  callerName: Text(100),
  relationship: Text(100, 'e.g. 子, 配偶者, 成年後見人'),
  procedure: ProxyProcedureSchema,
  notes: Type.Optional(Type.String({ maxLength: 1000 })),
});

export const ApplicationBody = Body({
  applicationDate: DateSchema,
  photoTakenOn: DateSchema,
  withSignatureCertificate: Type.Boolean(),
  withUserCertificate: Type.Boolean(),
  reason: Type.Optional(Type.Enum(['first', ...REISSUE_REASONS])),
  pickupOfficeId: Type.Optional(Type.String({ maxLength: 64, description: "The counter where the card will be handed over; the clerk's by default" })),
  ...proxyFor('card.apply'),
});
export const ManufactureBody = Body({ issueDate: DateField("発行日: the day the card was made"), expectedVersion: ExpectedVersionField });

const Pin4 = Type.String({ maxLength: 16 });
export const IssueBody = Body({
  handedOverOn: DateSchema,
  pins: Type.Object(
    { signature: Type.Optional(Type.String({ maxLength: 32 })), user: Pin4, residentRegistry: Pin4, cardInfo: Pin4 },
    { additionalProperties: false, description: 'Set on the chip, never stored or returned in clear' },
  ),
  identityDocuments: IdentityDocumentsSchema,
  notificationCardReturned: Type.Boolean({ description: 'A held 通知カード was taken back' }),
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
export const PinKindParam = Type.Enum(PIN_KINDS);
export const PinVerifyBody = Body({ pin: Type.String({ maxLength: 32 }) });
export const PinResetBody = Body({ newPin: Type.String({ maxLength: 32 }), identityDocuments: IdentityDocumentsSchema, ...proxyFor('card.pin-reset') });
export const CertificateKindParam = Type.Enum(['signature', 'user'], { description: 'signature 署名用, user 利用者証明用' });
export const CertificateBody = Body({
  pin: Type.String({
    maxLength: 32,
    description: "The certificate's new PIN, set on the chip (R-12: signature 6–16 of A–Z and 0–9 with a letter and a digit; user 4 digits); never stored or returned in clear",
  }),
  identityDocuments: IdentityDocumentsSchema,
  expectedVersion: ExpectedVersionField,
  ...proxyFor('card.certificate'),
});
export const FrontNoteBody = Body({
  kind: Type.Enum(['address', 'name', 'other']),
  text: Text(200),
  date: DateSchema,
  pin: Type.String({ maxLength: 16, description: '住民基本台帳事務用 PIN, checked on the chip' }),
  expectedVersion: ExpectedVersionField,
  ...proxyFor('card.front-note'),
});
export const ContinuationBody = Body({
  pin: Type.String({ maxLength: 16, description: '住民基本台帳事務用 PIN' }),
  presentedBy: Type.Enum(PROCEDURE_TABLE.continuation.whoMayCome, {
    description: 'Who brought the card (R-13): the holder, a member of the household, or a proxy with an approval (proxyApprovalId)',
  }),
  date: DateSchema,
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
  withSignatureCertificate: Type.Optional(Type.Boolean({ description: "As the old card by default" })),
  withUserCertificate: Type.Optional(Type.Boolean({ description: 'As the old card by default' })),
  expectedVersion: ExpectedVersionField,
  ...proxyFor('card.reissue'),
});
export const ReturnBody = Body({
  reason: Type.Enum(['not-needed', 'expired', 'moved-abroad', 'replaced']),
  expectedVersion: ExpectedVersionField,
  ...proxyFor('card.return'),
});

export const ApprovalRequestBody = Type.Union([
  Body({
    kind: Type.Literal('proxy'),
    residentId: Type.String({ format: 'uuid' }),
    enquiryId: Type.String({ format: 'uuid', description: 'The recorded prior enquiry' }),
    procedure: ProxyProcedureSchema,
    proxy: Type.Object(
      {
        name: Text(100),
        relationship: Text(100),
        identityDocuments: IdentityDocumentsSchema,
        authorityDocument: Text(100, 'e.g. 委任状, 登記事項証明書'),
      },
      { additionalProperties: false },
    ),
  }),
  Body({ kind: Type.Literal('number-change'), residentId: Type.String({ format: 'uuid' }), reason: NumberChangeReason, ...proxyFor('resident.change-number') }),
]);
export type ApprovalRequestBody = Static<typeof ApprovalRequestBody>;
export const ApprovalDecisionBody = Body({ note: Type.Optional(Type.String({ maxLength: 500 })) });

export const LoginBody = Body({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 200 }) });
export const PasswordChangeBody = Body({ currentPassword: Type.String({ maxLength: 200 }), newPassword: Type.String({ maxLength: 200 }) });
export const SetupBody = Body({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  setupCode: Type.String({ minLength: 1, maxLength: 40, description: 'As the supervisor handed it over, e.g. ABCD-EFGH-JKLM-NPQR; case, spaces and dashes do not matter' }),
  newPassword: Type.String({ maxLength: 200 }),
});
