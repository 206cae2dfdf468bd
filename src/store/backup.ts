import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { BackupError, MANIFEST_FILE, neededKeyIds, parseManifest, type BackupFile, type BackupManifest } from '../app/backup-manifest.ts';
import type { AuditPlace } from '../app/ports/audit-repository.ts';
import { CHECKPOINT_DIRECTORY } from './audit-checkpoint-files.ts';
import { latestMigration } from './migrator.ts';
import { SQLITE_FILE_NAME } from './open-store.ts';
import { postgresDialect } from './postgres/postgres-dialect.ts';
import { sqliteDialect } from './sqlite/sqlite-dialect.ts';
import { copySqliteDatabase } from './sqlite/sqlite-backup.ts';

export interface BackupSource {
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly municipalityCode: string;
  readonly appVersion: string;
  /** The ids of the master keys, asked for only once the records are known to exist (loading the key file makes a key where there is none). */
  readonly keyIds: () => { readonly current: string; readonly retired: readonly string[] };
  readonly now?: () => Date;
}

const MIGRATION_TABLE = 'madoguchi_migrations';

/** Whether `inner` is `outer` or lies inside it. */
function within(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function describe(directory: string, name: string): Promise<BackupFile> {
  const file = path.join(directory, name);
  return { name, bytes: (await stat(file)).size, sha256: await sha256(file) };
}

/** The entries of a directory, or none when it does not exist. */
async function entries(directory: string): Promise<string[]> {
  try {
    return await readdir(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') throw new BackupError(`${directory} is a file, not a directory`);
    throw error;
  }
}

async function ownerOnlyDirectory(directory: string): Promise<void> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  await chmod(directory, 0o700);
}

/**
 * The checkpoint files, copied before the database: every checkpoint in the copy was written
 * before the database was copied, so the copied trail holds every entry they name. A line the
 * writer has only half written is left out.
 */
async function copyCheckpoints(dataDir: string, out: string): Promise<{ names: string[]; count: number; last: { n: number; at: string } | null }> {
  const from = path.join(dataDir, CHECKPOINT_DIRECTORY);
  const names: string[] = [];
  let count = 0;
  let last: { n: number; at: string } | null = null;
  for (const file of (await entries(from)).filter((name) => name.endsWith('.jsonl')).sort()) {
    const text = await readFile(path.join(from, file), 'utf8');
    const whole = text.slice(0, text.lastIndexOf('\n') + 1);
    await ownerOnlyDirectory(path.join(out, CHECKPOINT_DIRECTORY));
    await writeFile(path.join(out, CHECKPOINT_DIRECTORY, file), whole, { mode: 0o600, flag: 'wx' });
    names.push(`${CHECKPOINT_DIRECTORY}/${file}`);
    for (const line of whole.split('\n')) {
      if (line === '') continue;
      count++;
      try {
        const { n, at } = JSON.parse(line) as { n: number; at: string };
        if (last === null || n > last.n) last = { n, at };
      } catch {
        // Half a line a crash left behind: `audit verify` skips it as the server does.
      }
    }
  }
  return { names, count, last };
}

/** What the manifest tells of the records, read from the copy (SQLite) or the database (PostgreSQL). */
type RecordsSummary = Pick<BackupManifest, 'migration' | 'mode'> & { readonly chains: readonly AuditPlace[] };

/**
 * The database file through SQLite's online backup, in one step and in a thread of its own: the
 * copy is read in one read transaction (WAL: the server's writes go on meanwhile), so it is the
 * database as of one commit — every write acknowledged before the backup began is in it. The
 * copy is then made self-contained (no WAL beside it) and checked.
 */
async function copySqlite(dataDir: string, out: string, municipalityCode: string): Promise<RecordsSummary> {
  const source = path.join(dataDir, SQLITE_FILE_NAME);
  const partial = path.join(out, `${SQLITE_FILE_NAME}.partial`);
  // Owner-only from its first byte, whatever the umask of the process.
  await writeFile(partial, '', { mode: 0o600, flag: 'wx' });
  const copy = await copySqliteDatabase(source, partial, municipalityCode);
  if (copy.problems.length > 0) throw new BackupError(`the copy of the database fails its check (${copy.problems[0]}): check ${source} with madoguchi check`);
  await rename(partial, path.join(out, SQLITE_FILE_NAME));
  return { migration: copy.migration, mode: copy.mode, chains: copy.chains };
}

/** What the manifest tells of a PostgreSQL database, read as the checkpoints have been copied. */
async function readPostgres(databaseUrl: string, municipalityCode: string): Promise<RecordsSummary> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const migration = (await client.query<{ name: string | null }>(`select max(name) as name from ${MIGRATION_TABLE}`)).rows[0]!.name;
    const chains = (await client.query<AuditPlace>('select chain, seq::int as seq, hash from audit_heads where municipality_code = $1 and seq > 0 order by chain', [municipalityCode])).rows;
    const modes = (await client.query<{ table: string | null }>(`select to_regclass('instance_modes')::text as table`)).rows[0]!.table;
    const mode = modes ? (await client.query<{ mode: 'live' | 'training' }>('select mode from instance_modes where municipality_code = $1', [municipalityCode])).rows[0]?.mode : undefined;
    return { migration, mode: mode ?? null, chains };
  } finally {
    await client.end();
  }
}

