import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dates, evaluate, oracleAddDays, value } from '../../test/support/rules.ts';

describe('R-18 legal-representative', () => {
  const REPRESENTED = { representativeRequired: true, voluntaryProxyAllowed: false };
  const ON_THEIR_OWN = { representativeRequired: false, voluntaryProxyAllowed: true };

  it.each([
    ['born 2011-12-03, on 2026-12-01: 14', '2011-12-03', '2026-12-01', false, { ...REPRESENTED, basis: 'under-15' }],
    ['born 2011-12-03, on 2026-12-02: 15 by the end of the day (R-1)', '2011-12-03', '2026-12-02', false, ON_THEIR_OWN],
    ['born 2012-02-29, on 2027-02-27', '2012-02-29', '2027-02-27', false, { ...REPRESENTED, basis: 'under-15' }],
    ['born 2012-02-29, on 2027-02-28: 15 at its end', '2012-02-29', '2027-02-28', false, ON_THEIR_OWN],
    ['a baby on the day of birth', '2026-12-01', '2026-12-01', false, { ...REPRESENTED, basis: 'under-15' }],
    ['an adult ward', '1950-01-01', '2026-12-01', true, { ...REPRESENTED, basis: 'adult-ward' }],
    ['a ward who is also a child: the parent first', '2015-01-01', '2026-12-01', true, { ...REPRESENTED, basis: 'under-15' }],
    ['an adult', '1990-05-10', '2026-12-01', false, ON_THEIR_OWN],
  ])('%s', (_, birthDate, today, adultWard, answer) => {
    expect(evaluate('legal-representative', { birthDate, today, adultWard })).toEqual(answer);
  });

  it.each([
    [{ birthDate: '2011-12-03', today: '2011-12-02', adultWard: false }, ['/today']],
    [{ birthDate: '2011-12-03', today: '2026-12-01' }, ['/adultWard']],
    [{ birthDate: '2011-12-03', on: '2026-12-01', adultWard: false }, ['/today', '/on']],
  ])('refuses %j', (input, pointers) => {
    expect(evaluate('legal-representative', input)).toEqual({ error: 'INPUT.INVALID', pointers });
  });

  it('never allows a voluntary proxy where a representative is required, and requires one exactly under 15 (R-1) or for a ward', () => {
    fc.assert(
      fc.property(dates('1930-01-01', '2040-12-31'), fc.integer({ min: 0, max: 36500 }), fc.boolean(), (birthDate, days, adultWard) => {
        const today = oracleAddDays(birthDate, days);
        const answer = value('legal-representative', { birthDate, today, adultWard });
        expect(answer.voluntaryProxyAllowed).toBe(!answer.representativeRequired);
        const age = value('age', { birthDate, on: today }).age as number;
        expect(answer.representativeRequired).toBe(age < 15 || adultWard);
        expect(answer.basis).toBe(age < 15 ? 'under-15' : adultWard ? 'adult-ward' : undefined);
      }),
    );
  });
});
