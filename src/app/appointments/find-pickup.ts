import { DomainErrorCode, refuse, refuseField, success } from '../../domain/errors.ts';
import type { Office } from '../../domain/office.ts';
import { isWellFormedPickupReference } from '../../domain/pickup-reference.ts';
import { pickupDeadline } from '../../rules/pickup-deadline.ts';
import { addDays, minDate, type PlainDate } from '../../rules/plain-date.ts';
import type { Result } from '../app-errors.ts';
import type { AppContext } from '../context.ts';
import type { CardState } from '../../domain/card.ts';
import type { LockOption, Repositories } from '../ports/store.ts';
import { listSlots, type SlotView } from './list-slots.ts';
import { officeOf } from './office-schedule.ts';

const NOT_FOUND = 'no card waiting for pickup has this reference number and birth date';

/**
 * The card of a 照会番号 whose holder was born on `birthDate`: one refusal, APPOINTMENT.NOT_FOUND,
 * whether the number or the date is wrong; a mistyped number (its check digit does not match) is
 * an input error, which says nothing about which numbers exist (docs/pickup.md). With `lock`, the
 * card's row is held until the transaction ends.
 */
export async function cardOfReference(
  read: Pick<Repositories, 'cards'>,
  referenceNumber: string,
  birthDate: PlainDate,
  options?: LockOption,
): Promise<Result<CardState>> {
  if (!isWellFormedPickupReference(referenceNumber)) return refuseField('referenceNumber', 'the last digit does not check the others: a digit is mistyped');
  const found = await read.cards.findByPickupReference(referenceNumber, options);
  if (!found || found.holderBirthDate !== birthDate) return refuse(DomainErrorCode.AppointmentNotFound, NOT_FOUND);
  return success(found.card);
}

/** How many days ahead the booking page offers, at most. */
export const PAGE_DAYS = 14;

export interface PickupLookup {
  readonly office: Office;
  readonly collectBy: PlainDate;
  /** The live appointment, if the card has one. */
  readonly appointment: { readonly id: string; readonly slotStart: string; readonly slotEnd: string } | null;
  /** Free slots from today for PAGE_DAYS days, never after `collectBy`. */
  readonly slots: readonly SlotView[];
}

/**
 * What the guide's booking page shows after the reference number and birth date (docs/pickup.md
 * "Appointments"): the office the card waits at, until when, the appointment booked if any, and the
 * free slots. A read: nothing is changed or audited, but the look-up spends the address's budget.
 */
export async function findPickup(app: AppContext, input: { readonly referenceNumber: string; readonly birthDate: PlainDate }): Promise<Result<PickupLookup>> {
  const found = await cardOfReference(app.store.read, input.referenceNumber, input.birthDate);
  if (!found.ok) return found;
  const card = found.value;
  if (card.status !== 'ready') return refuse(DomainErrorCode.AppointmentCardNotReady, `the card is ${card.status}, not waiting at a counter`);
  const office = officeOf(app, card.pickupOfficeId);
  if (!office.ok) return office;
  const deadline = pickupDeadline({ readyOn: card.pickup.readyOn }, app.rules);
  if (!deadline.ok) return deadline;
  const { collectBy } = deadline.value;
  const today = app.clock.today();
  const live = await app.store.read.appointments.findLiveByCard(card.id);
  const appointment = live ? { id: live.id, slotStart: live.slotStart, slotEnd: live.slotEnd } : null;
  if (collectBy < today) return success({ office: office.value, collectBy, appointment, slots: [] });
  const slots = await listSlots(app, { officeId: office.value.id, from: today, to: minDate(addDays(today, PAGE_DAYS - 1), collectBy) });
  if (!slots.ok) return slots;
  return success({ office: office.value, collectBy, appointment, slots: slots.value.slots.filter((slot) => slot.remaining > 0 && slot.start !== appointment?.slotStart) });
}
