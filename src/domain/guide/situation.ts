import { Type, type Static } from 'typebox';
import { DateField } from '../../rules/schema.ts';

/** What happened to the resident (docs/api.md "Resident guide"): the guide's first question. */
export const SITUATIONS = [
  'moved-in',
  'moving-out',
  'moving-abroad',
  'address-changed',
  'name-changed',
  'lost',
  'stolen',
  'found',
  'pin-locked',
  'pin-change',
  'damaged',
  'notes-full',
  'expiring',
  'certificate',
  'period-of-stay-renewed',
  'period-of-stay-pending',
  'not-needed',
  'number-leaked',
  'notification-card',
  'proxy',
  'card-ready',
] as const;
export type Situation = (typeof SITUATIONS)[number];
export const SituationSchema = Type.Enum(SITUATIONS, { description: 'What happened (docs/api.md "Resident guide")' });

export function isSituation(value: string): value is Situation {
  return (SITUATIONS as readonly string[]).includes(value);
}

/**
 * The resident's answers; each situation asks only some of them (QUESTIONS). A closed object, so a
 * misspelt answer is reported rather than ignored.
 */
export const GuideAnswersSchema = Type.Object(
  {
    today: Type.Optional(DateField('The day the guidance is for; the server’s business date in Japan when absent')),
    futureDatesConfirmed: Type.Optional(
      Type.Boolean({
        description:
          'The resident confirmed that a move-in or filing date after `today` is right (a move planned ahead); without it such a date is refused as `in-future` so that a mistyped year is questioned, not used',
      }),
    ),
    moveInDate: Type.Optional(DateField('The day living at the new address began (or will begin)')),
    plannedMoveOutDate: Type.Optional(DateField('転出予定日: the planned move-out date given in the 転出届')),
    moveInNotificationDate: Type.Optional(DateField('The day the 転入届 was filed in this city, if it was')),
    cardPresentedAtMoveIn: Type.Optional(Type.Boolean({ description: 'The card was presented and its PIN entered at the 転入届' })),
    expiryDate: Type.Optional(DateField('The card’s expiry (有効期限)')),
    withCertificates: Type.Optional(Type.Boolean({ description: 'Electronic certificates are to be put on the new card' })),
    lostAtHome: Type.Optional(Type.Boolean({ description: 'The card was lost at home (no police report needed)' })),
    birthDate: Type.Optional(DateField('The holder’s birth date')),
    cardIssueDate: Type.Optional(DateField('The card’s 発行日; the day it was received is close enough when unknown')),
    currentExpiryDate: Type.Optional(DateField('The card’s expiry today')),
    newPeriodOfStayEnd: Type.Optional(DateField('The end of the renewed period of stay, on the new residence card')),
    currentPeriodOfStayEnd: Type.Optional(DateField('The end of the current period of stay, on the residence card')),
    certificateExpiryDate: Type.Optional(DateField('The electronic certificate’s expiry (R-4), if known')),
    japaneseNational: Type.Optional(Type.Boolean({ description: 'The holder is a Japanese national (only they may keep the card abroad, R-17)' })),
  },
  { additionalProperties: false, description: 'Only the answers the situation needs (see each situation); `today` always may be given' },
);
export type GuideAnswers = Static<typeof GuideAnswersSchema>;
/** An answer a situation may ask for (`today` and the confirmation of future dates are not questions). */
export type AnswerName = Exclude<keyof GuideAnswers, 'today' | 'futureDatesConfirmed'>;

/**
 * Answers that tell what already happened, so a date after today is most likely a typing mistake
 * (issue 13: a move-in "next year"). A move-in or a 転入届 may be planned ahead, so those two are
 * questioned and may be confirmed; a birth or a card's issue in the future is impossible.
 */
export const PAST_ANSWERS = {
  moveInDate: 'confirmable',
  moveInNotificationDate: 'confirmable',
  birthDate: 'impossible',
  cardIssueDate: 'impossible',
} as const satisfies Partial<Record<AnswerName, 'confirmable' | 'impossible'>>;

