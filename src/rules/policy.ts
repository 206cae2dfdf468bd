import { Type, type Static } from 'typebox';
import { plainDate } from './plain-date.ts';
import { PIN_KINDS, type PinKind } from './pin-rules.ts';
import { DateSchema } from './schema.ts';
import { inputCheck } from './input-check.ts';

/**
 * The decisions of docs/rules.md in one typed table. A city changes a decision here (or in the
 * JSON file named by `POLICY_FILE`, checked against `PolicySchema`), never in a rule's code.
 * Each entry names the rule it belongs to and how sure its source is (C, L, U, as in docs/rules.md).
 */
export const ReissueReason = {
  Lost: 'lost',
  Stolen: 'stolen',
  Damaged: 'damaged',
  Dirty: 'dirty',
  NotesFull: 'notes-full',
  Renewal: 'renewal',
  NumberChange: 'number-change',
} as const;
export type ReissueReason = (typeof ReissueReason)[keyof typeof ReissueReason];
export const REISSUE_REASONS = Object.values(ReissueReason);

export { PIN_KINDS, PinKind } from './pin-rules.ts';

/** whether a national moving abroad may keep the card (国外継続利用), or every card ends. */
export const MovingAbroadPolicy = {
  KeepPossible: 'keep-possible',
  AlwaysAbolish: 'always-abolish',
} as const;
export type MovingAbroadPolicy = (typeof MovingAbroadPolicy)[keyof typeof MovingAbroadPolicy];

const HolidayShift = Type.Enum(['next-business-day', 'none'], {
  description: 'What happens when a deadline falls on a day the office is closed',
});
const Fee = Type.Object(
  {
    cardFee: Type.Integer({ minimum: 0, description: 'yen' }),
    certificateFee: Type.Integer({ minimum: 0, description: 'yen, once for the set of certificates' }),
    policeReport: Type.Enum(['always', 'unless-lost-at-home', 'never']),
  },
  { additionalProperties: false },
);
const MonthDay = Type.String({ pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description: 'MM-DD' });

