import { randomInt } from 'node:crypto';
import { chmod, mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { hostname } from 'node:os';
import path from 'node:path';
import type { AuditCheckpointFiles, CheckpointTail } from '../app/ports/audit-checkpoint-files.ts';

/** The directory under DATA_DIR that holds the checkpoints of the audit trail. */
export const CHECKPOINT_DIRECTORY = 'audit-checkpoints';

/** Enough for several checkpoints of 16 chains (about 2 KB each). */
const TAIL_BYTES = 64 * 1024;
/** A writer holds the lock for milliseconds: a lock this old was left by a process that died. */
const STALE_LOCK_MS = 60_000;
const LOCK_WAIT_MS = 30_000;

export interface CheckpointFileSettings {
  readonly dataDir: string;
  readonly municipalityCode: string;
  /** A second place the operator names (AUDIT_CHECKPOINT_COPY_DIR), where every line is copied. */
  readonly copyDir?: string | undefined;
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

interface FileEnd {
  readonly lines: string[];
  /** Whether the file is empty or ends with a complete line (a crash may leave half a line). */
  readonly endsWithNewline: boolean;
}

/** The last lines of a file, read from its end: the first, partial line of the window is dropped. */
async function readEnd(file: string): Promise<FileEnd> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { lines: [], endsWithNewline: true };
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - TAIL_BYTES);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    const lines = buffer.toString('utf8').split('\n');
    if (start > 0) lines.shift();
    const endsWithNewline = size === 0 || buffer[buffer.length - 1] === 0x0a;
    return { lines: lines.filter((line) => line !== ''), endsWithNewline };
  } finally {
    await handle.close();
  }
}

// Modes are set only where they differ: chmod fails on a directory or file of another owner even when nothing would change.
async function ensureDirectory(directory: string): Promise<void> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  if (((await stat(directory)).mode & 0o777) !== 0o700) await chmod(directory, 0o700);
}

/** Appends one line and syncs it; an unfinished line left by a crash is closed first, never joined. */
async function appendLine(file: string, line: string): Promise<void> {
  await ensureDirectory(path.dirname(file));
  const { endsWithNewline } = await readEnd(file);
  const handle = await open(file, 'a', 0o600);
  try {
    if (((await handle.stat()).mode & 0o777) !== 0o600) await handle.chmod(0o600);
    await handle.write(`${endsWithNewline ? '' : '\n'}${line}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Whether the process named in a lock file is gone: on this host by its id, elsewhere by the lock's age. */
async function isStale(lockFile: string, holder: string): Promise<boolean> {
  const [pid, host] = holder.trim().split(' ');
  if (host === hostname() && pid !== undefined && /^\d+$/.test(pid)) {
    try {
      process.kill(Number(pid), 0);
    } catch (error) {
      return errorCode(error) === 'ESRCH';
    }
    return false;
  }
  try {
    return Date.now() - (await stat(lockFile)).mtimeMs > STALE_LOCK_MS;
  } catch {
    return false;
  }
}

async function readHolder(lockFile: string): Promise<string | undefined> {
  try {
    return await readFile(lockFile, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * A lock file created exclusively (O_EXCL), naming its process and host: the processes of one
 * host (the server and the command line) take turns. A lock left by a process that died is
 * removed; on a shared file system across hosts only the age tells, so keep DATA_DIR local.
 */
async function withLock<T>(lockFile: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx', 0o600);
      try {
        await handle.write(`${process.pid} ${hostname()}\n`);
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
    const holder = await readHolder(lockFile);
    if (holder === undefined) continue;
    if (await isStale(lockFile, holder)) {
      // Only the lock judged stale is removed: a fresh lock taken meanwhile by another process stays.
      if ((await readHolder(lockFile)) === holder) await unlink(lockFile).catch(() => undefined);
      continue;
    }
    if (Date.now() - started > LOCK_WAIT_MS) throw new Error(`the audit checkpoint lock ${lockFile} is held by process ${holder.trim() || '(starting)'}`);
    await sleep(5 + randomInt(20));
  }
  try {
    return await work();
  } finally {
    await unlink(lockFile).catch(() => undefined);
  }
}

/**
 * The checkpoint file of a municipality, `DATA_DIR/audit-checkpoints/<code>.jsonl`, owner-only
 * (0700 directory, 0600 file), appended to and never rewritten; with a second place, each line
 * is appended to `<copy dir>/<code>.jsonl` as well. The last line this process wrote is kept in
 * memory: a file cut under the running server does not go unnoticed.
 */
export function auditCheckpointFiles(settings: CheckpointFileSettings): AuditCheckpointFiles {
  const directory = path.join(settings.dataDir, CHECKPOINT_DIRECTORY);
  const file = path.join(directory, `${settings.municipalityCode}.jsonl`);
  const lockFile = path.join(directory, `${settings.municipalityCode}.lock`);
  const copyFile = settings.copyDir === undefined ? undefined : path.join(settings.copyDir, `${settings.municipalityCode}.jsonl`);
  let written: string | undefined;

  const tail = async (): Promise<CheckpointTail> => ({
    lines: (await readEnd(file)).lines,
    copy: copyFile === undefined ? [] : (await readEnd(copyFile)).lines,
    written,
  });

  return {
    municipalityCode: settings.municipalityCode,
    file,
    copyFile,
    async *lines() {
      let stream;
      try {
        stream = (await open(file, 'r')).createReadStream({ encoding: 'utf8' });
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return;
        throw error;
      }
      try {
        for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) if (line !== '') yield line;
      } finally {
        // A reader that stops early (a broken checkpoint) leaves the rest unread: the file is closed all the same.
        stream.destroy();
      }
    },
    tail,
    async append(next) {
      await ensureDirectory(directory);
      const line = await withLock(lockFile, async () => {
        const decided = await next(await tail());
        if (decided !== undefined) {
          await appendLine(file, decided);
          written = decided;
        }
        return decided;
      });
      if (line === undefined || copyFile === undefined) return { line };
      // The copy may be a remote mount: written outside the lock, so that a slow one holds up no other writer.
      try {
        await appendLine(copyFile, line);
        return { line };
      } catch (error) {
        return { line, copyError: error as Error };
      }
    },
  };
}
