import { isDeepStrictEqual } from 'node:util';
import { foldCard, type CardEvent } from '../domain/card.ts';
import type { Actor } from './actor.ts';
import { auditAct } from './audit-trail.ts';
import type { AppContext } from './context.ts';

export interface RebuildReport {
  readonly cards: number;
  readonly rebuilt: string[];
}

/**
 * Rebuilds the `cards` read model from the card events, which are the truth (house style:
 * status worked out from the log): every row is compared with what its events fold to, and
 * rewritten where they differ, e.g. after a fix of an evolve rule. Each rewrite is audited.
 */
export async function rebuildCards(app: AppContext, actor: Actor, batch = 500): Promise<RebuildReport> {
  const rebuilt: string[] = [];
  let count = 0;
  let after = '';
  for (;;) {
    const cards = await app.store.read.cards.page(after, batch);
    if (cards.length === 0) break;
    for (const stored of cards) {
      count++;
      const events = await app.store.read.events.list<CardEvent>(stored.id);
      const folded = foldCard(events.map((entry) => entry.event));
      if (!folded || isDeepStrictEqual(folded, stored)) continue;
      await app.store.transaction(async (tx) => {
        await tx.cards.overwrite(folded, app.clock.now());
        await auditAct(app, tx, actor, {
          action: 'card.rebuild',
          subjectType: 'card',
          subjectId: stored.id,
          details: { storedStatus: stored.status, status: folded.status, storedVersion: stored.version, version: folded.version },
        });
      });
      rebuilt.push(stored.id);
    }
    after = cards.at(-1)!.id;
  }
  return { cards: count, rebuilt };
}
