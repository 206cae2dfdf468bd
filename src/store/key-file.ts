import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../app/config-error.ts';

export interface MasterKeys {
  readonly current: Buffer;
  readonly retired: Buffer[];
}

function parseKey(text: string, origin: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new ConfigError(`${origin} must hold a 32-byte key, as 64 hex digits or base64`);
  return key;
}

/**
 * The master key of 特定個人情報, outside the database (domain.md "Security"): MADOGUCHI_KEY when
 * set, else `DATA_DIR/keys/master.key`, created on first start readable by the owner only.
 * Keys retired by a rotation stay in `DATA_DIR/keys/retired/` to decrypt what they wrote.
 */
export function loadMasterKeys(dataDir: string, fromEnvironment: string | undefined): MasterKeys {
  const directory = path.join(dataDir, 'keys');
  const retiredDirectory = path.join(directory, 'retired');
  const retired = existsSync(retiredDirectory)
    ? readdirSync(retiredDirectory)
        .filter((name) => name.endsWith('.key'))
        .map((name) => parseKey(readFileSync(path.join(retiredDirectory, name), 'utf8'), path.join(retiredDirectory, name)))
    : [];
  if (fromEnvironment) return { current: parseKey(fromEnvironment, 'MADOGUCHI_KEY'), retired };
  const file = path.join(directory, 'master.key');
  if (!existsSync(file)) {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return { current: parseKey(readFileSync(file, 'utf8'), file), retired };
}
