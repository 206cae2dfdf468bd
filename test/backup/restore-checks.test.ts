import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeAuditCheckpoint } from '../../src/app/audit-checkpoints.ts';
import { claimInstanceMode } from '../../src/app/instance-mode.ts';
import { restoreBackup, writeBackup, type RestoreTarget } from '../../src/store/backup.ts';
import { createStaff, OFFICES, openTestApp } from '../support/app.ts';
import { DIALECTS, temporaryDataDir } from '../support/databases.ts';

const code = OFFICES.municipality.code;

describe('restore checks the backup against this installation before it writes anything', () => {
  const out = path.join(temporaryDataDir(), 'backup');
  let keyId = '';
  beforeAll(async () => {
    const t = await openTestApp(await DIALECTS[0]!.create());
    await claimInstanceMode(t.app, undefined);
    await createStaff(t.app, 'clerk.restore', 'clerk', 'honcho');
    await writeAuditCheckpoint(t.app, 'serve');
    keyId = t.app.keys.keyId;
    await writeBackup({ dataDir: t.database.dataDir, databaseUrl: undefined, municipalityCode: code, appVersion: '0.1.0', keyIds: () => ({ current: keyId, retired: [] }) }, out);
    await t.close();
  });

  const target = (overrides: Partial<RestoreTarget> = {}): RestoreTarget => ({
    dataDir: path.join(temporaryDataDir(), 'data'),
    databaseUrl: undefined,
    municipalityCode: code,
    mode: 'live',
    keyIds: () => ({ current: keyId, all: [keyId] }),
    ...overrides,
  });
  /** The backup with its manifest changed as a later version or another city would have written it. */
  const edited = (change: Record<string, unknown>): string => {
    const copy = path.join(temporaryDataDir(), 'edited');
    mkdirSync(copy);
    for (const name of readdirSync(out, { recursive: true }) as string[]) {
      const from = path.join(out, name);
      if (name === 'audit-checkpoints') mkdirSync(path.join(copy, name));
      else writeFileSync(path.join(copy, name), readFileSync(from));
    }
    writeFileSync(path.join(copy, 'manifest.json'), JSON.stringify({ ...JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')), ...change }));
    return copy;
  };

  it.each([
    ['a schema newer than this version knows', () => edited({ migration: '9999-from-the-future', appVersion: '9.0.0' }), {}, 'this backup was made by madoguchi 9.0.0, whose schema (9999-from-the-future) is newer than this one knows'],
    ['the embedded database while DATABASE_URL is set', () => out, { databaseUrl: 'postgres://db/madoguchi' }, 'this backup holds the embedded database: unset DATABASE_URL'],
    ['a PostgreSQL backup without DATABASE_URL', () => edited({ dialect: 'postgres' }), {}, 'this backup is of a PostgreSQL database: restore its dump with pg_restore'],
    ['live records into a training instance', () => out, { mode: 'training' as const }, 'this backup holds live records: restore it without MADOGUCHI_TODAY'],
    ['a training instance’s records into a live one', () => edited({ mode: 'training' }), {}, 'this backup holds a training instance’s records: restore it with MADOGUCHI_TODAY set'],
    ['the records of another municipality', () => edited({ municipality: '271004' }), {}, `this backup holds the records of municipality 271004, but OFFICES_FILE is of ${code}`],
  ])('refuses %s', async (_what, from, overrides, message) => {
    const into = target(overrides);
    await expect(restoreBackup(into, from())).rejects.toThrow(message);
    expect(readdirSync(path.dirname(into.dataDir))).toEqual([]);
  });

  it('restores a sound backup, owner-only', async () => {
    const into = target();
    const manifest = await restoreBackup(into, out);
    expect(manifest.mode).toBe('live');
    expect(manifest.files.map((file) => file.name)).toEqual(['madoguchi.sqlite', `audit-checkpoints/${code}.jsonl`]);
    expect(readdirSync(into.dataDir).sort()).toEqual(['audit-checkpoints', 'madoguchi.sqlite']);
  });
});
