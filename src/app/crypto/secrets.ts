import { hash, verify, type Algorithm } from '@node-rs/argon2';

/**
 * argon2id for staff passwords and chip PINs (docs/domain.md "Security"). PINs are only 4 digits, so
 * their hashes also take a pepper kept outside the database: a stolen database alone does not
 * give the PINs away by trying all 10,000.
 */
// Algorithm.Argon2id is a const enum the type declarations cannot share under isolated modules.
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashSecret(secret: string, pepper?: Buffer): Promise<string> {
  return hash(secret, pepper ? { ...OPTIONS, secret: pepper } : OPTIONS);
}

export async function verifySecret(stored: string, secret: string, pepper?: Buffer): Promise<boolean> {
  try {
    return await verify(stored, secret, pepper ? { secret: pepper } : {});
  } catch {
    return false;
  }
}
