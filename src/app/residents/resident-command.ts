import type { CardState } from '../../domain/card.ts';
import { reactToResident } from '../../domain/card-reactions.ts';
import { DomainErrorCode, refuse, success } from '../../domain/errors.ts';
import { decideResident, type ResidentCommand } from '../../domain/resident-decider.ts';
import type { Actor } from '../actor.ts';
import { runCommand, type CommandSpec } from '../command.ts';
import type { AppContext } from '../context.ts';
import { saveCard, saveResident } from '../persist.ts';
import { recordAct } from '../act-records.ts';
import { useProxyApproval, type ProxyRecord, type ProxyRequest } from '../proxy.ts';
import type { ResidentWithCards } from '../views.ts';
import { decisionContext } from '../context.ts';
import { liveCards } from '../persist.ts';
import { residentWithCards } from '../views.ts';
import type { Result } from '../app-errors.ts';
import type { ActKind } from '../ports/act-record-repository.ts';

/**
 * The frame of a resident command: load and lock, check the proxy's approval where the R-13 row
 * lets a proxy come, decide, save, then let each of the resident's live cards react (a revoked
 * certificate, an abolition, a continuation; R-16: an old card kept until its successor's
 * hand-over, and that successor), record the procedure.
 */
export async function residentCommand(
  app: AppContext,
  actor: Actor,
  spec: Omit<CommandSpec, 'subjectType' | 'subjectId' | 'permission'> & { readonly permission?: CommandSpec['permission']; readonly proxy?: ProxyRequest },
  id: string,
  expectedVersion: number | undefined,
  /** The command, or how it follows from the resident's live cards (R-17 asks about the card kept abroad). */
  command: ResidentCommand | ((cards: readonly CardState[]) => ResidentCommand),
  act: { kind: ActKind; details?: Record<string, unknown> },
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
      const cards = await liveCards(tx, id, true);
      const decided = decideResident(typeof command === 'function' ? command(cards) : command, record.state, context);
      if (!decided.ok) return decided;
      const meta = { at: app.clock.now(), actorId: actor.id };
      const after = await saveResident(tx, record, decided.value, meta);
      const cardEvents: string[] = [];
      for (const card of cards) {
        const reaction = reactToResident(card, record.state, decided.value, context);
        if (!reaction.ok) return reaction;
        await saveCard(tx, card, reaction.value, meta);
        cardEvents.push(...reaction.value.map((event) => event.type));
      }
      note.details = { events: decided.value.map((event) => event.type), cardEvents };
      await recordAct(app, tx, actor, { kind: act.kind, residentId: id, cardId: cards.at(-1)?.id ?? null, details: { ...act.details, cardEvents }, proxy });
      return success(await residentWithCards(app, tx, after, actor.role));
    };
    return useProxyApproval(app, tx, actor, proxyRequest, id, work);
  });
}
