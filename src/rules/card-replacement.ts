import { Type, type Static } from 'typebox';
import { type Result, success } from './result.ts';
import { REISSUE_REASONS, ReissueReason } from './policy.ts';
import { InputObject } from './schema.ts';

/**
 * When the old card stops on a new card within validity: at the hand-over of the new card,
 * when the application for it is accepted, or at once (the number it carries is no longer the
 * holder's).
 */
export const OldCardEnd = {
  AtHandOver: 'at-hand-over',
  OnApplication: 'on-application',
  AtOnce: 'at-once',
} as const;
export type OldCardEnd = (typeof OldCardEnd)[keyof typeof OldCardEnd];

/** What the old card becomes: taken back at the counter (返納, `returned`) or abolished (廃止) where it is. */
export const OldCardOutcome = { Returned: 'returned', Abolished: 'abolished' } as const;
export type OldCardOutcome = (typeof OldCardOutcome)[keyof typeof OldCardOutcome];

export interface OldCardFate {
  readonly ends: OldCardEnd;
  readonly becomes: OldCardOutcome;
}

const KEPT_UNTIL_HAND_OVER = { ends: OldCardEnd.AtHandOver, becomes: OldCardOutcome.Returned } as const;
const ABOLISHED_ON_APPLICATION = { ends: OldCardEnd.OnApplication, becomes: OldCardOutcome.Abolished } as const;

/**
 * R-16 (C: the practice of every counter): the fate of the old card, by the R-10 reason of the new
 * one. Until it ends, the old card keeps its status and its certificates; when it ends, its
 * certificates end with it. `renewal`, `notes-full`, `damaged`, `dirty`: the card in the holder's
 * hand keeps working until the new one is handed over, and is taken back then. `lost`, `stolen`:
 * the card is not in hand (and already suspended), so it is abolished when the application is
 * accepted. `number-change`: the card carries a number that is no longer the holder's, so it is
 * abolished as soon as the number changes, before any new card is applied for.
 */
export const OLD_CARD_FATE = {
  [ReissueReason.Renewal]: KEPT_UNTIL_HAND_OVER,
  [ReissueReason.NotesFull]: KEPT_UNTIL_HAND_OVER,
  [ReissueReason.Damaged]: KEPT_UNTIL_HAND_OVER,
  [ReissueReason.Dirty]: KEPT_UNTIL_HAND_OVER,
  [ReissueReason.Lost]: ABOLISHED_ON_APPLICATION,
  [ReissueReason.Stolen]: ABOLISHED_ON_APPLICATION,
  [ReissueReason.NumberChange]: { ends: OldCardEnd.AtOnce, becomes: OldCardOutcome.Abolished },
} as const satisfies Record<ReissueReason, OldCardFate>;

/** The reasons whose old card stays usable, worked out from the table by the compiler. */
export type OldCardKeptReason = {
  [R in ReissueReason]: (typeof OLD_CARD_FATE)[R]['ends'] extends typeof OldCardEnd.AtHandOver ? R : never;
}[ReissueReason];

/** Whether the old card stays usable until the new card is handed over. */
export function oldCardKeptUntilHandOver(reason: ReissueReason): reason is OldCardKeptReason {
  return OLD_CARD_FATE[reason].ends === OldCardEnd.AtHandOver;
}

export const CardReplacementInput = InputObject(
  { reason: Type.Enum(REISSUE_REASONS, { description: 'Why a new card is made within validity (R-10)' }) },
  'A new card within validity (再交付, 更新)',
);
export type CardReplacementInput = Static<typeof CardReplacementInput>;
export const CardReplacementOutput = Type.Object({
  oldCardEnds: Type.Enum(Object.values(OldCardEnd), {
    description: 'at-hand-over: usable (status, certificates) until the new card is handed over; on-application: when the application is accepted; at-once: when the number changes',
  }),
  oldCardBecomes: Type.Enum(Object.values(OldCardOutcome), { description: 'returned (taken back at the counter) or abolished' }),
});
export type CardReplacementOutput = Static<typeof CardReplacementOutput>;

/**
 * R-16 `card-replacement`, the table above as a rule, so that the rules API and the CLI answer the
 * question residents ask first ("can I use my card until the new one comes?") as the counter does.
 */
export function cardReplacement(input: CardReplacementInput): Result<CardReplacementOutput> {
  const fate = OLD_CARD_FATE[input.reason];
  return success({ oldCardEnds: fate.ends, oldCardBecomes: fate.becomes });
}
