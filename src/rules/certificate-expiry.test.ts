import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dates, evaluate, oracleAddDays, value } from '../../test/support/rules.ts';

describe('R-4 certificate-expiry', () => {
  it.each([
    ['the 5th birthday after issue', '1990-05-10', '2026-04-01', '2035-05-10', 'signature', '2030-05-10'],
    ['never after the card', '1990-05-10', '2026-04-01', '2029-03-31', 'signature', '2029-03-31'],
    ['a user certificate for a child', '2015-01-01', '2026-01-01', '2031-01-01', 'user', '2031-01-01'],
    ['a signature certificate for someone who turned 15 that day', '2011-04-02', '2026-04-01', '2030-04-02', 'signature', '2030-04-02'],
    ['born Feb 29', '2004-02-29', '2026-03-01', '2036-02-29', 'signature', '2031-02-28'],
    ['issued later than the card, on a birthday', '1990-05-10', '2028-05-10', '2035-05-10', 'user', '2033-05-10'],
  ])('%s', (_, birthDate, issueDate, cardExpiryDate, kind, expiryDate) => {
    expect(evaluate('certificate-expiry', { birthDate, issueDate, cardExpiryDate, kind })).toEqual({ expiryDate });
  });

  it('refuses a signature certificate to someone under 15 on the issue day', () => {
    expect(evaluate('certificate-expiry', { birthDate: '2011-04-03', issueDate: '2026-04-01', cardExpiryDate: '2030-04-03', kind: 'signature' })).toEqual({
      error: 'CERTIFICATE.SIGNATURE_UNDER_15',
      pointers: [],
    });
  });

  it.each([
    [{ birthDate: '1990-05-10', issueDate: '2026-04-01', cardExpiryDate: '2026-03-31', kind: 'user' }, ['/cardExpiryDate']],
    [{ birthDate: '1990-05-10', issueDate: '2026-04-01', cardExpiryDate: '2035-05-10', kind: 'authentication' }, ['/kind']],
    [{ birthDate: '1990-05-10', issueDate: '2026-04-01', cardExpiryDate: '2035-05-10' }, ['/kind']],
  ])('refuses %j', (input, pointers) => {
    expect(evaluate('certificate-expiry', input)).toEqual({ error: 'INPUT.INVALID', pointers });
  });

  it('never outlives the card nor five birthdays', () => {
    fc.assert(
      fc.property(dates('1930-01-01', '2005-12-31'), fc.integer({ min: 7000, max: 25000 }), fc.integer({ min: 0, max: 4000 }), (birthDate, age, left) => {
        const issueDate = oracleAddDays(birthDate, age);
        const cardExpiryDate = oracleAddDays(issueDate, left);
        const { expiryDate } = value('certificate-expiry', { birthDate, issueDate, cardExpiryDate, kind: 'user' });
        expect(expiryDate <= cardExpiryDate).toBe(true);
        expect(expiryDate >= issueDate).toBe(true);
        expect(Number((expiryDate as string).slice(0, 4)) - Number(issueDate.slice(0, 4))).toBeLessThanOrEqual(5);
      }),
    );
  });
});
