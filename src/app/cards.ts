import type { Static } from 'typebox';
import type { AbolitionReason, CardEvent, CardState, SuspensionReason } from '../domain/card.ts';
import { checkIdentity, decideApplication, decideCard, pinEntries, type CardCommand, type DecisionContext, type Holder } from '../domain/card-decider.ts';
import { DomainErrorCode, refuse, refuseField, success, type Result } from '../domain/errors.ts';
import type { ResidentState } from '../domain/resident.ts';
import type { Permission } from '../domain/roles.ts';
import { reissueFee } from '../rules/reissue-fee.ts';
import { renewalWindow } from '../rules/renewal-window.ts';
import type { PlainDate } from '../rules/plain-date.ts';
import type { PinKind } from '../rules/policy.ts';
import { Presenter, Procedure, REISSUE_PROCEDURE } from '../rules/procedures.ts';
import { authorize, type Actor } from './actor.ts';
import { runCommand, type AuditNote } from './command.ts';
import type { AppContext } from './context.ts';
import { saveCard } from './persist.ts';
import type { Repositories } from './ports.ts';
import { nextReceiptNumber, recordProcedure } from './procedures.ts';
import { useProxyApproval, type ProxyRecord, type ProxyRequest } from './proxy.ts';
import { decisionContext, liveCard, type Idempotency } from './residents.ts';
import type {
  ApplicationBody,
  ContinuationBody,
  ExtensionBody,
  FrontNoteBody,
  IssueBody,
  ManufactureBody,
  PinResetBody,
  PinVerifyBody,
  ReissueBody,
  ResumeBody,
  ReturnBody,
  SuspendBody,
} from './schemas.ts';
import { cardView, pinStates, type CardView } from './views.ts';

export function holderOf(resident: ResidentState): Holder {
  return { birthDate: resident.birthDate, residency: resident.residency, periodOfStayEnd: resident.periodOfStayEnd };
}

interface CardWork {
  readonly tx: Repositories;
  readonly card: CardState;
  /** The holder, loaded only for commands that need their facts. */
  readonly resident: () => Promise<ResidentState>;
  readonly context: DecisionContext;
  readonly meta: { readonly at: string; readonly actorId: string };
  readonly note: AuditNote;
  /** What the procedure record keeps of an approved proxy, or null. */
  readonly proxy: ProxyRecord | null;
}

interface CardSpec {
  readonly action: string;
  readonly permission: Permission;
  readonly expectedVersion?: number | undefined;
  readonly idempotency?: Idempotency | undefined;
  /** The R-13 procedure a proxy approval must name, when the command's row lets a proxy come. */
  readonly proxy?: ProxyRequest;
}

/**
 * The frame of a card command: load and lock the card and its holder, check the version and the
 * proxy; the proxy's approval is used up only when the work is done.
 */
async function cardCommand<T>(app: AppContext, actor: Actor, id: string, spec: CardSpec, work: (w: CardWork) => Promise<Result<T>>): Promise<Result<T>> {
  return runCommand(
    app,
    actor,
    { action: spec.action, permission: spec.permission, subjectType: 'card', subjectId: id, idempotency: spec.idempotency },
    async (tx, note) => {
      const card = await tx.cards.get(id, { lock: true });
      if (!card) return refuse(DomainErrorCode.CardNotFound, `no card ${id}`);
      if (spec.expectedVersion !== undefined && spec.expectedVersion !== card.version) {
        return refuse(DomainErrorCode.CardVersionConflict, `the card is at version ${card.version}, not ${spec.expectedVersion}`, { currentVersion: card.version });
      }
      const resident = async () => {
        const record = await tx.residents.get(card.residentId);
        if (!record) throw new Error(`card ${card.id} has no resident ${card.residentId}`);
        return record.state;
      };
      note.details = { status: card.status };
      const run = (proxy: ProxyRecord | null) => work({ tx, card, resident, context: decisionContext(app), meta: { at: app.clock.now(), actorId: actor.id }, note, proxy });
      return useProxyApproval(app, tx, actor, spec.proxy, card.residentId, run);
    },
  );
}

