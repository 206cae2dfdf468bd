import type { FastifyInstance } from 'fastify';
import { ROLES } from '../../domain/roles.ts';
import { Type } from 'typebox';
import { authorize } from '../../app/actor.ts';
import type { AppContext } from '../../app/context.ts';
import { addStaff, staffView } from '../../app/staff.ts';
import { success } from '../../domain/errors.ts';
import { StaffViewSchema } from '../session/session-routes.ts';
import { staffRoute } from '../staff-route.ts';

const tags = ['staff'];

/** Staff accounts, for administrators (who read no resident data). */
export async function staffRoutes(app: FastifyInstance, { context }: { context: AppContext }): Promise<void> {
  staffRoute(app, { method: 'GET', url: '/api/v1/staff', summary: 'Staff accounts', tags, response: Type.Array(StaffViewSchema), problems: [] }, async ({ request }) => {
    const allowed = authorize(request.actor, 'staff.manage');
    return allowed.ok ? success((await context.store.read.staff.list()).map(staffView)) : allowed;
  });
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/staff',
      summary: 'A new staff account; a one-time password to change at first sign-in',
      tags,
      body: Type.Object(
        {
          username: Type.String({ minLength: 2, maxLength: 64 }),
          name: Type.String({ minLength: 1, maxLength: 100 }),
          role: Type.Enum(ROLES),
          officeId: Type.String({ maxLength: 64 }),
          password: Type.String({ maxLength: 200 }),
        },
        { additionalProperties: false },
      ),
      response: StaffViewSchema,
      status: 201,
      problems: ['STAFF.DUPLICATE', 'OFFICE.UNKNOWN', 'AUTH.WEAK_PASSWORD', 'INPUT.INVALID'],
    },
    ({ request, body }) => addStaff(context, request.actor, { ...body, mustChangePassword: true }),
  );
}
