import { auditAct } from './audit-trail.ts';
import { ConfigError } from './config-error.ts';
import type { AppContext } from './context.ts';
import type { Actor } from './actor.ts';

const BATCH = 1000;

/**
 * After a master key rotation: every individual number, current or past, written under a
 * retired key is encrypted again under the current key with its lookup hash, in transactions
 * of 1,000 with one audit entry each. Runs whenever the records are opened, so that a number is
 * always found by the current key's hash; with nothing to do it is one indexed read. A crash
 * loses nothing: what was not rewritten is still under its old key and is taken up next time.
 *
 * Numbers under a key the ring does not hold mean the master key is not the data's: the
 * records are not opened at all, rather than served with numbers no one can read.
 */
export async function rewrapNumbers(app: AppContext, actor: Actor, progress: (done: number) => void = () => {}): Promise<number> {
  // Nearly always nothing to do: find that out by reading, without taking the writer's lock.
  if ((await app.store.read.numbers.notUnderKey(app.keys.keyId, 1)).length === 0) return 0;
  let done = 0;
  for (;;) {
    const rewritten = await app.store.transaction(async (tx) => {
      const rows = await tx.numbers.notUnderKey(app.keys.keyId, BATCH);
      const fromKeys = [...new Set(rows.map((row) => row.encrypted.keyId))];
      const unknown = fromKeys.find((keyId) => !app.keys.keyIds.includes(keyId));
      if (unknown !== undefined) {
        throw new ConfigError(
          `individual numbers are encrypted under key ${unknown}, which is neither the master key (${app.keys.keyId}) nor a retired one: ` +
            'set MADOGUCHI_KEY or DATA_DIR/keys/master.key to the key of these records, or put the old key in DATA_DIR/keys/retired/',
        );
      }
      for (const row of rows) {
        const number = app.keys.decryptNumber(row.encrypted);
        const hash = app.keys.numberHash(number);
        await tx.numbers.rewrite(row.id, app.keys.encryptNumber(number), hash);
        if (row.current) await tx.residents.setNumber(row.residentId, hash, number.slice(8));
      }
      if (rows.length > 0) {
        await auditAct(app, tx, actor, {
          action: 'key.rewrap',
          subjectType: null,
          subjectId: null,
          details: { numbers: rows.length, fromKeys, toKey: app.keys.keyId },
        });
      }
      return rows.length;
    });
    done += rewritten;
    if (rewritten > 0) progress(done);
    if (rewritten < BATCH) return done;
  }
}
