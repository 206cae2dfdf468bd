import type { KeyRing } from './crypto/key-ring.ts';
import type { AuditCheckpointFiles, CheckpointTail } from './ports/audit-checkpoint-files.ts';
import type { AuditPlace } from './ports/audit-repository.ts';
import type { Clock } from './ports/clock.ts';
import type { Store } from './ports/store.ts';

/**
 * Checkpoints anchor the audit trail outside the database (docs/security.md). The chain's MACs
 * show that no entry was altered, removed or moved, but not that the newest ones are all there:
 * whoever can write to the database can delete the last entries and set the heads back. So
 * every chain's head (sequence and hash) is written, signed with a key derived from the master
 * key, to an append-only file beside the keys, at least once a minute while the server runs,
 * when it stops and when a command closes the records. A trail shorter than the last
 * checkpoint, or holding another entry where it recorded one, fails verification.
 *
 * One checkpoint is one JSON line:
 * `{"v":1,"n":7,"at":"…","municipality":"131237","keyId":"…","by":"serve","heads":[{"chain":0,"seq":1234,"hash":"…"}],"prev":"…","mac":"…"}`
 * — `n` counts from 1, `prev` is the MAC of checkpoint n−1 (so a line removed from the middle
 * or altered breaks the series), `keyId` names the master key it was signed with (a rotated
 * key stays in the ring, so old checkpoints still verify), `at` and `by` are for the reader
 * only: nothing is ever ordered by a clock.
 */
export interface Checkpoint {
  readonly v: 1;
  readonly n: number;
  readonly at: string;
  readonly municipality: string;
  readonly keyId: string;
  /** Which process wrote it: `serve`, `serve:stop`, `import`, … */
  readonly by: string;
  /** Every chain that has entries, by chain. */
  readonly heads: readonly AuditPlace[];
  readonly prev: string;
  readonly mac: string;
}

/** Why a trail is not what it should be; stable codes, for clients and the screens. */
export const ANCHOR_REASONS = ['entry-broken', 'trail-shorter-than-checkpoint', 'trail-differs-from-checkpoint', 'checkpoints-damaged'] as const;
export type AnchorReason = (typeof ANCHOR_REASONS)[number];

export interface AnchorProblem {
  readonly reason: AnchorReason;
  /** One sentence for the operator, naming the chain, entry, checkpoint or file. */
  readonly detail: string;
  readonly brokenChain?: number;
  readonly firstBrokenSeq?: number;
}

/** The checkpoint a trail was held against: which one, and when it was written. */
export interface CheckpointSummary {
  readonly n: number;
  readonly at: string;
}

export interface AnchorCheck {
  readonly ok: boolean;
  /** The last checkpoint, or null before the first (a fresh installation). */
  readonly checkpoint: CheckpointSummary | null;
  readonly problem?: AnchorProblem;
}

export interface CheckpointReading {
  readonly last: Checkpoint | undefined;
  readonly problem?: AnchorProblem;
}

function signedText(checkpoint: Omit<Checkpoint, 'mac'>): string {
  return JSON.stringify([
    'madoguchi/audit-checkpoint',
    checkpoint.v,
    checkpoint.n,
    checkpoint.at,
    checkpoint.municipality,
    checkpoint.keyId,
    checkpoint.by,
    checkpoint.heads.map(({ chain, seq, hash }) => [chain, seq, hash]),
    checkpoint.prev,
  ]);
}

function isCount(value: unknown, from: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= from;
}

/** A line that has the shape of a checkpoint, else undefined (half a line left by a crash, or anything else). */
function parse(line: string): Checkpoint | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const c = value as Record<string, unknown>;
  const heads = c.heads;
  const ok =
    c.v === 1 &&
    isCount(c.n, 1) &&
    ['at', 'municipality', 'keyId', 'by', 'prev', 'mac'].every((key) => typeof c[key] === 'string') &&
    Array.isArray(heads) &&
    heads.every((head: unknown) => {
      const h = head as Record<string, unknown> | null;
      return typeof h === 'object' && h !== null && isCount(h.chain, 0) && isCount(h.seq, 1) && typeof h.hash === 'string';
    });
  if (!ok) return undefined;
  const { v, n, at, municipality, keyId, by, prev, mac } = c as unknown as Checkpoint;
  return { v, n, at, municipality, keyId, by, heads: (heads as AuditPlace[]).map(({ chain, seq, hash }) => ({ chain, seq, hash })), prev, mac };
}

function serialize(checkpoint: Checkpoint): string {
  const { v, n, at, municipality, keyId, by, heads, prev, mac } = checkpoint;
  return JSON.stringify({ v, n, at, municipality, keyId, by, heads, prev, mac });
}

