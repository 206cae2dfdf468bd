import { BackupError, postgresCommands, type BackupManifest } from '../app/backup-manifest.ts';
import { auditVerify } from './admin-commands.ts';
import { CliError, write, type CliIo } from './io.ts';
import type { CliServices } from './program.ts';

/** A refused or failed backup is one line and exit 1, as `audit verify` fails. */
async function refusedAsCliError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupError) throw new CliError(error.message, 1);
    throw error;
  }
}

function bytes(manifest: BackupManifest): number {
  return manifest.files.reduce((sum, file) => sum + file.bytes, 0);
}

/**
 * `backup --out DIR`: a consistent copy while the server runs (README "Backups and restore").
 * On PostgreSQL the database is pg_dump's to save: the command prints how, after the checkpoints.
 */
export async function backupCommand(io: CliIo, services: Pick<CliServices, 'backup'>, out: string): Promise<number> {
  const manifest = await refusedAsCliError(() => services.backup(out));
  const checkpoints = `${manifest.audit.checkpoints} audit checkpoint${manifest.audit.checkpoints === 1 ? '' : 's'}`;
  if (manifest.dialect === 'postgres') {
    const { dump } = postgresCommands(out);
    await write(
      io.stdout,
      `${checkpoints} and the manifest written to ${out}; now save the database with\n  ${dump}\n` +
        `master key ${manifest.keyIds.current} is not in the backup: keep its copy apart (README "Backups and restore")\n`,
    );
    return 0;
  }
  await write(
    io.stdout,
    `backup written to ${out}: ${manifest.files.length} files, ${bytes(manifest)} bytes, ${checkpoints}, the audit trail at ${manifest.audit.chains.map((c) => `${c.chain}-${c.seq}`).join(', ') || 'no entry'}\n` +
      `master key ${manifest.keyIds.current} is not in the backup: keep its copy apart (README "Backups and restore")\n`,
  );
  return 0;
}

/**
 * `restore DIR`: the backup into an empty DATA_DIR, every file checked first, then the checks of
 * `audit verify` on what was restored; exit 1 if anything fails.
 */
export async function restoreCommand(io: CliIo, services: Pick<CliServices, 'restore' | 'openApp'>, from: string): Promise<number> {
  const manifest = await refusedAsCliError(() => services.restore(from));
  const checkpointFiles = manifest.files.length - (manifest.dialect === 'sqlite' ? 1 : 0);
  const files = `${checkpointFiles} checkpoint file${checkpointFiles === 1 ? '' : 's'}`;
  const what = manifest.dialect === 'sqlite' ? `the database and ${files}` : files;
  await write(io.stdout, `restored ${what} of the backup of ${manifest.createdAt} (madoguchi ${manifest.appVersion}); the audit trail:\n`);
  return auditVerify(io, services.openApp);
}