async function view(app: AppContext, tx: Repositories, card: CardState): Promise<CardView> {
  return cardView(card, pinStates(await app.chip.states(tx, card.id)), app.rules.policy);
}

/** Decides a command, records its events and the procedure, and answers with the card. */
async function decideAndSave(
  app: AppContext,
  actor: Actor,
  w: CardWork,
  command: CardCommand,
  procedure: { kind: string; documents?: readonly string[]; details?: Record<string, unknown> },
): Promise<Result<CardView>> {
  const decided = decideCard(command, w.card, w.context);
  if (!decided.ok) return decided;
  const after = await saveCard(w.tx, w.card, decided.value, w.meta);
  w.note.details = { ...w.note.details, to: after.status, events: decided.value.map((event) => event.type) };
  await recordProcedure(app, w.tx, actor, {
    kind: procedure.kind,
    residentId: after.residentId,
    cardId: after.id,
    proxy: w.proxy,
    ...(procedure.documents && { documents: procedure.documents }),
    ...(procedure.details && { details: procedure.details }),
  });
  return success(await view(app, w.tx, after));
}

function pickupOffice(app: AppContext, officeId: string): Result<string> {
  return app.offices.offices.some((office) => office.id === officeId)
    ? success(officeId)
    : refuse(DomainErrorCode.UnknownOffice, `there is no counter "${officeId}" to hand the card over at`);
}

/** 交付申請 (api.md POST /residents/{id}/card-applications): the resident may hold one live card at a time. */
export async function applyForCard(app: AppContext, actor: Actor, residentId: string, body: Static<typeof ApplicationBody>, idempotency?: Idempotency) {
  return runCommand(app, actor, { action: 'card.apply', permission: 'card.counter-procedure', subjectType: 'resident', subjectId: residentId, idempotency }, async (tx, note) => {
    const resident = await tx.residents.get(residentId, { lock: true });
    if (!resident) return refuse(DomainErrorCode.ResidentNotFound, `no resident ${residentId}`);
    if (resident.state.registration !== 'registered') {
      return refuse(DomainErrorCode.ResidentInvalidTransition, `a resident who is ${resident.state.registration} cannot apply for a card here`, {
        registration: resident.state.registration,
      });
    }
    const held = await liveCard(tx, residentId);
    if (held) {
      return refuse(DomainErrorCode.ResidentCardAlreadyHeld, `the resident already has a card that is ${held.status}`, { cardId: held.id, currentStatus: held.status });
    }
    const office = pickupOffice(app, body.pickupOfficeId ?? actor.officeId);
    if (!office.ok) return office;
    return useProxyApproval(app, tx, actor, { approvalId: body.proxyApprovalId, procedure: Procedure.Application }, residentId, async (proxy) => {
      const context = decisionContext(app);
      const decided = decideApplication(
        {
          cardId: app.ids.next(),
          residentId,
          applicationDate: body.applicationDate,
          photoTakenOn: body.photoTakenOn,
          withSignatureCertificate: body.withSignatureCertificate,
          withUserCertificate: body.withUserCertificate,
          reason: body.reason ?? 'first',
          previousCardId: null,
          pickupOfficeId: office.value,
          holder: holderOf(resident.state),
        },
        context,
      );
      if (!decided.ok) return decided;
      const card = await saveCard(tx, undefined, decided.value, { at: app.clock.now(), actorId: actor.id });
      note.details = { cardId: card.id };
      await recordProcedure(app, tx, actor, { kind: 'card-application', residentId, cardId: card.id, proxy });
      return success(await view(app, tx, card));
    });
  });
}

/** The card has been made (by J-LIS): 発行日 and expiry are set; it waits at its counter. */
export async function manufactureCard(app: AppContext, actor: Actor, id: string, body: Static<typeof ManufactureBody>, idempotency?: Idempotency) {
  return cardCommand(app, actor, id, { action: 'card.manufacture', permission: 'card.counter-procedure', expectedVersion: body.expectedVersion, idempotency }, async (w) =>
    decideAndSave(app, actor, w, { type: 'manufacture', issueDate: body.issueDate, holder: holderOf(await w.resident()) }, { kind: 'card-manufactured' }),
  );
}