function summary(checkpoint: Checkpoint | undefined): CheckpointSummary | null {
  return checkpoint ? { n: checkpoint.n, at: checkpoint.at } : null;
}

function damaged(detail: string): AnchorProblem {
  return { reason: 'checkpoints-damaged', detail };
}

/** What is wrong with a checkpoint on its own: its signature, or whose trail it holds. */
function flawOf(keys: KeyRing, checkpoint: Checkpoint, municipality: string): string | undefined {
  if (!keys.keyIds.includes(checkpoint.keyId)) {
    return `is signed with master key ${checkpoint.keyId}, which is neither the master key nor a retired one: put its retired key file back in DATA_DIR/keys/retired/`;
  }
  const { mac, ...signed } = checkpoint;
  if (keys.checkpointMac(signedText(signed), checkpoint.keyId) !== mac) return 'does not carry a valid signature';
  if (checkpoint.municipality !== municipality) return `holds the trail of municipality ${checkpoint.municipality}, not ${municipality}`;
  return undefined;
}

/** What is wrong with a checkpoint following another in the file. */
function breakBetween(previous: Checkpoint | undefined, next: Checkpoint): string | undefined {
  if (previous === undefined) return next.n === 1 ? undefined : `the first checkpoint is #${next.n}: checkpoints #1–#${next.n - 1} were removed`;
  if (next.n !== previous.n + 1 || next.prev !== previous.mac) return `checkpoint #${next.n} does not follow #${previous.n}: a checkpoint was removed or altered`;
  const before = new Map(previous.heads.map((head) => [head.chain, head.seq]));
  const after = new Map(next.heads.map((head) => [head.chain, head.seq]));
  for (const [chain, seq] of before) if ((after.get(chain) ?? 0) < seq) return `checkpoint #${next.n} has chain ${chain} shorter than #${previous.n} had it`;
  return undefined;
}

/** The valid checkpoint of the highest number among some lines, else a flaw, else nothing. */
function latestOf(lines: readonly string[], keys: KeyRing, municipality: string): { checkpoint?: Checkpoint; flaw?: string } {
  let latest: Checkpoint | undefined;
  for (const checkpoint of lines.map(parse)) {
    if (checkpoint === undefined) continue;
    const flaw = flawOf(keys, checkpoint, municipality);
    if (flaw !== undefined) return { flaw: `checkpoint #${checkpoint.n} ${flaw}` };
    if (latest === undefined || checkpoint.n > latest.n) latest = checkpoint;
  }
  return latest ? { checkpoint: latest } : {};
}

/**
 * The last checkpoint of the file, checked against the witnesses that outlive a cut file: its
 * copy in the second place and the last line this process wrote. With `all`, every line of
 * the file is read (as a stream: years of checkpoints are hundreds of megabytes) and each must
 * follow the one before; otherwise only the file's end, where each line must follow the one
 * before it too.
 */
async function readCheckpoints(files: AuditCheckpointFiles, keys: KeyRing, tail: CheckpointTail, all: boolean): Promise<CheckpointReading> {
  const municipality = files.municipalityCode;
  const sources: [string, readonly string[]][] = [];
  if (files.copyFile !== undefined) sources.push([`its copy ${files.copyFile}`, tail.copy]);
  if (tail.written !== undefined) sources.push(['this process', [tail.written]]);
  const witnesses: { where: string; checkpoint: Checkpoint }[] = [];
  for (const [where, lines] of sources) {
    const { checkpoint, flaw } = latestOf(lines, keys, municipality);
    if (flaw !== undefined) return { last: undefined, problem: damaged(`${where}: ${flaw}`) };
    if (checkpoint !== undefined) witnesses.push({ where, checkpoint });
  }
  const wanted = new Set(witnesses.map(({ checkpoint }) => checkpoint.n));
  const macs = new Map<number, string>();
  let last: Checkpoint | undefined;
  for await (const line of all ? files.lines() : tail.lines) {
    const checkpoint = parse(line);
    // Half a line a crash left is no checkpoint; the next one follows the one before it.
    if (checkpoint === undefined) continue;
    const flaw = flawOf(keys, checkpoint, municipality);
    if (flaw !== undefined) return { last: undefined, problem: damaged(`${files.file}: checkpoint #${checkpoint.n} ${flaw}`) };
    const gap = last === undefined && !all ? undefined : breakBetween(last, checkpoint);
    if (gap !== undefined) return { last: undefined, problem: damaged(`${files.file}: ${gap}`) };
    if (wanted.has(checkpoint.n)) macs.set(checkpoint.n, checkpoint.mac);
    last = checkpoint;
  }
  // Only a file whose end holds no checkpoint at all needs reading whole.
  if (!all && last === undefined && tail.lines.length > 0) return readCheckpoints(files, keys, tail, true);
  for (const { where, checkpoint } of witnesses) {
    if (checkpoint.n > (last?.n ?? 0)) {
      return { last: undefined, problem: damaged(`${files.file} ends at checkpoint #${last?.n ?? 0} but ${where} wrote #${checkpoint.n}: checkpoints were removed`) };
    }
    const mac = macs.get(checkpoint.n);
    if (mac !== undefined && mac !== checkpoint.mac) return { last: undefined, problem: damaged(`${files.file} and ${where} disagree on checkpoint #${checkpoint.n}`) };
  }
  return { last };
}

