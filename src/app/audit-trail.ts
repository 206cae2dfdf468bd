import { createHash } from 'node:crypto';
import { differs, readLastCheckpoint, shorter, type AnchorProblem, type AnchorReason, type CheckpointSummary } from './audit-checkpoints.ts';
import type { KeyRing } from './crypto/key-ring.ts';
import type { Actor } from './actor.ts';
import type { AuditEntry } from './ports/audit-repository.ts';
import type { Clock } from './ports/clock.ts';
import type { Repositories, Store } from './ports/store.ts';
import type { AuditAction } from './audit-action.ts';

/** What a new entry says; its `action` one of the commands' (an entry read back may name an older one). */
export type AuditFacts = Omit<AuditEntry, 'chain' | 'seq' | 'prevHash' | 'hash' | 'keyId' | 'action'> & { readonly action: AuditAction };

/** The text each link of a chain authenticates: every field but the hash itself, in a fixed order. */
function linkText(entry: Omit<AuditEntry, 'hash' | 'keyId'>): string {
  return JSON.stringify([
    entry.chain,
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

/** The chain of a subject: always the same one, so a card's or a resident's entries stay in order. */
export function chainOf(key: string, chains: number): number {
  return chains <= 1 ? 0 : createHash('sha256').update(key).digest().readUInt32BE(0) % chains;
}

/**
 * Appends one entry to a chain of the municipality, in the caller's transaction: its hash is an
 * HMAC (key outside the database) over the entry and its predecessor's hash, so an entry cannot
 * be altered, removed or moved without breaking every link after it.
 */
export async function appendAudit(app: { readonly keys: KeyRing; readonly store: Pick<Store, 'auditChains'> }, tx: Repositories, facts: AuditFacts): Promise<AuditEntry> {
  const { keys } = app;
  const chain = chainOf(facts.subjectId ?? facts.actorId ?? facts.action, app.store.auditChains);
  const head = await tx.audit.head(chain);
  const partial = { ...facts, chain, seq: (head?.seq ?? 0) + 1, prevHash: head?.hash ?? '' };
  const entry: AuditEntry = { ...partial, hash: keys.auditMac(linkText(partial)), keyId: keys.keyId };
  await tx.audit.append(entry);
  return entry;
}

/**
 * Appends entries as `appendAudit` appends each, in the order given, with one read of the heads
 * of the chains they go to (locked, in chain order) and one write of them all: for the many acts
 * of one batch (a delivery's cards, docs/pickup.md "Deliveries").
 */
export async function appendAudits(app: { readonly keys: KeyRing; readonly store: Pick<Store, 'auditChains'> }, tx: Repositories, facts: readonly AuditFacts[]): Promise<AuditEntry[]> {
  const { keys } = app;
  const chains = facts.map((fact) => chainOf(fact.subjectId ?? fact.actorId ?? fact.action, app.store.auditChains));
  const heads = await tx.audit.lockHeads(chains);
  const entries = facts.map((fact, index): AuditEntry => {
    const chain = chains[index]!;
    const head = heads.get(chain);
    const partial = { ...fact, chain, seq: (head?.seq ?? 0) + 1, prevHash: head?.hash ?? '' };
    const entry = { ...partial, hash: keys.auditMac(linkText(partial)), keyId: keys.keyId };
    heads.set(chain, entry);
    return entry;
  });
  await tx.audit.appendMany(entries);
  return entries;
}

/**
 * Whether the entry's hash is the MAC of its link under the key it names. An entry written
 * before key ids were kept names none and may be under any key of the ring. A key the ring no
 * longer holds cannot vouch for anything: the entry counts as broken.
 */
function authentic(keys: KeyRing, entry: AuditEntry): boolean {
  const text = linkText(entry);
  const candidates = entry.keyId === null ? keys.keyIds : keys.keyIds.includes(entry.keyId) ? [entry.keyId] : [];
  return candidates.some((keyId) => keys.auditMac(text, keyId) === entry.hash);
}

/** An act of a staff member or a job that went through, in the caller's transaction: who, when, what, on what. */
export function auditAct(
  app: { readonly keys: KeyRing; readonly store: Pick<Store, 'auditChains'>; readonly clock: Clock },
  tx: Repositories,
  actor: Actor,
  act: Pick<AuditFacts, 'action' | 'subjectType' | 'subjectId' | 'details'> & { readonly at?: string },
): Promise<AuditEntry> {
  const { at = app.clock.now(), ...what } = act;
  return appendAudit(app, tx, { at, actorId: actor.id, actorRole: actor.role, officeId: actor.officeId, outcome: 'ok', code: null, ...what });
}

export interface AuditVerification {
  readonly ok: boolean;
  /** Entries found intact before the first problem (all of them when ok). */
  readonly entries: number;
  readonly firstBrokenSeq?: number;
  readonly brokenChain?: number;
  /** Why the trail failed, a stable code (absent when ok). */
  readonly reason?: AnchorReason;
  /** The problem in one sentence, naming the chain, entry, checkpoint or file. */
  readonly detail?: string;
  /** The checkpoint the trail was held against, null before the first one was written. */
  readonly checkpoint: CheckpointSummary | null;
}

/**
 * Walks every chain the heads or the last checkpoint name: every sequence number present, every
 * link and hash as written, up to its head; then the trail against the last checkpoint, which
 * it must hold (it may have grown since). An entry that fails its link is reported first, then
 * checkpoints that fail their own checks, then a trail that lost or replaced checkpointed entries.
 */
export async function verifyAudit(store: Store, keys: KeyRing, batch = 5000): Promise<AuditVerification> {
  const { last, problem: damaged } = await readLastCheckpoint({ store, keys });
  const checkpoint = last ? { n: last.n, at: last.at } : null;
  const anchors = new Map(last?.heads.map((head) => [head.chain, head]));
  const headSeqs = new Map((await store.read.audit.heads()).map((head) => [head.chain, head.seq]));
  const chains = [...new Set([...headSeqs.keys(), ...anchors.keys()])].sort((a, b) => a - b);
  const broken = (entries: number, problem: AnchorProblem): AuditVerification => ({ ok: false, entries, ...problem, checkpoint });
  let count = 0;
  let cut: AnchorProblem | undefined;
  for (const chain of chains) {
    const headSeq = headSeqs.get(chain) ?? 0;
    const anchor = anchors.get(chain);
    let anchoredHash: string | undefined;
    let previousHash = '';
    let expectedSeq = 1;
    for (;;) {
      const entries = await store.read.audit.scan(chain, expectedSeq - 1, batch);
      for (const entry of entries) {
        if (entry.seq !== expectedSeq || entry.prevHash !== previousHash || !authentic(keys, entry)) {
          const seq = Math.min(entry.seq, expectedSeq);
          return broken(count, { reason: 'entry-broken', detail: `entry ${chain}-${seq} was altered, removed or moved: its link does not hold`, brokenChain: chain, firstBrokenSeq: seq });
        }
        if (entry.seq === anchor?.seq) anchoredHash = entry.hash;
        previousHash = entry.hash;
        expectedSeq++;
        count++;
      }
      if (entries.length < batch) break;
    }
    const length = expectedSeq - 1;
    if (length !== headSeq) {
      return broken(count, { reason: 'entry-broken', detail: `chain ${chain} holds ${length} entries but its head names entry ${headSeq}`, brokenChain: chain, firstBrokenSeq: expectedSeq });
    }
    if (anchor && last && cut === undefined) {
      if (length < anchor.seq) cut = shorter(last, anchor, length);
      else if (anchoredHash !== anchor.hash) cut = differs(last, anchor);
    }
  }
  if (damaged) return broken(count, damaged);
  if (cut) return broken(count, cut);
  return { ok: true, entries: count, checkpoint };
}
