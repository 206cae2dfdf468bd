import { randomInt } from 'node:crypto';
import type { Static } from 'typebox';
import type { CardEvent, CardState } from '../domain/card.ts';
import { decideApplication, decideCard, decideMoveIn, type DecisionContext } from '../domain/card-decider.ts';
import { LIVE_STATUSES } from '../domain/card-transitions.ts';
import { DomainErrorCode, refuse, refuseField, success, type Result } from '../domain/errors.ts';
import { searchForm } from '../domain/name-search.ts';
import { checkResidentFacts, decideResident, type ResidentCommand } from '../domain/resident-decider.ts';
import type { ResidentEvent, ResidentFacts, ResidentState } from '../domain/resident.ts';
import { checkDigitOf, individualNumber, normalizeDigits } from '../rules/individual-number.ts';
import type { PlainDate } from '../rules/plain-date.ts';
import { Procedure } from '../rules/procedures.ts';
import { authorize, type Actor } from './actor.ts';
import { runCommand, type AnswerSeal, type CommandSpec } from './command.ts';
import type { AppContext } from './context.ts';
import { saveCard, saveResident } from './persist.ts';
import type { EncryptedNumber, Repositories, ResidentRecord } from './ports.ts';
import { recordProcedure } from './procedures.ts';
import { useProxyApproval, type ProxyRecord, type ProxyRequest } from './proxy.ts';
import type {
  AddressChangeBody,
  MoveInBody,
  MoveOutBody,
  NameChangeBody,
  NumberChangeBody,
  PeriodOfStayBody,
  ProxyEnquiryBody,
  RegisterResidentBody,
  RevealBody,
  SearchQuery,
} from './schemas.ts';
import { cardView, pinStates, residentView, type CardView, type ResidentView, type ResidentWithCards } from './views.ts';

export function decisionContext(app: AppContext): DecisionContext {
  return { today: app.clock.today(), rules: app.rules };
}

export interface Idempotency {
  readonly key: string;
  readonly fingerprint: string;
}

/** What a registration says of a resident, from its body (checked by checkResidentFacts before use). */
export function factsOf(body: RegisterResidentBody, householdId: string): ResidentFacts {
  return {
    residentCode: body.residentCode,
    familyName: body.familyName,
    givenName: body.givenName,
    familyNameKana: body.familyNameKana,
    givenNameKana: body.givenNameKana,
    birthDate: body.birthDate,
    sex: body.sex as ResidentFacts['sex'],
    address: body.address,
    householdId,
    nationality: body.nationality,
    residency: body.residency,
    periodOfStayEnd: body.periodOfStayEnd ?? null,
    residenceCardNumber: body.residenceCardNumber ?? null,
    moveInDate: body.moveInDate ?? null,
    moveInNotificationDate: body.moveInNotificationDate ?? null,
  };
}

/**
 * Registers a resident and their encrypted number in the caller's transaction: the number must
 * pass R-11 and never have belonged to anyone else; the 住民票コード must be new.
 */
export async function registerIn(
  app: AppContext,
  tx: Repositories,
  actor: Actor,
  body: RegisterResidentBody,
  arrival: boolean,
): Promise<Result<ResidentRecord>> {
  const number = normalizeDigits(body.individualNumber);
  const check = individualNumber({ number });
  if (!check.ok || !check.value.valid) {
    return refuse(DomainErrorCode.ResidentInvalidNumber, 'the individual number is not 12 digits with a valid check digit');
  }
  const facts = checkResidentFacts(factsOf(body, body.householdId ?? app.ids.next()), decisionContext(app));
  if (!facts.ok) return facts;
  const hash = app.keys.numberHash(number);
  if (await tx.numbers.hashEverUsed(hash)) return refuse(DomainErrorCode.ResidentDuplicate, 'a resident with this individual number is already registered');
  if (await tx.residents.residentCodeTaken(body.residentCode)) return refuse(DomainErrorCode.ResidentDuplicate, 'a resident with this 住民票コード is already registered');
  const id = app.ids.next();
  const event: ResidentEvent = { type: 'ResidentRegistered', residentId: id, arrival, ...facts.value };
  const state: ResidentState = { ...facts.value, id, version: 1, registration: 'registered', plannedMoveOutDate: null, moveOutDestination: null };
  const record: ResidentRecord = { state, phone: body.phone ?? null, numberLast4: number.slice(8) };
  const at = app.clock.now();
  await tx.residents.insert(record, hash, at);
  await tx.events.append('resident', id, 1, [event], { at, actorId: actor.id });
  await tx.numbers.insert({ id: app.ids.next(), residentId: id, encrypted: app.keys.encryptNumber(number), hash, assignedOn: app.clock.today() });
  return success(record);
}