/**
 * 交付: at the counter the card was sent to, with identity checked; the PINs are set on the chip,
 * the certificates issued and a held 通知カード taken back.
 */
export async function issueCard(app: AppContext, actor: Actor, id: string, body: Static<typeof IssueBody>, idempotency?: Idempotency) {
  const sealed = await app.chip.seal(pinEntries(body.pins));
  return cardCommand(
    app,
    actor,
    id,
    { action: 'card.issue', permission: 'card.counter-procedure', expectedVersion: body.expectedVersion, idempotency, proxy: { approvalId: body.proxyApprovalId, procedure: Procedure.Issuance } },
    async (w) => {
      if (w.card.status === 'ready' && w.card.pickupOfficeId !== actor.officeId) {
        return refuse(DomainErrorCode.AuthOfficeNotAllowed, `this card waits at ${w.card.pickupOfficeId}; it is handed over there`, {
          pickupOfficeId: w.card.pickupOfficeId,
        });
      }
      const command: CardCommand = {
        type: 'issue',
        handedOverOn: body.handedOverOn,
        officeId: actor.officeId,
        pins: body.pins,
        identityDocuments: body.identityDocuments,
        notificationCardReturned: body.notificationCardReturned,
        holder: holderOf(await w.resident()),
      };
      const decided = decideCard(command, w.card, w.context);
      if (!decided.ok) return decided;
      const issued = decided.value[0] as Extract<CardEvent, { type: 'CardIssued' }>;
      const pins = sealed.filter((record) => record.kind !== 'signature' || issued.signature !== null);
      await app.chip.setPins(w.tx, w.card.id, pins, w.meta.at);
      const after = await saveCard(w.tx, w.card, decided.value, w.meta);
      w.note.details = { ...w.note.details, to: after.status, notificationCardReturned: body.notificationCardReturned };
      await recordProcedure(app, w.tx, actor, {
        kind: 'card-issue',
        residentId: after.residentId,
        cardId: after.id,
        documents: body.identityDocuments,
        proxy: w.proxy,
        details: { notificationCardReturned: body.notificationCardReturned, certificates: { signature: issued.signature !== null, user: issued.user !== null } },
      });
      return success(await view(app, w.tx, after));
    },
  );
}

export async function getCard(app: AppContext, actor: Actor, id: string): Promise<Result<CardView>> {
  const allowed = authorize(actor, 'card.read');
  if (!allowed.ok) return allowed;
  const card = await app.store.read.cards.get(id);
  if (!card) return refuse(DomainErrorCode.CardNotFound, `no card ${id}`);
  return success(await view(app, app.store.read, card));
}

export async function cardHistory(app: AppContext, actor: Actor, id: string) {
  const allowed = authorize(actor, 'card.read');
  if (!allowed.ok) return allowed;
  const card = await app.store.read.cards.get(id);
  if (!card) return refuse(DomainErrorCode.CardNotFound, `no card ${id}`);
  const events = await app.store.read.events.list<CardEvent>(id);
  return success(events.map(({ version, event, recordedAt, actorId }) => ({ version, type: event.type, recordedAt, actorId, data: event })));
}

/**
 * 一時停止 of a lost or stolen card, by the 24-hour hotline or at a counter; the signature
 * certificate is revoked with it (R-4, L). A hotline operator can only use the hotline channel.
 */
export async function suspendCard(app: AppContext, actor: Actor, id: string, body: Static<typeof SuspendBody>, idempotency?: Idempotency) {
  if (actor.role === 'hotline' && body.channel !== 'hotline') return refuseField('channel', 'a hotline operator suspends through the hotline channel');
  return cardCommand(app, actor, id, { action: 'card.suspend', permission: 'card.suspend', expectedVersion: body.expectedVersion, idempotency }, (w) =>
    decideAndSave(
      app,
      actor,
      w,
      { type: 'suspend', on: w.context.today, reason: body.reason as SuspensionReason, channel: body.channel },
      { kind: 'card-suspension', details: { reason: body.reason, channel: body.channel, ...(body.caller && { caller: body.caller }) } },
    ),
  );
}

