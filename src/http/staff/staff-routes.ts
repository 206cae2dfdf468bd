import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { authorize } from '../../app/actor.ts';
import { accountsAwaitingSetup, changeStaffRole, disableStaff, enableStaff, endStaffSessions, issueSetupCode, resetStaff } from '../../app/staff-accounts.ts';
import { addStaff, staffAccountView } from '../../app/staff.ts';
import { success } from '../../domain/errors.ts';
import { IdParams, staffRoute } from '../staff-route.ts';
import { NewStaffBody, RoleBody, SessionsEndedSchema, SetupCodeSchema, StaffAccountChangeSchema, StaffAccountSchema } from './staff-schemas.ts';

const tags = ['staff'];

/**
 * Staff accounts: administrators (who read no resident data) make, reset, disable and re-enable
 * accounts, change roles and end sessions; supervisors issue the setup codes of the accounts of
 * their office (docs/security.md "Staff accounts").
 */
export async function staffRoutes(app: FastifyInstance): Promise<void> {
  staffRoute(app, { method: 'GET', url: '/api/v1/staff', summary: 'Staff accounts', tags, response: Type.Array(StaffAccountSchema), problems: [] }, async ({ context, request }) => {
    const allowed = authorize(request.actor, 'staff.manage');
    const now = context.realTime.wallMs();
    return allowed.ok ? success((await context.store.read.staff.list()).map((record) => staffAccountView(record, now))) : allowed;
  });
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/staff',
      summary: 'A new staff account: one that reads resident data awaits a setup code from a supervisor of its office; an administrator gets a one-time password',
      tags,
      body: NewStaffBody,
      response: StaffAccountChangeSchema,
      status: 201,
      problems: ['STAFF.DUPLICATE', 'OFFICE.UNKNOWN', 'INPUT.INVALID'],
      // The command keeps the answer, its one-time password encrypted: no stored answer holds one in clear.
      idempotency: 'command',
    },
    ({ context, request, body, idempotency }) => addStaff(context, request.actor, body, idempotency),
  );
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/staff/:id/reset',
      summary: "Reset an account: its sessions end; one that reads resident data loses its password and awaits a setup code, an administrator's gets a one-time password",
      tags,
      params: IdParams,
      response: StaffAccountChangeSchema,
      problems: ['STAFF.NOT_FOUND', 'STAFF.SELF'],
    },
    ({ context, request, params }) => resetStaff(context, request.actor, params.id),
  );
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/staff/:id/role',
      summary: 'A new role and office; sessions end, and a raise to a role that reads resident data (or another office) awaits a setup code',
      tags,
      params: IdParams,
      body: RoleBody,
      response: StaffAccountSchema,
      problems: ['STAFF.NOT_FOUND', 'STAFF.SELF', 'OFFICE.UNKNOWN', 'INPUT.INVALID'],
      idempotency: 'command',
    },
    ({ context, request, params, body, idempotency }) => changeStaffRole(context, request.actor, params.id, body, idempotency),
  );
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/staff/:id/disable',
      summary: 'Disable an account: no sign-in, and every session ends at once',
      tags,
      params: IdParams,
      response: StaffAccountSchema,
      problems: ['STAFF.NOT_FOUND', 'STAFF.SELF'],
    },
    ({ context, request, params, idempotency }) => disableStaff(context, request.actor, params.id, idempotency),
  );
  staffRoute(
    app,
    { method: 'POST', url: '/api/v1/staff/:id/enable', summary: 'Enable a disabled account again, as it was', tags, params: IdParams, response: StaffAccountSchema, problems: ['STAFF.NOT_FOUND'] },
    ({ context, request, params, idempotency }) => enableStaff(context, request.actor, params.id, idempotency),
  );
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/staff/:id/end-sessions',
      summary: 'End every session of an account now; its password stays',
      tags,
      params: IdParams,
      response: SessionsEndedSchema,
      problems: ['STAFF.NOT_FOUND'],
    },
    ({ context, request, params, idempotency }) => endStaffSessions(context, request.actor, params.id, idempotency),
  );
  staffRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/staff/awaiting-setup',
      summary: 'Supervisors: the accounts of your office (and hotline operators) that await a setup code',
      tags,
      response: Type.Array(StaffAccountSchema),
      problems: [],
    },
    ({ context, request }) => accountsAwaitingSetup(context, request.actor),
  );
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/staff/:id/setup-code',
      summary: 'Supervisors: a one-time setup code for an account of your office awaiting setup, shown once; it works once, for 72 hours',
      tags,
      params: IdParams,
      response: SetupCodeSchema,
      status: 201,
      problems: ['STAFF.NOT_FOUND', 'STAFF.SELF', 'STAFF.NOT_AWAITING_SETUP', 'AUTH.OFFICE_NOT_ALLOWED'],
    },
    ({ context, request, params }) => issueSetupCode(context, request.actor, params.id),
  );
}
