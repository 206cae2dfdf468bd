import { Type } from 'typebox';
import { PICKUP_REFERENCE_PATTERN } from '../../domain/pickup-reference.ts';
import { DateField, DateSchema } from '../../rules/schema.ts';
import { Body, Nullable } from '../body-fields.ts';

const OfficeId = Type.String({ pattern: '^[a-z0-9-]+$', maxLength: 60, examples: ['honcho'] });
const SlotTime = (description: string) => Type.String({ description, examples: ['2026-11-30T09:00:00+09:00'] });

export const SlotsQuery = Type.Object(
  { officeId: OfficeId, from: DateSchema, to: DateField('The last day listed, at most 30 days after `from`') },
  { additionalProperties: false },
);

const OfficeSummarySchema = Type.Object(
  { id: Type.String(), name: Type.String(), nameEn: Type.String(), address: Type.String(), phone: Type.String() },
  { additionalProperties: false, description: 'The counter the card waits at (offices.json)' },
);

export const SlotsSchema = Type.Object(
  {
    office: OfficeSummarySchema,
    slots: Type.Array(
      Type.Object(
        { start: SlotTime('Japan time'), end: SlotTime('Japan time'), remaining: Type.Integer({ minimum: 0, description: 'Places left' }) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const BookBody = Body(
  {
    referenceNumber: Type.String({ pattern: PICKUP_REFERENCE_PATTERN, description: '照会番号 printed on the 交付通知書: ten digits', examples: ['1234567897'] }),
    birthDate: DateField("The card holder's birth date"),
    slotStart: Type.String({ format: 'date-time', description: 'The start of a slot listed by GET /api/v1/appointments/slots', examples: ['2026-11-30T09:00:00+09:00'] }),
  },
  'Book a pickup time, or move the one booked for the card',
);

export const BookedSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    slotStart: SlotTime('Japan time'),
    slotEnd: SlotTime('Japan time'),
    office: OfficeSummarySchema,
    cancelCode: Type.String({ description: 'Shown this once; needed to cancel. Only its hash is kept' }),
    collectBy: DateField('The last day the card can be collected (R-19)'),
    movedFrom: Nullable(SlotTime('The slot the appointment was moved from')),
  },
  { additionalProperties: false },
);

export const CancelQuery = Type.Object({ cancelCode: Type.String({ minLength: 1, maxLength: 40, description: 'The code given when booking' }) }, { additionalProperties: false });

export const CancelledSchema = Type.Object({ id: Type.String({ format: 'uuid' }), slotStart: SlotTime('The slot given back') }, { additionalProperties: false });

export const DayQuery = Type.Object({ officeId: OfficeId, date: DateSchema }, { additionalProperties: false });

export const StaffAppointmentSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    officeId: Type.String(),
    slotStart: SlotTime('Japan time'),
    slotEnd: SlotTime('Japan time'),
    status: Type.Enum(['booked', 'cancelled', 'no-show']),
    bookedAt: Type.String({ format: 'date-time' }),
    resident: Type.Object(
      { id: Type.String({ format: 'uuid' }), familyName: Type.String(), givenName: Type.String(), familyNameKana: Type.String(), givenNameKana: Type.String() },
      { additionalProperties: false },
    ),
    card: Type.Object({ id: Type.String({ format: 'uuid' }), status: Type.String() }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

export const DaySchema = Type.Object(
  { officeId: Type.String(), date: DateSchema, appointments: Type.Array(StaffAppointmentSchema) },
  { additionalProperties: false },
);
