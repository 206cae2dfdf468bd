import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryDataDir } from './support/databases.ts';
import { freePort } from './support/ports.ts';

const BIN = path.resolve(import.meta.dirname, '..', 'bin', 'madoguchi.mjs');
const TOKEN = 'f'.repeat(64);

describe('madoguchi serve with METRICS_TOKEN', () => {
  it('serves /metrics to the token, with the commits of the store it opened counted', { timeout: 120_000 }, async () => {
    const port = await freePort();
    const server = spawn(process.execPath, [BIN, 'serve'], {
      env: { ...process.env, PORT: String(port), DATA_DIR: temporaryDataDir(), LOG_LEVEL: 'info', DATABASE_URL: '', MADOGUCHI_DEMO: '0', SWEEP_AT: 'off', METRICS_TOKEN: TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    server.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    try {
      const base = `http://127.0.0.1:${port}`;
      for (let attempt = 0; attempt < 300 && !log.includes('Server listening'); attempt++) await new Promise((r) => setTimeout(r, 100));
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
      expect((await fetch(`${base}/api/v1/health/ready`)).status).toBe(200);
      const text = await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
      // The start itself goes through the writer (the planner's statistics at least): the store reports to these metrics.
      expect(Number(/^madoguchi_store_commit_batch_commands_count (\d+)$/m.exec(text)?.[1])).toBeGreaterThanOrEqual(1);
      expect(text).toMatch(/^madoguchi_http_requests_total\{method="GET",route="\/api\/v1\/health\/ready",status="200"\} 1$/m);
      expect(text).toMatch(/^madoguchi_http_requests_total\{method="GET",route="\/metrics",status="401"\} 1$/m);
      expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
      expect(text).toMatch(/^madoguchi_database_size_bytes [1-9]\d*$/m);
    } finally {
      server.kill('SIGTERM');
    }
    expect(await new Promise((resolve) => server.on('exit', resolve))).toBe(0);
  });

  it('refuses to start with a token short enough to guess', () => {
    const run = spawnSync(process.execPath, [BIN, 'serve'], { encoding: 'utf8', env: { ...process.env, DATA_DIR: temporaryDataDir(), METRICS_TOKEN: 'secret' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^madoguchi: METRICS_TOKEN must be at least 32 characters/);
  });
});
