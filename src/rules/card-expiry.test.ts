import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dates, evaluate, oracleAddDays, value } from '../../test/support/rules.ts';

describe('R-3 card-expiry', () => {
  it.each([
    ['an adult', '1990-05-10', '2026-04-01', '2035-05-10', '10th-birthday', true],
    ['issued on the birthday: that birthday does not count', '1990-05-10', '2026-05-10', '2036-05-10', '10th-birthday', true],
    ['issued the day before the 18th birthday: adult', '2008-04-02', '2026-04-01', '2035-04-02', '10th-birthday', true],
    ['issued two days before the 18th birthday: minor', '2008-04-03', '2026-04-01', '2030-04-03', '5th-birthday', false],
    ['a child', '2020-07-07', '2026-04-01', '2030-07-07', '5th-birthday', false],
    ['a baby issued on the day of birth', '2026-04-01', '2026-04-01', '2031-04-01', '5th-birthday', false],
    ['an 18-year-old before 2022-04-01: minor', '2003-06-01', '2021-12-01', '2026-06-01', '5th-birthday', false],
    ['a 19-year-old before 2022-04-01: minor', '2003-01-01', '2022-03-31', '2027-01-01', '5th-birthday', false],
    ['the same 19-year-old on 2022-04-01: adult', '2003-01-01', '2022-04-01', '2032-01-01', '10th-birthday', true],
    ['a 20-year-old before 2022-04-01: adult', '2001-06-01', '2021-12-01', '2031-06-01', '10th-birthday', true],
    ['the day before the 20th birthday, before 2022-04-01: adult', '2002-03-31', '2022-03-30', '2031-03-31', '10th-birthday', true],
    ['born Feb 29, expiring in a common year: Feb 28', '2004-02-29', '2026-01-10', '2035-02-28', '10th-birthday', true],
    ['born Feb 29, expiring in a leap year: Feb 29', '2004-02-29', '2026-03-01', '2036-02-29', '10th-birthday', true],
    ['born Feb 29, issued on Feb 28 of a common year (the birthday)', '2004-02-29', '2027-02-28', '2037-02-28', '10th-birthday', true],
  ])('%s', (_, birthDate, issueDate, expiryDate, basis, adultAtIssue) => {
    expect(evaluate('card-expiry', { birthDate, issueDate })).toEqual({ expiryDate, basis, adultAtIssue });
  });

  describe('foreign residents', () => {
    const base = { birthDate: '1990-05-10', issueDate: '2026-04-01' };
    it('ends with a period of stay shorter than the standard expiry', () => {
      expect(evaluate('card-expiry', { ...base, residency: 'foreign-with-period', periodOfStayEnd: '2029-03-31' })).toEqual({
        expiryDate: '2029-03-31',
        basis: 'period-of-stay',
        adultAtIssue: true,
      });
    });
    it('keeps the standard expiry when the period of stay is longer or the same', () => {
      for (const periodOfStayEnd of ['2040-01-01', '2035-05-10']) {
        expect(evaluate('card-expiry', { ...base, residency: 'foreign-with-period', periodOfStayEnd })).toEqual({
          expiryDate: '2035-05-10',
          basis: '10th-birthday',
          adultAtIssue: true,
        });
      }
    });
    it('caps a minor at the 5th birthday', () => {
      expect(
        evaluate('card-expiry', { birthDate: '2015-01-01', issueDate: '2026-01-01', residency: 'foreign-with-period', periodOfStayEnd: '2032-01-01' }),
      ).toEqual({ expiryDate: '2031-01-01', basis: '5th-birthday', adultAtIssue: false });
    });
    it('gives permanent residents the standard rule', () => {
      expect(evaluate('card-expiry', { ...base, residency: 'foreign-without-period' })).toMatchObject({ expiryDate: '2035-05-10' });
    });
  });

  it.each([
    [{ birthDate: '1990-05-10', issueDate: '2026-04-01', residency: 'foreign-with-period' }, ['/periodOfStayEnd']],
    [{ birthDate: '1990-05-10', issueDate: '2026-04-01', periodOfStayEnd: '2029-01-01' }, ['/periodOfStayEnd']],
    [{ birthDate: '1990-05-10', issueDate: '2026-04-01', residency: 'foreign-with-period', periodOfStayEnd: '2026-04-01' }, ['/periodOfStayEnd']],
    [{ birthDate: '1990-05-10', issueDate: '1990-05-09' }, ['/issueDate']],
    [{ birthDate: '1990-05-10', issueDate: '2023-02-29' }, ['/issueDate']],
    [{ birthDate: '1990-05-10', issueDate: '2026-04-01', residency: 'tourist' }, ['/residency']],
    [{ birthDate: 19900510, issueDate: '2026-04-01' }, ['/birthDate']],
    [{ issueDate: '2026-04-01' }, ['/birthDate']],
    [{ birthDate: '1990-05-10', issueDate: '2026-04-01', handOverDate: '2026-04-10' }, ['/handOverDate']],
  ])('refuses %j naming the field', (input, pointers) => {
    expect(evaluate('card-expiry', input)).toEqual({ error: 'INPUT.INVALID', pointers });
  });

  it('always ends on a birthday of the holder or the end of the period of stay, after the issue date', () => {
    fc.assert(
      fc.property(
        dates('1930-01-01', '2025-12-31'),
        fc.integer({ min: 0, max: 30000 }),
        fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }),
        (birthDate, ageInDays, stayDays) => {
          const issueDate = oracleAddDays(birthDate, ageInDays);
          const input =
            stayDays === undefined
              ? { birthDate, issueDate }
              : { birthDate, issueDate, residency: 'foreign-with-period', periodOfStayEnd: oracleAddDays(issueDate, stayDays) };
          const { expiryDate, basis } = value('card-expiry', input);
          expect(expiryDate > issueDate).toBe(true);
          if (basis === 'period-of-stay') {
            expect(expiryDate).toBe(input.periodOfStayEnd);
          } else {
            const birthMonthDay = birthDate.slice(5);
            const monthDay = (expiryDate as string).slice(5);
            expect(monthDay === birthMonthDay || (birthMonthDay === '02-29' && monthDay === '02-28')).toBe(true);
            const years = Number((expiryDate as string).slice(0, 4)) - Number(issueDate.slice(0, 4));
            expect(years).toBeGreaterThanOrEqual(basis === '10th-birthday' ? 9 : 4);
            expect(years).toBeLessThanOrEqual(basis === '10th-birthday' ? 10 : 5);
          }
        },
      ),
    );
  });
});
