import type { CardEvent } from '../../domain/card.ts';
import type { ResidentEvent } from '../../domain/resident.ts';

export interface StoredEvent<E> {
  readonly version: number;
  readonly event: E;
  readonly recordedAt: string;
  readonly actorId: string | null;
}

export interface EventRepository {
  append(
    streamType: 'card' | 'resident',
    streamId: string,
    firstVersion: number,
    events: readonly (CardEvent | ResidentEvent)[],
    meta: { readonly at: string; readonly actorId: string | null },
  ): Promise<void>;
  /** Several streams' new events at once; a stream's first event has `firstVersion` (1, a new stream, unless given). */
  appendMany(
    streams: readonly {
      readonly streamType: 'card' | 'resident';
      readonly streamId: string;
      readonly firstVersion?: number;
      readonly events: readonly (CardEvent | ResidentEvent)[];
    }[],
    meta: { readonly at: string; readonly actorId: string | null },
  ): Promise<void>;
  list<E extends CardEvent | ResidentEvent>(streamId: string): Promise<StoredEvent<E>[]>;
}
