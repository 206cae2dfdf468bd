import { randomInt } from 'node:crypto';
import { pickupReferenceOf } from '../../domain/pickup-reference.ts';
import type { Repositories } from '../ports/store.ts';

/**
 * Draws a 照会番号 no card waiting at the municipality's counters bears (docs/pickup.md): nine
 * digits from the system's cryptographic random source, so a number cannot be guessed from
 * another, and its check digit. Within the transaction that makes the card ready, so the unique
 * index of ready cards' references is never what refuses it.
 */
export async function drawPickupReference(tx: Pick<Repositories, 'cards'>): Promise<string> {
  for (;;) {
    const reference = pickupReferenceOf(String(randomInt(0, 1_000_000_000)).padStart(9, '0'));
    if (!(await tx.cards.findReadyByPickupReference(reference))) return reference;
  }
}
