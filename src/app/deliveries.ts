import type { CardEvent, CardState } from '../domain/card.ts';
import { decideCard } from '../domain/card-decider.ts';
import { DomainErrorCode, refuse, refuseField, success } from '../domain/errors.ts';
import { holderOf } from '../domain/holder.ts';
import { pickupDeadline } from '../rules/pickup-deadline.ts';
import { parsePlainDate, type PlainDate } from '../rules/plain-date.ts';
import { actRecordOf } from './act-records.ts';
import { authorize, type Actor } from './actor.ts';
import { appendAudit, appendAudits } from './audit-trail.ts';
import { drawPickupReferences } from './cards/pickup-reference.ts';
import { decisionContext, type AppContext } from './context.ts';
import { saveCards } from './persist.ts';
import type { Repositories } from './ports/store.ts';
import { isSystemActor } from './staff.ts';
import type { Result } from './app-errors.ts';

/**
 * Why a row of a delivery was not checked in (docs/pickup.md "Deliveries"): stable codes, one per
 * row, so that the office can sort the exceptions out with J-LIS.
 */
export const DELIVERY_ROW_CODES = [
  /** No card of the municipality has this id. */
  'DELIVERY.UNKNOWN_CARD',
  /** The card is not waiting to be made (`applied`): already handed over, ended, or ready from another delivery. */
  'DELIVERY.WRONG_STATUS',
  /** The card is to be collected at another office: it was sent to the wrong counter. */
  'DELIVERY.OTHER_OFFICE',
  /** The 発行日 is not a date, lies in the future, before the application or after the day of receipt. */
  'DELIVERY.BAD_DATE',
  /** The same card is on an earlier line of this delivery. */
  'DELIVERY.DUPLICATE_ROW',
  /** The row does not have the two cells card_id, issue_date. */
  'DELIVERY.BAD_ROW',
] as const;
export type DeliveryRowCode = (typeof DELIVERY_ROW_CODES)[number];

/** What a delivery's check-in answers (its schema: http/deliveries/delivery-schemas.ts, held to it by http/agreement.ts). */
export interface DeliveryReport {
  /** The audit trail names the delivery by it. */
  readonly deliveryId: string;
  readonly officeId: string;
  readonly receivedOn: PlainDate;
  /** Rows read (cards listed in the delivery). */
  readonly rows: number;
  /** Cards made ready by this request. */
  readonly accepted: number;
  /** Cards already ready from this same delivery (a re-send): not an error, nothing changed. */
  readonly unchanged: number;
  readonly collectBy: PlainDate;
  readonly rejected: Rejection[];
}

/** One row of a delivery list, as read: nothing checked yet. */
export interface DeliveryRow {
  readonly line: number;
  readonly cardId: string;
  readonly issueDate: string;
  /** A row the reader could not split into its cells. */
  readonly unreadable?: boolean;
}

export interface DeliveryInput {
  readonly officeId: string;
  readonly receivedOn: string;
  readonly rows: readonly DeliveryRow[];
}

/** A delivery is checked in by at most this many cards per transaction, so that the counters' own work goes on meanwhile. */
const BATCH = 500;
/** The largest delivery taken in one request or file. */
export const MAX_DELIVERY_ROWS = 50_000;

/**
 * Who checks a delivery in: a clerk or supervisor of the receiving office (the cards are in their
 * hands), or the server's command line as the system (a file from J-LIS, `deliveries import`).
 */
function mayCheckIn(app: AppContext, actor: Actor, officeId: string): Result<void> {
  if (isSystemActor(actor)) return authorize(actor, 'registry.exchange');
  const allowed = authorize(actor, 'card.counter-procedure');
  if (!allowed.ok) return allowed;
  if (actor.officeId !== officeId) {
    return refuse(DomainErrorCode.AuthOfficeNotAllowed, `a delivery to ${officeId} is checked in there; you work at ${actor.officeId}`, { officeId });
  }
  return success(undefined);
}

/** The rows of a delivery list in CSV (header `card_id,issue_date`), from the cells and line numbers of a CSV reader. */
export function deliveryRowsOf(records: readonly { line: number; cells: readonly string[]; error?: string }[]): Result<DeliveryRow[]> {
  const [header, ...rest] = records;
  const names = header?.cells.map((cell) => cell.trim().replace(/^\uFEFF/, '').toLowerCase());
  if (!names || header?.error !== undefined || names[0] !== 'card_id' || names[1] !== 'issue_date') {
    return refuse('INPUT.INVALID', 'the first line must be the header card_id,issue_date');
  }
  return success(
    rest
      .filter((record) => record.error !== undefined || record.cells.some((cell) => cell.trim() !== ''))
      .map((record) =>
        record.error === undefined && record.cells.length === 2
          ? { line: record.line, cardId: record.cells[0]!.trim(), issueDate: record.cells[1]!.trim() }
          : { line: record.line, cardId: record.cells[0]?.trim() ?? '', issueDate: '', unreadable: true },
      ),
  );
}

