import path from 'node:path';
import type { AuditPlace } from './ports/audit-repository.ts';

/** The file of a backup directory that says what the backup holds (README "Backups and restore"). */
export const MANIFEST_FILE = 'manifest.json';

export interface BackupFile {
  /** Relative to the backup directory, as it goes into DATA_DIR: `madoguchi.sqlite`, `audit-checkpoints/<code>.jsonl`. */
  readonly name: string;
  readonly bytes: number;
  readonly sha256: string;
}

/**
 * What a backup holds, for the restore to check before it writes anything and for the operator
 * to read. It names the master key by its id only: the key itself is never in a backup
 * (docs/security.md "Backups"), so whoever takes a backup takes no readable individual number.
 */
export interface BackupManifest {
  readonly format: 'madoguchi-backup';
  readonly v: 1;
  readonly createdAt: string;
  readonly appVersion: string;
  readonly dialect: 'sqlite' | 'postgres';
  readonly municipality: string;
  /** The last migration the database had run (null: none). */
  readonly migration: string | null;
  /** Whether the records are live or a training instance's (docs/architecture.md "Training mode"); null before either was recorded. */
  readonly mode: 'live' | 'training' | null;
  readonly files: readonly BackupFile[];
  readonly audit: {
    /** Every chain's head in the copy (PostgreSQL: in the database as the checkpoints were copied; the dump taken after holds at least these). */
    readonly chains: readonly AuditPlace[];
    /** How many checkpoints the copied checkpoint file holds, and the last of them. */
    readonly checkpoints: number;
    readonly lastCheckpoint: { readonly n: number; readonly at: string } | null;
  };
  /** The master key the records were written under and the retired ones still needed, by id. */
  readonly keyIds: { readonly current: string; readonly retired: readonly string[] };
}

/** A name of a file in a backup: plain segments, at most one directory deep, nothing that climbs out. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/;

function isText(value: unknown): value is string {
  return typeof value === 'string';
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * The manifest of a backup directory, or why it is none. Its file names are checked here, so a
 * manifest written by hand cannot make the restore write outside DATA_DIR.
 */
export function parseManifest(text: string): { readonly manifest: BackupManifest } | { readonly problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: `${MANIFEST_FILE} is not JSON` };
  }
  const m = value as Partial<Record<keyof BackupManifest, unknown>> | null;
  if (typeof m !== 'object' || m === null || m.format !== 'madoguchi-backup') return { problem: `${MANIFEST_FILE} is not the manifest of a madoguchi backup` };
  if (m.v !== 1) return { problem: `${MANIFEST_FILE} is of version ${String(m.v)}, which this madoguchi does not know` };
  if (m.dialect !== 'sqlite' && m.dialect !== 'postgres') return { problem: `${MANIFEST_FILE} names no database kind (sqlite or postgres)` };
  if (![m.createdAt, m.appVersion, m.municipality].every(isText) || !(m.migration === null || isText(m.migration))) {
    return { problem: `${MANIFEST_FILE} lacks createdAt, appVersion, municipality or migration` };
  }
  if (m.mode !== null && m.mode !== 'live' && m.mode !== 'training') return { problem: `${MANIFEST_FILE} says the records are neither live nor training` };
  const files = m.files;
  if (!Array.isArray(files)) return { problem: `${MANIFEST_FILE} lists no files` };
  for (const file of files as Partial<BackupFile>[]) {
    if (typeof file !== 'object' || file === null || !isText(file.name) || !FILE_NAME.test(file.name) || !isCount(file.bytes) || !isText(file.sha256) || !/^[0-9a-f]{64}$/.test(file.sha256)) {
      return { problem: `${MANIFEST_FILE} lists a file without a plain name, a size and a SHA-256: ${JSON.stringify(file)}` };
    }
  }
  if (new Set((files as BackupFile[]).map((file) => file.name)).size !== files.length) return { problem: `${MANIFEST_FILE} lists a file twice` };
  const keys = m.keyIds as { current?: unknown; retired?: unknown } | undefined;
  if (typeof keys !== 'object' || keys === null || !isText(keys.current) || !Array.isArray(keys.retired) || !keys.retired.every(isText)) {
    return { problem: `${MANIFEST_FILE} names no master key id` };
  }
  const audit = m.audit as { chains?: unknown; checkpoints?: unknown; lastCheckpoint?: unknown } | undefined;
  if (typeof audit !== 'object' || audit === null || !Array.isArray(audit.chains) || !isCount(audit.checkpoints)) {
    return { problem: `${MANIFEST_FILE} says nothing of the audit trail` };
  }
  return { manifest: value as BackupManifest };
}

/** Every key id a backup's records need: the operator must have each of them in place before a restore. */
export function neededKeyIds(manifest: BackupManifest): string[] {
  return [manifest.keyIds.current, ...manifest.keyIds.retired.filter((id) => id !== manifest.keyIds.current)];
}

/** A backup or restore refused or failed: one line for the operator, and nothing left half-written. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

/**
 * The commands that save and load a PostgreSQL database beside its backup directory, for the
 * operator to run after `backup` has copied the checkpoints (so the dump holds every entry they
 * name). The URL stays in the environment, never on a printed line.
 */
export function postgresCommands(out: string): { readonly dump: string; readonly restore: string } {
  const file = path.join(path.resolve(out), 'database.pgdump');
  return {
    dump: `pg_dump --format=custom --no-owner --file '${file}' "$DATABASE_URL"`,
    restore: `pg_restore --no-owner --exit-on-error --dbname "$DATABASE_URL" '${file}'`,
  };
}