export const PolicySchema = Type.Object(
  {
    /** R-1/R-3 (C): the age of majority for a card's validity, by issue date, oldest first. */
    adultAge: Type.Array(Type.Object({ from: DateSchema, age: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }), {
      minItems: 1,
    }),
    /** R-2 (decision, U): the birthday of someone born on Feb 29 in a common year. */
    feb29Birthday: Type.Enum(['feb-28', 'mar-01']),
    /** R-3 (C): how many birthdays a card lasts, for adults and for minors at issue. */
    cardValidityBirthdays: Type.Object(
      { adult: Type.Integer({ minimum: 1, maximum: 20 }), minor: Type.Integer({ minimum: 1, maximum: 20 }) },
      { additionalProperties: false },
    ),
    /** R-4 (C): how many birthdays an electronic certificate lasts. */
    certificateValidityBirthdays: Type.Integer({ minimum: 1, maximum: 20 }),
    /** R-4 (C): no signature certificate under this age. */
    signatureCertificateMinAge: Type.Integer({ minimum: 0 }),
    /** R-5 (C, 入管法20条6項): length of the 特例期間 after the period of stay ends. */
    specialPeriodMonths: Type.Integer({ minimum: 0 }),
    /** R-6 (seed C; exact first day a decision): renewal opens this many months before expiry. */
    renewalWindowMonths: Type.Integer({ minimum: 0 }),
    /** R-14 (C: J-LIS; the exact first day L): a certificate may be renewed this many months before its expiry. */
    certificateRenewalWindowMonths: Type.Integer({ minimum: 0 }),
    /** R-7 (C, 住基法22条): days after the move to file the 転入届. */
    moveInDays: Type.Integer({ minimum: 1 }),
    /** R-7 (C, 住基法24条の2): days after the planned move-out that the special move rule lasts. */
    specialMoveOutDays: Type.Integer({ minimum: 1 }),
    /** R-8 (seed): days, the notification day being day 1, to present the card for 継続利用. */
    continuationDays: Type.Integer({ minimum: 1 }),
    /** R-7, R-8 (地方自治法4条の2④; R-8 L): shift of each deadline off a closed day. */
    holidayShift: Type.Object({ moveIn: HolidayShift, continuation: HolidayShift }, { additionalProperties: false }),
    /** R-9 (C): the year-end closure, inclusive, across the new year. */
    yearEndClosure: Type.Object({ from: MonthDay, to: MonthDay }, { additionalProperties: false }),
    /** R-10 (seed C for lost/stolen/damaged/dirty; number-change a decision): fees by reason. */
    reissueFees: Type.Object(
      Object.fromEntries(REISSUE_REASONS.map((reason) => [reason, Fee])) as Record<ReissueReason, typeof Fee>,
      { additionalProperties: false },
    ),
    /** Domain (decision): how many dated entries the 追記欄 holds. */
    notesCapacity: Type.Integer({ minimum: 1 }),
    /** Seed (C): a photo for an application must be taken within this many months. */
    photoMaxAgeMonths: Type.Integer({ minimum: 1 }),
    /** Notices (decision): when letters go out — days before the continuation deadline, and before a period of stay ends. */
    noticeDays: Type.Object(
      {
        continuationReminders: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, uniqueItems: true }),
        periodOfStay: Type.Integer({ minimum: 1 }),
      },
      { additionalProperties: false },
    ),
    /**
     * R-17 (C: 番号法 as amended, in force 2024-05-27): `keep-possible` lets a national keep the
     * card when moving abroad (国外継続利用); `always-abolish` is the seed's 2023 practice.
     */
    movingAbroad: Type.Enum(Object.values(MovingAbroadPolicy)),
    /** R-18 (C: 番号法施行令, J-LIS 交付事務マニュアル): a holder under this age is represented by a 法定代理人. */
    legalRepresentativeUnderAge: Type.Integer({ minimum: 0 }),
    /**
     * R-19 (decision): months after a card is ready (R conventions: the same day number, or the
     * month's last day) when a reminder goes out, and when an uncollected card is destroyed.
     * `reminderMonths` must be below `keepMonths`, or the reminder would follow the destruction.
     */
    pickup: Type.Object(
      { reminderMonths: Type.Integer({ minimum: 1 }), keepMonths: Type.Integer({ minimum: 1 }) },
      { additionalProperties: false },
    ),
    /**
     * Identity documents (C: Cabinet Office; paper health insurance cards stopped being valid
     * after 2025-12-01): the last procedure date on which a `health-insurance-card` counts.
     */
    healthInsuranceCardValidUntil: DateSchema,
    /** R-12 (C, J-LIS): consecutive wrong entries that lock each PIN. */
    pinMaxAttempts: Type.Object(
      Object.fromEntries(PIN_KINDS.map((kind) => [kind, Type.Integer({ minimum: 1 })])) as Record<
        PinKind,
        ReturnType<typeof Type.Integer>
      >,
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type Policy = Static<typeof PolicySchema>;

/** A policy (the defaults with POLICY_FILE laid over them) checked against its schema. */
export const checkPolicy = inputCheck(PolicySchema);

const PAID = { cardFee: 800, certificateFee: 200 } as const;
const FREE = { cardFee: 0, certificateFee: 0, policeReport: 'never' } as const;

export const DEFAULT_POLICY: Policy = {
  adultAge: [
    { from: plainDate('0001-01-01'), age: 20 },
    { from: plainDate('2022-04-01'), age: 18 },
  ],
  feb29Birthday: 'feb-28',
  cardValidityBirthdays: { adult: 10, minor: 5 },
  certificateValidityBirthdays: 5,
  signatureCertificateMinAge: 15,
  specialPeriodMonths: 2,
  renewalWindowMonths: 3,
  certificateRenewalWindowMonths: 3,
  moveInDays: 14,
  specialMoveOutDays: 30,
  continuationDays: 90,
  holidayShift: { moveIn: 'next-business-day', continuation: 'next-business-day' },
  yearEndClosure: { from: '12-29', to: '01-03' },
  reissueFees: {
    lost: { ...PAID, policeReport: 'unless-lost-at-home' },
    stolen: { ...PAID, policeReport: 'always' },
    damaged: { ...PAID, policeReport: 'never' },
    dirty: { ...PAID, policeReport: 'never' },
    'notes-full': FREE,
    renewal: FREE,
    'number-change': FREE,
  },
  notesCapacity: 4,
  photoMaxAgeMonths: 6,
  noticeDays: { continuationReminders: [30, 7], periodOfStay: 60 },
  movingAbroad: MovingAbroadPolicy.KeepPossible,
  legalRepresentativeUnderAge: 15,
  pickup: { reminderMonths: 3, keepMonths: 6 },
  healthInsuranceCardValidUntil: plainDate('2025-12-01'),
  pinMaxAttempts: { signature: 5, user: 3, 'resident-registry': 3, 'card-info': 3 },
};
