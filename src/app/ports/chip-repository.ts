

export interface PinRecord {
  readonly kind: string;
  readonly hash: string;
  /** The master key whose pepper the hash took (null: before key ids were kept, any key of the ring). */
  readonly keyId: string | null;
  readonly failures: number;
  readonly locked: boolean;
}

export interface ChipRepository {
  list(cardId: string): Promise<PinRecord[]>;
  put(cardId: string, record: PinRecord, at: string): Promise<void>;
  /** New chips' PINs at once (bulk loading). */
  insertMany(rows: readonly { readonly cardId: string; readonly record: PinRecord }[], at: string): Promise<void>;
}