/** 一時停止解除: only at a counter with identity documents, never by phone (seed). */
export async function resumeCard(app: AppContext, actor: Actor, id: string, body: Static<typeof ResumeBody>, idempotency?: Idempotency) {
  return cardCommand(
    app,
    actor,
    id,
    { action: 'card.resume', permission: 'card.counter-procedure', expectedVersion: body.expectedVersion, idempotency, proxy: { approvalId: body.proxyApprovalId, procedure: Procedure.SuspensionRelease } },
    (w) =>
      decideAndSave(app, actor, w, { type: 'resume', on: w.context.today, officeId: actor.officeId, identityDocuments: body.identityDocuments }, {
        kind: 'card-resumption',
        documents: body.identityDocuments,
      }),
  );
}

/** A PIN typed on the counter's reader: right, wrong (counted), or locked. */
export async function verifyPin(app: AppContext, actor: Actor, id: string, kind: PinKind, body: Static<typeof PinVerifyBody>, idempotency?: Idempotency) {
  return cardCommand(app, actor, id, { action: 'card.pin-verify', permission: 'card.counter-procedure', idempotency }, async (w) => {
    const allowed = decideCard({ type: 'verify-pin' }, w.card, w.context);
    if (!allowed.ok) return allowed;
    const check = await app.chip.verify(w.tx, w.card.id, kind, body.pin, w.meta.at);
    w.note.details = { kind, ...(check.ok && { ok: check.value.ok, locked: check.value.locked }) };
    return check;
  });
}

/** 暗証番号の再設定: a forgotten or locked PIN is set anew at a counter, identity checked. */
export async function resetPin(app: AppContext, actor: Actor, id: string, kind: PinKind, body: Static<typeof PinResetBody>, idempotency?: Idempotency) {
  const sealed = await app.chip.seal([{ kind, pin: body.newPin }]);
  return cardCommand(
    app,
    actor,
    id,
    { action: 'card.pin-reset', permission: 'card.counter-procedure', idempotency, proxy: { approvalId: body.proxyApprovalId, procedure: Procedure.PinReset } },
    async (w) => {
      const decided = decideCard({ type: 'reset-pin', kind, newPin: body.newPin, identityDocuments: body.identityDocuments }, w.card, w.context);
      if (!decided.ok) return decided;
      await app.chip.setPins(w.tx, w.card.id, sealed, w.meta.at);
      const after = await saveCard(w.tx, w.card, decided.value, w.meta);
      w.note.details = { kind };
      await recordProcedure(app, w.tx, actor, { kind: 'pin-reset', residentId: after.residentId, cardId: after.id, documents: body.identityDocuments, proxy: w.proxy, details: { kind } });
      return success(await view(app, w.tx, after));
    },
  );
}

/** The 住民基本台帳事務用 PIN checked on the chip; a wrong entry is counted and refuses the command. */
async function checkResidentRegistryPin(app: AppContext, w: CardWork, pin: string): Promise<Result<void>> {
  const check = await app.chip.verify(w.tx, w.card.id, 'resident-registry', pin, w.meta.at);
  if (!check.ok) return check;
  if (!check.value.ok) {
    return check.value.locked
      ? refuse(DomainErrorCode.PinLocked, 'the 住民基本台帳事務用 PIN is now locked; it can be reset at this counter with identity documents', {
          kind: 'resident-registry',
          remainingAttempts: 0,
        })
      : refuse(DomainErrorCode.PinMismatch, `the 住民基本台帳事務用 PIN is wrong; ${check.value.remainingAttempts} tries left`, {
          kind: 'resident-registry',
          remainingAttempts: check.value.remainingAttempts,
        });
  }
  return success(undefined);
}

/** 券面記載事項変更: a dated note on the card's face, the 住基 PIN checked; a full field needs a free new card. */
export async function addFrontNote(app: AppContext, actor: Actor, id: string, body: Static<typeof FrontNoteBody>, idempotency?: Idempotency) {
  return cardCommand(
    app,
    actor,
    id,
    { action: 'card.front-note', permission: 'card.counter-procedure', expectedVersion: body.expectedVersion, idempotency, proxy: { approvalId: body.proxyApprovalId, procedure: Procedure.FrontSideChange } },
    async (w) => {
      const command: CardCommand = { type: 'add-front-note', note: { kind: body.kind, text: body.text, date: body.date } };
      const decided = decideCard(command, w.card, w.context);
      if (!decided.ok) return decided;
      const pin = await checkResidentRegistryPin(app, w, body.pin);
      if (!pin.ok) return pin;
      return decideAndSave(app, actor, w, command, { kind: 'front-note', details: { noteKind: body.kind } });
    },
  );
}

