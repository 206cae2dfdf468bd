import type { PickupSlot } from '../rules/pickup-slots.ts';
import type { PlainDate } from '../rules/plain-date.ts';
import type { CardState } from './card.ts';
import { DomainErrorCode, refuse, success, type Result } from './errors.ts';

/**
 * Whether a card may be booked into a slot (docs/pickup.md "Appointments"): the card waits at its
 * counter (ready), the slot is one of that office's, it has not begun, and it is on or before the
 * card's `collectBy`, after which the card is destroyed. `now` is in Japan time like the
 * slots (`2026-11-26T09:00:12+09:00`, app/clock.ts `japanTimeOf`), so the two compare as text.
 */
export function checkBookable(input: { readonly card: CardState; readonly slot: PickupSlot | undefined; readonly now: string; readonly collectBy: PlainDate | undefined }): Result<PickupSlot> {
  const { card, slot, now, collectBy } = input;
  if (card.status !== 'ready') return refuse(DomainErrorCode.AppointmentCardNotReady, `the card is ${card.status}, not waiting at a counter`);
  if (!slot) return refuse(DomainErrorCode.AppointmentNotASlot, `no pickup slot of ${card.pickupOfficeId} starts then`);
  if (slot.start <= now) return refuse(DomainErrorCode.AppointmentSlotPast, `the slot at ${slot.start} has begun or passed`);
  if (collectBy !== undefined && slot.date > collectBy) {
    return refuse(DomainErrorCode.AppointmentAfterCollectBy, `the card can be collected until ${collectBy}`, { collectBy });
  }
  return success(slot);
}

/** Whether a clerk may mark an appointment as missed: it is booked and its slot has begun. */
export function checkNoShow(appointment: { readonly status: string; readonly slotStart: string }, now: string): Result<void> {
  if (appointment.status !== 'booked') return refuse(DomainErrorCode.AppointmentNotBooked, `the appointment is ${appointment.status}`);
  if (appointment.slotStart > now) return refuse(DomainErrorCode.AppointmentNotYet, `the slot at ${appointment.slotStart} has not begun`);
  return success(undefined);
}
