import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeAuditCheckpoint } from '../../src/app/audit-checkpoints.ts';
import { scheduleNightlyBackup } from '../../src/jobs/nightly-backup.ts';
import { writeBackup } from '../../src/store/backup.ts';
import { createStaff, OFFICES, openTestApp } from '../support/app.ts';
import { DIALECTS, temporaryDataDir } from '../support/databases.ts';

describe('the nightly backup of serve', () => {
  it('writes the night’s backup beside the older ones, keeps BACKUP_KEEP of them, and logs a failed night as an error', { timeout: 60_000 }, async () => {
    const t = await openTestApp(await DIALECTS[0]!.create());
    try {
      await createStaff(t.app, 'clerk.night', 'clerk', 'honcho');
      await writeAuditCheckpoint(t.app, 'serve');
      const dir = path.join(temporaryDataDir(), 'backups');
      for (const night of ['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']) {
        mkdirSync(path.join(dir, night), { recursive: true });
        writeFileSync(path.join(dir, night, 'manifest.json'), '{}');
      }
      mkdirSync(path.join(dir, 'before-upgrade'));
      const source = {
        dataDir: t.database.dataDir,
        databaseUrl: undefined,
        municipalityCode: OFFICES.municipality.code,
        appVersion: '0.1.0',
        keyIds: () => ({ current: t.app.keys.keyId, retired: [] }),
      };
      const log = { info: vi.fn(), error: vi.fn() };
      const night = Date.parse('2026-12-02T17:30:00Z');
      const schedule = scheduleNightlyBackup((directory) => writeBackup(source, directory), { dir, at: '02:30', keep: 3 }, log, () => night);
      try {
        await schedule.run();
        expect(log.error).not.toHaveBeenCalled();
        expect(readdirSync(dir).sort()).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', 'before-upgrade']);
        expect(readdirSync(path.join(dir, '2026-12-03')).sort()).toEqual(['audit-checkpoints', 'madoguchi.sqlite', 'manifest.json']);
        expect(log.info).toHaveBeenCalledWith(expect.objectContaining({ directory: path.join(dir, '2026-12-03'), files: 2, checkpoints: 1 }), 'nightly backup done');

        // The same night again (a restarted server's run): the directory is taken; an error in the log, the older backups untouched.
        await schedule.run();
        expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ directory: path.join(dir, '2026-12-03') }), `nightly backup failed: ${path.join(dir, '2026-12-03')} is not empty: back up into a new or empty directory`);
        expect(readdirSync(dir).sort()).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', 'before-upgrade']);
      } finally {
        schedule.stop();
      }
    } finally {
      await t.close();
    }
  });
});
