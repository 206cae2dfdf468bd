import { randomBytes } from 'node:crypto';
import type { Ids } from './ports/ids.ts';

/**
 * UUID version 7 (RFC 9562): a millisecond timestamp, then randomness. Ids of new rows sort by
 * time, so inserts land at the end of each primary-key index instead of all over it.
 *
 * Monotonic (RFC 9562 §6.2, method 2): within the same millisecond as the last id, or an
 * earlier one when the wall clock was set back, the next id keeps the last id's timestamp and
 * adds a random step to its 74 random bits, so that every id sorts after the one before it.
 */
let pool = Buffer.alloc(0);
let offset = 0;

function random16(): Buffer {
  if (offset + 16 > pool.length) {
    pool = randomBytes(16 * 512);
    offset = 0;
  }
  offset += 16;
  return Buffer.from(pool.subarray(offset - 16, offset));
}

const RANDOM_BITS = 74n;
const RANDOM_LIMIT = 1n << RANDOM_BITS;

let lastMs = -1;
/** The 74 random bits of the last id (12 of rand_a, 62 of rand_b), as one number. */
let lastRandom = 0n;

function randomOf(bytes: Buffer): bigint {
  const randA = BigInt(((bytes[6]! & 0x0f) << 8) | bytes[7]!);
  const randB = ((BigInt(bytes[8]! & 0x3f) << 56n) | (bytes.readBigUInt64BE(8) & 0x00ff_ffff_ffff_ffffn));
  return (randA << 62n) | randB;
}

function format(ms: number, random: bigint): string {
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(ms, 0, 6);
  const randA = Number(random >> 62n);
  bytes[6] = 0x70 | (randA >> 8);
  bytes[7] = randA & 0xff;
  bytes.writeBigUInt64BE((random & ((1n << 62n) - 1n)) | (0b10n << 62n), 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const uuidV7: Ids = {
  next() {
    const bytes = random16();
    const now = Date.now();
    let ms = now;
    let random = randomOf(bytes);
    if (now <= lastMs) {
      // A step of up to 2^32 keeps the next id as hard to guess as the randomness it replaces allows.
      ms = lastMs;
      random = lastRandom + 1n + (BigInt(bytes.readUInt32BE(12)));
      if (random >= RANDOM_LIMIT) {
        // 2^74 ids in one millisecond will not happen; borrow the next millisecond if they did.
        ms = lastMs + 1;
        random = randomOf(bytes);
      }
    }
    lastMs = ms;
    lastRandom = random;
    return format(ms, random);
  },
};