export async function registerResident(app: AppContext, actor: Actor, body: RegisterResidentBody, idempotency?: Idempotency): Promise<Result<ResidentView>> {
  return runCommand(app, actor, { action: 'resident.register', permission: 'resident.write', subjectType: 'resident', subjectId: null, idempotency }, async (tx, note) => {
    const registered = await registerIn(app, tx, actor, body, false);
    if (!registered.ok) return registered;
    note.subjectId = registered.value.state.id;
    await recordProcedure(app, tx, actor, { kind: 'resident-registration', residentId: registered.value.state.id, cardId: null });
    return success(residentView(registered.value));
  });
}

/** Search by name (kanji or kana, partial), birth date, address or phone; numbers masked. */
export interface SearchResult {
  readonly residents: (ResidentView & { card: { id: string; status: string } | null })[];
  readonly nextCursor: string | null;
  readonly match: 'prefix' | 'contains';
  readonly truncated: boolean;
}

/**
 * Search by name (kanji or kana: names starting with the text, or when none do, containing it),
 * birth date, address or phone; numbers masked; each resident with their live card.
 */
export async function searchResidents(app: AppContext, actor: Actor, query: SearchQuery): Promise<Result<SearchResult>> {
  const allowed = authorize(actor, 'resident.search');
  if (!allowed.ok) return allowed;
  if (query.q === undefined && query.birthDate === undefined && query.address === undefined && query.phone === undefined) {
    return refuseField('q', 'give a name, a birth date, an address or a phone number to search by');
  }
  if (query.q === undefined && query.birthDate === undefined && query.phone === undefined && searchForm(query.address ?? '').length < 3) {
    return refuseField('address', 'give at least 3 characters of an address, or a name or birth date with it');
  }
  let after: { key: string; id: string; match: 'prefix' | 'contains' } | undefined;
  if (query.cursor !== undefined) {
    try {
      const [key, id, match] = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8')) as [string, string, string];
      if (typeof key !== 'string' || typeof id !== 'string' || (match !== 'prefix' && match !== 'contains')) throw new Error('cursor');
      after = { key, id, match };
    } catch {
      return refuseField('cursor', 'is not a cursor this search returned');
    }
  }
  const limit = query.limit ?? 20;
  const found = await app.store.read.residents.search({
    ...(query.q !== undefined && { name: query.q }),
    ...(query.birthDate !== undefined && { birthDate: query.birthDate }),
    ...(query.address !== undefined && { address: query.address }),
    ...(query.phone !== undefined && { phone: query.phone }),
    limit: limit + 1,
    ...(after && { after: { key: after.key, id: after.id }, match: after.match }),
  });
  const page = found.records.slice(0, limit);
  const cards = await app.store.read.cards.listByResidents(page.map((record) => record.state.id));
  const residents = page.map((record) => {
    const live = cards.filter((card) => card.residentId === record.state.id && LIVE_STATUSES.includes(card.status)).at(-1);
    return { ...residentView(record), card: live ? { id: live.id, status: live.status } : null };
  });
  const last = page.at(-1);
  const nextCursor =
    found.records.length > limit && last ? Buffer.from(JSON.stringify([found.keys[page.length - 1], last.state.id, found.match])).toString('base64url') : null;
  return success({ residents, nextCursor, match: found.match, truncated: found.truncated });
}

