import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../app/config-error.ts';
import { keyIdOf } from '../app/crypto/key-ring.ts';

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
 * The master key of 特定個人情報, outside the database (docs/domain.md "Security"): MADOGUCHI_KEY when
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
  chmodSync(directory, 0o700);
  chmodSync(file, 0o600);
  return { current: parseKey(readFileSync(file, 'utf8'), file), retired };
}

/**
 * `keys rotate`: a new master key in `DATA_DIR/keys/master.key`, the old one kept as
 * `DATA_DIR/keys/retired/<key id>.key`. The retired copy is written before the master key is
 * replaced (by a rename, at once), so a crash at any point leaves every key that wrote
 * something on disk. A key given in MADOGUCHI_KEY is the operator's to replace.
 */
export function rotateMasterKey(dataDir: string, fromEnvironment: string | undefined): { readonly retired: string; readonly current: string } {
  if (fromEnvironment) {
    throw new ConfigError('the master key comes from MADOGUCHI_KEY: put its value in DATA_DIR/keys/retired/<name>.key, set MADOGUCHI_KEY to a new key and start again');
  }
  const old = loadMasterKeys(dataDir, undefined).current;
  const directory = path.join(dataDir, 'keys');
  const retiredDirectory = path.join(directory, 'retired');
  mkdirSync(retiredDirectory, { recursive: true, mode: 0o700 });
  const retiredFile = path.join(retiredDirectory, `${keyIdOf(old)}.key`);
  if (!existsSync(retiredFile)) writeFileSync(retiredFile, old.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  const fresh = randomBytes(32);
  const next = path.join(directory, 'master.key.next');
  writeFileSync(next, fresh.toString('base64') + '\n', { mode: 0o600 });
  renameSync(next, path.join(directory, 'master.key'));
  return { retired: keyIdOf(old), current: keyIdOf(fresh) };
}
