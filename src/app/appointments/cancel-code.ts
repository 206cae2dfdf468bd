import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** Crockford's base-32 digits: no I, L, O or U, so a code read aloud or copied by hand is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A new cancel code (docs/pickup.md "Appointments"): twelve characters drawn from the system's
 * cryptographic random source (60 bits), shown in groups of four (`7KQ2-M9XD-4R0T`). Only its
 * hash is stored.
 */
export function newCancelCode(): string {
  let code = '';
  for (let i = 0; i < 12; i++) code += ALPHABET[randomInt(0, 32)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** A code as typed (lower case, without or with other separators, O for 0, I or L for 1) in the form it was made in. */
function normalize(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s\-‐－ー]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export function cancelCodeHash(code: string): string {
  return createHash('sha256').update(normalize(code)).digest('hex');
}

/** Whether `typed` is the code whose hash is stored, compared in constant time. */
export function cancelCodeMatches(storedHash: string, typed: string): boolean {
  const given = Buffer.from(cancelCodeHash(typed), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
