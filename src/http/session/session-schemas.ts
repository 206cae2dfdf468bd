import { Type } from 'typebox';
import { PERMISSION_VALUES, ROLES } from '../../domain/roles.ts';
import { CSRF_HEADER } from '../auth.ts';
import { Body } from '../body-fields.ts';

/**
 * The requests and answers of docs/api.md "Session" (session-routes.ts). The use cases take the
 * fields as arguments (app/staff.ts signIn, changePassword; app/staff-accounts.ts completeSetup).
 */

/** Which municipality's account signs in, where one deployment serves several (docs/scale.md "Several municipalities"). */
const MunicipalityField = Type.Optional(
  Type.String({ pattern: '^[0-9]{6}$', description: "The municipality code (全国地方公共団体コード) of the account's municipality; by default the one whose address the request was sent to, else the deployment's own" }),
);
export const LoginBody = Body({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 200 }), municipality: MunicipalityField });
export const PasswordChangeBody = Body({ currentPassword: Type.String({ maxLength: 200 }), newPassword: Type.String({ maxLength: 200 }) });
export const SetupBody = Body({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  municipality: MunicipalityField,
  setupCode: Type.String({ minLength: 1, maxLength: 40, description: 'As the supervisor handed it over, e.g. ABCD-EFGH-JKLM-NPQR; case, spaces and dashes do not matter' }),
  newPassword: Type.String({ maxLength: 200 }),
});

export const StaffViewSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  name: Type.String(),
  role: Type.Enum(ROLES),
  officeId: Type.String(),
  mustChangePassword: Type.Boolean(),
});

export const SessionSchema = Type.Object({
  token: Type.String({ description: 'Send as Authorization: Bearer <token>' }),
  csrfToken: Type.String({ description: `With the session cookie, send in the ${CSRF_HEADER} header of every change` }),
  csrfHeader: Type.Literal(CSRF_HEADER),
  expiresAt: Type.String({ format: 'date-time' }),
  user: StaffViewSchema,
  permissions: Type.Array(Type.Enum(PERMISSION_VALUES), { description: 'What the signed-in staff member may do: the web app offers nothing else' }),
});
