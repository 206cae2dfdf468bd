import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BackupManifest } from '../app/backup-manifest.ts';
import { untilNextInJapan } from '../app/clock.ts';

interface Log {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface NightlyBackupSettings {
  /** BACKUP_DIR: where each night's backup goes, in a directory named after the day in Japan. */
  readonly dir: string;
  /** BACKUP_TIME: HH:MM in Japan. */
  readonly at: string;
  /** BACKUP_KEEP: how many nights' backups are kept. */
  readonly keep: number;
}

export interface NightlyBackup {
  /** One backup at once, as the night's would be (a test, or an operator's signal in future). */
  run(): Promise<void>;
  stop(): void;
}

const NIGHT_NAME = /^\d{4}-\d{2}-\d{2}$/;
const JST_OFFSET_MS = 9 * 3600_000;

/** The directory of the night's backup: the date in Japan when it runs (`2026-12-03`). */
export function nightlyBackupName(now: number): string {
  return new Date(now + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The nights' backups to remove so that `keep` remain: the oldest, by name (a date sorts as
 * text). Only names of nightly backups count: whatever else the operator keeps in BACKUP_DIR
 * (a backup made by hand before an upgrade) is never removed.
 */
export function backupsBeyondKeep(names: readonly string[], keep: number): string[] {
  const nights = names.filter((name) => NIGHT_NAME.test(name)).sort();
  return nights.slice(0, Math.max(0, nights.length - keep));
}

/**
 * The nightly backup inside the running server, at `at` (Japan time) every day, as the nightly
 * sweep is scheduled (jobs/daily-sweep.ts). Old backups are removed only after the night's has
 * been written, so a run that fails never leaves fewer good backups than before. A failure is
 * logged as an error and tried again the next night; the server goes on serving.
 */
export function scheduleNightlyBackup(
  backUp: (directory: string) => Promise<BackupManifest>,
  settings: NightlyBackupSettings,
  log: Log,
  now: () => number = Date.now,
): NightlyBackup {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const once = async () => {
    const directory = path.join(settings.dir, nightlyBackupName(now()));
    const started = now();
    try {
      const manifest = await backUp(directory);
      const bytes = manifest.files.reduce((sum, file) => sum + file.bytes, 0);
      log.info({ directory, files: manifest.files.length, bytes, durationMs: now() - started, checkpoints: manifest.audit.checkpoints }, 'nightly backup done');
      if (manifest.dialect === 'postgres') log.info({ directory }, 'nightly backup holds the audit checkpoints only: the PostgreSQL database is pg_dump’s to save (README "Backups and restore")');
      for (const name of backupsBeyondKeep(await readdir(settings.dir), settings.keep)) {
        await rm(path.join(settings.dir, name), { recursive: true, force: true });
        log.info({ directory: path.join(settings.dir, name), keep: settings.keep }, 'old nightly backup removed');
      }
    } catch (error) {
      log.error({ err: error, directory }, `nightly backup failed: ${(error as Error).message}`);
    }
  };
  const run = () => (running = running.then(once));
  const plan = () => {
    timer = setTimeout(() => {
      void run().finally(() => {
        if (!stopped) plan();
      });
    }, untilNextInJapan(settings.at, now()));
    timer.unref();
  };
  plan();
  log.info({ directory: settings.dir, at: settings.at, keep: settings.keep }, `nightly backup at ${settings.at} (Japan time) into ${settings.dir}, the last ${settings.keep} kept`);
  return {
    run,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
