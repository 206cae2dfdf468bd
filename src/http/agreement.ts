import type { Static, TSchema } from 'typebox';
import type { BookAppointmentInput } from '../app/appointments/book-appointment.ts';
import type { DayAppointmentsInput } from '../app/appointments/day-appointments.ts';
import type { ListSlotsInput } from '../app/appointments/list-slots.ts';
import type { BookBody, DayQuery, SlotsQuery } from './appointments/appointment-schemas.ts';
import type { ApprovalDecisionInput, ApprovalRequestInput } from '../app/approvals.ts';
import type { FrontNoteInput } from '../app/cards/add-front-note.ts';
import type { ApplicationInput } from '../app/cards/apply-for-card.ts';
import type { ContinuationInput } from '../app/cards/continue-card.ts';
import type { ExtensionInput } from '../app/cards/extend-card.ts';
import type { IssueInput } from '../app/cards/issue-card.ts';
import type { ManufactureInput } from '../app/cards/manufacture-card.ts';
import type { ReissueInput } from '../app/cards/reissue-card.ts';
import type { PinResetInput } from '../app/cards/reset-pin.ts';
import type { CertificateInput } from '../app/cards/issue-certificate.ts';
import type { ResumeInput } from '../app/cards/resume-card.ts';
import type { ReturnInput } from '../app/cards/return-card.ts';
import type { SuspendInput } from '../app/cards/suspend-card.ts';
import type { PinVerifyInput } from '../app/cards/verify-pin.ts';
import type { AddressChangeInput } from '../app/residents/change-address.ts';
import type { NameChangeInput } from '../app/residents/change-name.ts';
import type { NumberChangeInput } from '../app/residents/change-number.ts';
import type { MoveInInput } from '../app/residents/move-in.ts';
import type { MoveOutInput } from '../app/residents/move-out.ts';
import type { DeathInput } from '../app/residents/record-death.ts';
import type { ProxyEnquiryInput } from '../app/residents/record-enquiry.ts';
import type { ArrivalInput } from '../app/residents/register-arrival.ts';
import type { RegisterResidentInput } from '../app/residents/register-resident.ts';
import type { RevealInput } from '../app/residents/reveal-number.ts';
import type { SearchInput } from '../app/residents/search-residents.ts';
import type { PeriodOfStayInput } from '../app/residents/update-period-of-stay.ts';
import type { GuardianshipInput } from '../app/residents/change-guardianship.ts';
import type { NewStaff } from '../app/staff.ts';
import type { StaffRoleInput } from '../app/staff-accounts.ts';
import type { CardView, ResidentView, ResidentWithCards } from '../app/views.ts';
import type { GuideFeedbackInput } from '../app/guide/guide-feedback.ts';
import type { GuideRequest, LocalizedGuide } from '../app/guide/localized-guide.ts';
import type { NoticeList } from '../app/notices.ts';
import type { JobRun } from '../app/ports/job-run-repository.ts';
import type { Dashboard, Report } from '../app/reports.ts';
import type { PlainDate } from '../rules/plain-date.ts';
import type { ApprovalDecisionBody, ApprovalRequestBody } from './approvals/approval-schemas.ts';
import type {
  CardViewSchema,
  CertificateBody,
  ContinuationBody,
  ExtensionBody,
  FrontNoteBody,
  IssueBody,
  ManufactureBody,
  PinResetBody,
  PinVerifyBody,
  ReissueBody,
  ResumeBody,
  ReturnBody,
  SuspendBody,
} from './cards/card-schemas.ts';
import type {
  AddressChangeBody,
  ApplicationBody,
  ArrivalBody,
  DeathBody,
  MoveInBody,
  MoveOutBody,
  NameChangeBody,
  NumberChangeBody,
  PeriodOfStayBody,
  GuardianshipBody,
  ProxyEnquiryBody,
  RegisterResidentBody,
  ResidentViewSchema,
  ResidentWithCardsSchema,
  RevealBody,
  SearchQuery,
} from './residents/resident-schemas.ts';
import type { NewStaffBody, RoleBody } from './staff/staff-schemas.ts';
import type { DeliveryReportSchema } from './deliveries/delivery-schemas.ts';
import type { DeliveryReport } from '../app/deliveries.ts';
import type { GuideFeedbackSchema, GuideRequestSchema, GuideResponseSchema } from './guide/guide-schemas.ts';
import type { JobRunSchema } from './jobs/job-schemas.ts';
import type { DashboardSchema, NoticeListSchema, ReportSchema } from './reports/report-schemas.ts';

/**
 * The HTTP contract and the use cases, held together at compile time. A body's schema (beside
 * its routes) says what a client may send; the use case (src/app) declares the plain input it
 * takes. They agree when every body the schema lets through is an input the use case takes
 * (assignable), and both name the same fields at every depth: a field renamed, added or dropped
 * on one side, even an optional one that assignability alone would let pass, fails `npx tsc`
 * here with the fields that differ. The views the answers are made of are held to their schemas
 * the other way round: every view a use case returns must be an answer the schema describes. The
 * session's bodies are not listed: their use cases take
 * the fields as arguments, so the route's call is the check.
 */

type Leaf = string | number | boolean | bigint | null | undefined | PlainDate;

/** Every field of T as a dotted path (`card.pins.user`, `proxy.identityDocuments[]`), through every member of a union. */
type Paths<T, Prefix extends string = ''> = T extends Leaf
  ? never
  : T extends readonly (infer Item)[]
    ? Paths<Item, `${Prefix}[]`>
    : T extends object
      ? { [K in keyof T & string]-?: `${Prefix}${K}` | Paths<NonNullable<T[K]>, `${Prefix}${K}.`> }[keyof T & string]
      : never;

