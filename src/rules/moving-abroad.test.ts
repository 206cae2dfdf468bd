import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dates, evaluate, oracleAddDays, value } from '../../test/support/rules.ts';
import { createRuleContext } from './context.ts';
import { abroadContinuationRefusal, CARD_STATUSES, movingAbroad } from './moving-abroad.ts';
import { plainDate } from './plain-date.ts';
import { DEFAULT_POLICY } from './policy.ts';

const NATIONAL = { nationality: 'JP', plannedMoveOutDate: '2027-03-31', cardStatus: 'active' };
const ALWAYS_ABOLISH = createRuleContext({ ...DEFAULT_POLICY, movingAbroad: 'always-abolish' });

describe('R-17 moving-abroad', () => {
  it.each([
    ['weeks before the move-out', '2027-03-01', { continuationAllowed: true, abolishesOn: '2027-03-31' }],
    ['the day before the move-out', '2027-03-30', { continuationAllowed: true, abolishesOn: '2027-03-31' }],
    ['the day of the move-out', '2027-03-31', { continuationAllowed: false, abolishesOn: '2027-03-31', reason: 'too-late' }],
    ['after the move-out', '2027-04-02', { continuationAllowed: false, abolishesOn: '2027-03-31', reason: 'too-late' }],
  ])('a Japanese national with an active card, asking %s (%s)', (_, today, answer) => {
    expect(evaluate('moving-abroad', { ...NATIONAL, today })).toEqual(answer);
  });

  it('counts the day before across a month end', () => {
    expect(evaluate('moving-abroad', { ...NATIONAL, plannedMoveOutDate: '2028-03-01', today: '2028-02-29' })).toMatchObject({ continuationAllowed: true });
    expect(evaluate('moving-abroad', { ...NATIONAL, plannedMoveOutDate: '2028-03-01', today: '2028-03-01' })).toMatchObject({ continuationAllowed: false, reason: 'too-late' });
  });

  it('does not keep the card of a foreign national: it works until the move-out date', () => {
    expect(evaluate('moving-abroad', { ...NATIONAL, nationality: 'VN', today: '2027-03-01' })).toEqual({
      continuationAllowed: false,
      abolishesOn: '2027-03-31',
      reason: 'foreign-national',
    });
  });

  it.each([
    ['suspended', { continuationAllowed: false, abolishesOn: '2027-03-31', reason: 'card-not-active' }],
    ['ready', { continuationAllowed: false, abolishesOn: '2027-03-31', reason: 'card-not-active' }],
    ['expired', { continuationAllowed: false, reason: 'card-not-active' }],
    ['abolished', { continuationAllowed: false, reason: 'card-not-active' }],
    ['returned', { continuationAllowed: false, reason: 'card-not-active' }],
  ])('does not keep a card that is %s', (cardStatus, answer) => {
    expect(evaluate('moving-abroad', { ...NATIONAL, cardStatus, today: '2027-03-01' })).toEqual(answer);
  });

  it('abolishes every card on the move-out date under the always-abolish policy (the seed of 2023)', () => {
    expect(evaluate('moving-abroad', { ...NATIONAL, today: '2027-03-01' }, ALWAYS_ABOLISH)).toEqual({
      continuationAllowed: false,
      abolishesOn: '2027-03-31',
      reason: 'policy-always-abolish',
    });
  });

  it.each([
    [{ ...NATIONAL, nationality: 'jp', today: '2027-03-01' }, ['/nationality']],
    [{ ...NATIONAL, nationality: 'Japan', today: '2027-03-01' }, ['/nationality']],
    [{ ...NATIONAL, cardStatus: 'lost', today: '2027-03-01' }, ['/cardStatus']],
    [{ ...NATIONAL }, ['/today']],
  ])('refuses %j', (input, pointers) => {
    expect(evaluate('moving-abroad', input)).toEqual({ error: 'INPUT.INVALID', pointers });
  });

  it('turns a refusal into CARD.ABROAD_CONTINUATION_NOT_ALLOWED naming the last day, and an allowance into nothing', () => {
    const d = plainDate;
    const input = { nationality: 'JP', plannedMoveOutDate: d('2027-03-31'), cardStatus: 'active' } as const;
    const late = movingAbroad({ ...input, today: d('2027-03-31') }, createRuleContext());
    expect(late.ok && abroadContinuationRefusal(input, late.value)).toEqual({
      code: 'CARD.ABROAD_CONTINUATION_NOT_ALLOWED',
      message: 'the card may be kept for use abroad only when asked by the day before the move-out (2027-03-30)',
    });
    const inTime = movingAbroad({ ...input, today: d('2027-03-30') }, createRuleContext());
    expect(inTime.ok && abroadContinuationRefusal(input, inTime.value)).toBeUndefined();
  });

  const question = fc.record({
    nationality: fc.constantFrom('JP', 'VN', 'CN', 'US'),
    plannedMoveOutDate: dates('2024-06-01', '2049-12-31'),
    offset: fc.integer({ min: -60, max: 10 }),
    cardStatus: fc.constantFrom(...CARD_STATUSES),
  });

  it('allows continuation exactly for a national with an active card asking before the move-out day', () => {
    fc.assert(
      fc.property(question, ({ offset, ...input }) => {
        const today = oracleAddDays(input.plannedMoveOutDate, offset);
        const answer = value('moving-abroad', { ...input, today });
        expect(answer.continuationAllowed).toBe(input.nationality === 'JP' && input.cardStatus === 'active' && today <= oracleAddDays(input.plannedMoveOutDate, -1));
        expect('reason' in answer).toBe(!answer.continuationAllowed);
      }),
    );
  });

  it('abolishes a live card on the planned move-out date, never on another day, and keeps none under always-abolish', () => {
    fc.assert(
      fc.property(question, ({ offset, ...input }) => {
        const today = oracleAddDays(input.plannedMoveOutDate, offset);
        const answer = value('moving-abroad', { ...input, today });
        const ended = ['expired', 'abolished', 'returned'].includes(input.cardStatus);
        expect(answer.abolishesOn).toBe(ended ? undefined : input.plannedMoveOutDate);
        expect(value('moving-abroad', { ...input, today }, ALWAYS_ABOLISH)).toEqual({ ...answer, continuationAllowed: false, reason: 'policy-always-abolish' });
      }),
    );
  });
});