/**
 * `backup --out DIR` and the nightly backup: the records (SQLite's online backup; on PostgreSQL
 * the operator's pg_dump, README "Backups and restore"), the audit checkpoints and a manifest,
 * owner-only, into an empty directory outside DATA_DIR. The master key stays where it is: a
 * backup never holds it. On a failure what was written is removed again.
 */
export async function writeBackup(source: BackupSource, outDir: string): Promise<BackupManifest> {
  const out = path.resolve(outDir);
  const dataDir = path.resolve(source.dataDir);
  if (within(out, dataDir)) throw new BackupError(`${out} is inside DATA_DIR ${dataDir}, beside the master key: write backups to another disk`);
  if ((await entries(out)).length > 0) throw new BackupError(`${out} is not empty: back up into a new or empty directory`);
  if (source.databaseUrl === undefined && !existsSync(path.join(dataDir, SQLITE_FILE_NAME))) {
    throw new BackupError(`there is no database at ${path.join(dataDir, SQLITE_FILE_NAME)}: set DATA_DIR (or DATABASE_URL) as the server has it`);
  }
  const keyIds = source.keyIds();
  const created = !existsSync(out);
  await ownerOnlyDirectory(out);
  try {
    const createdAt = (source.now?.() ?? new Date()).toISOString();
    const checkpoints = await copyCheckpoints(dataDir, out);
    const records =
      source.databaseUrl === undefined ? await copySqlite(dataDir, out, source.municipalityCode) : await readPostgres(source.databaseUrl, source.municipalityCode);
    const names = [...(source.databaseUrl === undefined ? [SQLITE_FILE_NAME] : []), ...checkpoints.names];
    const manifest: BackupManifest = {
      format: 'madoguchi-backup',
      v: 1,
      createdAt,
      appVersion: source.appVersion,
      dialect: source.databaseUrl === undefined ? 'sqlite' : 'postgres',
      municipality: source.municipalityCode,
      migration: records.migration,
      mode: records.mode,
      files: await Promise.all(names.map((name) => describe(out, name))),
      audit: { chains: records.chains, checkpoints: checkpoints.count, lastCheckpoint: checkpoints.last },
      keyIds: { current: keyIds.current, retired: [...keyIds.retired] },
    };
    await writeFile(path.join(out, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
    return manifest;
  } catch (error) {
    if (created) await rm(out, { recursive: true, force: true });
    else for (const name of await entries(out)) await rm(path.join(out, name), { recursive: true, force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError(`the backup failed, nothing was kept in ${out}: ${(error as Error).message}`, { cause: error });
  }
}

export interface RestoreTarget {
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly municipalityCode: string;
  /** Whether this installation runs live or as a training instance (MADOGUCHI_TODAY). */
  readonly mode: 'live' | 'training';
  /** The master keys the operator has put in place (DATA_DIR/keys or MADOGUCHI_KEY), by id; undefined when there is none. */
  readonly keyIds: () => { readonly current: string; readonly all: readonly string[] } | undefined;
}

/** Reads and checks a backup's manifest; every message says what the directory is not. */
export async function readManifest(from: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(path.join(from, MANIFEST_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BackupError(`${from} holds no ${MANIFEST_FILE}: it is not a madoguchi backup`);
    throw new BackupError(`cannot read ${path.join(from, MANIFEST_FILE)}: ${(error as Error).message}`);
  }
  const parsed = parseManifest(text);
  if ('problem' in parsed) throw new BackupError(`${from}: ${parsed.problem}`);
  return parsed.manifest;
}

/** A file of the backup whose size or SHA-256 is not the manifest's, or that is missing. */
async function damagedFile(from: string, file: BackupFile): Promise<string | undefined> {
  const full = path.join(from, file.name);
  let bytes: number;
  try {
    bytes = (await stat(full)).size;
  } catch {
    return `${file.name} is missing`;
  }
  if (bytes !== file.bytes) return `${file.name} has ${bytes} bytes, not the ${file.bytes} of ${MANIFEST_FILE}`;
  if ((await sha256(full)) !== file.sha256) return `${file.name} does not match its SHA-256 in ${MANIFEST_FILE}`;
  return undefined;
}

/**
 * `restore DIR`: checks everything before it writes anything — the manifest, the kind of
 * database, an empty DATA_DIR (but for the master key put back into DATA_DIR/keys), every key
 * the records need, every file's SHA-256 — then copies the database and the checkpoints into
 * DATA_DIR, owner-only. The caller then runs the checks of `audit verify`.
 */
export async function restoreBackup(target: RestoreTarget, fromDir: string): Promise<BackupManifest> {
  const from = path.resolve(fromDir);
  const dataDir = path.resolve(target.dataDir);
  const manifest = await readManifest(from);
  if (manifest.dialect === 'sqlite' && target.databaseUrl !== undefined) {
    throw new BackupError('this backup holds the embedded database: unset DATABASE_URL to restore it into DATA_DIR');
  }
  if (manifest.dialect === 'postgres' && target.databaseUrl === undefined) {
    throw new BackupError('this backup is of a PostgreSQL database: restore its dump with pg_restore (README "Backups and restore"), set DATABASE_URL to it and run restore again');
  }
  const known = latestMigration(manifest.dialect === 'sqlite' ? sqliteDialect : postgresDialect);
  if (manifest.migration !== null && manifest.migration > known) {
    throw new BackupError(`this backup was made by madoguchi ${manifest.appVersion}, whose schema (${manifest.migration}) is newer than this one knows (${known}): restore it with madoguchi ${manifest.appVersion} or later`);
  }
  // The start after the restore would refuse them anyway (app/instance-mode.ts): said before anything is written.
  if (manifest.mode !== null && manifest.mode !== target.mode) {
    throw new BackupError(
      manifest.mode === 'live'
        ? 'this backup holds live records: restore it without MADOGUCHI_TODAY (training mode), into the live DATA_DIR or database'
        : 'this backup holds a training instance’s records: restore it with MADOGUCHI_TODAY set, never into a live DATA_DIR or database',
    );
  }
  if (manifest.municipality !== target.municipalityCode) {
    throw new BackupError(`this backup holds the records of municipality ${manifest.municipality}, but OFFICES_FILE is of ${target.municipalityCode}`);
  }
  const present = (await entries(dataDir)).filter((name) => name !== 'keys');
  if (present.length > 0) throw new BackupError(`DATA_DIR ${dataDir} is not empty (it holds ${present.slice(0, 3).join(', ')}): restore only into an empty data directory`);
  const keys = target.keyIds();
  const keyFile = path.join(dataDir, 'keys', 'master.key');
  if (keys === undefined) {
    throw new BackupError(`the master key is not in place: copy its separate copy (key id ${manifest.keyIds.current}) to ${keyFile}, owner-only, or set MADOGUCHI_KEY, and run restore again`);
  }
  const missing = neededKeyIds(manifest).filter((id) => !keys.all.includes(id));
  if (missing.length > 0) {
    const where = missing.map((id) => (id === manifest.keyIds.current && !keys.all.includes(id) ? `${id} at ${keyFile}` : `${id} at ${path.join(dataDir, 'keys', 'retired', `${id}.key`)}`));
    throw new BackupError(`the records of this backup need master key ${where.join(' and ')} (the key in place is ${keys.current}): put the right copy there and run restore again`);
  }
  if (manifest.dialect === 'sqlite' && !manifest.files.some((file) => file.name === SQLITE_FILE_NAME)) throw new BackupError(`${from}: ${MANIFEST_FILE} lists no ${SQLITE_FILE_NAME}`);
  for (const file of manifest.files) {
    const damage = await damagedFile(from, file);
    if (damage !== undefined) throw new BackupError(`the backup in ${from} is damaged: ${damage}; nothing was restored`);
  }
  const written: string[] = [];
  try {
    await ownerOnlyDirectory(dataDir);
    for (const file of manifest.files) {
      const to = path.join(dataDir, file.name);
      await ownerOnlyDirectory(path.dirname(to));
      await copyFile(path.join(from, file.name), to, 0);
      written.push(to);
      await chmod(to, 0o600);
      if ((await sha256(to)) !== file.sha256) throw new BackupError(`${file.name} changed while it was copied`);
    }
  } catch (error) {
    for (const file of written) await rm(file, { force: true });
    await rm(path.join(dataDir, CHECKPOINT_DIRECTORY), { recursive: true, force: true });
    throw new BackupError(`the restore failed and was undone: ${(error as Error).message}`, { cause: error });
  }
  return manifest;
}
