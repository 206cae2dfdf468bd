import { DomainErrorCode, refuse, success } from '../../domain/errors.ts';
import { authorize, type Actor } from '../actor.ts';
import type { Result } from '../app-errors.ts';
import type { AppContext } from '../context.ts';
import type { EnquiryRecord } from '../ports/enquiry-repository.ts';

/** How many of a resident's enquiries the counter is offered to choose from, the latest first. */
const ENQUIRIES_SHOWN = 50;

/**
 * A resident's recorded proxy enquiries, the latest first, for whoever may ask for a proxy
 * approval (permission `approval.request`): the clerk picks the one the proxy's request follows
 * instead of typing its id.
 */
export async function listEnquiries(app: AppContext, actor: Actor, residentId: string): Promise<Result<EnquiryRecord[]>> {
  const allowed = authorize(actor, 'approval.request');
  if (!allowed.ok) return allowed;
  if (!(await app.store.read.residents.get(residentId))) return refuse(DomainErrorCode.ResidentNotFound, `no resident ${residentId}`);
  return success(await app.store.read.enquiries.listByResident(residentId, ENQUIRIES_SHOWN));
}
