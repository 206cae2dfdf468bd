import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../test/support/rules.ts';

describe('R-11 individual-number', () => {
  it.each([
    ['123456789018', { valid: true, checkDigit: 8 }],
    ['123456789019', { valid: false, checkDigit: 8, reason: 'check-digit' }],
    ['１２３４５６７８９０１８', { valid: true, checkDigit: 8 }],
    ['１２３４５６７８９０１９', { valid: false, checkDigit: 8, reason: 'check-digit' }],
    ['000000000000', { valid: true, checkDigit: 0 }],
    ['12345678901', { valid: false, reason: 'format' }],
    ['1234567890180', { valid: false, reason: 'format' }],
    ['1234 5678 9018', { valid: false, reason: 'format' }],
    ['12345678901a', { valid: false, reason: 'format' }],
    ['', { valid: false, reason: 'format' }],
  ])('%j', (number, expected) => {
    expect(evaluate('individual-number', { number })).toEqual(expected);
  });

  it('refuses a number that is not a string', () => {
    expect(evaluate('individual-number', { number: 123456789018 })).toEqual({ error: 'INPUT.INVALID', pointers: ['/number'] });
  });

  it('accepts exactly one check digit for every eleven digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), (eleven) => {
        const valid = [...'0123456789'].filter((digit) => evaluate('individual-number', { number: eleven + digit }).valid);
        expect(valid).toHaveLength(1);
        expect(evaluate('individual-number', { number: eleven + valid[0] }).checkDigit).toBe(Number(valid[0]));
      }),
    );
  });
});
