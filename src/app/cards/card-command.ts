import type { CardState } from '../../domain/card.ts';
import { decideCard, type CardCommand } from '../../domain/card-decider.ts';
import type { DecisionContext } from '../../domain/decision-context.ts';
import { DomainErrorCode, refuse, success } from '../../domain/errors.ts';
import type { ResidentState } from '../../domain/resident.ts';
import type { Permission } from '../../domain/roles.ts';
import type { Actor } from '../actor.ts';
import { runCommand, type AuditNote } from '../command.ts';
import type { AppContext } from '../context.ts';
import { saveCard } from '../persist.ts';
import type { Repositories } from '../ports/store.ts';
import { recordAct } from '../act-records.ts';
import { useProxyApproval, type ProxyRecord, type ProxyRequest } from '../proxy.ts';
import type { CardView } from '../views.ts';
import { decisionContext } from '../context.ts';
import type { Idempotency } from '../command.ts';
import { cardViewOf } from '../views.ts';
import type { Result } from '../app-errors.ts';
import type { ActKind } from '../ports/act-record-repository.ts';
import type { AuditAction } from '../audit-action.ts';
import { residentRegistryPinRefusal } from '../../domain/card-checks.ts';
import { deceasedRefusal } from '../../domain/resident-decider.ts';
import type { LegalRepresentative } from '../../domain/representation.ts';

export interface CardWork {
  readonly tx: Repositories;
  readonly card: CardState;
  /** The holder, for commands that need their facts. */
  readonly resident: () => Promise<ResidentState>;
  readonly context: DecisionContext;
  readonly meta: { readonly at: string; readonly actorId: string };
  readonly note: AuditNote;
  /** What the procedure record keeps of an approved proxy, or null. */
  readonly proxy: ProxyRecord | null;
}

export interface CardSpec {
  readonly action: AuditAction;
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
export async function cardCommand<T>(app: AppContext, actor: Actor, id: string, spec: CardSpec, work: (w: CardWork) => Promise<Result<T>>): Promise<Result<T>> {
  return runCommand(
    app,
    actor,
    { action: spec.action, permission: spec.permission, subjectType: 'card', subjectId: id, idempotency: spec.idempotency },
    async (tx, note) => {
      // Death closes the record: a card the family hands back is still taken (docs/rules.md "Death");
      // the calendar's own acts find nothing live, and they do not read the holder unless asked.
      const checksHolder = spec.action !== 'card.return' && spec.permission !== 'job.run';
      const found = checksHolder ? await tx.cards.getWithHolder(id, { lock: true }) : await tx.cards.get(id, { lock: true }).then((card) => card && { card, holder: undefined });
      if (!found) return refuse(DomainErrorCode.CardNotFound, `no card ${id}`);
      const { card } = found;
      if (spec.expectedVersion !== undefined && spec.expectedVersion !== card.version) {
        return refuse(DomainErrorCode.CardVersionConflict, `the card is at version ${card.version}, not ${spec.expectedVersion}`, { currentVersion: card.version });
      }
      const loadHolder = async () => {
        const holder = found.holder ?? (await tx.residents.get(card.residentId));
        if (!holder) throw new Error(`card ${card.id} has no resident ${card.residentId}`);
        return holder.state;
      };
      let holder: Promise<ResidentState> | undefined;
      const resident = () => (holder ??= loadHolder());
      if (checksHolder) {
        const state = await resident();
        if (state.registration === 'deceased') return deceasedRefusal(state);
      }
      note.details = { status: card.status };
      const run = (proxy: ProxyRecord | null) => work({ tx, card, resident, context: decisionContext(app), meta: { at: app.clock.now(), actorId: actor.id }, note, proxy });
      return useProxyApproval(app, tx, actor, spec.proxy, card.residentId, run);
    },
  );
}

type ActNote = { kind: ActKind; documents?: readonly string[]; details?: Record<string, unknown>; legalRepresentative?: LegalRepresentative | undefined };

/** Decides a command, records its events and the procedure, and answers with the card. */
export async function decideAndSave(app: AppContext, actor: Actor, w: CardWork, command: CardCommand, act: ActNote): Promise<Result<CardView>> {
  const recorded = await decideAndRecord(app, actor, w, command, act);
  return recorded.ok ? success(await cardViewOf(app, w.tx, recorded.value, actor.role)) : recorded;
}

/** Decides a command and records its events and the procedure; answers with the card's new state (no view: the calendar's acts answer nobody). */
export async function decideAndRecord(app: AppContext, actor: Actor, w: CardWork, command: CardCommand, act: ActNote): Promise<Result<CardState>> {
  const decided = decideCard(command, w.card, w.context);
  if (!decided.ok) return decided;
  const after = await saveCard(w.tx, w.card, decided.value, w.meta);
  w.note.details = { ...w.note.details, to: after.status, events: decided.value.map((event) => event.type), ...representedNote(act.legalRepresentative) };
  await recordAct(app, w.tx, actor, {
    kind: act.kind,
    residentId: after.residentId,
    cardId: after.id,
    proxy: w.proxy,
    ...(act.documents && { documents: act.documents }),
    details: { ...act.details, ...representedDetails(act.legalRepresentative) },
  });
  return success(after);
}

/**
 * R-18 in the records, once the decider let the representative act: the procedure record (what the
 * slip prints) names them; the audit entry says only that a representative acted, as for
 * certificates (docs/rules.md R-18), so names stay where the resident's record is.
 */
export function representedDetails(representative: LegalRepresentative | undefined): { legalRepresentative?: LegalRepresentative } {
  return representative ? { legalRepresentative: representative } : {};
}

/** The audit entry's part of R-18: whether a 法定代理人 acted, and as what. */
export function representedNote(representative: LegalRepresentative | undefined): { represented: boolean; representativeRelationship?: LegalRepresentative['relationship'] } {
  return representative ? { represented: true, representativeRelationship: representative.relationship } : { represented: false };
}

/** The 住民基本台帳事務用 PIN checked on the chip; a wrong entry is counted and refuses the command. */
export async function checkResidentRegistryPin(app: AppContext, w: CardWork, pin: string): Promise<Result<void>> {
  const check = await app.chip.verify(w.tx, w.card.id, 'resident-registry', pin, w.meta.at);
  if (!check.ok) return check;
  return residentRegistryPinRefusal(check.value) ?? success(undefined);
}
