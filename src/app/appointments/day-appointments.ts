import { DomainErrorCode, refuse, success } from '../../domain/errors.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import { authorize, type Actor } from '../actor.ts';
import type { Result } from '../app-errors.ts';
import type { AppContext } from '../context.ts';
import type { Appointment, AppointmentStatus } from '../ports/appointment-repository.ts';
import type { Repositories } from '../ports/store.ts';
import { officeOf } from './office-schedule.ts';

export interface DayAppointmentsInput {
  readonly officeId: string;
  readonly date: PlainDate;
}

/** An appointment as the counter sees it: who comes when, and the card to hand over. */
export interface StaffAppointmentView {
  readonly id: string;
  readonly officeId: string;
  readonly slotStart: string;
  readonly slotEnd: string;
  readonly status: AppointmentStatus;
  readonly bookedAt: string;
  readonly resident: { readonly id: string; readonly familyName: string; readonly givenName: string; readonly familyNameKana: string; readonly givenNameKana: string };
  readonly card: { readonly id: string; readonly status: string };
}

export async function staffAppointmentView(read: Pick<Repositories, 'residents' | 'cards'>, appointment: Appointment): Promise<StaffAppointmentView> {
  const [resident, card] = await Promise.all([read.residents.get(appointment.residentId), read.cards.get(appointment.cardId)]);
  return {
    id: appointment.id,
    officeId: appointment.officeId,
    slotStart: appointment.slotStart,
    slotEnd: appointment.slotEnd,
    status: appointment.status,
    bookedAt: appointment.bookedAt,
    resident: {
      id: appointment.residentId,
      familyName: resident?.state.familyName ?? '',
      givenName: resident?.state.givenName ?? '',
      familyNameKana: resident?.state.familyNameKana ?? '',
      givenNameKana: resident?.state.givenNameKana ?? '',
    },
    card: { id: appointment.cardId, status: card?.status ?? 'unknown' },
  };
}

/** The refusal of a staff member of another office, or nothing: an office's appointments are its own counter's. */
export function ownOffice(actor: Actor, officeId: string): Result<void> {
  if (actor.officeId === officeId) return success(undefined);
  return refuse(DomainErrorCode.AuthOfficeNotAllowed, `the appointments of ${officeId} are seen and kept by its own counter`, { officeId });
}

/**
 * The pickup appointments of an office's day (docs/pickup.md "Appointments"), booked or missed, by
 * time, with the resident's name and the card: for a clerk or supervisor of that office.
 */
export async function dayAppointments(app: AppContext, actor: Actor, input: DayAppointmentsInput): Promise<Result<{ readonly officeId: string; readonly date: PlainDate; readonly appointments: StaffAppointmentView[] }>> {
  const allowed = authorize(actor, 'card.counter-procedure');
  if (!allowed.ok) return allowed;
  const office = officeOf(app, input.officeId);
  if (!office.ok) return office;
  const own = ownOffice(actor, input.officeId);
  if (!own.ok) return own;
  const appointments = await app.store.read.appointments.listDay(input.officeId, input.date);
  return success({ officeId: input.officeId, date: input.date, appointments: await Promise.all(appointments.map((appointment) => staffAppointmentView(app.store.read, appointment))) });
}