/**
 * 継続利用 after a move in, with the 住基 PIN: by the holder, a member of the household, or a
 * proxy with an approval (R-13 lets each of them come); who brought the card and the approval agree.
 */
export async function continueCard(app: AppContext, actor: Actor, id: string, body: Static<typeof ContinuationBody>, idempotency?: Idempotency) {
  const byProxy = body.presentedBy === Presenter.ProxyAfterEnquiry;
  if (byProxy && body.proxyApprovalId === undefined) return refuseField('proxyApprovalId', 'a proxy continues the card only with an approved proxy request');
  if (!byProxy && body.proxyApprovalId !== undefined) {
    return refuseField('presentedBy', `is ${body.presentedBy}, but a proxy approval was given: a proxy presents the card as ${Presenter.ProxyAfterEnquiry}`);
  }
  return cardCommand(
    app,
    actor,
    id,
    {
      action: 'card.continuation',
      permission: 'card.counter-procedure',
      expectedVersion: body.expectedVersion,
      idempotency,
      proxy: { approvalId: body.proxyApprovalId, procedure: Procedure.Continuation },
    },
    async (w) => {
      const command: CardCommand = { type: 'continue', on: body.date, presentedBy: body.presentedBy };
      const decided = decideCard(command, w.card, w.context);
      if (!decided.ok) return decided;
      const pin = await checkResidentRegistryPin(app, w, body.pin);
      if (!pin.ok) return pin;
      return decideAndSave(app, actor, w, command, { kind: 'continuation', details: { presentedBy: body.presentedBy } });
    },
  );
}

/** A foreign resident's card follows the period of stay; the residence card is shown, no photo. */
export async function extendCard(app: AppContext, actor: Actor, id: string, body: Static<typeof ExtensionBody>, idempotency?: Idempotency) {
  return cardCommand(
    app,
    actor,
    id,
    { action: 'card.extension', permission: 'card.counter-procedure', expectedVersion: body.expectedVersion, idempotency, proxy: { approvalId: body.proxyApprovalId, procedure: Procedure.ValidityExtension } },
    async (w) => {
      if (body.today > w.context.today) return refuseField('today', `${body.today} is after today (${w.context.today})`);
      const context = { ...w.context, today: body.today };
      return decideAndSave(
        app,
        actor,
        { ...w, context },
        {
          type: 'extend',
          ...(body.newPeriodOfStayEnd !== undefined && { newPeriodOfStayEnd: body.newPeriodOfStayEnd }),
          ...(body.applicationPending !== undefined && { applicationPending: body.applicationPending }),
          holder: holderOf(await w.resident()),
        },
        { kind: 'validity-extension', documents: ['residence-card', 'my-number-card'] },
      );
    },
  );
}

/**
 * 再交付 within validity (R-10 fee with a receipt; a police report number for loss or theft
 * unless lost at home; a renewal only inside R-6's window): the old card is abolished (lost) or
 * taken back, and a new card is applied for, which then follows the usual path.
 */