export async function residentWithCards(app: AppContext, tx: Repositories, record: ResidentRecord): Promise<ResidentWithCards> {
  const cards = await tx.cards.listByResident(record.state.id);
  const views: CardView[] = [];
  for (const card of cards) views.push(cardView(card, pinStates(await app.chip.states(tx, card.id)), app.rules.policy));
  return { ...residentView(record), cards: views };
}

export async function getResident(app: AppContext, actor: Actor, id: string): Promise<Result<ResidentWithCards & { household: ResidentView[] }>> {
  const allowed = authorize(actor, 'resident.read');
  if (!allowed.ok) return allowed;
  const record = await app.store.read.residents.get(id);
  if (!record) return refuse(DomainErrorCode.ResidentNotFound, `no resident ${id}`);
  const household = (await app.store.read.residents.household(record.state.householdId)).filter((member) => member.state.id !== id);
  return success({ ...(await residentWithCards(app, app.store.read, record)), household: household.map(residentView) });
}

/** The individual number in clear: only by a logged reveal, with its purpose, never by any other route. */
export async function revealNumber(app: AppContext, actor: Actor, id: string, body: Static<typeof RevealBody>, idempotency?: Idempotency): Promise<Result<{ individualNumber: string }>> {
  // A repeat of the Idempotency-Key answers the number first revealed, audited once, as the first
  // request was: the answer is kept encrypted like every individual number, never in clear.
  const seal: AnswerSeal<{ individualNumber: string }> = {
    seal: (result) => (result.ok ? success({ individualNumber: app.keys.encryptNumber(result.value.individualNumber) }) : result),
    open: (sealed) => (sealed.ok ? success({ individualNumber: app.keys.decryptNumber((sealed.value as { individualNumber: EncryptedNumber }).individualNumber) }) : sealed),
  };
  return runCommand(
    app,
    actor,
    { action: 'resident.reveal-number', permission: 'resident.reveal-number', subjectType: 'resident', subjectId: id, idempotency },
    async (tx, note) => {
      note.details = { purpose: body.purpose };
      const encrypted = await tx.numbers.current(id);
      if (!encrypted) return refuse(DomainErrorCode.ResidentNotFound, `no resident ${id}`);
      return success({ individualNumber: app.keys.decryptNumber(encrypted) });
    },
    seal,
  );
}

/** The resident's card that counts: applied, ready, active or suspended (at most one). */
export async function liveCard(tx: Repositories, residentId: string, lock = false): Promise<CardState | undefined> {
  const live = (await tx.cards.listByResident(residentId)).filter((card) => LIVE_STATUSES.includes(card.status)).at(-1);
  return live && lock ? tx.cards.get(live.id, { lock: true }) : live;
}

type CardReaction = (card: CardState, resident: ResidentState) => Result<CardEvent[]>;

/**
 * The frame of a resident command: load and lock, check the proxy's approval where the R-13 row
 * lets a proxy come, decide, save, then let the resident's live card react (a revoked
 * certificate, an abolition, a continuation), record the procedure.
 */