/** A row not checked in: its line (the CSV's, the header being 1; or the position in the list from 1), card and code. */
interface Rejection {
  readonly line: number;
  readonly cardId: string;
  readonly code: DeliveryRowCode;
  readonly message: string;
}

/**
 * One batch of the delivery in its transaction: each card made ready exactly as `manufacture`
 * makes it (the same decider, `readyOn` the day of receipt, a new 照会番号), with its procedure
 * record and its audit entry; or the row's rejection; or nothing when the card is already ready
 * from this delivery (a re-send). The outcomes come in the rows' order. The cards, their holders
 * and the new 照会番号 are read a batch at a time and the changes written so (docs/pickup.md
 * "Deliveries"): a row costs no query of its own but its card's update.
 */
async function checkInBatch(
  app: AppContext,
  actor: Actor,
  tx: Repositories,
  delivery: { id: string; officeId: string; receivedOn: PlainDate },
  rows: readonly (DeliveryRow & { issueDate: PlainDate })[],
): Promise<('accepted' | 'unchanged' | Rejection)[]> {
  const reject = (row: DeliveryRow, code: DeliveryRowCode, message: string): Rejection => ({ line: row.line, cardId: row.cardId, code, message });
  const cards = new Map((await tx.cards.getMany(rows.map((row) => row.cardId), { lock: true })).map((card) => [card.id, card]));
  const outcomes: ('accepted' | 'unchanged' | Rejection | CardState)[] = rows.map((row) => {
    const card = cards.get(row.cardId);
    if (!card) return reject(row, 'DELIVERY.UNKNOWN_CARD', `no card ${row.cardId}`);
    if (card.pickupOfficeId !== delivery.officeId) return reject(row, 'DELIVERY.OTHER_OFFICE', `this card is collected at ${card.pickupOfficeId}, not ${delivery.officeId}`);
    if (card.status === 'ready' && card.pickup?.readyOn === delivery.receivedOn && card.issueDate === row.issueDate) return 'unchanged';
    if (card.status !== 'applied') return reject(row, 'DELIVERY.WRONG_STATUS', `the card is ${card.status}${card.status === 'ready' ? ` since ${card.pickup?.readyOn ?? card.issueDate}` : ''}, not waiting to be made`);
    return card;
  });
  const waiting = outcomes.filter((outcome): outcome is CardState => typeof outcome === 'object' && 'residentId' in outcome);
  const holders = new Map((await tx.residents.getMany([...new Set(waiting.map((card) => card.residentId))])).map((holder) => [holder.state.id, holder]));
  const references = await drawPickupReferences(tx, waiting.length);
  const context = decisionContext(app);
  const made: { before: CardState; events: CardEvent[] }[] = [];
  let drawn = 0;
  const decided = outcomes.map((outcome, index): 'accepted' | 'unchanged' | Rejection => {
    if (typeof outcome !== 'object' || !('residentId' in outcome)) return outcome;
    const card = outcome;
    const row = rows[index]!;
    const referenceNumber = references[drawn++]!;
    const holder = holders.get(card.residentId);
    if (!holder) throw new Error(`card ${card.id} has no resident ${card.residentId}`);
    if (holder.state.registration === 'deceased') return reject(row, 'DELIVERY.WRONG_STATUS', 'the holder has died; the card is not handed over');
    const events = decideCard({ type: 'manufacture', issueDate: row.issueDate, holder: holderOf(holder.state), readyOn: delivery.receivedOn, referenceNumber }, card, context);
    if (!events.ok) {
      // The decider refuses a date (before the application, in the future) as input; anything else is the card's state.
      return reject(row, events.error.code === 'INPUT.INVALID' ? 'DELIVERY.BAD_DATE' : 'DELIVERY.WRONG_STATUS', events.error.message);
    }
    made.push({ before: card, events: events.value });
    return 'accepted';
  });
  if (made.length === 0) return decided;
  const at = app.clock.now();
  const after = await saveCards(tx, made, { at, actorId: actor.id });
  await tx.acts.insertMany(after.map((card) => actRecordOf(app, actor, { kind: 'card-manufactured', residentId: card.residentId, cardId: card.id, details: { deliveryId: delivery.id } })));
  await appendAudits(
    app,
    tx,
    made.map(({ before, events }, index) => ({
      at,
      actorId: actor.id,
      actorRole: actor.role,
      officeId: actor.officeId,
      outcome: 'ok' as const,
      code: null,
      action: 'card.manufacture' as const,
      subjectType: 'card',
      subjectId: before.id,
      details: { status: before.status, to: after[index]!.status, events: events.map((event) => event.type), deliveryId: delivery.id },
    })),
  );
  return decided;
}

/**
 * A delivery from J-LIS checked in at its receiving office (docs/pickup.md "Deliveries"): every
 * card listed becomes ready as `manufacture` makes it, with `readyOn` the day of receipt; rows
 * that cannot be (unknown card, wrong status, other office, bad date) are listed by line with a
 * stable code and the rest is checked in. Sending the same delivery again changes nothing. One
 * audited act per card, in batches of transactions, and one for the delivery, in the last one.
 */
