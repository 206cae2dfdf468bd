import type { Actor } from './actor.ts';
import type { AppContext } from './context.ts';
import type { ActRecord } from './ports/act-record-repository.ts';
import type { Repositories } from './ports/store.ts';

export type ActFacts = Pick<ActRecord, 'kind' | 'residentId' | 'cardId'> &
  Partial<Pick<ActRecord, 'documents' | 'fee' | 'receiptNumber' | 'details' | 'proxy'>>;

/** Records an act at a counter or the hotline (docs/domain.md "Procedure record"): what the slip prints and reports count. */
export async function recordAct(app: AppContext, tx: Repositories, actor: Actor, facts: ActFacts): Promise<ActRecord> {
  const record = actRecordOf(app, actor, facts);
  await tx.acts.insert(record);
  return record;
}

/** The record of an act done now, not yet written (`recordAct` writes one, a batch writes many with `acts.insertMany`). */
export function actRecordOf(app: AppContext, actor: Actor, facts: ActFacts): ActRecord {
  return {
    id: app.ids.next(),
    kind: facts.kind,
    residentId: facts.residentId,
    cardId: facts.cardId,
    staffId: actor.id,
    officeId: actor.officeId,
    occurredAt: app.clock.now(),
    businessDate: app.clock.today(),
    documents: facts.documents ?? [],
    fee: facts.fee ?? null,
    receiptNumber: facts.receiptNumber ?? null,
    outcome: 'done',
    details: facts.details ?? {},
    proxy: facts.proxy ?? null,
  };
}

/** A receipt number for a fee taken at the actor's counter: year, office and a serial, e.g. 2026-honcho-000042. */
export async function nextReceiptNumber(app: AppContext, tx: Repositories, actor: Actor): Promise<string> {
  const year = Number(app.clock.today().slice(0, 4));
  const serial = await tx.receipts.next(actor.officeId, year);
  return `${year}-${actor.officeId}-${String(serial).padStart(6, '0')}`;
}
