import type { KeyRing } from './crypto/key-ring.ts';
import type { AuditEntry, Repositories, Store } from './ports.ts';

export type AuditFacts = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

/** The text each link of the chain authenticates: every field but the hash itself, in a fixed order. */
function linkText(entry: Omit<AuditEntry, 'hash'>): string {
  return JSON.stringify([
    entry.seq,
    entry.at,
    entry.actorId,
    entry.actorRole,
    entry.officeId,
    entry.action,
    entry.subjectType,
    entry.subjectId,
    entry.outcome,
    entry.code,
    entry.details,
    entry.prevHash,
  ]);
}

/**
 * Appends one entry to the municipality's chain, in the caller's transaction: its hash is an
 * HMAC (key outside the database) over the entry and its predecessor's hash, so an entry cannot
 * be altered, removed or moved without breaking every link after it.
 */
export async function appendAudit(tx: Repositories, keys: KeyRing, facts: AuditFacts): Promise<AuditEntry> {
  const head = await tx.audit.head();
  const partial = { ...facts, seq: (head?.seq ?? 0) + 1, prevHash: head?.hash ?? '' };
  const entry: AuditEntry = { ...partial, hash: keys.auditMac(linkText(partial)) };
  await tx.audit.append(entry);
  return entry;
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly entries: number;
  readonly firstBrokenSeq?: number;
}

/** Walks the whole chain: every sequence number present, every link and hash as written. */
export async function verifyAudit(store: Store, keys: KeyRing, batch = 5000): Promise<AuditVerification> {
  let previousHash = '';
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const entries = await store.read.audit.scan(expectedSeq - 1, batch);
    for (const entry of entries) {
      if (entry.seq !== expectedSeq || entry.prevHash !== previousHash || keys.auditMac(linkText(entry)) !== entry.hash) {
        return { ok: false, entries: count, firstBrokenSeq: Math.min(entry.seq, expectedSeq) };
      }
      previousHash = entry.hash;
      expectedSeq++;
      count++;
    }
    if (entries.length < batch) break;
  }
  const head = await store.read.audit.head();
  if ((head?.seq ?? 0) !== count) return { ok: false, entries: count, firstBrokenSeq: count + 1 };
  return { ok: true, entries: count };
}