export async function checkInDelivery(app: AppContext, actor: Actor, input: DeliveryInput, progress: (done: number) => void = () => undefined): Promise<Result<DeliveryReport>> {
  const allowed = mayCheckIn(app, actor, input.officeId);
  const deliveryId = app.ids.next();
  const auditDelivery = (tx: Repositories, outcome: Result<unknown>, details: Record<string, unknown>) =>
    appendAudit(app, tx, {
      at: app.clock.now(),
      actorId: actor.id,
      actorRole: actor.role,
      officeId: actor.officeId,
      action: 'delivery.check-in',
      subjectType: 'delivery',
      subjectId: deliveryId,
      outcome: outcome.ok ? 'ok' : 'refused',
      code: outcome.ok ? null : outcome.error.code,
      details,
    });
  const refused = async <T>(result: Result<T>) => {
    await app.store.transaction((tx) => auditDelivery(tx, result, { officeId: input.officeId, receivedOn: input.receivedOn }));
    return result;
  };
  if (!allowed.ok) return refused(allowed);
  if (!app.offices.offices.some((office) => office.id === input.officeId)) return refused(refuseField('officeId', `there is no office ${input.officeId}`));
  const receivedOn = parsePlainDate(input.receivedOn);
  if (receivedOn === undefined) return refused(refuseField('receivedOn', `is not a date YYYY-MM-DD: ${input.receivedOn}`));
  if (receivedOn > app.clock.today()) return refused(refuseField('receivedOn', `${receivedOn} is after today`));
  if (input.rows.length === 0) return refused(refuse('INPUT.INVALID', 'the delivery lists no cards'));
  if (input.rows.length > MAX_DELIVERY_ROWS) return refused(refuse('INPUT.INVALID', `a delivery lists at most ${MAX_DELIVERY_ROWS} cards; split the file`));

  const delivery = { id: deliveryId, officeId: input.officeId, receivedOn };
  const rejected: Rejection[] = [];
  const seen = new Map<string, number>();
  const valid: (DeliveryRow & { issueDate: PlainDate })[] = [];
  for (const row of input.rows) {
    const reject = (code: DeliveryRowCode, message: string) => rejected.push({ line: row.line, cardId: row.cardId, code, message });
    if (row.unreadable || row.cardId === '') {
      reject('DELIVERY.BAD_ROW', 'a row is card_id,issue_date');
      continue;
    }
    const issueDate = parsePlainDate(row.issueDate);
    if (issueDate === undefined) {
      reject('DELIVERY.BAD_DATE', `issue_date is not a date YYYY-MM-DD: ${row.issueDate}`);
      continue;
    }
    if (issueDate > receivedOn) {
      reject('DELIVERY.BAD_DATE', `the card was made on ${issueDate}, after it was received (${receivedOn})`);
      continue;
    }
    const earlier = seen.get(row.cardId);
    if (earlier !== undefined) {
      reject('DELIVERY.DUPLICATE_ROW', `the same card is on line ${earlier}`);
      continue;
    }
    seen.set(row.cardId, row.line);
    valid.push({ ...row, issueDate });
  }

  let accepted = 0;
  let unchanged = 0;
  let done = input.rows.length - valid.length;
  progress(done);
  const collectBy = pickupDeadline({ readyOn: receivedOn }, app.rules);
  if (!collectBy.ok) return collectBy;
  for (let start = 0; start === 0 || start < valid.length; start += BATCH) {
    const batch = valid.slice(start, start + BATCH);
    const last = start + BATCH >= valid.length;
    await app.store.transaction(async (tx) => {
      const outcomes = await checkInBatch(app, actor, tx, delivery, batch);
      if (last) {
        const all = [...rejected, ...outcomes.filter((outcome): outcome is Rejection => typeof outcome === 'object')];
        const byCode: Record<string, number> = {};
        for (const rejection of all) byCode[rejection.code] = (byCode[rejection.code] ?? 0) + 1;
        await auditDelivery(tx, success(undefined), {
          officeId: delivery.officeId,
          receivedOn,
          rows: input.rows.length,
          accepted: accepted + outcomes.filter((outcome) => outcome === 'accepted').length,
          unchanged: unchanged + outcomes.filter((outcome) => outcome === 'unchanged').length,
          rejected: byCode,
        });
      }
      // Counted once the batch is stored: a failed transaction checked nothing in.
      return outcomes;
    }).then((outcomes) => {
      for (const outcome of outcomes) {
        if (outcome === 'accepted') accepted++;
        else if (outcome === 'unchanged') unchanged++;
        else rejected.push(outcome);
      }
    });
    done += batch.length;
    progress(done);
  }
  rejected.sort((a, b) => a.line - b.line);
  return success({ deliveryId, officeId: delivery.officeId, receivedOn, rows: input.rows.length, accepted, unchanged, collectBy: collectBy.value.collectBy as PlainDate, rejected });
}
