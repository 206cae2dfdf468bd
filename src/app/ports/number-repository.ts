import type { PlainDate } from '../../rules/plain-date.ts';

export interface EncryptedNumber {
  readonly ciphertext: string;
  readonly keyId: string;
}

export interface NumberRepository {
  insert(record: {
    readonly id: string;
    readonly residentId: string;
    readonly encrypted: EncryptedNumber;
    readonly hash: string;
    readonly assignedOn: PlainDate;
  }): Promise<void>;
  insertMany(
    records: readonly { readonly id: string; readonly residentId: string; readonly encrypted: EncryptedNumber; readonly hash: string; readonly assignedOn: PlainDate }[],
  ): Promise<void>;
  current(residentId: string): Promise<EncryptedNumber | undefined>;
  /** The current numbers of many residents at once, by resident id. */
  currentOf(residentIds: readonly string[]): Promise<Map<string, EncryptedNumber>>;
  retireCurrent(residentId: string, on: PlainDate): Promise<void>;
  hashEverUsed(hash: string): Promise<boolean>;
  /** Which of these hashes any resident has ever had. */
  usedHashes(hashes: readonly string[]): Promise<Set<string>>;
  /** Up to `limit` numbers, current or past, written under another key than this one. */
  notUnderKey(keyId: string, limit: number): Promise<StoredNumber[]>;
  /** A number written again: its ciphertext and lookup hash under another key. */
  rewrite(id: string, encrypted: EncryptedNumber, hash: string): Promise<void>;
}

export interface StoredNumber {
  readonly id: string;
  readonly residentId: string;
  readonly encrypted: EncryptedNumber;
  readonly current: boolean;
}
