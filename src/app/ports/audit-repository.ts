

export interface AuditEntry {
  /** Which of the municipality's audit chains the entry belongs to (entries of one subject share a chain). */
  readonly chain: number;
  /** The place of the entry in its chain, from 1. */
  readonly seq: number;
  readonly at: string;
  readonly actorId: string | null;
  readonly actorRole: string | null;
  readonly officeId: string | null;
  readonly action: string;
  readonly subjectType: string | null;
  readonly subjectId: string | null;
  readonly outcome: 'ok' | 'refused';
  readonly code: string | null;
  readonly details: Readonly<Record<string, unknown>>;
  readonly prevHash: string;
  readonly hash: string;
  /** The master key the hash was made with (null: before key ids were kept, any key of the ring). */
  readonly keyId: string | null;
}

export interface AuditFilter {
  readonly from?: string;
  readonly to?: string;
  readonly actorId?: string;
  readonly subjectId?: string;
  readonly action?: string;
  /** Newest first (the audit screen) rather than oldest first (a check, an export). */
  readonly newestFirst?: boolean;
  /** The position of the last entry of the page before: the page goes on from there. */
  readonly cursor?: number;
  readonly limit: number;
}

/** An entry as the trail lists it, with its place in the order entries were appended. */
export interface ListedAuditEntry extends AuditEntry {
  readonly position: number;
}

/** A place in the audit trail and the hash of the entry there. */
export interface AuditPlace {
  readonly chain: number;
  readonly seq: number;
  readonly hash: string;
}

export interface AuditRepository {
  /** The last entry's sequence and hash of a chain, locking the chain's head until the transaction ends. */
  head(chain: number): Promise<{ readonly seq: number; readonly hash: string } | undefined>;
  /** Every chain's head as its row says, for verification and checkpoints. */
  heads(): Promise<AuditPlace[]>;
  /** The entries at these places (chain and sequence) that exist, with their hashes. */
  at(places: readonly { readonly chain: number; readonly seq: number }[]): Promise<AuditPlace[]>;
  append(entry: AuditEntry): Promise<void>;
  /** The heads of these chains, locked as `head` locks one, in chain order; a chain without entries is absent. */
  lockHeads(chains: readonly number[]): Promise<Map<number, { readonly seq: number; readonly hash: string }>>;
  /** Entries chained onto the heads `lockHeads` gave, in the order given, each chain's in sequence. */
  appendMany(entries: readonly AuditEntry[]): Promise<void>;
  /** Entries in the order they were appended (never by their time: a clock may go back). */
  list(filter: AuditFilter): Promise<ListedAuditEntry[]>;
  /** A chain's entries in sequence order, in batches, for verification. */
  scan(chain: number, afterSeq: number, limit: number): Promise<AuditEntry[]>;
}
