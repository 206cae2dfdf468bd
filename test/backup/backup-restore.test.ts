import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest, type BackupManifest } from '../../src/app/backup-manifest.ts';
import { keyIdOf } from '../../src/app/crypto/key-ring.ts';
import { loadMasterKeys } from '../../src/store/key-file.ts';
import { openStore } from '../../src/store/open-store.ts';
import { OFFICES } from '../support/app.ts';
import { DIALECTS, temporaryDataDir } from '../support/databases.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'madoguchi.mjs');
const LOAD = path.join(ROOT, 'test', 'support', 'write-load.ts');
const code = OFFICES.municipality.code;

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `madoguchi …` in a process of its own, as the operator runs it beside the server. */
function madoguchi(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, MADOGUCHI_KEY: '', MADOGUCHI_DEMO: '0', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The writing process of test/support/write-load.ts, and every write it has acknowledged so far. */
function startLoad(dataDir: string, databaseUrl: string | undefined) {
  const child = spawn(process.execPath, ['--import', 'tsx', LOAD, dataDir, databaseUrl ?? ''], { cwd: ROOT });
  const acknowledged: string[] = [];
  let ready = false;
  let errors = '';
  let rest = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop()!;
    for (const line of lines) {
      if (line === 'ready') ready = true;
      else if (line.startsWith('ack ')) acknowledged.push(line.slice(4));
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return {
    acknowledged,
    isReady: () => ready,
    errors: () => errors,
    async stop() {
      child.stdin.end();
      return exited;
    },
  };
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function manifestOf(directory: string): BackupManifest {
  const parsed = parseManifest(readFileSync(path.join(directory, 'manifest.json'), 'utf8'));
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed.manifest;
}

/** DATA_DIR as the operator prepares it for a restore: empty, with the master key put back from its separate copy. */
function emptyDataDirWithKey(keyFile: string): string {
  const dataDir = path.join(temporaryDataDir(), 'data');
  mkdirSync(path.join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
  copyFileSync(keyFile, path.join(dataDir, 'keys', 'master.key'));
  chmodSync(path.join(dataDir, 'keys', 'master.key'), 0o600);
  return dataDir;
}

async function residentCodes(dataDir: string, databaseUrl: string | undefined): Promise<Set<string>> {
  const store = openStore({ dataDir, databaseUrl, municipalityCode: code });
  try {
    return new Set((await store.db.selectFrom('residents').select('resident_code').execute()).map((row) => row.resident_code));
  } finally {
    await store.close();
  }
}

describe.each(DIALECTS)('backup and restore on $name', ({ name, create }) => {
  it('backs up under write load, restores every write acknowledged before it began, and the audit trail verifies', { timeout: 240_000 }, async () => {
    const database = await create();
    const env = { DATA_DIR: database.dataDir, DATABASE_URL: database.databaseUrl ?? '' };
    const load = startLoad(database.dataDir, database.databaseUrl);
    try {
      await expect.poll(() => load.acknowledged.length >= 40 || load.errors(), { timeout: 60_000, interval: 50 }).toBe(true);
      const before = new Set(load.acknowledged);
      const out = path.join(temporaryDataDir(), 'backup');
      const backup = await madoguchi(['backup', '--out', out], env);
      const during = load.acknowledged.length - before.size;
      expect(await load.stop()).toBe(0);
      expect(load.errors()).toBe('');
      expect(backup.stderr).toBe('');
      expect(backup.status).toBe(0);
      // The writes went on while the backup was made.
      expect(during).toBeGreaterThan(0);

      const keyFile = path.join(database.dataDir, 'keys', 'master.key');
      const key = loadMasterKeys(database.dataDir, undefined).current;
      const manifest = manifestOf(out);
      expect(manifest).toMatchObject({ format: 'madoguchi-backup', dialect: name, municipality: code, migration: expect.any(String), keyIds: { current: keyIdOf(key), retired: [] } });
      expect(manifest.audit.checkpoints).toBeGreaterThanOrEqual(1);
      expect(manifest.audit.lastCheckpoint?.n).toBe(manifest.audit.checkpoints);
      // Never the key, in any form, in any file of the backup; every file owner-only.
      expect(statSync(out).mode & 0o777).toBe(0o700);
      for (const file of filesUnder(out)) {
        const bytes = readFileSync(file);
        for (const form of [key, Buffer.from(key.toString('base64')), Buffer.from(key.toString('hex')), readFileSync(keyFile)]) expect(bytes.includes(form)).toBe(false);
        expect(statSync(file).mode & 0o777).toBe(0o600);
      }
      expect(filesUnder(out).map((file) => path.relative(out, file)).sort()).toEqual(
        [...(name === 'sqlite' ? ['madoguchi.sqlite'] : []), `audit-checkpoints/${code}.jsonl`, 'manifest.json'].sort(),
      );
      if (name === 'postgres') {
        expect(backup.stdout).toContain(`pg_dump --format=custom --no-owner --file '${path.join(out, 'database.pgdump')}' "$DATABASE_URL"`);
        expect(backup.stdout).not.toContain(database.databaseUrl!);
      } else {
        expect(backup.stdout).toMatch(/^backup written to \S+: 2 files, \d+ bytes, \d+ audit checkpoints?, the audit trail at 0-\d+\n/);
      }

      // The operator's pg_restore into a new database: here a copy of the database made after the backup.
      const restoredDatabase = name === 'postgres' ? await database.copy() : undefined;
      try {
        const target = emptyDataDirWithKey(keyFile);
        const restoreEnv = { DATA_DIR: target, DATABASE_URL: restoredDatabase?.databaseUrl ?? '' };
        const restored = await madoguchi(['restore', out], restoreEnv);
        expect(restored.stderr).toBe('');
        expect(restored.status).toBe(0);
        const [said, verified] = restored.stdout.trim().split('\n');
        expect(said).toContain(`of the backup of ${manifest.createdAt}`);
        expect(JSON.parse(verified!)).toMatchObject({ ok: true, checkpoint: { n: manifest.audit.lastCheckpoint!.n } });
        expect(statSync(path.join(target, 'audit-checkpoints')).mode & 0o777).toBe(0o700);

        const codes = await residentCodes(target, restoredDatabase?.databaseUrl);
        const lost = [...before].filter((resident) => !codes.has(resident));
        expect(lost).toEqual([]);
        if (name === 'sqlite') {
          // The copy is of one moment: what it holds beyond `before` was acknowledged, or at least asked for, during the backup.
          expect(codes.size).toBeLessThanOrEqual(load.acknowledged.length + 4);
          expect(statSync(path.join(target, 'madoguchi.sqlite')).mode & 0o777).toBe(0o600);
        }

        // A second restore into the same DATA_DIR is refused: it is no longer empty.
        const again = await madoguchi(['restore', out], restoreEnv);
        expect(again.status).toBe(1);
        expect(again.stderr).toMatch(new RegExp(`^madoguchi: DATA_DIR ${target} is not empty \\(it holds [^\\n]+\\): restore only into an empty data directory\\n$`));
      } finally {
        await restoredDatabase?.drop();
      }
    } finally {
      await load.stop();
      await database.drop();
    }
  });
});

describe('backup and restore refuse', () => {
  it('a backup beside the key or into a full directory, a restore without the key or from a damaged backup, writing nothing', { timeout: 300_000 }, async () => {
    const dataDir = temporaryDataDir();
    const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
    const load = startLoad(dataDir, undefined);
    await expect.poll(() => load.acknowledged.length >= 5 || load.errors(), { timeout: 60_000, interval: 50 }).toBe(true);
    expect(await load.stop()).toBe(0);

    const inside = await madoguchi(['backup', '--out', path.join(dataDir, 'backups')], env);
    expect(inside.status).toBe(1);
    expect(inside.stderr).toBe(`madoguchi: ${path.join(dataDir, 'backups')} is inside DATA_DIR ${dataDir}, beside the master key: write backups to another disk\n`);
    expect(existsSync(path.join(dataDir, 'backups'))).toBe(false);
    const full = temporaryDataDir();
    writeFileSync(path.join(full, 'notes.txt'), 'the last backup\n');
    const intoFull = await madoguchi(['backup', '--out', full], env);
    expect(intoFull.status).toBe(1);
    expect(intoFull.stderr).toBe(`madoguchi: ${full} is not empty: back up into a new or empty directory\n`);
    expect(readdirSync(full)).toEqual(['notes.txt']);

    const out = path.join(temporaryDataDir(), 'backup');
    expect((await madoguchi(['backup', '--out', out], env)).status).toBe(0);
    const manifest = manifestOf(out);

    // No key put back: the message says where it goes, and nothing is written.
    const bare = path.join(temporaryDataDir(), 'data');
    const withoutKey = await madoguchi(['restore', out], { DATA_DIR: bare, DATABASE_URL: '' });
    expect(withoutKey.status).toBe(1);
    expect(withoutKey.stderr).toBe(
      `madoguchi: the master key is not in place: copy its separate copy (key id ${manifest.keyIds.current}) to ${path.join(bare, 'keys', 'master.key')}, owner-only, or set MADOGUCHI_KEY, and run restore again\n`,
    );
    expect(existsSync(bare)).toBe(false);

    // Another key than the records': refused by its id.
    const wrong = path.join(temporaryDataDir(), 'data');
    loadMasterKeys(wrong, undefined);
    const wrongKey = await madoguchi(['restore', out], { DATA_DIR: wrong, DATABASE_URL: '' });
    expect(wrongKey.status).toBe(1);
    expect(wrongKey.stderr).toMatch(new RegExp(`^madoguchi: the records of this backup need master key ${manifest.keyIds.current} at \\S+master.key \\(the key in place is [0-9a-f]{16}\\)`));
    expect(readdirSync(wrong)).toEqual(['keys']);

    // One byte changed in the copy of the database.
    const damaged = path.join(temporaryDataDir(), 'damaged');
    cpSync(out, damaged, { recursive: true });
    const file = path.join(damaged, 'madoguchi.sqlite');
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    writeFileSync(file, bytes);
    const target = emptyDataDirWithKey(path.join(dataDir, 'keys', 'master.key'));
    const refused = await madoguchi(['restore', damaged], { DATA_DIR: target, DATABASE_URL: '' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(`madoguchi: the backup in ${damaged} is damaged: madoguchi.sqlite does not match its SHA-256 in manifest.json; nothing was restored\n`);
    expect(readdirSync(target)).toEqual(['keys']);

    // Not a backup at all.
    const notBackup = await madoguchi(['restore', dataDir], { DATA_DIR: target, DATABASE_URL: '' });
    expect(notBackup.status).toBe(1);
    expect(notBackup.stderr).toBe(`madoguchi: ${dataDir} holds no manifest.json: it is not a madoguchi backup\n`);
  });
});
