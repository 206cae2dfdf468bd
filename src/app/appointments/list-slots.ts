import { refuseField, success } from '../../domain/errors.ts';
import { japanTime, pickupSlots } from '../../rules/pickup-slots.ts';
import { addDays, toEpochDay, type PlainDate } from '../../rules/plain-date.ts';
import type { Result } from '../app-errors.ts';
import { japanTimeOf } from '../clock.ts';
import type { AppContext } from '../context.ts';
import { officeOf, officeSummary, type OfficeSummary } from './office-schedule.ts';

/** At most this many days are listed at once. */
export const SLOT_RANGE_DAYS = 31;

export interface ListSlotsInput {
  readonly officeId: string;
  readonly from: PlainDate;
  readonly to: PlainDate;
}

export interface SlotView {
  readonly start: string;
  readonly end: string;
  readonly remaining: number;
}

export interface SlotsView {
  readonly office: OfficeSummary;
  readonly slots: SlotView[];
}

/**
 * The pickup slots of an office from `from` to `to` with the places left in each (docs/pickup.md
 * "Appointments"): the office's schedule and R-9's closed days, less what is booked. Slots that have
 * begun are left out. Public: it names no one.
 */
export async function listSlots(app: AppContext, input: ListSlotsInput): Promise<Result<SlotsView>> {
  const office = officeOf(app, input.officeId);
  if (!office.ok) return office;
  if (input.to < input.from) return refuseField('to', `${input.to} is before ${input.from}`);
  if (toEpochDay(input.to) - toEpochDay(input.from) >= SLOT_RANGE_DAYS) return refuseField('to', `at most ${SLOT_RANGE_DAYS} days at once`);
  const schedule = office.value.pickup;
  if (!schedule) return success({ office: officeSummary(office.value), slots: [] });
  const slots = pickupSlots(schedule, app.rules.calendar, input.from, input.to);
  if (!slots.ok) return slots;
  const taken = await app.store.read.appointments.placesTaken(office.value.id, japanTime(input.from, 0), japanTime(addDays(input.to, 1), 0));
  const now = japanTimeOf(app.clock.now());
  return success({
    office: officeSummary(office.value),
    slots: slots.value
      .filter((slot) => slot.start > now)
      .map((slot) => ({ start: slot.start, end: slot.end, remaining: Math.max(0, slot.capacity - (taken.get(slot.start) ?? 0)) })),
  });
}
