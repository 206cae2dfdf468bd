import type { Result } from '../app-errors.ts';
import type { PinKind } from '../../rules/policy.ts';
import type { Repositories } from './store.ts';
import type { PinRecord } from './chip-repository.ts';

export interface PinCheck {
  readonly ok: boolean;
  readonly remainingAttempts: number;
  readonly locked: boolean;
}

export interface PinState {
  readonly set: boolean;
  readonly locked: boolean;
  readonly remainingAttempts: number;
}

/**
 * The card's chip (docs/domain.md "The chip"): verify, set and reset PINs. The built-in adapter
 * simulates it in the database; a card reader adapter would offer the same operations.
 */
export interface CardChip {
  /**
   * PINs made ready for the chip (hashed), before the transaction that sets them: hashing takes
   * tens of milliseconds, which no transaction should hold the database for.
   */
  seal(pins: readonly { readonly kind: PinKind; readonly pin: string }[]): Promise<PinRecord[]>;
  /** Sets sealed PINs anew (at issue, on taking a card over, or a reset): no wrong entries, unlocked. */
  setPins(tx: Repositories, cardId: string, pins: readonly PinRecord[], at: string): Promise<void>;
  verify(tx: Repositories, cardId: string, kind: PinKind, pin: string, at: string): Promise<Result<PinCheck>>;
  states(tx: Repositories, cardId: string): Promise<Record<PinKind, PinState>>;
}
