import { randomBytes } from 'node:crypto';
import type { Ids } from './ports.ts';

/**
 * UUID version 7 (RFC 9562): a millisecond timestamp, then randomness. Ids of new rows sort by
 * time, so inserts land at the end of each primary-key index instead of all over it.
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

export const uuidV7: Ids = {
  next() {
    const bytes = random16();
    const ms = Date.now();
    bytes.writeUIntBE(ms, 0, 6);
    bytes[6] = (bytes[6]! & 0x0f) | 0x70;
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  },
};
