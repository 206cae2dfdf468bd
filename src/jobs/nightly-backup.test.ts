import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackupManifest } from '../app/backup-manifest.ts';
import { backupsBeyondKeep, nightlyBackupName, scheduleNightlyBackup } from './nightly-backup.ts';

describe('nightlyBackupName', () => {
  it.each([
    ['2026-12-02T17:30:00Z', '2026-12-03'],
    ['2026-12-02T14:59:59Z', '2026-12-02'],
    ['2026-12-31T15:00:00Z', '2027-01-01'],
  ])('names the backup made at %s after the day in Japan, %s', (at, name) => {
    expect(nightlyBackupName(Date.parse(at))).toBe(name);
  });
});

describe('backupsBeyondKeep', () => {
  const nights = ['2026-11-29', '2026-12-01', '2026-11-30', '2026-12-03', '2026-12-02'];
  it('removes the oldest nights beyond the number kept', () => {
    expect(backupsBeyondKeep(nights, 3)).toEqual(['2026-11-29', '2026-11-30']);
    expect(backupsBeyondKeep(nights, 5)).toEqual([]);
    expect(backupsBeyondKeep(nights, 7)).toEqual([]);
  });
  it('never counts nor removes what is not a nightly backup', () => {
    expect(backupsBeyondKeep([...nights, 'before-upgrade', '2026-12-03.partial', 'notes.txt'], 1)).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
  });
});

function manifest(): BackupManifest {
  return {
    format: 'madoguchi-backup',
    v: 1,
    createdAt: new Date().toISOString(),
    appVersion: '0.1.0',
    dialect: 'sqlite',
    municipality: '131237',
    migration: '0006-job-leases',
    mode: 'live',
    files: [{ name: 'madoguchi.sqlite', bytes: 4096, sha256: '0'.repeat(64) }],
    audit: { chains: [], checkpoints: 1, lastCheckpoint: { n: 1, at: new Date().toISOString() } },
    keyIds: { current: 'k', retired: [] },
  };
}

describe('scheduleNightlyBackup', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('backs up at BACKUP_TIME in Japan every night, removes the oldest only after a backup succeeded, and logs a failure without stopping', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-02T12:00:00Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const dir = mkdtempSync(path.join(tmpdir(), 'madoguchi-nightly-'));
    for (const night of ['2026-11-30', '2026-12-01', '2026-12-02']) mkdirSync(path.join(dir, night));
    let fail = false;
    const backUp = vi.fn(async (directory: string) => {
      if (fail) throw new Error('the backup disk is full');
      mkdirSync(directory);
      return manifest();
    });
    const log = { info: vi.fn(), error: vi.fn() };
    const schedule = scheduleNightlyBackup(backUp, { dir, at: '02:30', keep: 2 }, log);
    try {
      // 21:00 in Japan: nothing until 02:30.
      await vi.advanceTimersByTimeAsync(5.5 * 3600_000 - 1000);
      expect(backUp).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1000);
      // Two old nights go, one after the other: wait for the second, not for the first one's log line.
      await vi.waitFor(() => {
        expect(readdirSync(dir).sort()).toEqual(['2026-12-02', '2026-12-03']);
        expect(log.info).toHaveBeenCalledWith(expect.objectContaining({ directory: path.join(dir, '2026-12-01'), keep: 2 }), 'old nightly backup removed');
      });
      expect(backUp).toHaveBeenCalledWith(path.join(dir, '2026-12-03'));
      expect(log.info).toHaveBeenCalledWith(expect.objectContaining({ directory: path.join(dir, '2026-12-03'), files: 1, bytes: 4096 }), 'nightly backup done');

      // The next night fails: logged as an error, and no older backup is removed for it.
      fail = true;
      await vi.advanceTimersByTimeAsync(24 * 3600_000);
      await vi.waitFor(() => expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ directory: path.join(dir, '2026-12-04') }), 'nightly backup failed: the backup disk is full'));
      expect(readdirSync(dir).sort()).toEqual(['2026-12-02', '2026-12-03']);

      // And the night after, it runs again.
      fail = false;
      await vi.advanceTimersByTimeAsync(24 * 3600_000);
      await vi.waitFor(() => expect(existsSync(path.join(dir, '2026-12-05'))).toBe(true));
      await vi.waitFor(() => expect(readdirSync(dir).sort()).toEqual(['2026-12-03', '2026-12-05']));
      expect(backUp).toHaveBeenCalledTimes(3);
    } finally {
      schedule.stop();
    }
    await vi.advanceTimersByTimeAsync(48 * 3600_000);
    expect(backUp).toHaveBeenCalledTimes(3);
  });
});
