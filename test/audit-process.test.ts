import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, cpSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open-store.ts';
import { OFFICES } from './support/app.ts';
import { DIALECTS, temporaryDataDir } from './support/databases.ts';
import { freePort } from './support/ports.ts';

const BIN = path.resolve(import.meta.dirname, '..', 'bin', 'madoguchi.mjs');
const code = OFFICES.municipality.code;

interface Served {
  readonly process: ChildProcessWithoutNullStreams;
  readonly base: string;
  /** Everything the server logged so far (JSON lines). */
  log(): string;
  /** SIGTERM, and the exit code. */
  stop(): Promise<number | null>;
}

async function serve(env: NodeJS.ProcessEnv): Promise<Served> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...env, PORT: String(port) }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 600 && child.exitCode === null; attempt++) {
    if (await fetch(`${base}/api/v1/health`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    process: child,
    base,
    log: () => out,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

function logLines(log: string): { level: number; msg: string; [key: string]: unknown }[] {
  return log
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
}

function checkpoints(dataDir: string): { n: number; by: string; heads: { chain: number; seq: number }[] }[] {
  return readFileSync(path.join(dataDir, 'audit-checkpoints', `${code}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line));
}

describe.each(DIALECTS)('the audit checkpoints of `madoguchi` on $name', ({ create }) => {
  it('writes one at a clean shutdown, passes a restart, and flags a trail cut under the running server', { timeout: 180_000 }, async () => {
    const database = await create();
    const copyDir = path.join(temporaryDataDir(), 'second-place');
    const env = {
      ...process.env,
      DATA_DIR: database.dataDir,
      DATABASE_URL: database.databaseUrl ?? '',
      MADOGUCHI_KEY: randomBytes(32).toString('base64'),
      MADOGUCHI_DEMO: '0',
      SWEEP_AT: 'off',
      LOG_LEVEL: 'info',
      AUDIT_CHECKPOINT_COPY_DIR: copyDir,
    };
    const run = (args: string[], input = '') => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, input });
    try {
      const added = run(['user', 'add', 'boss', '--role', 'supervisor', '--office', 'honcho', '--password-stdin'], 'a long secret phrase\n');
      expect(added.stderr).toBe('');
      expect(added.status).toBe(0);
      expect(checkpoints(database.dataDir)).toMatchObject([{ n: 1, by: 'user' }]);
      expect(statSync(path.join(database.dataDir, 'audit-checkpoints')).mode & 0o777).toBe(0o700);

      const first = await serve(env);
      expect(await first.stop()).toBe(0);
      expect(checkpoints(database.dataDir).at(-1)).toMatchObject({ n: 2, by: 'serve:stop' });
      expect(logLines(first.log()).filter((line) => line.level >= 50)).toEqual([]);
      expect(readFileSync(path.join(copyDir, `${code}.jsonl`), 'utf8')).toBe(readFileSync(path.join(database.dataDir, 'audit-checkpoints', `${code}.jsonl`), 'utf8'));

      const second = await serve(env);
      let cutAt: { n: number };
      try {
        // The start's check runs beside the first requests.
        await expect.poll(() => logLines(second.log()), { timeout: 30_000 }).toContainEqual(expect.objectContaining({ level: 30, msg: 'audit trail holds checkpoint #2' }));
        const json = { 'content-type': 'application/json' };
        const session = (await (await fetch(`${second.base}/api/v1/session`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'boss', password: 'a long secret phrase' }) })).json()) as { token: string };
        const auth = { ...json, authorization: `Bearer ${session.token}` };
        const changed = await fetch(`${second.base}/api/v1/session/password`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ currentPassword: 'a long secret phrase', newPassword: 'another long secret phrase' }),
        });
        expect(changed.status).toBeLessThan(300);
        const dashboard = async () => (await (await fetch(`${second.base}/api/v1/reports/dashboard`, { headers: auth })).json()) as { auditAlert: unknown };
        expect((await dashboard()).auditAlert).toBeNull();

        // Someone with the database's password takes the trail back to before the last checkpoint, heads and all.
        const last = checkpoints(database.dataDir).at(-1)!;
        cutAt = last;
        const { chain, seq } = last.heads[0]!;
        const store = openStore({ dataDir: database.dataDir, databaseUrl: database.databaseUrl, municipalityCode: code });
        try {
          await store.db.deleteFrom('audit_log').where('municipality_code', '=', code).where('chain', '=', chain).where('seq', '>=', seq).execute();
          const left = await store.db.selectFrom('audit_log').select(['seq', 'hash']).where('chain', '=', chain).orderBy('seq', 'desc').limit(1).executeTakeFirst();
          await store.db
            .updateTable('audit_heads')
            .set({ seq: left?.seq ?? 0, hash: left?.hash ?? '' })
            .where('municipality_code', '=', code)
            .where('chain', '=', chain)
            .execute();
        } finally {
          await store.close();
        }
        expect((await dashboard()).auditAlert).toMatchObject({ reason: 'trail-shorter-than-checkpoint', checkpoint: last.n });

        const verify = run(['audit', 'verify']);
        expect(verify.status).toBe(1);
        expect(JSON.parse(verify.stdout)).toMatchObject({ ok: false, reason: 'trail-shorter-than-checkpoint', brokenChain: chain, firstBrokenSeq: seq, checkpoint: { n: last.n } });
        const check = run(['check']);
        expect(check.status).toBe(1);
        expect(check.stderr.trim().split('\n')).toEqual([expect.stringContaining(`checkpoint #${last.n}`)]);
      } finally {
        expect(await second.stop()).toBe(0);
      }
      // Its shutdown said so, and wrote no checkpoint over the cut.
      expect(logLines(second.log())).toContainEqual(expect.objectContaining({ level: 50, reason: 'trail-shorter-than-checkpoint' }));
      expect(checkpoints(database.dataDir).at(-1)!.n).toBe(cutAt.n);
    } finally {
      await database.drop();
    }
  });
});

