import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../src/app/audit-trail.ts';
import { createKeyRing } from '../src/app/crypto/key-ring.ts';
import { openStore } from '../src/store/open-store.ts';
import { OFFICES } from './support/app.ts';
import { temporaryDataDir } from './support/databases.ts';
import { freePort } from './support/ports.ts';

const BIN = path.resolve(import.meta.dirname, '..', 'bin', 'madoguchi.mjs');

describe('a crash of the embedded server', () => {
  it('loses nothing that was answered: demo data, a suspension, the audit chain', { timeout: 120_000 }, async () => {
    const dataDir = temporaryDataDir();
    const key = randomBytes(32).toString('base64');
    const port = await freePort();
    const server = spawn(process.execPath, [BIN, 'serve'], {
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, MADOGUCHI_KEY: key, LOG_LEVEL: 'warn', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    server.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const base = `http://127.0.0.1:${port}`;
    let cardId: string;
    try {
      for (let attempt = 0; attempt < 600; attempt++) {
        if (await fetch(`${base}/api/v1/health`).then((r) => r.ok, () => false)) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const password = /hotline\.1\s+hotline\s+hotline\s+(\S+)/.exec(out)![1]!;
      const json = { 'content-type': 'application/json' };
      const session = (await (await fetch(`${base}/api/v1/session`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'hotline.1', password }) })).json()) as { token: string };
      const auth = { ...json, authorization: `Bearer ${session.token}` };
      await fetch(`${base}/api/v1/session/password`, { method: 'POST', headers: auth, body: JSON.stringify({ currentPassword: password, newPassword: 'a new long password' }) });
      const store = openStore({ dataDir, databaseUrl: undefined, municipalityCode: OFFICES.municipality.code });
      const active = await store.db.selectFrom('cards').select('id').where('status', '=', 'active').executeTakeFirstOrThrow();
      await store.close();
      cardId = active.id;
      const suspended = await fetch(`${base}/api/v1/cards/${cardId}/suspend`, { method: 'POST', headers: auth, body: JSON.stringify({ reason: 'lost', channel: 'hotline' }) });
      expect(suspended.status).toBe(200);
    } finally {
      server.kill('SIGKILL');
    }
    await new Promise((resolve) => server.on('exit', resolve));
    const store = openStore({ dataDir, databaseUrl: undefined, municipalityCode: OFFICES.municipality.code });
    expect(await store.read.residents.count()).toBe(50);
    expect((await store.read.cards.get(cardId))?.status).toBe('suspended');
    expect(await verifyAudit(store, createKeyRing(Buffer.from(key, 'base64')))).toMatchObject({ ok: true });
    await store.close();
  });
});