export async function reissueCard(app: AppContext, actor: Actor, id: string, body: Static<typeof ReissueBody>, idempotency?: Idempotency) {
  return cardCommand(
    app,
    actor,
    id,
    { action: 'card.reissue', permission: 'card.counter-procedure', expectedVersion: body.expectedVersion, idempotency, proxy: { approvalId: body.proxyApprovalId, procedure: REISSUE_PROCEDURE[body.reason] } },
    async (w) => {
      const lostCard = body.reason === 'lost' || body.reason === 'stolen';
      const replaced = decideCard({ type: 'replace', on: w.context.today, oldCardReturned: !lostCard }, w.card, w.context);
      if (!replaced.ok) return replaced;
      if (body.reason === 'renewal') {
        const window = renewalWindow({ expiryDate: w.card.expiryDate!, today: body.applicationDate }, w.context.rules);
        if (window.ok && !window.value.open) {
          return refuse(DomainErrorCode.RenewalWindowNotOpen, `renewal opens on ${window.value.opensOn}, 3 months before the expiry ${w.card.expiryDate}`, {
            opensOn: window.value.opensOn,
          });
        }
      }
      const withSignatureCertificate = body.withSignatureCertificate ?? w.card.wantsSignatureCertificate;
      const withUserCertificate = body.withUserCertificate ?? w.card.wantsUserCertificate;
      const fee = reissueFee(
        { reason: body.reason, withCertificates: withSignatureCertificate || withUserCertificate, ...(body.reason === 'lost' && body.lostAtHome !== undefined && { lostAtHome: body.lostAtHome }) },
        w.context.rules,
      );
      if (!fee.ok) return fee;
      if (fee.value.policeReportRequired && body.policeReportNumber === undefined) {
        return refuse(DomainErrorCode.PoliceReportRequired, 'a police report number (警察署の受理番号) is needed for a lost or stolen card', { reason: body.reason });
      }
      const newCardId = app.ids.next();
      const application = decideApplication(
        {
          cardId: newCardId,
          residentId: w.card.residentId,
          applicationDate: body.applicationDate,
          photoTakenOn: body.photoTakenOn,
          withSignatureCertificate,
          withUserCertificate,
          reason: body.reason,
          previousCardId: w.card.id,
          pickupOfficeId: actor.officeId,
          holder: holderOf(await w.resident()),
        },
        w.context,
      );
      if (!application.ok) return application;
      const identity = checkIdentity(body.identityDocuments, body.applicationDate, w.context.rules.policy);
      if (identity) return identity;
      await saveCard(w.tx, w.card, replaced.value, w.meta);
      const newCard = await saveCard(w.tx, undefined, application.value, w.meta);
      const receiptNumber = fee.value.total > 0 ? await nextReceiptNumber(app, w.tx, actor) : null;
      w.note.details = { reason: body.reason, fee: fee.value.total, receiptNumber, newCardId };
      await recordProcedure(app, w.tx, actor, {
        kind: 'card-reissue',
        residentId: w.card.residentId,
        cardId: newCard.id,
        documents: body.identityDocuments,
        fee: fee.value.total,
        receiptNumber,
        proxy: w.proxy,
        details: { reason: body.reason, oldCardId: w.card.id, ...(body.policeReportNumber !== undefined && { policeReportNumber: body.policeReportNumber }) },
      });
      return success({ fee: fee.value, receiptNumber, newCard: await view(app, w.tx, newCard) });
    },
  );
}

/** 返納: the card handed back, when no longer needed, expired, replaced, or on moving abroad. */
export async function returnCard(app: AppContext, actor: Actor, id: string, body: Static<typeof ReturnBody>, idempotency?: Idempotency) {
  return cardCommand(
    app,
    actor,
    id,
    { action: 'card.return', permission: 'card.counter-procedure', expectedVersion: body.expectedVersion, idempotency, proxy: { approvalId: body.proxyApprovalId, procedure: Procedure.Return } },
    (w) => decideAndSave(app, actor, w, { type: 'return', on: w.context.today, reason: body.reason }, { kind: 'card-return', details: { reason: body.reason } }),
  );
}


/**
 * What the calendar does to a card: expiry the day after its last day, abolition when
 * continuation lapsed, certificates expired after theirs. Done by the nightly sweep
 * (and the demo data), as the system.
 */
export async function endCard(
  app: AppContext,
  actor: Actor,
  id: string,
  command:
    | { readonly type: 'expire' | 'expire-certificates'; readonly on: PlainDate }
    | { readonly type: 'abolish'; readonly on: PlainDate; readonly reason: AbolitionReason },
) {
  const kind = { expire: 'card-expiry', 'expire-certificates': 'certificate-expiry', abolish: 'card-abolition' }[command.type];
  return cardCommand(app, actor, id, { action: `card.${command.type}`, permission: 'job.run' }, (w) =>
    decideAndSave(app, actor, w, command, { kind, details: { on: command.on, ...('reason' in command && { reason: command.reason }) } }),
  );
}
