import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dates, evaluate, oracleAddDays, value } from '../../test/support/rules.ts';

describe('R-6 renewal-window', () => {
  it.each([
    ['2026-05-31', '2026-02-28'],
    ['2028-05-31', '2028-02-29'],
    ['2026-05-29', '2026-02-28'],
    ['2028-05-29', '2028-02-29'],
    ['2026-08-31', '2026-05-31'],
    ['2026-12-31', '2026-09-30'],
    ['2027-01-15', '2026-10-15'],
    ['2027-02-28', '2026-11-28'],
    ['2026-04-30', '2026-01-30'],
  ])('a card expiring %s may be renewed from %s', (expiryDate, opensOn) => {
    expect(evaluate('renewal-window', { expiryDate })).toEqual({ opensOn, closesOn: expiryDate });
  });

  it.each([
    ['2026-02-27', false],
    ['2026-02-28', true],
    ['2026-04-15', true],
    ['2026-05-31', true],
    ['2026-06-01', false],
  ])('on %s, for a card expiring 2026-05-31, open is %s', (today, open) => {
    expect(evaluate('renewal-window', { expiryDate: '2026-05-31', today })).toEqual({ opensOn: '2026-02-28', closesOn: '2026-05-31', open });
  });

  it('opens less than 3 months before expiry and no earlier than 3 months minus 3 days', () => {
    fc.assert(
      fc.property(dates(), (expiryDate) => {
        const { opensOn, closesOn } = value('renewal-window', { expiryDate });
        expect(closesOn).toBe(expiryDate);
        expect(opensOn < expiryDate).toBe(true);
        expect(opensOn >= oracleAddDays(expiryDate, -92)).toBe(true);
        expect(opensOn <= oracleAddDays(expiryDate, -89)).toBe(true);
      }),
    );
  });
});
