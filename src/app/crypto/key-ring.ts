import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { EncryptedNumber } from '../ports.ts';

/**
 * The keys of 特定個人情報, all derived (HKDF-SHA256) from one 32-byte master key kept outside the
 * database (domain.md "Security"): encryption of individual numbers (AES-256-GCM), their keyed
 * lookup hash, the pepper of PIN hashes, and the key of the audit chain. The key id (a hash of
 * the master key) is stored beside each ciphertext, so that a rotated key can still decrypt
 * what an older one wrote.
 */
export interface KeyRing {
  readonly keyId: string;
  encryptNumber(number: string): EncryptedNumber;
  decryptNumber(encrypted: EncryptedNumber): string;
  /** A keyed hash for exact lookup: equal numbers give equal hashes, and nothing else can be read. */
  numberHash(number: string): string;
  readonly pinPepper: Buffer;
  auditMac(data: string): string;
}

interface DerivedKeys {
  readonly encryption: Buffer;
}

function derive(master: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
}

export function keyIdOf(master: Buffer): string {
  return createHash('sha256').update(master).digest('hex').slice(0, 16);
}

/** `current` encrypts; `retired` master keys still decrypt what they once wrote. */
export function createKeyRing(current: Buffer, retired: readonly Buffer[] = []): KeyRing {
  if (current.length !== 32) throw new Error('the master key must be 32 bytes');
  const keyId = keyIdOf(current);
  const byId = new Map<string, DerivedKeys>();
  for (const master of [current, ...retired]) byId.set(keyIdOf(master), { encryption: derive(master, 'madoguchi/number-encryption') });
  const encryption = byId.get(keyId)!.encryption;
  const indexKey = derive(current, 'madoguchi/number-index');
  const auditKey = derive(current, 'madoguchi/audit-chain');
  return {
    keyId,
    pinPepper: derive(current, 'madoguchi/pin-pepper'),
    encryptNumber(number) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryption, iv);
      const body = Buffer.concat([cipher.update(number, 'utf8'), cipher.final()]);
      return { keyId, ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64') };
    },
    decryptNumber(encrypted) {
      const keys = byId.get(encrypted.keyId);
      if (!keys) throw new Error(`no key ${encrypted.keyId} to decrypt an individual number`);
      const raw = Buffer.from(encrypted.ciphertext, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', keys.encryption, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    numberHash(number) {
      return createHmac('sha256', indexKey).update(number).digest('hex');
    },
    auditMac(data) {
      return createHmac('sha256', auditKey).update(data).digest('hex');
    },
  };
}
