import { describe, expect, it } from 'vitest';
import { evaluate } from '../../test/support/rules.ts';

describe('R-10 reissue-fee', () => {
  it.each([
    ['lost', false, undefined, 800, 0, true],
    ['lost', true, undefined, 800, 200, true],
    ['lost', true, true, 800, 200, false],
    ['lost', false, false, 800, 0, true],
    ['stolen', true, undefined, 800, 200, true],
    ['damaged', true, undefined, 800, 200, false],
    ['dirty', false, undefined, 800, 0, false],
    ['notes-full', true, undefined, 0, 0, false],
    ['renewal', true, undefined, 0, 0, false],
    ['number-change', true, undefined, 0, 0, false],
  ])('%s, certificates %s, lost at home %s: card ¥%i + certificates ¥%i', (reason, withCertificates, lostAtHome, cardFee, certificateFee, policeReportRequired) => {
    expect(evaluate('reissue-fee', { reason, withCertificates, ...(lostAtHome !== undefined && { lostAtHome }) })).toEqual({
      cardFee,
      certificateFee,
      total: cardFee + certificateFee,
      policeReportRequired,
    });
  });

  it.each([
    [{ reason: 'stolen', withCertificates: true, lostAtHome: true }, ['/lostAtHome']],
    [{ reason: 'forgotten', withCertificates: true }, ['/reason']],
    [{ reason: 'lost' }, ['/withCertificates']],
  ])('refuses %j', (input, pointers) => {
    expect(evaluate('reissue-fee', input)).toEqual({ error: 'INPUT.INVALID', pointers });
  });
});
