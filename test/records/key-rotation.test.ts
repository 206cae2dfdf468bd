import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/app/audit-trail.ts';
import { ConfigError } from '../../src/app/config-error.ts';
import { createAppContext } from '../../src/app/create-app-context.ts';
import { rewrapNumbers } from '../../src/app/key-rotation.ts';
import { systemActor } from '../../src/app/staff.ts';
import { buildApp } from '../../src/http/app.ts';
import { DEFAULT_CONTEXT } from '../../src/rules/context.ts';
import { OFFICES } from '../support/app.ts';
import { DIALECTS } from '../support/databases.ts';
import { PINS, residentBody, residentWithActiveCard, worldFor } from '../support/world.ts';

const actor = systemActor('key-rotation');

describe.each(DIALECTS)('a master key rotation on $name', ({ create }) => {
  const world = worldFor(create);
  let body: ReturnType<typeof residentBody>;
  let changed: ReturnType<typeof residentBody>;
  let residentId: string;
  let cardId: string;
  const newKey = randomBytes(32);
  const code = OFFICES.municipality.code;
  /** The records opened with other keys, as a server restarted after a rotation opens them. */
  const openedWith = (masterKey: Buffer, retiredKeys: Buffer[] = []) =>
    createAppContext({ store: world.store, masterKey, retiredKeys, rules: DEFAULT_CONTEXT, offices: OFFICES, clock: world.clock });
  const keyIds = async (table: 'resident_numbers' | 'chip_pins' | 'audit_log') =>
    (await sql<{ key_id: string | null }>`select distinct key_id from ${sql.table(table)} where municipality_code = ${code}`.execute(world.store.db)).rows
      .map((row) => row.key_id)
      .sort();

  beforeAll(async () => {
    body = residentBody();
    ({ residentId, cardId } = await residentWithActiveCard(world, body));
    // A number changed by a supervisor: the old one stays in the history, under the old key too.
    changed = residentBody();
    const other = await world.call('clerk', 'POST', '/api/v1/residents', changed);
    const change = await world.call('supervisor', 'POST', `/api/v1/residents/${other.body.id}/individual-number-change`, { reason: '漏えいのおそれ' });
    expect(change.status, JSON.stringify(change.body)).toBe(200);
  });

  it('refuses to open the records with a key that did not write them, and changes nothing', async () => {
    const stranger = openedWith(randomBytes(32));
    const before = await keyIds('resident_numbers');
    await expect(rewrapNumbers(stranger, actor)).rejects.toThrow(ConfigError);
    await expect(rewrapNumbers(stranger, actor)).rejects.toThrow(/neither the master key .* nor a retired one/);
    expect(await keyIds('resident_numbers')).toEqual(before);
    expect(await rewrapNumbers(world.app, actor)).toBe(0);
  });

  it('keeps every PIN, number and audit entry good under the new key, with the old one retired', async () => {
    const rotated = openedWith(newKey, [world.masterKey]);
    expect(await rewrapNumbers(rotated, actor)).toBe(3);
    expect(await rewrapNumbers(rotated, actor)).toBe(0);
    expect(await keyIds('resident_numbers')).toEqual([rotated.keys.keyId]);

    const http = await buildApp(rotated);
    try {
      const call = async (method: 'GET' | 'POST', url: string, payload?: object) => {
        const response = await http.inject({ method, url, headers: world.headersOf('clerk'), ...(payload && { payload }) });
        return { status: response.statusCode, body: response.json() };
      };
      // Numbers, current and past, are found by the new key's hash: none can be registered again.
      for (const individualNumber of [body.individualNumber, changed.individualNumber]) {
        expect(await call('POST', '/api/v1/residents', residentBody({ individualNumber }))).toMatchObject({ status: 409, body: { code: 'RESIDENT.DUPLICATE' } });
      }
      expect(await call('POST', `/api/v1/residents/${residentId}/individual-number/reveal`, { purpose: 'after the rotation' })).toMatchObject({
        status: 200,
        body: { individualNumber: body.individualNumber },
      });

      // A PIN set under the old key is right, and moves to the new key; a wrong one counts once.
      const verify = (kind: string, pin: string) => call('POST', `/api/v1/cards/${cardId}/pins/${kind}/verify`, { pin });
      expect(await verify('user', PINS.user)).toMatchObject({ status: 200, body: { ok: true, remainingAttempts: 3 } });
      expect(await verify('resident-registry', '0000')).toMatchObject({ status: 200, body: { ok: false, remainingAttempts: 2 } });
      expect(await verify('resident-registry', PINS.residentRegistry)).toMatchObject({ status: 200, body: { ok: true, remainingAttempts: 3 } });
      const pins = await world.store.db.selectFrom('chip_pins').select(['kind', 'key_id']).where('card_id', '=', cardId).orderBy('kind').execute();
      expect(Object.fromEntries(pins.map((pin) => [pin.kind, pin.key_id]))).toEqual({
        'card-info': world.app.keys.keyId,
        'resident-registry': rotated.keys.keyId,
        signature: world.app.keys.keyId,
        user: rotated.keys.keyId,
      });
      expect(await verify('signature', PINS.signature)).toMatchObject({ status: 200, body: { ok: true } });

      // The trail holds entries of both keys, each checked with its own, and the re-encryption is in it.
      expect(await keyIds('audit_log')).toEqual([world.app.keys.keyId, rotated.keys.keyId].sort());
      const rewraps = await world.store.db.selectFrom('audit_log').select('details').where('action', '=', 'key.rewrap').execute();
      expect(rewraps.map((row) => JSON.parse(row.details))).toEqual([{ numbers: 3, fromKeys: [world.app.keys.keyId], toKey: rotated.keys.keyId }]);
      expect(await verifyAudit(world.store, rotated.keys)).toMatchObject({ ok: true });
      // Without the retired key, what it wrote can no longer be vouched for.
      expect(await verifyAudit(world.store, openedWith(randomBytes(32)).keys)).toMatchObject({ ok: false });
    } finally {
      await http.close();
    }
  });

  it('reads PIN hashes and audit entries written before key ids were kept, under any key of the ring', async () => {
    const rotated = openedWith(newKey, [world.masterKey]);
    await sql`update chip_pins set key_id = null where municipality_code = ${code} and card_id = ${cardId} and kind = 'card-info'`.execute(world.store.db);
    await sql`update audit_log set key_id = null where municipality_code = ${code} and key_id = ${world.app.keys.keyId}`.execute(world.store.db);
    expect(await verifyAudit(world.store, rotated.keys)).toMatchObject({ ok: true });
    const http = await buildApp(rotated);
    try {
      const response = await http.inject({ method: 'POST', url: `/api/v1/cards/${cardId}/pins/card-info/verify`, headers: world.headersOf('clerk'), payload: { pin: PINS.cardInfo } });
      expect(response.json()).toMatchObject({ ok: true, remainingAttempts: 3 });
    } finally {
      await http.close();
    }
  });
});
