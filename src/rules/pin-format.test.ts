import { describe, expect, it } from 'vitest';
import { evaluate } from '../../test/support/rules.ts';

describe('R-12 pin-format', () => {
  it.each([
    ['signature', 'abc123', { valid: true, normalized: 'ABC123', maxAttempts: 5 }],
    ['signature', 'A1B2C3D4E5F6G7H8', { valid: true, normalized: 'A1B2C3D4E5F6G7H8', maxAttempts: 5 }],
    ['signature', 'ABCDEF', { valid: false, maxAttempts: 5, reason: 'needs-letter-and-digit' }],
    ['signature', '123456', { valid: false, maxAttempts: 5, reason: 'needs-letter-and-digit' }],
    ['signature', 'AB12', { valid: false, maxAttempts: 5, reason: 'length' }],
    ['signature', 'A1B2C3D4E5F6G7H8I', { valid: false, maxAttempts: 5, reason: 'length' }],
    ['signature', 'ABC-123', { valid: false, maxAttempts: 5, reason: 'characters' }],
    ['signature', 'ABC１２３', { valid: false, maxAttempts: 5, reason: 'characters' }],
    ['user', '1234', { valid: true, normalized: '1234', maxAttempts: 3 }],
    ['resident-registry', '0000', { valid: true, normalized: '0000', maxAttempts: 3 }],
    ['card-info', '9876', { valid: true, normalized: '9876', maxAttempts: 3 }],
    ['user', '123', { valid: false, maxAttempts: 3, reason: 'length' }],
    ['user', '12345', { valid: false, maxAttempts: 3, reason: 'length' }],
    ['resident-registry', '12a4', { valid: false, maxAttempts: 3, reason: 'characters' }],
    ['card-info', '１２３４', { valid: false, maxAttempts: 3, reason: 'characters' }],
  ])('%s %j', (kind, pin, expected) => {
    expect(evaluate('pin-format', { kind, pin })).toEqual(expected);
  });

  it('refuses an unknown kind', () => {
    expect(evaluate('pin-format', { kind: 'bank', pin: '1234' })).toEqual({ error: 'INPUT.INVALID', pointers: ['/kind'] });
  });
});