async function residentCommand(
  app: AppContext,
  actor: Actor,
  spec: Omit<CommandSpec, 'subjectType' | 'subjectId' | 'permission'> & { readonly permission?: CommandSpec['permission']; readonly proxy?: ProxyRequest },
  id: string,
  expectedVersion: number | undefined,
  command: ResidentCommand,
  react: CardReaction | undefined,
  procedure: { kind: string; details?: Record<string, unknown> },
): Promise<Result<ResidentWithCards>> {
  const { proxy: proxyRequest, ...commandSpec } = spec;
  return runCommand(app, actor, { permission: 'resident.write', ...commandSpec, subjectType: 'resident', subjectId: id }, async (tx, note) => {
    const record = await tx.residents.get(id, { lock: true });
    if (!record) return refuse(DomainErrorCode.ResidentNotFound, `no resident ${id}`);
    if (expectedVersion !== undefined && expectedVersion !== record.state.version) {
      return refuse(DomainErrorCode.ResidentVersionConflict, `the resident is at version ${record.state.version}, not ${expectedVersion}`, {
        currentVersion: record.state.version,
      });
    }
    const work = async (proxy: ProxyRecord | null): Promise<Result<ResidentWithCards>> => {
      const context = decisionContext(app);
      const decided = decideResident(command, record.state, context);
      if (!decided.ok) return decided;
      const meta = { at: app.clock.now(), actorId: actor.id };
      const after = await saveResident(tx, record, decided.value, meta);
      const card = await liveCard(tx, id, true);
      const cardEvents: string[] = [];
      if (card && react) {
        const reaction = react(card, after.state);
        if (!reaction.ok) return reaction;
        await saveCard(tx, card, reaction.value, meta);
        cardEvents.push(...reaction.value.map((event) => event.type));
      }
      note.details = { events: decided.value.map((event) => event.type), cardEvents };
      await recordProcedure(app, tx, actor, { kind: procedure.kind, residentId: id, cardId: card?.id ?? null, details: { ...procedure.details, cardEvents }, proxy });
      return success(await residentWithCards(app, tx, after));
    };
    return useProxyApproval(app, tx, actor, proxyRequest, id, work);
  });
}

const revokeSignature =
  (reason: string, on: PlainDate, context: DecisionContext): CardReaction =>
  (card) =>
    card.status === 'active' || card.status === 'suspended' ? decideCard({ type: 'revoke-signature', on, reason }, card, context) : success([]);

/** An in-city move (転居): the address changes and the signature certificate is revoked (R-4, seed). */
export async function changeAddress(app: AppContext, actor: Actor, id: string, body: Static<typeof AddressChangeBody>, idempotency?: Idempotency) {
  const context = decisionContext(app);
  return residentCommand(
    app,
    actor,
    { action: 'resident.change-address', idempotency, proxy: { approvalId: body.proxyApprovalId, procedure: Procedure.AddressChangeNotification } },
    id,
    body.expectedVersion,
    { type: 'change-address', address: body.address, effectiveDate: body.effectiveDate },
    revokeSignature('address-change', body.effectiveDate, context),
    { kind: 'address-change' },
  );
}

/** A change of name: the signature certificate is revoked (R-4, seed). */
export async function changeName(app: AppContext, actor: Actor, id: string, body: Static<typeof NameChangeBody>, idempotency?: Idempotency) {
  const context = decisionContext(app);
  const { expectedVersion, proxyApprovalId, ...name } = body;
  return residentCommand(
    app,
    actor,
    { action: 'resident.change-name', idempotency, proxy: { approvalId: proxyApprovalId, procedure: Procedure.FamilyRegisterNotification } },
    id,
    expectedVersion,
    { type: 'change-name', ...name },
    revokeSignature('name-change', body.effectiveDate, context),
    { kind: 'name-change' },
  );
}

/**
 * 転出届: moving abroad abolishes the card; a card still waiting for continuation after a move
 * in is abolished too (seed: 継続手続きをしない場合…廃止); otherwise the holder takes it along.
 */
export async function moveOut(app: AppContext, actor: Actor, id: string, body: Static<typeof MoveOutBody>, idempotency?: Idempotency) {
  const context = decisionContext(app);
  const abroad = body.abroad ?? false;
  return residentCommand(
    app,
    actor,
    { action: 'resident.move-out', idempotency, proxy: { approvalId: body.proxyApprovalId, procedure: Procedure.MoveOutNotification } },
    id,
    body.expectedVersion,
    { type: 'move-out', plannedMoveOutDate: body.plannedMoveOutDate, destination: body.destination, abroad },
    (card) => {
      if (abroad) return decideCard({ type: 'abolish', on: context.today, reason: 'moved-abroad' }, card, context);
      if (card.continuation !== null) return decideCard({ type: 'abolish', on: context.today, reason: 'moved-out-before-continuation' }, card, context);
      return success([]);
    },
    { kind: abroad ? 'move-out-abroad' : 'move-out', details: { plannedMoveOutDate: body.plannedMoveOutDate } },
  );
}

