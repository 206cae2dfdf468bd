import { DomainErrorCode, refuse, success } from '../../domain/errors.ts';
import { authorize, type Actor } from '../actor.ts';
import type { EnquiryRecord } from '../ports/enquiry-repository.ts';
import type { AppContext } from '../context.ts';
import { residentView, type ResidentView, type ResidentWithCards } from '../views.ts';
import { residentWithCards } from '../views.ts';
import type { Result } from '../app-errors.ts';

/** How many of the resident's proxy enquiries the record carries, the latest first. */
const ENQUIRIES_SHOWN = 20;

/**
 * One resident with their cards and household, and (for whoever may ask for a proxy approval)
 * their latest proxy enquiries: the counter picks the one a proxy's request follows from these.
 */
export async function getResident(app: AppContext, actor: Actor, id: string): Promise<Result<ResidentWithCards & { household: ResidentView[]; proxyEnquiries: EnquiryRecord[] }>> {
  const allowed = authorize(actor, 'resident.read');
  if (!allowed.ok) return allowed;
  const record = await app.store.read.residents.get(id);
  if (!record) return refuse(DomainErrorCode.ResidentNotFound, `no resident ${id}`);
  const household = (await app.store.read.residents.household(record.state.householdId)).filter((member) => member.state.id !== id);
  const proxyEnquiries = authorize(actor, 'approval.request').ok ? await app.store.read.enquiries.listByResident(id, ENQUIRIES_SHOWN) : [];
  return success({ ...(await residentWithCards(app, app.store.read, record, actor.role)), household: household.map(residentView), proxyEnquiries });
}
