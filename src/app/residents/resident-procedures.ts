import { DomainErrorCode, refuse, success } from '../../domain/errors.ts';
import { authorize, type Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';

/** The acts recorded for a resident, oldest first: the counter's history and the source of slips. */
export async function residentProcedures(app: AppContext, actor: Actor, id: string) {
  const allowed = authorize(actor, 'resident.read');
  if (!allowed.ok) return allowed;
  if (!(await app.store.read.residents.get(id))) return refuse(DomainErrorCode.ResidentNotFound, `no resident ${id}`);
  return success(await app.store.read.acts.listByResident(id));
}
