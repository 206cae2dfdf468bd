import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dates, evaluate, oracleAddDays, value } from '../../test/support/rules.ts';

describe('R-1 age: the age attained by the end of the day', () => {
  it.each([
    ['2008-04-02', '2026-03-31', 17],
    ['2008-04-02', '2026-04-01', 18],
    ['2008-04-02', '2026-04-02', 18],
    ['2000-01-01', '2000-01-01', 0],
    ['2000-01-01', '2000-12-30', 0],
    ['2000-01-01', '2000-12-31', 1],
    ['2008-02-29', '2027-02-27', 18],
    ['2008-02-29', '2027-02-28', 19],
    ['2008-02-29', '2028-02-27', 19],
    ['2008-02-29', '2028-02-28', 20],
    ['2008-03-01', '2027-02-28', 19],
    ['2008-03-01', '2028-02-28', 19],
    ['2008-03-01', '2028-02-29', 20],
  ])('born %s, on %s: %i', (birthDate, on, age) => {
    expect(evaluate('age', { birthDate, on })).toEqual({ age });
  });

  it('refuses a date before the birth', () => {
    expect(evaluate('age', { birthDate: '2008-04-02', on: '2008-04-01' })).toEqual({ error: 'INPUT.INVALID', pointers: ['/on'] });
  });

  it('never decreases as the date moves on', () => {
    fc.assert(
      fc.property(dates('1930-01-01', '2000-12-31'), fc.integer({ min: 0, max: 30000 }), fc.integer({ min: 0, max: 400 }), (birthDate, a, b) => {
        const earlier = oracleAddDays(birthDate, a);
        const later = oracleAddDays(earlier, b);
        expect(value('age', { birthDate, on: later }).age).toBeGreaterThanOrEqual(value('age', { birthDate, on: earlier }).age as number);
      }),
    );
  });

  it('rises by one exactly at the end of the day before each anniversary', () => {
    fc.assert(
      fc.property(dates(), fc.integer({ min: 1, max: 90 }), (birthDate, years) => {
        const [y, m, d] = birthDate.split('-');
        if (`${m}-${d}` === '02-29') return;
        const anniversary = `${String(Number(y) + years).padStart(4, '0')}-${m}-${d}`;
        const dayBefore = oracleAddDays(anniversary, -1);
        expect(value('age', { birthDate, on: dayBefore }).age).toBe(years);
        expect(value('age', { birthDate, on: oracleAddDays(dayBefore, -1) }).age).toBe(years - 1);
      }),
    );
  });
});
