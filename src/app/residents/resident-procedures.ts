import { DomainErrorCode, refuse, success } from '../../domain/errors.ts';
import { authorize, type Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';

/**
 * The acts recorded for a resident, oldest first: the counter's history and the source of slips,
 * each with the name of the staff member who did it (a slip printed again names its clerk).
 */
export async function residentProcedures(app: AppContext, actor: Actor, id: string) {
  const allowed = authorize(actor, 'resident.read');
  if (!allowed.ok) return allowed;
  const read = app.store.read;
  if (!(await read.residents.get(id))) return refuse(DomainErrorCode.ResidentNotFound, `no resident ${id}`);
  const acts = await read.acts.listByResident(id);
  const names = new Map((await read.staff.list()).map((member) => [member.id, member.name]));
  return success(acts.map((act) => ({ ...act, staffName: names.get(act.staffId) ?? null })));
}
