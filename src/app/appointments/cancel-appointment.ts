import { DomainErrorCode, refuse, success } from '../../domain/errors.ts';
import type { Result } from '../app-errors.ts';
import { japanTimeOf } from '../clock.ts';
import type { AppContext } from '../context.ts';
import { cancelCodeMatches } from './cancel-code.ts';
import { publicCommand } from './public-command.ts';

export interface CancelAppointmentInput {
  readonly id: string;
  readonly cancelCode: string;
}

/**
 * Cancels a booked appointment with the cancel code it was booked with (docs/pickup.md
 * "Appointments"); its place is given back. An unknown id, a wrong code and an appointment no
 * longer booked get one answer, APPOINTMENT.NOT_FOUND; a slot that has begun can no longer be
 * cancelled (APPOINTMENT.SLOT_PAST).
 */
export async function cancelAppointment(app: AppContext, input: CancelAppointmentInput): Promise<Result<{ readonly id: string; readonly slotStart: string }>> {
  return publicCommand(app, 'appointment.cancel', async (tx, note) => {
    const appointment = await tx.appointments.get(input.id, { lock: true });
    if (!appointment || appointment.status !== 'booked' || !cancelCodeMatches(appointment.cancelCodeHash, input.cancelCode)) {
      return refuse(DomainErrorCode.AppointmentNotFound, 'no booked appointment has this id and cancel code');
    }
    note.subjectId = appointment.id;
    note.details = { cardId: appointment.cardId, officeId: appointment.officeId, slotStart: appointment.slotStart };
    if (appointment.slotStart <= japanTimeOf(app.clock.now())) return refuse(DomainErrorCode.AppointmentSlotPast, `the slot at ${appointment.slotStart} has begun`);
    await tx.appointments.update({ ...appointment, status: 'cancelled', updatedAt: app.clock.now() });
    await tx.appointments.releasePlace(appointment.officeId, appointment.slotStart);
    return success({ id: appointment.id, slotStart: appointment.slotStart });
  });
}
