import { Type } from 'typebox';
import { ROLES } from '../../domain/roles.ts';
import { StaffViewSchema } from '../session/session-schemas.ts';

/**
 * The requests and answers of docs/api.md "Staff accounts" (staff-routes.ts). Each body's type is
 * held to its use case's input by ../agreement.ts.
 */

export const StaffAccountSchema = Type.Object({
  ...StaffViewSchema.properties,
  state: Type.Enum(['active', 'awaiting-setup', 'disabled'], { description: 'awaiting-setup: no password yet; a supervisor of its office issues a setup code' }),
  setupCodeExpiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'When the outstanding setup code stops working; null when none works' }),
});

/**
 * The answers of adding an account, a reset and a setup code carry a secret shown once: they are
 * never kept for a repeat of an Idempotency-Key (the key is not passed on), so that no setup code
 * or one-time password lies in the database in the clear. A repeat makes a new one, which
 * replaces the first (a repeated add is STAFF.DUPLICATE; reset the account instead).
 */
export const StaffAccountChangeSchema = Type.Object({
  ...StaffAccountSchema.properties,
  oneTimePassword: Type.Optional(Type.String({ description: "An administrator's account only: shown this once, changed at first sign-in" })),
});

export const SessionsEndedSchema = Type.Object({ ...StaffAccountSchema.properties, endedSessions: Type.Integer({ minimum: 0 }) });

export const SetupCodeSchema = Type.Object({
  code: Type.String({ description: 'Hand it to the person: it is shown only now' }),
  expiresAt: Type.String({ format: 'date-time' }),
  account: StaffAccountSchema,
});

export const NewStaffBody = Type.Object(
  {
    username: Type.String({ minLength: 2, maxLength: 64 }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    role: Type.Enum(ROLES),
    officeId: Type.String({ maxLength: 64 }),
  },
  { additionalProperties: false },
);

export const RoleBody = Type.Object({ role: Type.Enum(ROLES), officeId: Type.String({ maxLength: 64 }) }, { additionalProperties: false });
