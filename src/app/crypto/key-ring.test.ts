import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyRing, UnknownKeyError } from './key-ring.ts';

describe('the key ring', () => {
  it('encrypts a number so that the ciphertext shows nothing of it, and decrypts it', () => {
    const ring = createKeyRing(randomBytes(32));
    const first = ring.encryptNumber('123456789018');
    const second = ring.encryptNumber('123456789018');
    expect(first.ciphertext).not.toBe(second.ciphertext);
    expect(Buffer.from(first.ciphertext, 'base64').toString('latin1')).not.toContain('1234');
    expect(ring.decryptNumber(first)).toBe('123456789018');
    expect(first.keyId).toBe(ring.keyId);
  });

  it('finds equal numbers by their keyed hash, which differs under another key', () => {
    const key = randomBytes(32);
    expect(createKeyRing(key).numberHash('123456789018')).toBe(createKeyRing(key).numberHash('123456789018'));
    expect(createKeyRing(key).numberHash('123456789018')).not.toBe(createKeyRing(randomBytes(32)).numberHash('123456789018'));
  });

  it('decrypts with a retired key after a rotation, and refuses a tampered ciphertext', () => {
    const old = randomBytes(32);
    const written = createKeyRing(old).encryptNumber('123456789018');
    const rotated = createKeyRing(randomBytes(32), [old]);
    expect(rotated.keyId).not.toBe(written.keyId);
    expect(rotated.decryptNumber(written)).toBe('123456789018');
    const raw = Buffer.from(written.ciphertext, 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => rotated.decryptNumber({ ...written, ciphertext: raw.toString('base64') })).toThrow();
    expect(() => createKeyRing(randomBytes(32)).decryptNumber(written)).toThrow(/no key/);
  });

  it('peppers PINs and signs audit links with the current key, and checks what a retired key wrote with that key', () => {
    const old = createKeyRing(randomBytes(32));
    const oldMaster = randomBytes(32);
    const before = createKeyRing(oldMaster);
    const rotated = createKeyRing(randomBytes(32), [oldMaster]);
    expect(rotated.keyIds).toEqual([rotated.keyId, before.keyId]);
    expect(rotated.pinPepper(before.keyId)).toEqual(before.pinPepper());
    expect(rotated.pinPepper()).not.toEqual(before.pinPepper());
    expect(rotated.auditMac('link', before.keyId)).toBe(before.auditMac('link'));
    expect(rotated.auditMac('link')).not.toBe(before.auditMac('link'));
    expect(() => rotated.pinPepper(old.keyId)).toThrow(UnknownKeyError);
    expect(() => rotated.auditMac('link', old.keyId)).toThrow(/no key/);
  });
});
