import { DomainErrorCode, refuse, success } from '../domain/errors.ts';
import { PIN_KINDS, type PinKind, type Policy } from '../rules/policy.ts';
import type { KeyRing } from './crypto/key-ring.ts';
import { hashSecret, verifySecret } from './crypto/secrets.ts';
import type { CardChip, PinCheck, PinState } from './ports/card-chip.ts';
import type { PinRecord } from './ports/chip-repository.ts';
import type { Repositories } from './ports/store.ts';
import type { Result } from './app-errors.ts';

/**
 * The card's chip, simulated (docs/domain.md "The chip"): PIN hashes (argon2id with a pepper), and
 * consecutive wrong entries counted and locked per R-12 (5 for the signature PIN, 3 for the
 * others), all kept in the database so they survive a restart. A reader adapter for a real
 * chip would offer the same operations.
 *
 * Each hash names the master key of its pepper, so a key rotation locks no one out: a PIN
 * hashed under a retired key is checked with that key's pepper, and hashed again under the
 * current one when it is entered right.
 */
/** The PIN as the chip holds it: the signature PIN has upper-case letters only, however it was typed. */
function asStored(kind: PinKind, pin: string): string {
  return kind === 'signature' ? pin.toUpperCase() : pin;
}

export class SimulatedChip implements CardChip {
  constructor(
    private readonly keys: Pick<KeyRing, 'keyId' | 'keyIds' | 'pinPepper'>,
    private readonly policy: Pick<Policy, 'pinMaxAttempts'>,
  ) {}

  /** A PIN as the chip keeps it: hashed with the current key's pepper, no wrong entries. */
  private async fresh(kind: PinKind, pin: string): Promise<PinRecord> {
    return { kind, hash: await hashSecret(asStored(kind, pin), this.keys.pinPepper()), keyId: this.keys.keyId, failures: 0, locked: false };
  }

  /** Whether the PIN is the one hashed, under the key the hash names (any key of the ring for a hash that names none). */
  private async matches(record: PinRecord, kind: PinKind, pin: string): Promise<boolean> {
    for (const keyId of record.keyId === null ? this.keys.keyIds : [record.keyId]) {
      if (await verifySecret(record.hash, asStored(kind, pin), this.keys.pinPepper(keyId))) return true;
    }
    return false;
  }

  seal(pins: readonly { readonly kind: PinKind; readonly pin: string }[]): Promise<PinRecord[]> {
    return Promise.all(pins.map(({ kind, pin }) => this.fresh(kind, pin)));
  }

  async setPins(tx: Repositories, cardId: string, pins: readonly PinRecord[], at: string): Promise<void> {
    for (const record of pins) await tx.chip.put(cardId, record, at);
  }

  /** A wrong entry counts even though the command that asked is refused: the chip remembers. */
  async verify(tx: Repositories, cardId: string, kind: PinKind, pin: string, at: string): Promise<Result<PinCheck>> {
    const max = this.policy.pinMaxAttempts[kind];
    const record = (await tx.chip.list(cardId)).find((entry) => entry.kind === kind);
    if (!record) return refuse(DomainErrorCode.PinMismatch, `no ${kind} PIN is set on this card`, { kind });
    if (record.locked) {
      return refuse(DomainErrorCode.PinLocked, `the ${kind} PIN is locked after ${max} wrong entries; it can be reset at a counter with identity documents`, {
        kind,
      });
    }
    if (await this.matches(record, kind, pin)) {
      if (record.keyId !== this.keys.keyId) await tx.chip.put(cardId, await this.fresh(kind, pin), at);
      else if (record.failures > 0) await tx.chip.put(cardId, { ...record, failures: 0 }, at);
      return success({ ok: true, remainingAttempts: max, locked: false });
    }
    const failures = record.failures + 1;
    const locked = failures >= max;
    await tx.chip.put(cardId, { ...record, failures, locked }, at);
    return success({ ok: false, remainingAttempts: Math.max(0, max - failures), locked });
  }

  async states(tx: Repositories, cardId: string): Promise<Record<PinKind, PinState>> {
    const records = await tx.chip.list(cardId);
    return Object.fromEntries(
      PIN_KINDS.map((kind) => {
        const record = records.find((entry) => entry.kind === kind);
        const max = this.policy.pinMaxAttempts[kind];
        return [kind, { set: record !== undefined, locked: record?.locked ?? false, remainingAttempts: record ? Math.max(0, max - record.failures) : max }];
      }),
    ) as Record<PinKind, PinState>;
  }
}
