import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryDataDir } from '../../test/support/databases.ts';
import { loadMasterKeys } from './key-file.ts';

describe('the master key of individual numbers', () => {
  it('is created on first start under DATA_DIR, readable by the owner only, and the same on the next start', () => {
    const dataDir = temporaryDataDir();
    const first = loadMasterKeys(dataDir, undefined);
    const file = path.join(dataDir, 'keys', 'master.key');
    expect(first.current).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(loadMasterKeys(dataDir, undefined).current.equals(first.current)).toBe(true);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.current.toString('base64'));
  });

  it('comes from MADOGUCHI_KEY when set, as hex or base64, with retired keys kept for decryption', () => {
    const dataDir = temporaryDataDir();
    const hex = 'ab'.repeat(32);
    expect(loadMasterKeys(dataDir, hex).current.toString('hex')).toBe(hex);
    expect(loadMasterKeys(dataDir, Buffer.alloc(32, 7).toString('base64')).current).toEqual(Buffer.alloc(32, 7));
    mkdirSync(path.join(dataDir, 'keys', 'retired'), { recursive: true });
    writeFileSync(path.join(dataDir, 'keys', 'retired', '2025.key'), Buffer.alloc(32, 1).toString('base64'));
    expect(loadMasterKeys(dataDir, hex).retired).toEqual([Buffer.alloc(32, 1)]);
  });

  it('refuses a key of the wrong size with a clear message', () => {
    expect(() => loadMasterKeys(temporaryDataDir(), 'c2hvcnQ=')).toThrow('MADOGUCHI_KEY must hold a 32-byte key, as 64 hex digits or base64');
  });
});
