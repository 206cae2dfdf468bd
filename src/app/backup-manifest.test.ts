import { describe, expect, it } from 'vitest';
import { neededKeyIds, parseManifest, postgresCommands, type BackupManifest } from './backup-manifest.ts';

const MANIFEST: BackupManifest = {
  format: 'madoguchi-backup',
  v: 1,
  createdAt: '2026-12-02T17:30:00.000Z',
  appVersion: '0.1.0',
  dialect: 'sqlite',
  municipality: '131237',
  migration: '0006-job-leases',
  mode: 'live',
  files: [
    { name: 'madoguchi.sqlite', bytes: 8192, sha256: 'a'.repeat(64) },
    { name: 'audit-checkpoints/131237.jsonl', bytes: 900, sha256: 'b'.repeat(64) },
  ],
  audit: { chains: [{ chain: 0, seq: 12, hash: 'c'.repeat(64) }], checkpoints: 3, lastCheckpoint: { n: 3, at: '2026-12-02T17:29:00.000Z' } },
  keyIds: { current: '0123456789abcdef', retired: ['fedcba9876543210'] },
};

describe('parseManifest', () => {
  it('reads what a backup wrote', () => {
    expect(parseManifest(JSON.stringify(MANIFEST))).toEqual({ manifest: MANIFEST });
  });
  it.each([
    ['not JSON', 'manifest.json is not JSON'],
    [JSON.stringify({ ...MANIFEST, format: 'tarball' }), 'is not the manifest of a madoguchi backup'],
    [JSON.stringify({ ...MANIFEST, v: 2 }), 'is of version 2'],
    [JSON.stringify({ ...MANIFEST, mode: 'demo' }), 'neither live nor training'],
    [JSON.stringify({ ...MANIFEST, files: [{ name: '../keys/master.key', bytes: 1, sha256: 'a'.repeat(64) }] }), 'lists a file without a plain name'],
    [JSON.stringify({ ...MANIFEST, files: [{ name: '/etc/passwd', bytes: 1, sha256: 'a'.repeat(64) }] }), 'lists a file without a plain name'],
    [JSON.stringify({ ...MANIFEST, files: [{ name: 'a/b/c', bytes: 1, sha256: 'a'.repeat(64) }] }), 'lists a file without a plain name'],
    [JSON.stringify({ ...MANIFEST, files: [{ name: 'madoguchi.sqlite', bytes: 1, sha256: 'short' }] }), 'lists a file without a plain name, a size and a SHA-256'],
    [JSON.stringify({ ...MANIFEST, files: [MANIFEST.files[0], MANIFEST.files[0]] }), 'lists a file twice'],
    [JSON.stringify({ ...MANIFEST, keyIds: { current: 'k' } }), 'names no master key id'],
    [JSON.stringify({ ...MANIFEST, audit: {} }), 'says nothing of the audit trail'],
  ])('refuses %s', (text, problem) => {
    const parsed = parseManifest(text);
    expect('problem' in parsed && parsed.problem).toContain(problem);
  });
});

describe('neededKeyIds', () => {
  it('is the current key and every retired one', () => {
    expect(neededKeyIds(MANIFEST)).toEqual(['0123456789abcdef', 'fedcba9876543210']);
  });
});

describe('postgresCommands', () => {
  it('names the dump beside the backup and keeps the database URL in the environment', () => {
    expect(postgresCommands('/mnt/backup/2026-12-03')).toEqual({
      dump: `pg_dump --format=custom --no-owner --file '/mnt/backup/2026-12-03/database.pgdump' "$DATABASE_URL"`,
      restore: `pg_restore --no-owner --exit-on-error --dbname "$DATABASE_URL" '/mnt/backup/2026-12-03/database.pgdump'`,
    });
  });
});
