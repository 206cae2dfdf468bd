import { checkNoShow } from '../../domain/appointment.ts';
import { DomainErrorCode, refuse, success } from '../../domain/errors.ts';
import type { Actor } from '../actor.ts';
import type { Result } from '../app-errors.ts';
import { japanTimeOf } from '../clock.ts';
import { runCommand } from '../command.ts';
import type { AppContext } from '../context.ts';
import { ownOffice, staffAppointmentView, type StaffAppointmentView } from './day-appointments.ts';

/**
 * A clerk of the office marks that nobody came to a booked appointment whose slot has begun
 * (docs/pickup.md "Appointments"), audited. The card keeps waiting; the holder may book again.
 */
export async function markNoShow(app: AppContext, actor: Actor, id: string): Promise<Result<StaffAppointmentView>> {
  return runCommand(app, actor, { action: 'appointment.no-show', permission: 'card.counter-procedure', subjectType: 'appointment', subjectId: id }, async (tx, note) => {
    const appointment = await tx.appointments.get(id, { lock: true });
    if (!appointment) return refuse(DomainErrorCode.AppointmentNotFound, `no appointment ${id}`);
    note.details = { cardId: appointment.cardId, officeId: appointment.officeId, slotStart: appointment.slotStart };
    const own = ownOffice(actor, appointment.officeId);
    if (!own.ok) return own;
    const allowed = checkNoShow(appointment, japanTimeOf(app.clock.now()));
    if (!allowed.ok) return allowed;
    const missed = { ...appointment, status: 'no-show' as const, updatedAt: app.clock.now() };
    await tx.appointments.update(missed);
    return success(await staffAppointmentView(tx, missed));
  });
}