describe('a damaged database file', () => {
  it('is named in one line by `madoguchi check` and by `madoguchi serve`, which stops', { timeout: 180_000 }, async () => {
    const dataDir = temporaryDataDir();
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', MADOGUCHI_KEY: randomBytes(32).toString('base64'), MADOGUCHI_DEMO: '0', SWEEP_AT: 'off' };
    const generated = spawnSync(process.execPath, [BIN, 'demo', 'generate', '--residents', '300'], { encoding: 'utf8', env });
    expect(generated.status).toBe(0);
    const sound = spawnSync(process.execPath, [BIN, 'check'], { encoding: 'utf8', env });
    expect(sound.stderr).toBe('');
    expect(sound.stdout).toMatch(/^the database file passed its check; the audit trail holds checkpoint #1 of \S+\n$/);

    const copy = temporaryDataDir();
    cpSync(dataDir, copy, { recursive: true });
    const file = path.join(copy, 'madoguchi.sqlite');
    const middle = Math.floor(statSync(file).size / 2 / 4096) * 4096;
    const handle = openSync(file, 'r+');
    writeSync(handle, Buffer.alloc(16_384, 0x5a), 0, 16_384, middle);
    closeSync(handle);

    const damaged = { ...env, DATA_DIR: copy };
    const check = spawnSync(process.execPath, [BIN, 'check'], { encoding: 'utf8', env: damaged });
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(new RegExp(`^madoguchi: the database file ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is damaged: [^\\n]+; restore it from a backup\\n$`));
    const verify = spawnSync(process.execPath, [BIN, 'audit', 'verify'], { encoding: 'utf8', env: damaged });
    expect(verify.status).toBe(1);
    expect(verify.stderr).toBe(check.stderr);
    const started = await serve(damaged);
    expect(await started.stop()).toBe(1);
    expect(started.log()).toBe(check.stderr);
  });
});
