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
  return (await drawPickupReferences(tx, 1))[0]!;
}

/**
 * `count` such numbers at once, different from each other and from every ready card's: drawn
 * together and checked in one query, those taken drawn again (for a delivery's batch of cards).
 */
export async function drawPickupReferences(tx: Pick<Repositories, 'cards'>, count: number): Promise<string[]> {
  const drawn = new Set<string>();
  while (drawn.size < count) {
    const candidates = new Set<string>();
    while (candidates.size < count - drawn.size) {
      const reference = pickupReferenceOf(String(randomInt(0, 1_000_000_000)).padStart(9, '0'));
      if (!drawn.has(reference)) candidates.add(reference);
    }
    const taken = await tx.cards.readyPickupReferencesAmong([...candidates]);
    for (const reference of candidates) if (!taken.has(reference)) drawn.add(reference);
  }
  return [...drawn];
}
