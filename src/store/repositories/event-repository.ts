import type { EventRepository, StoredEvent } from '../../app/ports/event-repository.ts';
import type { CardEvent } from '../../domain/card.ts';
import type { ResidentEvent } from '../../domain/resident.ts';
import { insertRows, type Scope } from './scope.ts';

/** The append-only event streams of cards and residents; (stream, version) is unique, so a lost race fails. */
export function eventRepository(scope: Scope): EventRepository {
  const { db, municipalityCode } = scope;
  const repository: EventRepository = {
    async append(streamType, streamId, firstVersion, events, meta) {
      await repository.appendMany([{ streamType, streamId, firstVersion, events }], meta);
    },
    async appendMany(streams, meta) {
      const rows = streams.flatMap(({ streamType, streamId, firstVersion = 1, events }) =>
        events.map((event, index) => ({
          municipality_code: municipalityCode,
          stream_type: streamType,
          stream_id: streamId,
          version: firstVersion + index,
          type: event.type,
          data: JSON.stringify(event),
          recorded_at: meta.at,
          actor_id: meta.actorId,
        })),
      );
      await insertRows(scope, 'events', rows);
    },
    async list<E extends CardEvent | ResidentEvent>(streamId: string) {
      const rows = await db
        .selectFrom('events')
        .select(['version', 'data', 'recorded_at', 'actor_id'])
        .where('municipality_code', '=', municipalityCode)
        .where('stream_id', '=', streamId)
        .orderBy('version')
        .execute();
      return rows.map(
        (row): StoredEvent<E> => ({ version: row.version, event: JSON.parse(row.data) as E, recordedAt: row.recorded_at, actorId: row.actor_id }),
      );
    },
  };
  return repository;
}
