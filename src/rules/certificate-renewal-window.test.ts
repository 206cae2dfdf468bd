import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dates, evaluate, oracleAddDays, value } from '../../test/support/rules.ts';
import { createRuleContext } from './context.ts';
import { DEFAULT_POLICY } from './policy.ts';

describe('R-14 certificate-renewal-window', () => {
  it.each([
    ['expiring on Feb 29: the same day number', '2028-02-29', '2027-11-29'],
    ['expiring on May 31: the last day of February', '2027-05-31', '2027-02-28'],
    ['expiring on May 31 of a leap year', '2028-05-31', '2028-02-29'],
    ['expiring on Dec 31: Sep 30', '2026-12-31', '2026-09-30'],
    ['across the new year', '2027-01-15', '2026-10-15'],
    ['expiring on Mar 1', '2027-03-01', '2026-12-01'],
  ])('%s: a certificate expiring %s may be renewed from %s', (_, certificateExpiryDate, opensOn) => {
    expect(evaluate('certificate-renewal-window', { certificateExpiryDate })).toEqual({ opensOn, closesOn: certificateExpiryDate });
  });

  it.each([
    ['2027-11-28', false],
    ['2027-11-29', true],
    ['2028-01-10', true],
    ['2028-02-29', true],
    ['2028-03-01', false],
  ])('on %s, for a certificate expiring 2028-02-29, open is %s', (today, open) => {
    expect(evaluate('certificate-renewal-window', { certificateExpiryDate: '2028-02-29', today })).toEqual({
      opensOn: '2027-11-29',
      closesOn: '2028-02-29',
      open,
    });
  });

  it('gives a certificate that ends with its card (R-4) the window of the card (R-6)', () => {
    const cardExpiryDate = '2030-05-31';
    expect(evaluate('certificate-renewal-window', { certificateExpiryDate: cardExpiryDate })).toEqual(evaluate('renewal-window', { expiryDate: cardExpiryDate }));
  });

  it('opens as many months before as the policy says', () => {
    const context = createRuleContext({ ...DEFAULT_POLICY, certificateRenewalWindowMonths: 1 });
    expect(evaluate('certificate-renewal-window', { certificateExpiryDate: '2027-03-31' }, context)).toEqual({ opensOn: '2027-02-28', closesOn: '2027-03-31' });
  });

  it.each([
    [{}, ['/certificateExpiryDate']],
    [{ certificateExpiryDate: '2027-02-29' }, ['/certificateExpiryDate']],
    [{ expiryDate: '2027-03-31' }, ['/certificateExpiryDate', '/expiryDate']],
  ])('refuses %j', (input, pointers) => {
    expect(evaluate('certificate-renewal-window', input)).toEqual({ error: 'INPUT.INVALID', pointers });
  });

  it('always ends on the expiry and opens within 3 months before it, on the day number of the expiry or a month end', () => {
    fc.assert(
      fc.property(dates(), (certificateExpiryDate) => {
        const { opensOn, closesOn } = value('certificate-renewal-window', { certificateExpiryDate });
        expect(closesOn).toBe(certificateExpiryDate);
        expect(opensOn < certificateExpiryDate).toBe(true);
        expect(opensOn >= oracleAddDays(certificateExpiryDate, -92)).toBe(true);
        expect(opensOn <= oracleAddDays(certificateExpiryDate, -89)).toBe(true);
        const sameDay = opensOn.slice(8) === certificateExpiryDate.slice(8);
        const monthEnd = oracleAddDays(opensOn, 1).slice(8) === '01';
        expect(sameDay || monthEnd).toBe(true);
      }),
    );
  });

  it('is open on exactly the days from opensOn to the expiry', () => {
    fc.assert(
      fc.property(dates('1990-01-01', '2049-12-31'), fc.integer({ min: -200, max: 30 }), (certificateExpiryDate, offset) => {
        const today = oracleAddDays(certificateExpiryDate, offset);
        const { opensOn, open } = value('certificate-renewal-window', { certificateExpiryDate, today });
        expect(open).toBe(opensOn <= today && today <= certificateExpiryDate);
      }),
    );
  });
});
