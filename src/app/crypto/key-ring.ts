import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { EncryptedNumber } from '../ports/number-repository.ts';

/**
 * The keys of 特定個人情報, all derived (HKDF-SHA256) from a 32-byte master key kept outside the
 * database (docs/domain.md "Security"): encryption of individual numbers (AES-256-GCM), their keyed
 * lookup hash, the pepper of PIN hashes, the key of the audit chain, the key of the audit
 * trail's checkpoints (a key of its own, so a checkpoint can never pass for an audit link), and
 * the keyed fingerprint of a request kept with its Idempotency-Key.
 *
 * A rotation makes a new master key current and keeps the old ones as retired: what a key wrote
 * carries its key id, so a retired key still decrypts its numbers, checks its PINs and verifies
 * its audit entries. Numbers are re-encrypted under the current key when the records are opened
 * (see key-rotation.ts), so a number is always found by the current key's hash; a PIN moves to
 * the current pepper the next time it is entered right; an audit entry keeps its key for ever.
 */
export interface KeyRing {
  /** The current key's id: what every new ciphertext, PIN hash and audit entry is written with. */
  readonly keyId: string;
  /** Every key's id, the current one first. */
  readonly keyIds: readonly string[];
  encryptNumber(number: string): EncryptedNumber;
  decryptNumber(encrypted: EncryptedNumber): string;
  /** A keyed hash for exact lookup under the current key: equal numbers give equal hashes, and nothing else can be read. */
  numberHash(number: string): string;
  /** The pepper of PIN hashes written with a key (the current one when not named). */
  pinPepper(keyId?: string): Buffer;
  /** The MAC of an audit link under a key (the current one when not named). */
  auditMac(data: string, keyId?: string): string;
  /**
   * A keyed hash of a request, kept with its Idempotency-Key: equal requests give equal hashes,
   * and a request that held a PIN or a password cannot be guessed back from it.
   */
  requestFingerprint(request: string): string;
  /** The MAC of an audit checkpoint under a key (the current one when not named). */
  checkpointMac(data: string, keyId?: string): string;
}

interface DerivedKeys {
  readonly encryption: Buffer;
  readonly pinPepper: Buffer;
  readonly audit: Buffer;
  readonly checkpoint: Buffer;
}

function derive(master: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
}

export function keyIdOf(master: Buffer): string {
  return createHash('sha256').update(master).digest('hex').slice(0, 16);
}

/** A key id the ring does not hold: its retired key file is missing. */
export class UnknownKeyError extends Error {
  constructor(readonly keyId: string) {
    super(`no key ${keyId}: put its retired key file back in DATA_DIR/keys/retired/`);
  }
}

/** `current` writes; `retired` master keys still read what they once wrote. */
export function createKeyRing(current: Buffer, retired: readonly Buffer[] = []): KeyRing {
  if (current.length !== 32) throw new Error('the master key must be 32 bytes');
  const keyId = keyIdOf(current);
  const byId = new Map<string, DerivedKeys>();
  for (const master of [current, ...retired]) {
    byId.set(keyIdOf(master), {
      encryption: derive(master, 'madoguchi/number-encryption'),
      pinPepper: derive(master, 'madoguchi/pin-pepper'),
      audit: derive(master, 'madoguchi/audit-chain'),
      checkpoint: derive(master, 'madoguchi/audit-checkpoint'),
    });
  }
  const keysOf = (id: string) => {
    const keys = byId.get(id);
    if (!keys) throw new UnknownKeyError(id);
    return keys;
  };
  const currentKeys = keysOf(keyId);
  const indexKey = derive(current, 'madoguchi/number-index');
  const requestKey = derive(current, 'madoguchi/request-fingerprint');
  return {
    keyId,
    keyIds: [...byId.keys()],
    encryptNumber(number) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', currentKeys.encryption, iv);
      const body = Buffer.concat([cipher.update(number, 'utf8'), cipher.final()]);
      return { keyId, ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64') };
    },
    decryptNumber(encrypted) {
      const raw = Buffer.from(encrypted.ciphertext, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', keysOf(encrypted.keyId).encryption, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    numberHash(number) {
      return createHmac('sha256', indexKey).update(number).digest('hex');
    },
    pinPepper(id = keyId) {
      return keysOf(id).pinPepper;
    },
    auditMac(data, id = keyId) {
      return createHmac('sha256', keysOf(id).audit).update(data).digest('hex');
    },
    requestFingerprint(request) {
      return createHmac('sha256', requestKey).update(request).digest('hex');
    },
    checkpointMac(data, id = keyId) {
      return createHmac('sha256', keysOf(id).checkpoint).update(data).digest('hex');
    },
  };
}