export const AnswerKind = { Date: 'date', Boolean: 'boolean' } as const;
export type AnswerKind = (typeof AnswerKind)[keyof typeof AnswerKind];

/** How each answer is given: a calendar date or yes/no. */
export const ANSWER_KINDS = {
  moveInDate: AnswerKind.Date,
  plannedMoveOutDate: AnswerKind.Date,
  moveInNotificationDate: AnswerKind.Date,
  cardPresentedAtMoveIn: AnswerKind.Boolean,
  expiryDate: AnswerKind.Date,
  withCertificates: AnswerKind.Boolean,
  lostAtHome: AnswerKind.Boolean,
  birthDate: AnswerKind.Date,
  cardIssueDate: AnswerKind.Date,
  currentExpiryDate: AnswerKind.Date,
  newPeriodOfStayEnd: AnswerKind.Date,
  currentPeriodOfStayEnd: AnswerKind.Date,
  certificateExpiryDate: AnswerKind.Date,
  japaneseNational: AnswerKind.Boolean,
} as const satisfies Record<AnswerName, AnswerKind>;

export interface Questions {
  readonly required: readonly AnswerName[];
  readonly optional: readonly AnswerName[];
}

const NONE: Questions = { required: [], optional: [] };
const EXTENSION = ['birthDate', 'cardIssueDate', 'currentExpiryDate'] as const;

/**
 * The questions each situation asks, in the order a form shows them. Required answers are those
 * a rule cannot do without; optional ones sharpen the answer (R-8 needs the
 * day the 転入届 was filed, which a resident who has not filed yet cannot give).
 */
export const QUESTIONS = {
  'moved-in': { required: ['moveInDate'], optional: ['plannedMoveOutDate', 'moveInNotificationDate', 'cardPresentedAtMoveIn'] },
  'moving-out': { required: ['plannedMoveOutDate'], optional: ['moveInDate'] },
  'moving-abroad': { required: ['plannedMoveOutDate'], optional: ['japaneseNational'] },
  'address-changed': NONE,
  'name-changed': NONE,
  lost: { required: ['lostAtHome', 'withCertificates'], optional: [] },
  stolen: { required: ['withCertificates'], optional: [] },
  found: NONE,
  'pin-locked': NONE,
  'pin-change': NONE,
  damaged: { required: ['withCertificates'], optional: [] },
  'notes-full': NONE,
  expiring: { required: ['expiryDate'], optional: [] },
  certificate: { required: [], optional: ['certificateExpiryDate'] },
  'period-of-stay-renewed': { required: [...EXTENSION, 'newPeriodOfStayEnd'], optional: [] },
  'period-of-stay-pending': { required: [...EXTENSION, 'currentPeriodOfStayEnd'], optional: [] },
  'not-needed': NONE,
  'number-leaked': NONE,
  'notification-card': NONE,
  proxy: NONE,
  'card-ready': NONE,
} as const satisfies Record<Situation, Questions>;

export function asks(situation: Situation): readonly AnswerName[] {
  const questions: Questions = QUESTIONS[situation];
  return [...questions.required, ...questions.optional];
}

/** The groups the start page lists the situations in, so a resident finds theirs at a glance. */
export const SITUATION_GROUPS = [
  { id: 'pickup', situations: ['card-ready'] },
  { id: 'moving', situations: ['moved-in', 'moving-out', 'moving-abroad', 'address-changed', 'name-changed'] },
  { id: 'lost', situations: ['lost', 'stolen', 'found'] },
  { id: 'pin', situations: ['pin-locked', 'pin-change'] },
  { id: 'new-card', situations: ['damaged', 'notes-full', 'expiring'] },
  { id: 'certificate', situations: ['certificate'] },
  { id: 'foreign', situations: ['period-of-stay-renewed', 'period-of-stay-pending'] },
  { id: 'other', situations: ['not-needed', 'number-leaked', 'notification-card', 'proxy'] },
] as const satisfies readonly { id: string; situations: readonly Situation[] }[];
export type SituationGroupId = (typeof SITUATION_GROUPS)[number]['id'];