function placeKey(chain: number, seq: number): string {
  return `${chain}:${seq}`;
}

/**
 * The trail against a checkpoint, by its heads only: a head row and at most two entries per
 * chain (the checkpointed one, and the one the head names), in two queries.
 */
async function compareHeads(store: Store, checkpoint: Checkpoint, heads: readonly AuditPlace[]): Promise<AnchorProblem | undefined> {
  const headOf = new Map(heads.map((head) => [head.chain, head]));
  const places = [...checkpoint.heads, ...heads].map(({ chain, seq }) => ({ chain, seq }));
  const found = new Map((await store.read.audit.at(places)).map((entry) => [placeKey(entry.chain, entry.seq), entry.hash]));
  for (const head of heads) {
    if (found.get(placeKey(head.chain, head.seq)) !== head.hash) {
      return { reason: 'entry-broken', detail: `the head of chain ${head.chain} names entry ${head.chain}-${head.seq}, which is missing or another`, brokenChain: head.chain, firstBrokenSeq: head.seq };
    }
  }
  for (const anchored of checkpoint.heads) {
    const head = headOf.get(anchored.chain);
    const hash = found.get(placeKey(anchored.chain, anchored.seq));
    if (head === undefined || head.seq < anchored.seq || hash === undefined) {
      return shorter(checkpoint, anchored, Math.min(head?.seq ?? 0, hash === undefined ? anchored.seq - 1 : anchored.seq));
    }
    if (hash !== anchored.hash) return differs(checkpoint, anchored);
  }
  return undefined;
}

/** The trail ends before the checkpointed entry of a chain. */
export function shorter(checkpoint: CheckpointSummary, anchored: AuditPlace, length: number): AnchorProblem {
  return {
    reason: 'trail-shorter-than-checkpoint',
    detail: `chain ${anchored.chain} ends at entry ${length} but checkpoint #${checkpoint.n} (${checkpoint.at}) recorded entry ${anchored.seq}: entries were removed`,
    brokenChain: anchored.chain,
    firstBrokenSeq: length + 1,
  };
}

/** The trail holds another entry where the checkpoint recorded one. */
export function differs(checkpoint: CheckpointSummary, anchored: AuditPlace): AnchorProblem {
  return {
    reason: 'trail-differs-from-checkpoint',
    detail: `entry ${anchored.chain}-${anchored.seq} is not the one checkpoint #${checkpoint.n} (${checkpoint.at}) recorded: the trail was replaced`,
    brokenChain: anchored.chain,
    firstBrokenSeq: anchored.seq,
  };
}

function fileProblem(files: AuditCheckpointFiles, error: unknown): AnchorProblem {
  return damaged(`cannot read the checkpoints in ${files.file}: ${(error as Error).message}`);
}

type AnchorApp = { readonly store: Store; readonly keys: KeyRing };

/**
 * The last checkpoint of the whole file (every line checked), for a full verification: read
 * before the trail, so it never names entries appended after the walk went past them.
 */
export async function readLastCheckpoint(app: AnchorApp): Promise<CheckpointReading> {
  const files = app.store.auditCheckpoints;
  try {
    return await readCheckpoints(files, app.keys, await files.tail(), true);
  } catch (error) {
    return { last: undefined, problem: fileProblem(files, error) };
  }
}

/**
 * The last checkpoint at the file's end, checked against its copy and this process's last line
 * as `checkAuditAnchor` checks it, without reading the trail: what the server's metrics report
 * the age of (README "Operations and monitoring").
 */
export async function readLatestCheckpoint(app: AnchorApp): Promise<CheckpointReading> {
  const files = app.store.auditCheckpoints;
  try {
    return await readCheckpoints(files, app.keys, await files.tail(), false);
  } catch (error) {
    return { last: undefined, problem: fileProblem(files, error) };
  }
}

