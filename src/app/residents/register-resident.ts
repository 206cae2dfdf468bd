import { DomainErrorCode, refuse, success } from '../../domain/errors.ts';
import { decideRegistration } from '../../domain/resident-registration.ts';
import type { ResidentFacts, Sex } from '../../domain/resident.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { Residency } from '../../rules/residency.ts';
import type { Actor } from '../actor.ts';
import { runCommand } from '../command.ts';
import type { AppContext } from '../context.ts';
import type { ResidentRecord } from '../ports/resident-repository.ts';
import type { Repositories } from '../ports/store.ts';
import { recordAct } from '../act-records.ts';
import { residentView, type ResidentView } from '../views.ts';
import { decisionContext } from '../context.ts';
import type { Idempotency } from '../command.ts';
import type { Result } from '../app-errors.ts';

/**
 * A registration as every boundary gives it (the API, the registry import, the demo), each
 * checking it against the fields of rules/resident-fields.ts first: the record's facts, the number
 * in clear (R-11 reads full-width digits), and the household, a new one when absent.
 */
export interface RegisterResidentInput {
  readonly residentCode: string;
  readonly individualNumber: string;
  readonly familyName: string;
  readonly givenName: string;
  readonly familyNameKana: string;
  readonly givenNameKana: string;
  readonly birthDate: PlainDate;
  readonly sex: Sex;
  readonly address: string;
  /** 郵便番号: `NNN-NNNN`, 7 digits or full-width digits, kept as `NNN-NNNN`; none when absent. */
  readonly postalCode?: string;
  readonly phone?: string;
  readonly householdId?: string;
  readonly nationality: string;
  readonly residency: Residency;
  readonly periodOfStayEnd?: PlainDate;
  readonly residenceCardNumber?: string;
  readonly moveInDate?: PlainDate;
  readonly moveInNotificationDate?: PlainDate;
  /** 成年被後見人; false when absent. */
  readonly adultWard?: boolean;
}

/** What a registration says of a resident, from its body (checked by checkResidentFacts before use). */
export function factsOf(body: RegisterResidentInput, householdId: string): ResidentFacts {
  return {
    residentCode: body.residentCode,
    familyName: body.familyName,
    givenName: body.givenName,
    familyNameKana: body.familyNameKana,
    givenNameKana: body.givenNameKana,
    birthDate: body.birthDate,
    sex: body.sex,
    address: body.address,
    postalCode: body.postalCode ?? null,
    householdId,
    nationality: body.nationality,
    residency: body.residency,
    periodOfStayEnd: body.periodOfStayEnd ?? null,
    residenceCardNumber: body.residenceCardNumber ?? null,
    moveInDate: body.moveInDate ?? null,
    moveInNotificationDate: body.moveInNotificationDate ?? null,
    adultWard: body.adultWard ?? false,
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
  body: RegisterResidentInput,
  arrival: boolean,
  id = app.ids.next(),
): Promise<Result<ResidentRecord>> {
  const registered = decideRegistration(
    { residentId: id, individualNumber: body.individualNumber, facts: factsOf(body, body.householdId ?? app.ids.next()), arrival },
    decisionContext(app),
  );
  if (!registered.ok) return registered;
  const { individualNumber: number, event, state } = registered.value;
  const hash = app.keys.numberHash(number);
  if (await tx.numbers.hashEverUsed(hash)) return refuse(DomainErrorCode.ResidentDuplicate, 'a resident with this individual number is already registered');
  if (await tx.residents.residentCodeTaken(body.residentCode)) return refuse(DomainErrorCode.ResidentDuplicate, 'a resident with this 住民票コード is already registered');
  const record: ResidentRecord = { state, phone: body.phone ?? null, numberLast4: number.slice(8) };
  const at = app.clock.now();
  await tx.residents.insert(record, hash, at);
  await tx.events.append('resident', id, 1, [event], { at, actorId: actor.id });
  await tx.numbers.insert({ id: app.ids.next(), residentId: id, encrypted: app.keys.encryptNumber(number), hash, assignedOn: app.clock.today() });
  return success(record);
}

export async function registerResident(app: AppContext, actor: Actor, body: RegisterResidentInput, idempotency?: Idempotency): Promise<Result<ResidentView>> {
  return runCommand(app, actor, { action: 'resident.register', permission: 'resident.write', subjectType: 'resident', subjectId: null, idempotency }, async (tx, note) => {
    const registered = await registerIn(app, tx, actor, body, false);
    if (!registered.ok) return registered;
    note.subjectId = registered.value.state.id;
    await recordAct(app, tx, actor, { kind: 'resident-registration', residentId: registered.value.state.id, cardId: null });
    return success(residentView(registered.value));
  });
}
