import { randomInt } from 'node:crypto';
import { DomainErrorCode, refuse, success } from '../../domain/errors.ts';
import { decideNumberChange } from '../../domain/number-change.ts';
import { checkDigitOf } from '../../rules/individual-number.ts';
import { Procedure } from '../../rules/procedures.ts';
import type { Actor } from '../actor.ts';
import { runCommand } from '../command.ts';
import type { AppContext } from '../context.ts';
import { saveCard, saveResident } from '../persist.ts';
import type { Repositories } from '../ports/store.ts';
import { recordAct } from '../act-records.ts';
import { useProxyApproval, type ProxyRecord } from '../proxy.ts';
import type { ProxyInput } from '../command-input.ts';
import { decisionContext } from '../context.ts';
import type { Idempotency } from '../command.ts';
import { liveCards } from '../persist.ts';
import { residentWithCards } from '../views.ts';
import type { LegalRepresentative } from '../../domain/representation.ts';
import { representedDetails, representedNote } from '../cards/card-command.ts';

/** Why misuse of the number is feared. */
export interface NumberChangeInput extends ProxyInput<'resident.change-number'> {
  readonly reason: string;
  /** for a holder under 15 or an adult ward, the 法定代理人 who asks. */
  readonly legalRepresentative?: LegalRepresentative | undefined;
}

/** A new individual number that no one has ever had: 11 random digits and their check digit. */
export async function newIndividualNumber(app: AppContext, tx: Repositories): Promise<string> {
  for (;;) {
    const eleven = Array.from({ length: 11 }, () => randomInt(10)).join('');
    const number = eleven + checkDigitOf(eleven);
    if (number.startsWith('0')) continue;
    if (!(await tx.numbers.hashEverUsed(app.keys.numberHash(number)))) return number;
  }
}

/**
 * 個人番号の変更 (supervisor): a new number, the old one kept in the history, the card abolished
 * and a free new card applied for with the old card's photo and certificates (docs/domain.md, 9).
 * `proxy`: what the record keeps of a proxy whose approval the caller checks (numberChangeFor).
 */
export async function changeNumberIn(
  app: AppContext,
  tx: Repositories,
  actor: Actor,
  id: string,
  body: { readonly reason: string; readonly legalRepresentative?: LegalRepresentative | undefined },
  proxy: ProxyRecord | null,
) {
  const record = await tx.residents.get(id, { lock: true });
  if (!record) return refuse(DomainErrorCode.ResidentNotFound, `no resident ${id}`);
  const context = decisionContext(app);
  const cards = await liveCards(tx, id, true);
  const decided = decideNumberChange(
    { reason: body.reason, newCardId: app.ids.next(), legalRepresentative: body.legalRepresentative, withProxyApproval: proxy !== null },
    record.state,
    cards,
    context,
  );
  if (!decided.ok) return decided;
  const meta = { at: app.clock.now(), actorId: actor.id };
  const number = await newIndividualNumber(app, tx);
  const hash = app.keys.numberHash(number);
  await tx.numbers.retireCurrent(id, context.today);
  await tx.numbers.insert({ id: app.ids.next(), residentId: id, encrypted: app.keys.encryptNumber(number), hash, assignedOn: context.today });
  await tx.residents.setNumber(id, hash, number.slice(8));
  const after = await saveResident(tx, { ...record, numberLast4: number.slice(8) }, decided.value.resident, meta);
  let newCardId: string | null = null;
  if (decided.value.newCard.length > 0) {
    for (const { cardId, events } of decided.value.oldCards) await saveCard(tx, cards.find((card) => card.id === cardId), events, meta);
    newCardId = (await saveCard(tx, undefined, decided.value.newCard, meta)).id;
  }
  await recordAct(app, tx, actor, { kind: 'number-change', residentId: id, cardId: newCardId, fee: 0, details: { reason: body.reason, ...representedDetails(body.legalRepresentative) }, proxy });
  return success({ ...(await residentWithCards(app, tx, after, actor.role)), newCardId });
}

/** A number change in the caller's transaction, for the holder or for a proxy with an approval naming it. */
export async function numberChangeFor(app: AppContext, tx: Repositories, actor: Actor, id: string, body: NumberChangeInput) {
  const request = { approvalId: body.proxyApprovalId, procedure: Procedure.NumberChange };
  return useProxyApproval(app, tx, actor, request, id, (proxy) => changeNumberIn(app, tx, actor, id, body, proxy));
}

export async function changeNumber(app: AppContext, actor: Actor, id: string, body: NumberChangeInput, idempotency?: Idempotency) {
  return runCommand(app, actor, { action: 'resident.change-number', permission: 'resident.change-number', subjectType: 'resident', subjectId: id, idempotency }, async (tx, note) => {
    note.details = { reason: body.reason, ...representedNote(body.legalRepresentative) };
    return numberChangeFor(app, tx, actor, id, body);
  });
}
