import type { CardState } from '../../domain/card.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { ResidentRecord } from './resident-repository.ts';
import type { LockOption } from './store.ts';

export type DueKind = 'expiry' | 'lapse' | 'certificate' | 'scheduled' | 'uncollected';

export interface CardRepository {
  get(id: string, options?: LockOption): Promise<CardState | undefined>;
  /**
   * The card (locked with `lock`, its holder not) and its holder, as one read where each read is a
   * round trip to the server: most card commands check the holder first (docs/architecture.md
   * "What bounds each aim").
   */
  getWithHolder(id: string, options?: LockOption): Promise<{ readonly card: CardState; readonly holder: ResidentRecord | undefined } | undefined>;
  /** The cards of these ids that exist, in id order (locked in that order, so two batches never wait on each other crosswise). */
  getMany(ids: readonly string[], options?: LockOption): Promise<CardState[]>;
  /** Which of these 照会番号 a ready card bears already: a batch of new ones is checked at once. */
  readyPickupReferencesAmong(referenceNumbers: readonly string[]): Promise<Set<string>>;
  /**
   * The card whose 交付通知書 bore this 照会番号: the one waiting now, else the last one that had it
   * (handed over or ended since), so a booking can tell a card no longer waiting from no card;
   * with the holder's birth date, which proves the notice is theirs.
   */
  findByPickupReference(referenceNumber: string, options?: LockOption): Promise<{ readonly card: CardState; readonly holderBirthDate: PlainDate } | undefined>;
  listByResident(residentId: string): Promise<CardState[]>;
  listByResidents(residentIds: readonly string[]): Promise<CardState[]>;
  insert(state: CardState, at: string): Promise<void>;
  insertMany(states: readonly CardState[], at: string): Promise<void>;
  /** Writes the changes from `previous` if the row is still at its version; false when it is not. */
  update(state: CardState, previous: CardState, at: string): Promise<boolean>;
  /**
   * Writes each card's new state over the one it was decided on (`before`, read in this
   * transaction), the columns that differ only, so that an index none of them is in is left
   * alone. False, and the caller rolls back, unless every row still had its version.
   */
  updateMany(changes: readonly { readonly before: CardState; readonly after: CardState }[], at: string): Promise<boolean>;
  /** Cards in id order after `afterId`, for walks over all of them. */
  page(afterId: string, limit: number): Promise<CardState[]>;
  count(): Promise<number>;
  /** Writes a read model rebuilt from the events, whatever the row held. */
  overwrite(state: CardState, at: string): Promise<void>;
  /**
   * Cards the nightly sweep must act on for the business day `today`, through an index by the
   * due date, so the work is proportional to what is due: expired (the day after the expiry),
   * lapsed (continuation not done by `lapsesOn`), holding a certificate past its expiry, or
   * scheduled for abolition on or before it. For `uncollected`, `today` is instead the last
   * `readyOn` whose discard day has come (rules/pickup-deadline.ts lastReadyOnDue): the cards still
   * waiting that arrived on or before it.
   */
  due(kind: DueKind, today: PlainDate, limit: number): Promise<string[]>;
  countDue(kind: DueKind, today: PlainDate): Promise<number>;
}
