import { DomainErrorCode, refuse, success, type Result } from '../domain/errors.ts';
import { PIN_KINDS, type PinKind, type Policy } from '../rules/policy.ts';
import { hashSecret, verifySecret } from './crypto/secrets.ts';
import type { CardChip, PinCheck, PinState, Repositories } from './ports.ts';

/**
 * The card's chip, simulated (domain.md "The chip"): PIN hashes (argon2id with a pepper), and
 * consecutive wrong entries counted and locked per R-12 (5 for the signature PIN, 3 for the
 * others), all kept in the database so they survive a restart. A reader adapter for a real
 * chip would offer the same operations.
 */
/** The PIN as the chip holds it: the signature PIN has upper-case letters only, however it was typed. */
function asStored(kind: PinKind, pin: string): string {
  return kind === 'signature' ? pin.toUpperCase() : pin;
}

export class SimulatedChip implements CardChip {
  constructor(
    private readonly pepper: Buffer,
    private readonly policy: Pick<Policy, 'pinMaxAttempts'>,
  ) {}

  async setPins(tx: Repositories, cardId: string, pins: readonly { kind: PinKind; pin: string }[], at: string): Promise<void> {
    for (const { kind, pin } of pins) {
      await tx.chip.put(cardId, { kind, hash: await hashSecret(asStored(kind, pin), this.pepper), failures: 0, locked: false }, at);
    }
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
    if (await verifySecret(record.hash, asStored(kind, pin), this.pepper)) {
      if (record.failures > 0) await tx.chip.put(cardId, { ...record, failures: 0 }, at);
      return success({ ok: true, remainingAttempts: max, locked: false });
    }
    const failures = record.failures + 1;
    const locked = failures >= max;
    await tx.chip.put(cardId, { ...record, failures, locked }, at);
    return success({ ok: false, remainingAttempts: Math.max(0, max - failures), locked });
  }

  /** A counter resets a forgotten or locked PIN (seed: 暗証番号の再設定(ロック解除)). */
  async reset(tx: Repositories, cardId: string, kind: PinKind, pin: string, at: string): Promise<void> {
    await tx.chip.put(cardId, { kind, hash: await hashSecret(asStored(kind, pin), this.pepper), failures: 0, locked: false }, at);
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
