import { Type, type Static } from 'typebox';
import type { RuleContext } from './context.ts';
import { RuleErrorCode, type RuleError } from './errors.ts';
import { type Result, success } from './result.ts';
import { addDays } from './plain-date.ts';
import { MovingAbroadPolicy, type Policy } from './policy.ts';
import { NATIONALITY_PATTERN } from './resident-formats.ts';
import { DateField, InputObject } from './schema.ts';

/** The statuses of a card (docs/domain.md "Card status"). */
export const CARD_STATUSES = ['applied', 'ready', 'active', 'suspended', 'expired', 'abolished', 'returned'] as const;
export type CardStatusName = (typeof CARD_STATUSES)[number];

/** Statuses of a card that has already ended: moving abroad has nothing left to abolish. */
const ENDED: readonly CardStatusName[] = ['expired', 'abolished', 'returned'];

/** The nationality of Japanese nationals (ISO 3166-1 alpha-2, as the resident record holds it). */
export const JAPANESE_NATIONALITY = 'JP';

/** Why R-17 refuses 国外継続利用. */
export const AbroadContinuationReason = {
  /** The city's policy `movingAbroad` is `always-abolish`. */
  Policy: 'policy-always-abolish',
  /** Only Japanese nationals, whose 戸籍の附票 keeps their record abroad, may keep the card. */
  ForeignNational: 'foreign-national',
  /** The card is not `active` (suspended, not yet handed over, or already ended). */
  CardNotActive: 'card-not-active',
  /** The procedure was not done by the day before the planned move-out. */
  TooLate: 'too-late',
} as const;
export type AbroadContinuationReason = (typeof AbroadContinuationReason)[keyof typeof AbroadContinuationReason];

export const MovingAbroadInput = InputObject(
  {
    nationality: Type.String({ pattern: NATIONALITY_PATTERN, description: 'ISO 3166-1 alpha-2; JP for a Japanese national' }),
    plannedMoveOutDate: DateField('転出予定日 of the 国外転出届'),
    today: DateField('The day the continuation is asked for'),
    cardStatus: Type.Enum(CARD_STATUSES, { description: "The card's status" }),
  },
  'A holder moving abroad, asking on today to keep the card (国外継続利用)',
);
export type MovingAbroadInput = Static<typeof MovingAbroadInput>;
export const MovingAbroadOutput = Type.Object({
  continuationAllowed: Type.Boolean({ description: 'Whether the card may be kept for use abroad when asked for on today' }),
  abolishesOn: Type.Optional(
    DateField('The day the card is abolished unless it is kept: the planned move-out date; absent for a card that has already ended'),
  ),
  reason: Type.Optional(Type.Enum(Object.values(AbroadContinuationReason), { description: 'Why not; only when not allowed' })),
});
export type MovingAbroadOutput = Static<typeof MovingAbroadOutput>;

/**
 * R-17 `moving-abroad` (C: 番号法 as amended, in force 2024-05-27). A card is abolished on the
 * planned move-out date, not on the day the 国外転出届 is filed: it works until then. A Japanese
 * national with an `active` card may instead keep it (国外継続利用) when asking no later than the
 * day before the move-out: on `plannedMoveOutDate - 1` it is allowed, on `plannedMoveOutDate` it is
 * too late. The asking goes with or after the 国外転出届, which the records service checks. A kept
 * card gets the front note 国外転出 with the date; its signature certificate ends on the move-out
 * date (a new one for residents abroad may be issued, R-15) and the user certificate stays.
 *
 * `abolishesOn` is given whether or not continuation is allowed, since it is what happens when it
 * is not done (decision: the answer then reads "until", as R-8's `lapsesOn` does). A suspended
 * card, or one not yet handed over, is abolished on that day too; one already ended is left as it
 * is. The first reason that applies is given, in the order: policy, nationality, card, date.
 * Decision `movingAbroad` in the policy: `keep-possible` (default), `always-abolish` (the seed's
 * 2023 text). `abroadContinuationRefusal` turns a refusal into the records service's 422.
 */
export function movingAbroad(input: MovingAbroadInput, context: RuleContext): Result<MovingAbroadOutput> {
  const abolishesOn = ENDED.includes(input.cardStatus) ? {} : { abolishesOn: input.plannedMoveOutDate };
  const reason = refusalReason(input, context.policy);
  return success(reason === undefined ? { continuationAllowed: true, ...abolishesOn } : { continuationAllowed: false, ...abolishesOn, reason });
}

function refusalReason(input: MovingAbroadInput, policy: Pick<Policy, 'movingAbroad'>): AbroadContinuationReason | undefined {
  if (policy.movingAbroad === MovingAbroadPolicy.AlwaysAbolish) return AbroadContinuationReason.Policy;
  if (input.nationality !== JAPANESE_NATIONALITY) return AbroadContinuationReason.ForeignNational;
  if (input.cardStatus !== 'active') return AbroadContinuationReason.CardNotActive;
  if (input.today >= input.plannedMoveOutDate) return AbroadContinuationReason.TooLate;
  return undefined;
}

const REFUSAL_MESSAGE: Record<AbroadContinuationReason, (input: Pick<MovingAbroadInput, 'plannedMoveOutDate'>) => string> = {
  'policy-always-abolish': () => 'this city does not keep cards for use abroad: the card is abolished on moving abroad',
  'foreign-national': () => 'only a Japanese national may keep the card for use abroad',
  'card-not-active': () => 'only an active card may be kept for use abroad',
  'too-late': ({ plannedMoveOutDate }) => `the card may be kept for use abroad only when asked by the day before the move-out (${addDays(plannedMoveOutDate, -1)})`,
};

/**
 * The records service's refusal of 国外継続利用 (`CARD.ABROAD_CONTINUATION_NOT_ALLOWED`, docs/api.md 422)
 * for an R-17 answer, or undefined when it is allowed. The caller adds the `reason` as a detail.
 */
export function abroadContinuationRefusal(input: Pick<MovingAbroadInput, 'plannedMoveOutDate'>, answer: MovingAbroadOutput): RuleError | undefined {
  if (answer.continuationAllowed || answer.reason === undefined) return undefined;
  return { code: RuleErrorCode.AbroadContinuationNotAllowed, message: REFUSAL_MESSAGE[answer.reason](input) };
}