/** `true` when the body and the input agree; otherwise what differs, which the compiler prints. */
export type Agrees<Schema extends TSchema, Input> = [Static<Schema>] extends [Input]
  ? [Exclude<Paths<Static<Schema>>, Paths<Input>>, Exclude<Paths<Input>, Paths<Static<Schema>>>] extends [never, never]
    ? true
    : { onlyInTheBody: Exclude<Paths<Static<Schema>>, Paths<Input>>; onlyInTheInput: Exclude<Paths<Input>, Paths<Static<Schema>>> }
  : { bodyNotAnInput: Static<Schema> };

/** `true` when every answer the use case gives is one the schema describes, with the same fields; otherwise what differs. */
export type Answers<Schema extends TSchema, Output> = [Output] extends [Static<Schema>]
  ? [Exclude<Paths<Static<Schema>>, Paths<Output>>, Exclude<Paths<Output>, Paths<Static<Schema>>>] extends [never, never]
    ? true
    : { onlyInTheSchema: Exclude<Paths<Static<Schema>>, Paths<Output>>; onlyInTheOutput: Exclude<Paths<Output>, Paths<Static<Schema>>> }
  : { outputNotAnAnswer: Output };

type Agreed<T extends true> = T;

/** One row per body a use case takes: the schema of src/http, the input of src/app. */
export type HttpAgreement = [
  Agreed<Agrees<typeof RegisterResidentBody, RegisterResidentInput>>,
  Agreed<Agrees<typeof ArrivalBody, ArrivalInput>>,
  Agreed<Agrees<typeof SearchQuery, SearchInput>>,
  Agreed<Agrees<typeof RevealBody, RevealInput>>,
  Agreed<Agrees<typeof AddressChangeBody, AddressChangeInput>>,
  Agreed<Agrees<typeof NameChangeBody, NameChangeInput>>,
  Agreed<Agrees<typeof MoveOutBody, MoveOutInput>>,
  Agreed<Agrees<typeof DeathBody, DeathInput>>,
  Agreed<Agrees<typeof MoveInBody, MoveInInput>>,
  Agreed<Agrees<typeof PeriodOfStayBody, PeriodOfStayInput>>,
  Agreed<Agrees<typeof GuardianshipBody, GuardianshipInput>>,
  Agreed<Agrees<typeof NumberChangeBody, NumberChangeInput>>,
  Agreed<Agrees<typeof ProxyEnquiryBody, ProxyEnquiryInput>>,
  Agreed<Agrees<typeof ApplicationBody, ApplicationInput>>,
  Agreed<Agrees<typeof ManufactureBody, ManufactureInput>>,
  Agreed<Agrees<typeof IssueBody, IssueInput>>,
  Agreed<Agrees<typeof SuspendBody, SuspendInput>>,
  Agreed<Agrees<typeof ResumeBody, ResumeInput>>,
  Agreed<Agrees<typeof PinVerifyBody, PinVerifyInput>>,
  Agreed<Agrees<typeof PinResetBody, PinResetInput>>,
  Agreed<Agrees<typeof CertificateBody, CertificateInput>>,
  Agreed<Agrees<typeof FrontNoteBody, FrontNoteInput>>,
  Agreed<Agrees<typeof ContinuationBody, ContinuationInput>>,
  Agreed<Agrees<typeof ExtensionBody, ExtensionInput>>,
  Agreed<Agrees<typeof ReissueBody, ReissueInput>>,
  Agreed<Agrees<typeof ReturnBody, ReturnInput>>,
  Agreed<Agrees<typeof ApprovalRequestBody, ApprovalRequestInput>>,
  Agreed<Agrees<typeof ApprovalDecisionBody, ApprovalDecisionInput>>,
  // A password of someone else's choosing comes only from the command line (app/staff.ts), never over HTTP.
  Agreed<Agrees<typeof NewStaffBody, Omit<NewStaff, 'password' | 'mustChangePassword'>>>,
  Agreed<Agrees<typeof RoleBody, StaffRoleInput>>,
  Agreed<Agrees<typeof BookBody, BookAppointmentInput>>,
  Agreed<Agrees<typeof DayQuery, DayAppointmentsInput>>,
  Agreed<Agrees<typeof SlotsQuery, ListSlotsInput>>,
  Agreed<Agrees<typeof GuideRequestSchema, GuideRequest>>,
  Agreed<Agrees<typeof GuideFeedbackSchema, GuideFeedbackInput>>,
];

/** The views most answers are made of (app/views.ts), held to their schemas the same way. */
export type HttpAnswerAgreement = [
  Agreed<Answers<typeof CardViewSchema, CardView>>,
  Agreed<Answers<typeof ResidentViewSchema, ResidentView>>,
  Agreed<Answers<typeof ResidentWithCardsSchema, ResidentWithCards>>,
];

/** The other answers whose types src/app declares: the sweep's runs, the reports, the notices, the resident guide. */
export type HttpOtherAnswerAgreement = [
  Agreed<Answers<typeof JobRunSchema, JobRun>>,
  Agreed<Answers<typeof ReportSchema, Report>>,
  Agreed<Answers<typeof DashboardSchema, Dashboard>>,
  Agreed<Answers<typeof NoticeListSchema, NoticeList>>,
  Agreed<Answers<typeof DeliveryReportSchema, DeliveryReport>>,
  Agreed<Answers<typeof GuideResponseSchema, LocalizedGuide>>,
];