/** The card's fate on a 転入届, as a reaction of the resident command. */
function moveInReaction(move: Parameters<typeof decideMoveIn>[1], context: DecisionContext): CardReaction {
  return (card) => {
    const decided = decideMoveIn(card, move, context);
    return decided.ok ? success(decided.value.events) : decided;
  };
}

/** 転入届 of a resident of this system moving back in, with the card they took along. */
export async function moveIn(app: AppContext, actor: Actor, id: string, body: Static<typeof MoveInBody>, idempotency?: Idempotency) {
  const context = decisionContext(app);
  const before = await app.store.read.residents.get(id);
  return residentCommand(
    app,
    actor,
    { action: 'resident.move-in', idempotency, proxy: { approvalId: body.proxyApprovalId, procedure: Procedure.MoveInNotification } },
    id,
    body.expectedVersion,
    { type: 'move-in', moveInDate: body.moveInDate, notificationDate: body.notificationDate, address: body.address, cardPresented: body.cardPresented },
    moveInReaction({ moveInDate: body.moveInDate, notificationDate: body.notificationDate, plannedMoveOutDate: before?.state.plannedMoveOutDate ?? null }, context),
    { kind: 'move-in', details: { cardPresented: body.cardPresented } },
  );
}

/** A renewed or changed period of stay (在留期間更新): the record follows; the card is extended separately. */
export async function updatePeriodOfStay(app: AppContext, actor: Actor, id: string, body: Static<typeof PeriodOfStayBody>, idempotency?: Idempotency) {
  return residentCommand(
    app,
    actor,
    { action: 'resident.period-of-stay', idempotency },
    id,
    body.expectedVersion,
    { type: 'update-period-of-stay', periodOfStayEnd: body.periodOfStayEnd, residenceCardNumber: body.residenceCardNumber },
    undefined,
    { kind: 'period-of-stay-update', details: { periodOfStayEnd: body.periodOfStayEnd } },
  );
}

/** A new individual number that no one has ever had: 11 random digits and their check digit. */
async function newIndividualNumber(app: AppContext, tx: Repositories): Promise<string> {
  for (;;) {
    const eleven = Array.from({ length: 11 }, () => randomInt(10)).join('');
    const number = eleven + checkDigitOf(eleven);
    if (number.startsWith('0')) continue;
    if (!(await tx.numbers.hashEverUsed(app.keys.numberHash(number)))) return number;
  }
}

/**
 * 個人番号の変更 (supervisor): a new number, the old one kept in the history, the card abolished
 * and a free new card applied for with the old card's photo and certificates (domain.md, 9).
 * `proxy`: what the record keeps of a proxy whose approval the caller checks (numberChangeFor).
 */
