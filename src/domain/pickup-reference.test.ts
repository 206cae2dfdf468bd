import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWellFormedPickupReference, pickupReferenceOf } from './pickup-reference.ts';

describe('照会番号 (pickup reference)', () => {
  it.each([
    ['792843017', '7928430177'],
    ['000000000', '0000000000'],
    ['123456789', '1234567897'],
  ])('appends the Luhn check digit to %s', (payload, reference) => {
    expect(pickupReferenceOf(payload)).toBe(reference);
    expect(isWellFormedPickupReference(reference)).toBe(true);
  });

  it('refuses a payload that is not nine digits', () => {
    expect(() => pickupReferenceOf('12345678')).toThrow(RangeError);
    expect(() => pickupReferenceOf('12345678a')).toThrow(RangeError);
  });

  it.each(['', '123456789', '12345678901', '123456789x', '1234567890'])('tells %j is not a reference', (value) => {
    expect(isWellFormedPickupReference(value)).toBe(false);
  });

  it('catches every single mistyped digit and every swap of two different neighbours', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{9}$/), fc.nat(9), fc.integer({ min: 1, max: 9 }), (payload, at, shift) => {
        const reference = pickupReferenceOf(payload);
        const typo = reference.slice(0, at) + String((Number(reference[at]) + shift) % 10) + reference.slice(at + 1);
        expect(isWellFormedPickupReference(typo)).toBe(false);
        const left = Math.min(at, 8);
        const [a, b] = [reference[left]!, reference[left + 1]!];
        // Luhn misses only the swap of 0 and 9.
        if (a !== b && !(a + b === '09' || a + b === '90')) {
          expect(isWellFormedPickupReference(reference.slice(0, left) + b + a + reference.slice(left + 2))).toBe(false);
        }
      }),
    );
  });
});
