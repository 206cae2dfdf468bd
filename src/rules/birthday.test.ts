import { describe, expect, it } from 'vitest';
import { dates, evaluate, value } from '../../test/support/rules.ts';
import fc from 'fast-check';
import { createRuleContext } from './context.ts';
import { DEFAULT_POLICY } from './policy.ts';

describe('R-2 nth-birthday-after', () => {
  it.each([
    ['1990-05-10', '2026-05-09', 1, '2026-05-10'],
    ['1990-05-10', '2026-05-10', 1, '2027-05-10'],
    ['1990-05-10', '2026-05-09', 10, '2035-05-10'],
    ['1990-05-10', '1990-05-10', 1, '1991-05-10'],
    ['2000-02-29', '2026-01-01', 1, '2026-02-28'],
    ['2000-02-29', '2026-01-01', 2, '2027-02-28'],
    ['2000-02-29', '2026-01-01', 3, '2028-02-29'],
    ['2000-02-29', '2027-02-28', 1, '2028-02-29'],
    ['2000-02-29', '2028-02-28', 1, '2028-02-29'],
    ['2000-02-29', '2028-02-29', 1, '2029-02-28'],
    ['1999-12-31', '2026-12-31', 20, '2046-12-31'],
  ])('born %s, after %s, n=%i: %s', (birthDate, after, n, date) => {
    expect(evaluate('nth-birthday-after', { birthDate, after, n })).toEqual({ date });
  });

  it('takes Mar 1 for a Feb 29 birthday in a common year when the policy says so', () => {
    const context = createRuleContext({ ...DEFAULT_POLICY, feb29Birthday: 'mar-01' });
    expect(evaluate('nth-birthday-after', { birthDate: '2000-02-29', after: '2026-01-01', n: 1 }, context)).toEqual({ date: '2026-03-01' });
    expect(evaluate('nth-birthday-after', { birthDate: '2000-02-29', after: '2028-01-01', n: 1 }, context)).toEqual({ date: '2028-02-29' });
  });

  it.each([
    [{ birthDate: '1990-05-10', after: '2026-01-01', n: 0 }, ['/n']],
    [{ birthDate: '1990-05-10', after: '2026-01-01', n: 21 }, ['/n']],
    [{ birthDate: '1990-05-10', after: '2026-01-01', n: 1.5 }, ['/n']],
    [{ birthDate: '1990-05-10', after: '2026-01-01', n: '1' }, ['/n']],
    [{ birthDate: '1990-05-10', after: '1990-05-09', n: 1 }, ['/after']],
    [{ birthDate: '1990-05-10', n: 1 }, ['/after']],
  ])('refuses %j', (input, pointers) => {
    expect(evaluate('nth-birthday-after', input)).toEqual({ error: 'INPUT.INVALID', pointers });
  });

  it('is a birthday, after the date, and the n-th one', () => {
    fc.assert(
      fc.property(dates('1930-01-01', '2000-12-31'), dates('2001-01-01', '2040-12-31'), fc.integer({ min: 1, max: 20 }), (birthDate, after, n) => {
        const { date } = value('nth-birthday-after', { birthDate, after, n });
        const birthMonthDay = birthDate.slice(5);
        const monthDay = (date as string).slice(5);
        expect(monthDay === birthMonthDay || (birthMonthDay === '02-29' && monthDay === '02-28')).toBe(true);
        expect(date > after).toBe(true);
        if (n > 1) expect(value('nth-birthday-after', { birthDate, after, n: n - 1 }).date < date).toBe(true);
        expect(Number((date as string).slice(0, 4)) - Number(after.slice(0, 4))).toBeLessThanOrEqual(n);
      }),
    );
  });
});
