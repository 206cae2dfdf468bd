import { success } from '../domain/errors.ts';
import { authorize, type Actor } from './actor.ts';
import type { Result } from './app-errors.ts';
import type { AppContext } from './context.ts';
import type { AuditFilter, ListedAuditEntry } from './ports/audit-repository.ts';

/** An entry as the audit screen shows it: who acted and on whom, by name, beside the ids the trail holds. */
export interface NamedAuditEntry extends ListedAuditEntry {
  /** The staff member who acted, by name (null: the system, or an account no longer known). */
  readonly actorName: string | null;
  /** The resident the entry is about: the subject itself, or the holder of the card or approval. */
  readonly resident: { readonly id: string; readonly name: string; readonly kana: string } | null;
  /** The staff account the entry is about (staff.* actions), by name. */
  readonly subjectStaffName: string | null;
}

/**
 * The audit trail as an auditor reads it (permission `audit.read`): a page of entries with the
 * names of the staff and residents they are about. The names are looked up now, not kept in the
 * trail: the trail holds ids only, so that a resident's change of name never alters a hashed entry.
 */
export async function listAuditEntries(app: AppContext, actor: Actor, filter: AuditFilter): Promise<Result<NamedAuditEntry[]>> {
  const allowed = authorize(actor, 'audit.read');
  if (!allowed.ok) return allowed;
  const read = app.store.read;
  const entries = await read.audit.list(filter);
  const staff = new Map((await read.staff.list()).map((member) => [member.id, member.name]));

  // The resident of each entry: its subject, or the resident of the card or approval it names.
  const residentOf = new Map<string, string>();
  const subjects = (type: string) => [...new Set(entries.filter((entry) => entry.subjectType === type && entry.subjectId).map((entry) => entry.subjectId!))];
  for (const id of subjects('resident')) residentOf.set(id, id);
  for (const id of subjects('card')) {
    const card = await read.cards.get(id);
    if (card) residentOf.set(id, card.residentId);
  }
  for (const id of subjects('approval')) {
    const approval = await read.approvals.get(id);
    if (approval) residentOf.set(id, approval.residentId);
  }
  const residents = new Map(
    (await read.residents.getMany([...new Set(residentOf.values())])).map(({ state }) => [
      state.id,
      { id: state.id, name: `${state.familyName} ${state.givenName}`, kana: `${state.familyNameKana} ${state.givenNameKana}` },
    ]),
  );

  return success(
    entries.map((entry) => {
      const residentId = entry.subjectId ? residentOf.get(entry.subjectId) : undefined;
      return {
        ...entry,
        actorName: entry.actorId ? (staff.get(entry.actorId) ?? null) : null,
        resident: residentId ? (residents.get(residentId) ?? null) : null,
        subjectStaffName: entry.subjectType === 'staff' && entry.subjectId ? (staff.get(entry.subjectId) ?? null) : null,
      };
    }),
  );
}
