import { describe, expect, it } from 'vitest';
import { evaluate } from '../../test/support/rules.ts';
import { OLD_CARD_FATE, oldCardKeptUntilHandOver } from './card-replacement.ts';
import { REISSUE_REASONS } from './policy.ts';
import { Item, PROCEDURE_TABLE, REISSUE_PROCEDURE } from './procedures.ts';

describe('R-16 card-replacement: when the old card stops', () => {
  it.each([
    ['renewal', 'at-hand-over', 'returned'],
    ['notes-full', 'at-hand-over', 'returned'],
    ['damaged', 'at-hand-over', 'returned'],
    ['dirty', 'at-hand-over', 'returned'],
    ['lost', 'on-application', 'abolished'],
    ['stolen', 'on-application', 'abolished'],
    ['number-change', 'at-once', 'abolished'],
  ])('%s: the old card ends %s and is %s', (reason, oldCardEnds, oldCardBecomes) => {
    expect(evaluate('card-replacement', { reason })).toEqual({ oldCardEnds, oldCardBecomes });
  });

  it('keeps the old card usable exactly for the reasons whose old card is brought back to the counter (R-13)', () => {
    for (const reason of REISSUE_REASONS) {
      const bringsOldCard = (PROCEDURE_TABLE[REISSUE_PROCEDURE[reason]].bring as readonly string[]).includes(Item.OldCard);
      expect(oldCardKeptUntilHandOver(reason), reason).toBe(bringsOldCard);
      expect(OLD_CARD_FATE[reason].becomes === 'returned', reason).toBe(bringsOldCard);
    }
  });

  it('refuses an unknown reason', () => {
    expect(evaluate('card-replacement', { reason: 'forgotten' })).toEqual({ error: 'INPUT.INVALID', pointers: ['/reason'] });
  });
});
