import type { PlainDate } from '../../rules/plain-date.ts';
import type { LockOption } from './store.ts';

/** `booked` until the holder comes or it is cancelled; `no-show` when a clerk marks that nobody came. */
export type AppointmentStatus = 'booked' | 'cancelled' | 'no-show';

/** A pickup appointment (docs/pickup.md "Appointments"): the cancel code is kept only as its hash. */
export interface Appointment {
  readonly id: string;
  readonly cardId: string;
  readonly residentId: string;
  readonly officeId: string;
  readonly slotDate: PlainDate;
  /** Japan time, `2026-11-30T09:00:00+09:00`. */
  readonly slotStart: string;
  readonly slotEnd: string;
  readonly status: AppointmentStatus;
  readonly cancelCodeHash: string;
  readonly bookedAt: string;
  readonly updatedAt: string;
}

export interface AppointmentRepository {
  get(id: string, options?: LockOption): Promise<Appointment | undefined>;
  /** The card's live (`booked`) appointment; at most one. */
  findLiveByCard(cardId: string): Promise<Appointment | undefined>;
  insert(appointment: Appointment): Promise<void>;
  /** Writes the slot, status, code hash and time of an existing appointment. */
  update(appointment: Appointment): Promise<void>;
  /**
   * Takes one place of the slot when fewer than `capacity` are taken, in one statement: it creates
   * the slot's row or updates it on the condition (the row waits for a concurrent taker's commit):
   * whether it was taken.
   */
  takePlace(officeId: string, slotStart: string, capacity: number): Promise<boolean>;
  /** Gives back a place of the slot. */
  releasePlace(officeId: string, slotStart: string): Promise<void>;
  /** Places taken in the office's slots starting from `fromStart` up to before `toStart`, by slot start. */
  placesTaken(officeId: string, fromStart: string, toStart: string): Promise<Map<string, number>>;
  /** The office's appointments of a day that are booked or were missed, by time. */
  listDay(officeId: string, date: PlainDate): Promise<Appointment[]>;
}
