import { checkBookable } from '../../domain/appointment.ts';
import { DomainErrorCode, refuse, success } from '../../domain/errors.ts';
import { pickupDeadline } from '../../rules/pickup-deadline.ts';
import { pickupSlotAt } from '../../rules/pickup-slots.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { Result } from '../app-errors.ts';
import { japanTimeOf } from '../clock.ts';
import type { AppContext } from '../context.ts';
import { cancelCodeHash, newCancelCode } from './cancel-code.ts';
import { cardOfReference } from './find-pickup.ts';
import { officeOf, officeSummary, type OfficeSummary } from './office-schedule.ts';
import { publicCommand, RefusedAfterWrites } from './public-command.ts';

export interface BookAppointmentInput {
  /** 照会番号 of the 交付通知書. */
  readonly referenceNumber: string;
  /** The holder's birth date, which proves the notice is theirs. */
  readonly birthDate: PlainDate;
  /** The start of the slot chosen, any ISO moment (`2026-11-30T09:00:00+09:00`). */
  readonly slotStart: string;
}

/** What the resident is told: no name, no address of theirs. The cancel code is shown this once. */
export interface BookedAppointment {
  readonly id: string;
  readonly slotStart: string;
  readonly slotEnd: string;
  readonly office: OfficeSummary;
  readonly cancelCode: string;
  /** The last day the card can be collected. */
  readonly collectBy: PlainDate;
  /** The slot the appointment was moved from, when the card had one. */
  readonly movedFrom: string | null;
}

/**
 * Books a pickup (docs/pickup.md "Appointments"): the card of the 照会番号 whose holder was born on
 * `birthDate` (one answer, APPOINTMENT.NOT_FOUND, whether the number or the date is wrong), into a
 * slot of the office it waits at, before R-19's `collectBy` and not begun. A card has one live
 * appointment: booking again moves it, and the new cancel code replaces the old. The place is taken
 * by a conditional update of the slot's count, so the last place goes to one booking only.
 */
export async function bookAppointment(app: AppContext, input: BookAppointmentInput): Promise<Result<BookedAppointment>> {
  return publicCommand(app, 'appointment.book', async (tx, note) => {
    // The card's row is held until the commit: two bookings for one card follow each other.
    const found = await cardOfReference(tx, input.referenceNumber, input.birthDate, { lock: true });
    if (!found.ok) return found;
    const card = found.value;
    note.details = { cardId: card.id };
    const office = officeOf(app, card.pickupOfficeId);
    if (!office.ok) return office;
    const schedule = office.value.pickup;
    const slot = schedule ? pickupSlotAt(schedule, app.rules.calendar, input.slotStart) : success(undefined);
    if (!slot.ok) return slot;
    const collectBy = card.status === 'ready' ? pickupDeadline({ readyOn: card.pickup.readyOn }, app.rules) : undefined;
    if (collectBy && !collectBy.ok) return collectBy;
    const bookable = checkBookable({ card, slot: slot.value, now: japanTimeOf(app.clock.now()), collectBy: collectBy?.value.collectBy });
    if (!bookable.ok) return bookable;
    const chosen = { ...bookable.value, collectBy: collectBy!.value.collectBy };
    const earlier = await tx.appointments.findLiveByCard(card.id);
    note.details = { cardId: card.id, officeId: office.value.id, slotStart: chosen.start, ...(earlier && { movedFrom: earlier.slotStart }) };
    const moving = earlier !== undefined && earlier.slotStart !== chosen.start;
    // A move touches two slot rows; always in the order of their starts, so that two moves the
    // opposite ways cannot each hold the row the other waits for (PostgreSQL).
    const releaseFirst = moving && earlier.slotStart < chosen.start;
    if (releaseFirst) await tx.appointments.releasePlace(earlier.officeId, earlier.slotStart);
    if (earlier?.slotStart !== chosen.start && !(await tx.appointments.takePlace(office.value.id, chosen.start, chosen.capacity))) {
      const full = refuse(DomainErrorCode.AppointmentSlotFull, `the slot at ${chosen.start} is full`);
      if (releaseFirst) throw new RefusedAfterWrites(full, note);
      return full;
    }
    if (moving && !releaseFirst) await tx.appointments.releasePlace(earlier.officeId, earlier.slotStart);
    const cancelCode = newCancelCode();
    const now = app.clock.now();
    const fields = { officeId: office.value.id, slotDate: chosen.date, slotStart: chosen.start, slotEnd: chosen.end, cancelCodeHash: cancelCodeHash(cancelCode), updatedAt: now };
    let id: string;
    if (earlier) {
      id = earlier.id;
      await tx.appointments.update({ ...earlier, ...fields });
    } else {
      id = app.ids.next();
      await tx.appointments.insert({ id, cardId: card.id, residentId: card.residentId, status: 'booked', bookedAt: now, ...fields });
    }
    note.subjectId = id;
    return success({
      id,
      slotStart: chosen.start,
      slotEnd: chosen.end,
      office: officeSummary(office.value),
      cancelCode,
      collectBy: chosen.collectBy,
      movedFrom: moving ? earlier.slotStart : null,
    });
  });
}
