import type { Selectable } from 'kysely';
import type { Appointment, AppointmentRepository, AppointmentStatus } from '../../app/ports/appointment-repository.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { AppointmentsTable } from '../schema.ts';
import { prepared } from './prepared.ts';
import { indexedStatus, type Scope } from './scope.ts';

function fromRow(row: Selectable<AppointmentsTable>): Appointment {
  return {
    id: row.id,
    cardId: row.card_id,
    residentId: row.resident_id,
    officeId: row.office_id,
    slotDate: row.slot_date as PlainDate,
    slotStart: row.slot_start,
    slotEnd: row.slot_end,
    status: row.status as AppointmentStatus,
    cancelCodeHash: row.cancel_code_hash,
    bookedAt: row.booked_at,
    updatedAt: row.updated_at,
  };
}

// The statements of a public booking, compiled once (docs/architecture.md "Performance").
const liveOfCard = prepared((db, a: { municipalityCode: string; cardId: string }) =>
  db.selectFrom('appointments').selectAll().where('municipality_code', '=', a.municipalityCode).where('card_id', '=', a.cardId).where('status', '=', indexedStatus('booked')),
);
const insertAppointment = prepared((db, a: AppointmentsTable) =>
  db.insertInto('appointments').values({
    id: a.id,
    municipality_code: a.municipality_code,
    card_id: a.card_id,
    resident_id: a.resident_id,
    office_id: a.office_id,
    slot_date: a.slot_date,
    slot_start: a.slot_start,
    slot_end: a.slot_end,
    status: a.status,
    cancel_code_hash: a.cancel_code_hash,
    booked_at: a.booked_at,
    updated_at: a.updated_at,
  }),
);
// One statement: the slot's first place creates its row; a later one is a conditional update of
// it, which waits for a concurrent taker's commit and sees its count.
const takeSlotPlace = prepared((db, a: { municipalityCode: string; officeId: string; slotStart: string; capacity: number }) =>
  db
    .insertInto('appointment_slots')
    .values({ municipality_code: a.municipalityCode, office_id: a.officeId, slot_start: a.slotStart, booked: 1 })
    .onConflict((conflict) =>
      conflict
        .columns(['municipality_code', 'office_id', 'slot_start'])
        .doUpdateSet((eb) => ({ booked: eb('appointment_slots.booked', '+', 1) }))
        .where('appointment_slots.booked', '<', a.capacity),
    ),
);

/** Pickup appointments and the places taken in each slot (docs/pickup.md "Appointments"). */
export function appointmentRepository(scope: Scope): AppointmentRepository {
  const { db, dialect, municipalityCode } = scope;
  const appointments = () => db.selectFrom('appointments').selectAll().where('municipality_code', '=', municipalityCode);
  return {
    async get(id, options) {
      let query = appointments().where('id', '=', id);
      if (options?.lock && dialect.supportsRowLocks) query = query.forUpdate();
      const row = await query.executeTakeFirst();
      return row && fromRow(row);
    },
    async findLiveByCard(cardId) {
      const row = (await liveOfCard(scope, { municipalityCode, cardId })).rows[0];
      return row && fromRow(row);
    },
    async insert(a) {
      await insertAppointment(scope, {
        id: a.id,
        municipality_code: municipalityCode,
        card_id: a.cardId,
        resident_id: a.residentId,
        office_id: a.officeId,
        slot_date: a.slotDate,
        slot_start: a.slotStart,
        slot_end: a.slotEnd,
        status: a.status,
        cancel_code_hash: a.cancelCodeHash,
        booked_at: a.bookedAt,
        updated_at: a.updatedAt,
      });
    },
    async update(a) {
      await db
        .updateTable('appointments')
        .set({ slot_date: a.slotDate, slot_start: a.slotStart, slot_end: a.slotEnd, status: a.status, cancel_code_hash: a.cancelCodeHash, updated_at: a.updatedAt })
        .where('municipality_code', '=', municipalityCode)
        .where('id', '=', a.id)
        .execute();
    },
    async takePlace(officeId, slotStart, capacity) {
      if (capacity < 1) return false;
      const result = await takeSlotPlace(scope, { municipalityCode, officeId, slotStart, capacity });
      return Number(result.numAffectedRows) === 1;
    },
    async releasePlace(officeId, slotStart) {
      await db
        .updateTable('appointment_slots')
        .set((eb) => ({ booked: eb('booked', '-', 1) }))
        .where('municipality_code', '=', municipalityCode)
        .where('office_id', '=', officeId)
        .where('slot_start', '=', slotStart)
        .where('booked', '>', 0)
        .execute();
    },
    async placesTaken(officeId, fromStart, toStart) {
      const rows = await db
        .selectFrom('appointment_slots')
        .select(['slot_start', 'booked'])
        .where('municipality_code', '=', municipalityCode)
        .where('office_id', '=', officeId)
        .where('slot_start', '>=', fromStart)
        .where('slot_start', '<', toStart)
        .execute();
      return new Map(rows.map((row) => [row.slot_start, Number(row.booked)]));
    },
    async listDay(officeId, date) {
      const rows = await appointments()
        .where('office_id', '=', officeId)
        .where('slot_date', '=', date)
        .where('status', 'in', ['booked', 'no-show'])
        .orderBy('slot_start')
        .orderBy('booked_at')
        .execute();
      return rows.map(fromRow);
    },
  };
}