export async function changeNumberIn(app: AppContext, tx: Repositories, actor: Actor, id: string, body: { readonly reason: string }, proxy: ProxyRecord | null) {
  const record = await tx.residents.get(id, { lock: true });
  if (!record) return refuse(DomainErrorCode.ResidentNotFound, `no resident ${id}`);
  const context = decisionContext(app);
  const decided = decideResident({ type: 'change-number', reason: body.reason }, record.state, context);
  if (!decided.ok) return decided;
  const meta = { at: app.clock.now(), actorId: actor.id };
  const number = await newIndividualNumber(app, tx);
  const hash = app.keys.numberHash(number);
  await tx.numbers.retireCurrent(id, context.today);
  await tx.numbers.insert({ id: app.ids.next(), residentId: id, encrypted: app.keys.encryptNumber(number), hash, assignedOn: context.today });
  await tx.residents.setNumber(id, hash, number.slice(8));
  const after = await saveResident(tx, { ...record, numberLast4: number.slice(8) }, decided.value, meta);
  const card = await liveCard(tx, id, true);
  let newCardId: string | null = null;
  if (card) {
    const abolished = decideCard({ type: 'abolish', on: context.today, reason: 'number-changed' }, card, context);
    if (!abolished.ok) return abolished;
    await saveCard(tx, card, abolished.value, meta);
    newCardId = app.ids.next();
    const application = decideApplication(
      {
        cardId: newCardId,
        residentId: id,
        applicationDate: context.today,
        photoTakenOn: card.photoTakenOn,
        withSignatureCertificate: card.wantsSignatureCertificate,
        withUserCertificate: card.wantsUserCertificate,
        reason: 'number-change',
        previousCardId: card.id,
        pickupOfficeId: card.pickupOfficeId,
        holder: { birthDate: record.state.birthDate, residency: record.state.residency, periodOfStayEnd: record.state.periodOfStayEnd },
      },
      context,
    );
    if (!application.ok) return application;
    await saveCard(tx, undefined, application.value, meta);
  }
  await recordProcedure(app, tx, actor, { kind: 'number-change', residentId: id, cardId: newCardId, fee: 0, details: { reason: body.reason }, proxy });
  return success({ ...(await residentWithCards(app, tx, after)), newCardId });
}

/** A number change in the caller's transaction, for the holder or for a proxy with an approval naming it. */
export async function numberChangeFor(app: AppContext, tx: Repositories, actor: Actor, id: string, body: Static<typeof NumberChangeBody>) {
  const request = { approvalId: body.proxyApprovalId, procedure: Procedure.NumberChange };
  return useProxyApproval(app, tx, actor, request, id, (proxy) => changeNumberIn(app, tx, actor, id, body, proxy));
}

export async function changeNumber(app: AppContext, actor: Actor, id: string, body: Static<typeof NumberChangeBody>, idempotency?: Idempotency) {
  return runCommand(app, actor, { action: 'resident.change-number', permission: 'resident.change-number', subjectType: 'resident', subjectId: id, idempotency }, async (tx, note) => {
    note.details = { reason: body.reason };
    return numberChangeFor(app, tx, actor, id, body);
  });
}

/** A proxy's prior enquiry (代理人は必ず事前にお問い合わせください), recorded for the later approval. */
export async function recordEnquiry(app: AppContext, actor: Actor, residentId: string, body: Static<typeof ProxyEnquiryBody>, idempotency?: Idempotency) {
  return runCommand(app, actor, { action: 'proxy.enquiry', permission: 'approval.request', subjectType: 'resident', subjectId: residentId, idempotency }, async (tx, note) => {
    if (!(await tx.residents.get(residentId))) return refuse(DomainErrorCode.ResidentNotFound, `no resident ${residentId}`);
    const record = {
      id: app.ids.next(),
      residentId,
      enquiredOn: body.enquiredOn,
      callerName: body.callerName,
      relationship: body.relationship,
      procedure: body.procedure,
      notes: body.notes ?? '',
      recordedBy: actor.id,
      recordedAt: app.clock.now(),
    };
    await tx.enquiries.insert(record);
    note.details = { enquiryId: record.id, procedure: body.procedure };
    return success(record);
  });
}

/** The acts recorded for a resident, oldest first: the counter's history and the source of slips. */
export async function residentProcedures(app: AppContext, actor: Actor, id: string) {
  const allowed = authorize(actor, 'resident.read');
  if (!allowed.ok) return allowed;
  if (!(await app.store.read.residents.get(id))) return refuse(DomainErrorCode.ResidentNotFound, `no resident ${id}`);
  return success(await app.store.read.procedures.listByResident(id));
}
