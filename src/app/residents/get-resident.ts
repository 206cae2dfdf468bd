import { DomainErrorCode, refuse, success } from '../../domain/errors.ts';
import { authorize, type Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { residentView, type ResidentView, type ResidentWithCards } from '../views.ts';
import { residentWithCards } from '../views.ts';
import type { Result } from '../app-errors.ts';

export async function getResident(app: AppContext, actor: Actor, id: string): Promise<Result<ResidentWithCards & { household: ResidentView[] }>> {
  const allowed = authorize(actor, 'resident.read');
  if (!allowed.ok) return allowed;
  const record = await app.store.read.residents.get(id);
  if (!record) return refuse(DomainErrorCode.ResidentNotFound, `no resident ${id}`);
  const household = (await app.store.read.residents.household(record.state.householdId)).filter((member) => member.state.id !== id);
  return success({ ...(await residentWithCards(app, app.store.read, record, actor.role)), household: household.map(residentView) });
}