/**
 * Whether the trail still holds the last checkpoint, cheaply: the ends of the checkpoint files
 * (64 KB each at most), one query for the heads and one for at most two entries per chain.
 * What the server runs at start, every minute, and for the dashboard; the full walk is
 * `verifyAudit`'s.
 */
export async function checkAuditAnchor(app: AnchorApp): Promise<AnchorCheck> {
  const files = app.store.auditCheckpoints;
  let reading: CheckpointReading;
  try {
    reading = await readCheckpoints(files, app.keys, await files.tail(), false);
  } catch (error) {
    return { ok: false, checkpoint: null, problem: fileProblem(files, error) };
  }
  if (reading.problem) return { ok: false, checkpoint: null, problem: reading.problem };
  if (reading.last === undefined) return { ok: true, checkpoint: null };
  const heads = (await app.store.read.audit.heads()).filter((head) => head.seq > 0);
  const problem = await compareHeads(app.store, reading.last, heads);
  return { ok: problem === undefined, checkpoint: summary(reading.last), ...(problem && { problem }) };
}

export interface CheckpointOutcome extends AnchorCheck {
  /** The checkpoint written now, if one was. */
  readonly written?: CheckpointSummary;
  /** Why the copy in the second place could not be written (the file has the checkpoint). */
  readonly copyError?: Error;
}

function sameHeads(a: readonly AuditPlace[], b: readonly AuditPlace[]): boolean {
  return a.length === b.length && a.every((head, index) => head.chain === b[index]!.chain && head.seq === b[index]!.seq && head.hash === b[index]!.hash);
}

/**
 * Writes the next checkpoint: the heads of every chain, read once the lock is held (so the
 * checkpoints of all processes follow one another and never go back), if the trail still
 * holds the last checkpoint and has moved on since (or `always`, at a clean shutdown). A trail
 * that does not hold the last checkpoint gets none: writing one would pass a cut trail off as
 * whole.
 */
export async function writeAuditCheckpoint(
  app: AnchorApp & { readonly clock: Clock },
  by: string,
  options: { readonly always?: boolean } = {},
): Promise<CheckpointOutcome> {
  const files = app.store.auditCheckpoints;
  let check: AnchorCheck = { ok: true, checkpoint: null };
  let written: Checkpoint | undefined;
  const { copyError } = await files.append(async (tail) => {
    const reading = await readCheckpoints(files, app.keys, tail, false);
    if (reading.problem) {
      check = { ok: false, checkpoint: null, problem: reading.problem };
      return undefined;
    }
    const heads = (await app.store.read.audit.heads()).filter((head) => head.seq > 0);
    const problem = reading.last ? await compareHeads(app.store, reading.last, heads) : undefined;
    check = { ok: problem === undefined, checkpoint: summary(reading.last), ...(problem && { problem }) };
    if (problem) return undefined;
    const moved = reading.last ? !sameHeads(reading.last.heads, heads) : heads.length > 0;
    if (!moved && !options.always) return undefined;
    const signed: Omit<Checkpoint, 'mac'> = {
      v: 1,
      n: (reading.last?.n ?? 0) + 1,
      at: app.clock.now(),
      municipality: files.municipalityCode,
      keyId: app.keys.keyId,
      by,
      heads,
      prev: reading.last?.mac ?? '',
    };
    written = { ...signed, mac: app.keys.checkpointMac(signedText(signed)) };
    return serialize(written);
  });
  const done = written as Checkpoint | undefined;
  return { ...check, ...(done && { written: summary(done)!, checkpoint: summary(done) }), ...(copyError && { copyError }) };
}

/**
 * The checkpoint a command writes as it closes the records (when it appended to the trail):
 * what the operator should read on standard error, if anything (nothing more about the trail
 * when the command has just reported on it). The command's own work is done and stands.
 */
export async function closingCheckpoint(
  app: AnchorApp & { readonly clock: Clock },
  by: string,
  options: { readonly trailReported?: boolean } = {},
): Promise<string | undefined> {
  try {
    const outcome = await writeAuditCheckpoint(app, by);
    if (outcome.problem && !options.trailReported) return `no audit checkpoint written, the trail does not hold the last one: ${outcome.problem.detail}; run madoguchi audit verify`;
    if (outcome.copyError) return `audit checkpoint not copied to AUDIT_CHECKPOINT_COPY_DIR: ${outcome.copyError.message}`;
    return undefined;
  } catch (error) {
    return `no audit checkpoint written: ${(error as Error).message}`;
  }
}
