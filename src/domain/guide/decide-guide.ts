import { ExpiryBasis, standardExpiry } from '../../rules/card-expiry.ts';
import { dayStatus } from '../../rules/calendar.ts';
import type { RuleContext } from '../../rules/context.ts';
import { continuationDeadline } from '../../rules/continuation-deadline.ts';
import { RuleErrorCode, type RuleError } from '../../rules/errors.ts';
import { moveInDeadline, MoveInBasis } from '../../rules/move-in-deadline.ts';
import { addDays, toEpochDay, type PlainDate } from '../../rules/plain-date.ts';
import { PinKind, ReissueReason, type Policy } from '../../rules/policy.ts';
import {
  Item,
  NOTIFICATION_CARD_ABOLISHED_ON,
  PHOTO_SIZE_CM,
  Place,
  Presenter,
  Procedure,
  PROCEDURE_TABLE,
  REISSUE_PROCEDURE,
} from '../../rules/procedures.ts';
import { reissueFee } from '../../rules/reissue-fee.ts';
import { certificateRenewalWindow } from '../../rules/certificate-renewal-window.ts';
import { AbroadContinuationReason, JAPANESE_NATIONALITY, movingAbroad as movingAbroadRule } from '../../rules/moving-abroad.ts';
import { renewalWindow } from '../../rules/renewal-window.ts';
import { validityExtension, type ValidityExtensionOutput } from '../../rules/validity-extension.ts';
import type { Result } from '../../rules/result.ts';
import type { OfficeDirectory } from '../office.ts';
import {
  AnswerProblem,
  DeadlineKind,
  type ChecklistEntry,
  type ClosedDay,
  type DeadlinePlan,
  type FeePlan,
  type GuideError,
  type GuideFieldError,
  type GuidePlan,
  type Line,
  type OfficePlan,
  type Param,
  type Step,
} from './guide-plan.ts';
import { CHECK_TEXT, CLOSURE_TEXT, DEADLINE_TITLES, ITEM_TEXT, SITUATION_TITLES, TEXT, type TextId } from './guide-text.ts';
import { asks, PAST_ANSWERS, QUESTIONS, type AnswerName, type GuideAnswers, type Situation } from './situation.ts';

export interface GuideInput {
  readonly situation: Situation;
  readonly answers: GuideAnswers;
}

export interface GuideContext {
  readonly rules: RuleContext;
  readonly offices: OfficeDirectory;
  /** The business date the answer is for (answers.today wins). */
  readonly today: PlainDate;
}

type Params = Readonly<Record<string, Param>>;

const date = (value: PlainDate): Param => ({ kind: 'date', date: value });
const yen = (amount: number): Param => ({ kind: 'yen', amount });
const count = (value: number): Param => ({ kind: 'count', value });
const phone = (value: string): Param => ({ kind: 'phone', phone: value });

function line(id: TextId, params: Params = {}): Line {
  return { id, text: TEXT[id], params };
}

function titleLine(id: keyof typeof DEADLINE_TITLES): Line {
  return { id, text: DEADLINE_TITLES[id], params: {} };
}

interface Visit {
  readonly procedure: Procedure;
  readonly place: Place;
  /** Only if something happens (a lost card turns up): its counters are listed, its things not packed. */
  readonly ifNeeded: boolean;
}

/** The answer being put together: the situation says what happens; the R-13 table fills in the rest. */
class Draft {
  readonly visits: Visit[] = [];
  readonly steps: Step[] = [];
  readonly warnings: Line[] = [];
  readonly deadlines: DeadlinePlan[] = [];
  readonly extras: ChecklistEntry[] = [];
  /** Checklist lines after the R-13 table's things (the 法定代理人 at a hand-over, as the 交付通知書 lists them). */
  readonly extrasLast: ChecklistEntry[] = [];
  readonly itemText = new Map<Item, ChecklistEntry>();
  fee: FeePlan | null = null;
  hotline = false;

  constructor(
    readonly context: GuideContext,
    readonly situation: Situation,
  ) {}

  visit(procedure: Procedure, place: Place = PROCEDURE_TABLE[procedure].place, ifNeeded = false): this {
    this.visits.push({ procedure, place, ifNeeded });
    if (place === Place.Hotline) this.hotline = true;
    return this;
  }

  step(id: TextId, params: Params = {}, urgent = false): this {
    this.steps.push({ ...line(id, params), urgent });
    return this;
  }

  warn(id: TextId, params: Params = {}): this {
    this.warnings.push(line(id, params));
    return this;
  }

  bring(item: ChecklistEntry['item'], text: ChecklistEntry['text'], params: Params = {}, last = false): this {
    (last ? this.extrasLast : this.extras).push({ id: item, item, text, params });
    return this;
  }

  /** R-10 for the reason. It refuses only `lostAtHome` with another reason than lost, which the guide never sends. */
  charge(reason: ReissueReason, withCertificates: boolean, lostAtHome?: boolean): FeePlan {
    const policeReportApplies = this.context.rules.policy.reissueFees[reason].policeReport !== 'never';
    this.fee = { ...feeOf(this.context.rules, reason, withCertificates, lostAtHome), reason, withCertificates, policeReportApplies };
    return this.fee;
  }

  feeStep(): this {
    if (this.fee === null) return this;
    return this.fee.total === 0 ? this.step('feeNone') : this.step('feeTotal', { total: yen(this.fee.total) });
  }
}

function feeOf(rules: RuleContext, reason: ReissueReason, withCertificates: boolean, lostAtHome?: boolean) {
  const outcome = reissueFee({ reason, withCertificates, ...(lostAtHome !== undefined && { lostAtHome }) }, rules);
  if (!outcome.ok) throw new Error(`reissue-fee refused the guide's own input: ${outcome.error.message}`);
  return outcome.value;
}

function deadline(
  context: GuideContext,
  kind: DeadlineKind,
  day: PlainDate,
  title: Line,
  consequence: Line,
  extra: Partial<Pick<DeadlinePlan, 'notes' | 'movedForHoliday' | 'closedDay' | 'seedAdvice'>> = {},
): DeadlinePlan {
  const daysLeft = toEpochDay(day) - toEpochDay(context.today);
  return { kind, date: day, title, consequence, notes: [], passed: daysLeft < 0, daysLeft, movedForHoliday: false, ...extra };
}

/** The same rules with a deadline left where it falls: the seed's plain count, and the day before a shift. */
function withoutShift(rules: RuleContext, which: keyof Policy['holidayShift']): RuleContext {
  return { ...rules, policy: { ...rules.policy, holidayShift: { ...rules.policy.holidayShift, [which]: 'none' } } };
}

function closedDayOf(rules: RuleContext, day: PlainDate): ClosedDay | undefined {
  const status = dayStatus(rules.calendar, day);
  if (!status.ok || status.value.reason === undefined) return undefined;
  const { reason, holiday } = status.value;
  return holiday ? { date: day, reason, holiday: { name: holiday.name, nameEn: holiday.nameEn } } : { date: day, reason };
}

function closedDayNote(closed: ClosedDay, shiftedTo: PlainDate): Line {
  const reason: Param = closed.holiday
    ? { kind: 'holiday', name: closed.holiday.name, nameEn: closed.holiday.nameEn }
    : { kind: 'message', message: CLOSURE_TEXT[closed.reason] };
  return line('closedDayShift', { closedDate: date(closed.date), reason, date: date(shiftedTo) });
}

/** The last day the office is open on or before `day`, looking back at most a fortnight. */
function lastOpenDayOnOrBefore(rules: RuleContext, day: PlainDate): PlainDate | undefined {
  for (let back = 0; back <= 14; back += 1) {
    const candidate = addDays(day, -back);
    const status = dayStatus(rules.calendar, candidate);
    if (!status.ok) return undefined;
    if (status.value.businessDay) return candidate;
  }
  return undefined;
}

/**
 * A card's expiry is a date that cannot move (R-3: the card stops that day whatever the calendar
 * says, unlike a notification deadline, R-7/R-8). When it falls on a closed day, the deadline says
 * which is the last day the office is open before it (docs/rules.md "Corrections 2026-12").
 */
function fixedDateNotes(rules: RuleContext, day: PlainDate): Pick<DeadlinePlan, 'notes'> & Partial<Pick<DeadlinePlan, 'closedDay'>> {
  const closed = closedDayOf(rules, day);
  const last = closed ? lastOpenDayOnOrBefore(rules, day) : undefined;
  if (!closed || last === undefined) return { notes: [] };
  const reason: Param = closed.holiday
    ? { kind: 'holiday', name: closed.holiday.name, nameEn: closed.holiday.nameEn }
    : { kind: 'message', message: CLOSURE_TEXT[closed.reason] };
  return { notes: [line('lastOpenDayBefore', { closedDate: date(day), reason, date: date(last) })], closedDay: closed };
}

function fieldError(field: AnswerName | 'today', problem: GuideFieldError['problem'], message: string, other?: AnswerName): GuideFieldError {
  const text = `answers.${field} ${message}`;
  return { pointer: `/answers/${field}`, message: text, field, problem, ...(other !== undefined && { other }) };
}

function invalid(errors: readonly GuideFieldError[]): { ok: false; error: GuideError } {
  return { ok: false, error: { code: RuleErrorCode.InputInvalid, message: errors.map((error) => error.message).join('; '), errors } };
}

/** A refusal of a rule the guide called, located at the answer that fed it. */
function refusal(error: RuleError, field: AnswerName): { ok: false; error: GuideError } {
  if (error.code === RuleErrorCode.CalendarOutOfRange) {
    return { ok: false, error: { code: error.code, message: error.message, errors: [fieldError(field, AnswerProblem.OutOfCalendar, `: ${error.message}`)] } };
  }
  // R-5 refuses dates out of order: an issue date before the birth date, an expiry before the issue date.
  const order: Partial<Record<string, [AnswerName, AnswerName]>> = {
    '/cardIssueDate': ['cardIssueDate', 'birthDate'],
    '/currentExpiryDate': ['currentExpiryDate', 'cardIssueDate'],
  };
  const errors = (error.errors ?? []).map((each) => {
    const pair = order[each.pointer];
    return pair ? fieldError(pair[0], AnswerProblem.NotBefore, `is before answers.${pair[1]}`, pair[1]) : fieldError(field, AnswerProblem.NotBefore, each.message);
  });
  return invalid(errors.length > 0 ? errors : [fieldError(field, AnswerProblem.NotBefore, error.message)]);
}

/**
 * Dates of what already happened that lie after today (PAST_ANSWERS): a move-in or filing date is
 * questioned until the resident confirms it (a move planned ahead); a birth or issue date is refused.
 * Moving out asks the move-in date of a move still to come, so it is not questioned there.
 */
function futureDates(situation: Situation, answers: GuideAnswers, today: PlainDate): GuideFieldError[] {
  if (situation === 'moving-out') return [];
  const errors: GuideFieldError[] = [];
  for (const [name, kind] of Object.entries(PAST_ANSWERS) as [keyof typeof PAST_ANSWERS, (typeof PAST_ANSWERS)[keyof typeof PAST_ANSWERS]][]) {
    const value = answers[name];
    if (value === undefined || value <= today) continue;
    if (kind === 'impossible') errors.push({ ...fieldError(name, AnswerProblem.FutureImpossible, `is after today (${today})`), today });
    else if (answers.futureDatesConfirmed !== true) {
      errors.push({ ...fieldError(name, AnswerProblem.InFuture, `is after today (${today}); send futureDatesConfirmed: true if it is right`), today });
    }
  }
  return errors;
}

function checkAnswers(situation: Situation, answers: GuideAnswers): GuideFieldError[] {
  const errors: GuideFieldError[] = [];
  for (const name of QUESTIONS[situation].required) {
    if (answers[name] === undefined) errors.push(fieldError(name, AnswerProblem.Required, `is required for situation ${situation}`));
  }
  const asked = new Set<string>(asks(situation));
  for (const name of Object.keys(answers) as (keyof GuideAnswers)[]) {
    if (name !== 'today' && name !== 'futureDatesConfirmed' && answers[name] !== undefined && !asked.has(name)) {
      errors.push(fieldError(name, AnswerProblem.NotAsked, `is not asked for situation ${situation}`));
    }
  }
  return errors;
}

/** Every answer the situation requires, checked by checkAnswers before a situation's decision runs. */
function need<N extends AnswerName>(answers: GuideAnswers, name: N): NonNullable<GuideAnswers[N]> {
  const value = answers[name];
  if (value === undefined) throw new Error(`answers.${name} was not checked`);
  return value as NonNullable<GuideAnswers[N]>;
}

type Decide = (draft: Draft, answers: GuideAnswers) => { ok: true } | { ok: false; error: GuideError };
const DONE = { ok: true } as const;

/**
 * R-7 as a deadline: the legal date, why it moved, and the seed's simpler count beside it. The seed
 * counts "14 days from the move-out date" (docs/rules.md "Corrections 2026-12"): from the planned
 * move-out date, never moved off a closed day, and shown only when it is earlier than the legal
 * date — advice later than the law would make a resident late. Without a move-out date there is
 * nothing to count it from. The entry is not yet a deadline of the answer: `moveInDeadlineOf` or
 * the caller decides whether it still lies ahead.
 */
function moveInEntry(draft: Draft, moveDay: PlainDate, planned: PlainDate | undefined, field: AnswerName, there: boolean) {
  const { rules } = draft.context;
  const input = { moveInDate: moveDay, ...(planned !== undefined && { plannedMoveOutDate: planned }) };
  const legal = moveInDeadline(input, rules);
  if (!legal.ok) return refusal(legal.error, field);
  const plain = withoutShift(rules, 'moveIn');
  const { deadline: day, basis, movedForHoliday } = legal.value;
  const notes: Line[] = [];
  let closedDay: ClosedDay | undefined;
  if (basis === MoveInBasis.ThirtyDaysAfterPlannedMoveOut && planned !== undefined) {
    notes.push(line('capByPlannedMoveOut', { plannedDate: date(planned), days: count(rules.policy.specialMoveOutDays), date: date(day) }));
  }
  if (movedForHoliday) {
    const unshifted = moveInDeadline(input, plain);
    closedDay = unshifted.ok ? closedDayOf(rules, unshifted.value.deadline) : undefined;
    if (closedDay) notes.push(closedDayNote(closedDay, day));
  }
  let seedAdvice: DeadlinePlan['seedAdvice'];
  // Only a municipality whose website gives the earlier count is quoted (docs/scale.md "Several municipalities").
  if (planned !== undefined && draft.context.offices.municipality.moveInAdviceFromMoveOut === true) {
    const seed = moveInDeadline({ moveInDate: planned }, plain);
    if (!seed.ok) return refusal(seed.error, 'plannedMoveOutDate');
    const seedDate = seed.value.deadline;
    if (seedDate < day) seedAdvice = { date: seedDate, text: line('seedAdvice', { date: date(seedDate) }) };
  }
  if (seedAdvice) notes.push(line('legalCounts'));
  const entry = deadline(draft.context, DeadlineKind.MoveIn, day, titleLine(there ? 'moveInThere' : 'moveIn'), line('moveInConsequence'), {
    notes,
    movedForHoliday,
    ...(closedDay && { closedDay }),
    ...(seedAdvice && { seedAdvice }),
  });
  return { ok: true as const, value: entry };
}

/** R-8 as a deadline, with the day the card is abolished if it is missed. */
function continuationEntry(draft: Draft, notificationDate: PlainDate) {
  const { rules } = draft.context;
  const legal = continuationDeadline({ moveInNotificationDate: notificationDate }, rules);
  if (!legal.ok) return refusal(legal.error, 'moveInNotificationDate');
  const { deadline: day, lapsesOn, movedForHoliday } = legal.value;
  const notes: Line[] = [];
  let closedDay: ClosedDay | undefined;
  if (movedForHoliday) {
    const unshifted = continuationDeadline({ moveInNotificationDate: notificationDate }, withoutShift(rules, 'continuation'));
    closedDay = unshifted.ok ? closedDayOf(rules, unshifted.value.deadline) : undefined;
    if (closedDay) notes.push(closedDayNote(closedDay, day));
  }
  const entry = deadline(
    draft.context,
    DeadlineKind.Continuation,
    day,
    titleLine('continuation'),
    line('continuationConsequence', { date: date(lapsesOn) }),
    { notes, movedForHoliday, ...(closedDay && { closedDay }) },
  );
  draft.deadlines.push(entry);
  return { ok: true as const, value: entry };
}

/** The card can no longer be continued: a new one is applied for (a fee applies; the seed names no amount). */
function newCardNeeded(draft: Draft): void {
  draft.visit(Procedure.Application);
}

const movedIn: Decide = (draft, answers) => {
  const moveInDate = need(answers, 'moveInDate');
  const { moveInNotificationDate: notified, plannedMoveOutDate: planned, cardPresentedAtMoveIn: presented } = answers;
  const today = draft.context.today;
  const errors: GuideFieldError[] = [];
  if (notified !== undefined && notified < moveInDate) {
    errors.push(fieldError('moveInNotificationDate', AnswerProblem.NotBefore, 'is before answers.moveInDate', 'moveInDate'));
  }
  if (presented !== undefined && notified === undefined) {
    errors.push(fieldError('moveInNotificationDate', AnswerProblem.NeedsOther, 'is required with answers.cardPresentedAtMoveIn', 'cardPresentedAtMoveIn'));
  }
  if (errors.length > 0) return invalid(errors);
  const moveIn = moveInEntry(draft, moveInDate, planned, 'moveInDate', false);
  if (!moveIn.ok) return moveIn;
  const due = moveIn.value.date;
  draft.visit(Procedure.MoveInNotification).visit(Procedure.Continuation).visit(Procedure.FrontSideChange);
  if (notified === undefined) {
    // Not filed yet: the 転入届 deadline is what lies ahead.
    draft.deadlines.push(moveIn.value);
    if (today > due) {
      draft.step('moveInLate', { date: date(due) });
      newCardNeeded(draft);
    } else {
      draft
        .step('moveInFile', { days: count(draft.context.rules.policy.moveInDays) })
        .step('moveInBringCard')
        .step('householdAskPin')
        .step('continuationWithin', { days: count(draft.context.rules.policy.continuationDays) });
    }
  } else if (notified > due) {
    // Filed, but after R-7's date: the card cannot be continued (R-8 needs a 転入届 in time).
    draft.step('filedLate', { filed: date(notified), date: date(due) });
    newCardNeeded(draft);
  } else {
    // Filed in time: say so, and show only what is still ahead, never the 転入届 deadline as passed.
    draft.step('filedInTime', { filed: date(notified), date: date(due) });
    if (presented === true) {
      draft.step('continuationDone');
    } else {
      const continuation = continuationEntry(draft, notified);
      if (!continuation.ok) return continuation;
      if (continuation.value.passed) {
        draft.step('continuationLapsed', { date: date(continuation.value.date) });
        newCardNeeded(draft);
      } else {
        draft.step('continuationBy', { date: date(continuation.value.date) }).step('householdAskPin');
      }
    }
  }
  if (draft.steps.some((step) => step.id === 'moveInLate' || step.id === 'filedLate')) draft.warn('lateFine');
  draft.warn('foreignResidenceCard').warn('signatureRevoked');
  return notesFullWarning(draft);
};

/** Domain: a front-side change into a full notes field needs a new card (R-10 notes-full). */
function notesFullWarning(draft: Draft): typeof DONE {
  const { total } = feeOf(draft.context.rules, ReissueReason.NotesFull, true);
  if (total === 0) draft.warn('notesFullFree');
  else draft.warn('notesFullFee', { total: yen(total) });
  return DONE;
}

const movingOut: Decide = (draft, answers) => {
  const planned = need(answers, 'plannedMoveOutDate');
  const moveDay = answers.moveInDate ?? planned;
  const moveIn = moveInEntry(draft, moveDay, planned, answers.moveInDate === undefined ? 'plannedMoveOutDate' : 'moveInDate', true);
  if (!moveIn.ok) return moveIn;
  draft.deadlines.push(moveIn.value);
  draft
    .visit(Procedure.MoveOutNotification)
    .visit(Procedure.MoveInNotification, Place.NewMunicipality)
    .visit(Procedure.Continuation, Place.NewMunicipality)
    .step('moveOutFile')
    .step('moveOutKeepCard')
    .step('moveOutFileThere', { date: date(moveIn.value.date) })
    .step('moveOutContinueThere', { days: count(draft.context.rules.policy.continuationDays) })
    .bring(Item.Card, ITEM_TEXT.card)
    .bring('pin', CHECK_TEXT.pinResidentRegistry)
    .warn('moveOutPending')
    .warn('signatureRevoked');
  return DONE;
};

/**
 * R-17 (docs/rules.md): both paths. A Japanese national may keep the card abroad (国外継続利用) when
 * asking no later than the day before the planned move-out; the signature certificate then ends on
 * the move-out date. Otherwise the card is abolished on the planned move-out date, not on the day
 * the 国外転出届 is filed. Whether the holder is a national may be unknown: then both paths are told.
 */
const movingAbroad: Decide = (draft, answers) => {
  const { context } = draft;
  const planned = need(answers, 'plannedMoveOutDate');
  const national = answers.japaneseNational;
  const asked = movingAbroadRule(
    { nationality: national === false ? 'ZZ' : JAPANESE_NATIONALITY, plannedMoveOutDate: planned, today: context.today, cardStatus: 'active' },
    context.rules,
  );
  if (!asked.ok) return refusal(asked.error, 'plannedMoveOutDate');
  const { continuationAllowed, reason, abolishesOn = planned } = asked.value;
  const keepPossible = reason !== AbroadContinuationReason.Policy && national !== false;
  const dayBefore = addDays(planned, -1);
  draft.visit(Procedure.MoveOutNotification).step('abroadFile');
  if (keepPossible) {
    draft.deadlines.push(deadline(context, DeadlineKind.AbroadContinuation, dayBefore, titleLine('abroadKeepBy'), line('abroadKeepByConsequence')));
    if (continuationAllowed) draft.step('abroadKeep', { date: date(dayBefore) }).step('abroadKeepEffects', { date: date(planned) });
    else draft.step('abroadKeepTooLate', { date: date(dayBefore) });
  }
  draft.deadlines.push(deadline(context, DeadlineKind.AbroadAbolished, abolishesOn, titleLine('abroadAbolishes'), line('abroadAbolishesConsequence')));
  draft.visit(Procedure.Return).step('abroadAbolished', { date: date(abolishesOn) }).step('abroadReturn').warn('cardEndsCertificates').warn('numberStays');
  return DONE;
};

/**
 * An electronic certificate that expires, was revoked, or a holder who turned 15:
 * with its expiry, the renewal window; once expired, a new issue with the same steps. Free.
 */
const certificate: Decide = (draft, answers) => {
  const { context } = draft;
  const expiry = answers.certificateExpiryDate;
  draft.visit(Procedure.SignatureCertificate);
  if (expiry !== undefined) {
    const window = certificateRenewalWindow({ certificateExpiryDate: expiry, today: context.today }, context.rules);
    if (!window.ok) return refusal(window.error, 'certificateExpiryDate');
    draft.deadlines.push(
      deadline(context, DeadlineKind.CertificateRenewalOpens, window.value.opensOn, titleLine('certRenewalOpens'), line('certRenewalOpensConsequence')),
      deadline(context, DeadlineKind.CertificateExpiry, expiry, titleLine('certExpiry'), line('certExpiryConsequence'), fixedDateNotes(context.rules, expiry)),
    );
    if (context.today > expiry) draft.step('certExpiredIssue', { date: date(expiry) });
    else if (window.value.open) draft.step('certRenewNow', { date: date(expiry) });
    else draft.step('certRenewFrom', { date: date(window.value.opensOn), months: count(context.rules.policy.certificateRenewalWindowMonths) });
  }
  draft
    .step('certAtCounter')
    .step('certSetPin')
    .step('certRevokedAgain')
    .warn('certTurned15')
    .warn('certNoWard')
    .warn('certNewExpiry', { count: count(context.rules.policy.certificateValidityBirthdays) });
  return DONE;
};

const addressChanged: Decide = (draft) => {
  draft
    .visit(Procedure.AddressChangeNotification)
    .visit(Procedure.FrontSideChange)
    .visit(Procedure.SignatureCertificate)
    .step('addressFile')
    .step('frontAddress')
    .step('signatureReapply')
    .warn('foreignResidenceCard')
    .warn('signatureRevoked');
  return notesFullWarning(draft);
};

const nameChanged: Decide = (draft) => {
  draft
    .visit(Procedure.FamilyRegisterNotification)
    .visit(Procedure.FrontSideChange)
    .visit(Procedure.SignatureCertificate)
    .step('nameFile')
    .step('frontName')
    .step('signatureReapply')
    .warn('signatureRevoked');
  return notesFullWarning(draft);
};

function lostOrStolen(reason: typeof ReissueReason.Lost | typeof ReissueReason.Stolen): Decide {
  return (draft, answers) => {
    const withCertificates = need(answers, 'withCertificates');
    const lostAtHome = reason === ReissueReason.Lost ? need(answers, 'lostAtHome') : undefined;
    const fee = draft.charge(reason, withCertificates, lostAtHome);
    draft
      .visit(Procedure.Suspension)
      .visit(REISSUE_PROCEDURE[reason])
      .visit(Procedure.SuspensionRelease, Place.CardCounter, true)
      .step('callHotline', { phone: phone(draft.context.offices.hotline.phone) }, true);
    if (fee.policeReportRequired) draft.step(reason === ReissueReason.Lost ? 'policeLost' : 'policeStolen');
    else draft.step('noPoliceAtHome');
    draft.step('ifFoundRelease').step('reissueIfNotFound').feeStep().step('newCardLater');
    draft.warn('suspensionRevokes').warn('noPhoneRelease').warn('numberChangePossible');
    return DONE;
  };
}

const found: Decide = (draft) => {
  draft
    .visit(Procedure.SuspensionRelease)
    .visit(Procedure.SignatureCertificate)
    .step('releaseAtCounter')
    .step('signatureAfterSuspension')
    .step('foundAfterReissue')
    .warn('noPhoneRelease');
  return DONE;
};

function pinCounts(draft: Draft): Params {
  const attempts = draft.context.rules.policy.pinMaxAttempts;
  return { short: count(attempts[PinKind.ResidentRegistry]), long: count(attempts[PinKind.Signature]) };
}

const pinLocked: Decide = (draft) => {
  draft.visit(Procedure.PinReset).step('pinResetCounter').step('pinDecideNew').warn('pinLockCounts', pinCounts(draft)).warn('convenienceReset');
  return DONE;
};

const pinChange: Decide = (draft) => {
  draft.visit(Procedure.PinReset).step('pinChangeCounter').step('pinDecideNew').warn('pinLockCounts', pinCounts(draft));
  return DONE;
};

const damaged: Decide = (draft, answers) => {
  draft.charge(ReissueReason.Damaged, need(answers, 'withCertificates'));
  draft.visit(Procedure.ReissueDamaged).step('reissueAtCounter').step('returnOldCard').feeStep().step('newCardLater');
  return DONE;
};

/**
 * A free new card (R-10 names no fee for a full notes field, a renewal or a number change). The
 * fee is worked out with certificates, the larger of the two should a city's policy ever differ.
 */
const notesFull: Decide = (draft) => {
  draft.charge(ReissueReason.NotesFull, true);
  draft.visit(Procedure.ReissueNotesFull).step('notesFullNewCard').step('returnOldCard').feeStep().step('newCardLater');
  return DONE;
};

const expiring: Decide = (draft, answers) => {
  const expiryDate = need(answers, 'expiryDate');
  const { context } = draft;
  const window = renewalWindow({ expiryDate, today: context.today }, context.rules);
  if (!window.ok) return refusal(window.error, 'expiryDate');
  draft.charge(ReissueReason.Renewal, true);
  const months = context.rules.policy.renewalWindowMonths;
  draft.deadlines.push(
    deadline(context, DeadlineKind.RenewalOpens, window.value.opensOn, titleLine('renewalOpens'), line('renewalOpensConsequence')),
    deadline(context, DeadlineKind.CardExpiry, expiryDate, titleLine('cardExpiry'), line('cardExpiryConsequence'), fixedDateNotes(context.rules, expiryDate)),
  );
  if (context.today > expiryDate) {
    draft.visit(Procedure.Return).visit(Procedure.Application).step('expiredReturnApply', { date: date(expiryDate) });
  } else {
    draft.visit(Procedure.Renewal);
    if (window.value.open) draft.step('renewNow', { date: date(expiryDate) });
    else draft.step('renewFrom', { date: date(window.value.opensOn), months: count(months) });
    draft.step('returnOldCard').feeStep().step('newCardLater');
  }
  draft.warn('foreignSeeExtension').warn('certificatesOwnExpiry', { count: count(context.rules.policy.certificateValidityBirthdays) });
  return DONE;
};

/** The ceiling of R-3 that R-5 reports when the period of stay would run past it. */
function ceilingLine(draft: Draft, extension: ValidityExtensionOutput): Line | undefined {
  const birthdays = draft.context.rules.policy.cardValidityBirthdays;
  if (extension.basis === ExpiryBasis.TenthBirthday) return line('extendCeiling', { count: count(birthdays.adult), date: date(extension.expiryDate) });
  if (extension.basis === ExpiryBasis.FifthBirthday) return line('extendCeiling', { count: count(birthdays.minor), date: date(extension.expiryDate) });
  return undefined;
}

function extension(pending: boolean): Decide {
  return (draft, answers) => {
    const { context } = draft;
    const currentExpiryDate = need(answers, 'currentExpiryDate');
    const outcome = validityExtension(
      {
        birthDate: need(answers, 'birthDate'),
        cardIssueDate: need(answers, 'cardIssueDate'),
        currentExpiryDate,
        today: context.today,
        ...(pending
          ? { applicationPending: true, currentPeriodOfStayEnd: need(answers, 'currentPeriodOfStayEnd') }
          : { newPeriodOfStayEnd: need(answers, 'newPeriodOfStayEnd') }),
      },
      context.rules,
    );
    const expiryNotes = fixedDateNotes(context.rules, currentExpiryDate);
    if (!outcome.ok && outcome.error.code === RuleErrorCode.CardExpired) {
      draft.deadlines.push(deadline(context, DeadlineKind.CardExpiry, currentExpiryDate, titleLine('cardExpiry'), line('cardExpiryConsequence'), expiryNotes));
      draft.visit(Procedure.Return).visit(Procedure.Application).step('extensionExpired', { date: date(currentExpiryDate) });
      return DONE;
    }
    if (!outcome.ok && outcome.error.code === RuleErrorCode.NothingToExtend) {
      const ceiling = standardExpiry(need(answers, 'birthDate'), need(answers, 'cardIssueDate'), context.rules.policy);
      draft.deadlines.push(deadline(context, DeadlineKind.CardExpiry, currentExpiryDate, titleLine('cardExpiry'), line('cardExpiryConsequence'), expiryNotes));
      if (ceiling.expiryDate <= currentExpiryDate) {
        // Capped at R-3's longest validity (R-5's ceiling): no extension can help, only a renewal.
        const window = renewalWindow({ expiryDate: currentExpiryDate, today: context.today }, context.rules);
        if (!window.ok) return refusal(window.error, 'currentExpiryDate');
        const birthdays = ceiling.adultAtIssue ? context.rules.policy.cardValidityBirthdays.adult : context.rules.policy.cardValidityBirthdays.minor;
        draft.charge(ReissueReason.Renewal, true);
        draft.deadlines.unshift(deadline(context, DeadlineKind.RenewalOpens, window.value.opensOn, titleLine('renewalOpens'), line('renewalOpensConsequence')));
        draft
          .visit(Procedure.Renewal)
          .step('cappedNoExtension', { count: count(birthdays), date: date(currentExpiryDate) })
          .step(window.value.open ? 'renewNow' : 'renewFrom', { date: date(window.value.open ? currentExpiryDate : window.value.opensOn), months: count(context.rules.policy.renewalWindowMonths) })
          .step('returnOldCard')
          .feeStep()
          .step('newCardLater');
        return DONE;
      }
      draft.visit(Procedure.ValidityExtension).step('nothingToExtend', { date: date(currentExpiryDate) });
      return DONE;
    }
    if (!outcome.ok) return refusal(outcome.error, pending ? 'currentPeriodOfStayEnd' : 'newPeriodOfStayEnd');
    const extended = outcome.value;
    draft.visit(Procedure.ValidityExtension);
    draft.deadlines.push(deadline(context, DeadlineKind.CardExpiry, currentExpiryDate, titleLine('extendBy'), line('extendByConsequence'), expiryNotes));
    if (pending) {
      draft.deadlines.push(deadline(context, DeadlineKind.Extension, extended.expiryDate, titleLine('specialPeriod'), line('specialPeriodConsequence')));
      draft
        .step('pendingBring', { date: date(currentExpiryDate) })
        .step('noNewPhoto')
        .step('pendingUntil', { months: count(context.rules.policy.specialPeriodMonths), date: date(extended.expiryDate) })
        .step('afterDecision');
      draft.itemText.set(Item.ResidenceCard, { id: Item.ResidenceCard, item: Item.ResidenceCard, text: CHECK_TEXT.pendingResidenceCard, params: {} });
    } else {
      draft.deadlines.push(deadline(context, DeadlineKind.Extension, extended.expiryDate, titleLine('extension'), line('extensionConsequence')));
      draft.step('extendBring', { date: date(currentExpiryDate) }).step('noNewPhoto').step('extendUntil', { date: date(extended.expiryDate) });
      draft.itemText.set(Item.ResidenceCard, { id: Item.ResidenceCard, item: Item.ResidenceCard, text: CHECK_TEXT.newResidenceCard, params: {} });
    }
    const ceiling = ceilingLine(draft, extended);
    if (ceiling) draft.warnings.push(ceiling);
    return DONE;
  };
}

const notNeeded: Decide = (draft) => {
  draft.visit(Procedure.Return).step('returnCard').step('returnExpired').warn('cardEndsCertificates').warn('numberStays').warn('askCounter');
  return DONE;
};

const numberLeaked: Decide = (draft) => {
  draft.charge(ReissueReason.NumberChange, true);
  draft
    .visit(Procedure.NumberChange)
    .step('numberChangeAsk')
    .step('numberChangeDecided')
    .step('numberChangeNewCard')
    .feeStep()
    .warn('lostAlsoCall', { phone: phone(draft.context.offices.hotline.phone) });
  draft.hotline = true;
  return DONE;
};

const notificationCard: Decide = (draft) => {
  draft
    .visit(Procedure.NotificationCardReturn)
    .step('notificationAbolished', { date: date(NOTIFICATION_CARD_ABOLISHED_ON) })
    .step('notificationReturn')
    .step('notificationLost');
  return DONE;
};

const proxy: Decide = (draft) => {
  draft.visit(Procedure.ProxyEnquiry).step('proxyAskFirst').step('proxyApproval').step('proxyHousehold').warn('askCounter');
  return DONE;
};

/**
 * A card ready at its counter (docs/pickup.md): book a time with the 照会番号 of the 交付通知書,
 * come with what R-13's hand-over row asks and the notice itself, as the notice lists them; R-18's
 * 法定代理人 for a holder under 15 or an adult ward; the PINs set at the counter (R-12); R-19's
 * keeping period, after which the card is destroyed and a new, free application is needed.
 */
const cardReady: Decide = (draft) => {
  const { reminderMonths, keepMonths } = draft.context.rules.policy.pickup;
  draft
    .visit(Procedure.Issuance)
    .step('pickupBook')
    .step('pickupCome')
    .step('pickupCollectBy', { months: count(keepMonths) })
    .step('pickupPins')
    .step('pinDecideNew')
    .step('feeNone')
    .bring('notice', CHECK_TEXT.pickupNotice)
    .bring('representative', CHECK_TEXT.legalRepresentative, {}, true)
    .warn('pickupDiscard')
    .warn('pickupReminder', { months: count(reminderMonths) });
  return DONE;
};

const DECIDE = {
  'card-ready': cardReady,
  'moved-in': movedIn,
  'moving-out': movingOut,
  'moving-abroad': movingAbroad,
  'address-changed': addressChanged,
  'name-changed': nameChanged,
  lost: lostOrStolen(ReissueReason.Lost),
  stolen: lostOrStolen(ReissueReason.Stolen),
  found,
  'pin-locked': pinLocked,
  'pin-change': pinChange,
  damaged,
  'notes-full': notesFull,
  expiring,
  certificate,
  'period-of-stay-renewed': extension(false),
  'period-of-stay-pending': extension(true),
  'not-needed': notNeeded,
  'number-leaked': numberLeaked,
  'notification-card': notificationCard,
  proxy,
} as const satisfies Record<Situation, Decide>;

const HERE: readonly Place[] = [Place.CardCounter, Place.RegistrationCounter];

/** What to bring, from the R-13 rows of the procedures done in this city, in the order they come. */
function checklistOf(draft: Draft): ChecklistEntry[] {
  const { policy } = draft.context.rules;
  const items: Item[] = [];
  let pin = false;
  for (const { procedure, place, ifNeeded } of draft.visits) {
    if (!HERE.includes(place) || ifNeeded) continue;
    const spec = PROCEDURE_TABLE[procedure];
    for (const item of spec.bring) if (!items.includes(item)) items.push(item);
    if (spec.pinEntry === PinKind.ResidentRegistry) pin = true;
  }
  const kept = items.filter(
    (item) =>
      !(item === Item.Card && items.includes(Item.OldCard)) && !(item === Item.PoliceReport && draft.fee?.policeReportRequired !== true),
  );
  const entries: ChecklistEntry[] = [];
  for (const extra of draft.extras) if (!kept.includes(extra.item as Item) && !entries.some((e) => e.item === extra.item)) entries.push(extra);
  for (const item of kept) {
    const params: Params =
      item === Item.Photo
        ? { height: count(PHOTO_SIZE_CM.height), width: count(PHOTO_SIZE_CM.width), months: count(policy.photoMaxAgeMonths) }
        : item === Item.IdentityDocuments
          ? // Corrections 2026-12: paper health insurance cards count up to the policy date, not after.
            { from: date(addDays(policy.healthInsuranceCardValidUntil, 1)) }
          : {};
    entries.push(draft.itemText.get(item) ?? { id: item, item, text: ITEM_TEXT[item], params });
  }
  for (const extra of draft.extrasLast) if (!entries.some((e) => e.item === extra.item)) entries.push(extra);
  if (pin && !entries.some((entry) => entry.item === 'pin')) entries.push({ id: 'pin', item: 'pin', text: CHECK_TEXT.pinResidentRegistry, params: {} });
  if (draft.fee !== null && draft.fee.total > 0) entries.push({ id: 'fee', item: 'fee', text: CHECK_TEXT.fee, params: { total: yen(draft.fee.total) } });
  return entries;
}

/**
 * Which counters handle what (R-13 "Contacts"): card procedures at every office of offices.json
 * (seed: お近くのマイナンバーカード専用窓口・各事務所の戸籍住民係の窓口); the resident-record
 * notifications at the branch offices' 戸籍住民係 (the main building's 区民課, not in the list,
 * is named in a note instead).
 */
function officesOf(draft: Draft): OfficePlan[] {
  const plans: OfficePlan[] = [];
  for (const office of draft.context.offices.offices) {
    const handles = draft.visits
      .filter(({ place }) => place === Place.CardCounter || (place === Place.RegistrationCounter && office.kind === 'branch-office'))
      .map(({ procedure }) => procedure);
    if (handles.length > 0) plans.push({ office, handles: [...new Set(handles)] });
  }
  return plans;
}

function placeNotesOf(draft: Draft): Line[] {
  const places = new Set(draft.visits.map(({ place }) => place));
  const notes: Line[] = [];
  if (places.has(Place.RegistrationCounter)) notes.push(line('placeRegistration'));
  // A card is handed over only at the counter it was sent to (docs/pickup.md), not at the nearest one.
  const cardVisits = draft.visits.filter(({ place }) => place === Place.CardCounter);
  if (cardVisits.length > 0 && cardVisits.every(({ procedure }) => procedure === Procedure.Issuance)) notes.push(line('placePickup'));
  else if (places.has(Place.CardCounter)) notes.push(line('placeCard'));
  if (places.has(Place.NewMunicipality)) notes.push(line('placeNewMunicipality'));
  return notes;
}

/** Who may come: a household member where the table allows one; a proxy only after asking; a legal representative for a child or an adult ward. */
function whoWarnings(draft: Draft): Line[] {
  const here = draft.visits.filter(({ place }) => HERE.includes(place)).map(({ procedure }) => PROCEDURE_TABLE[procedure]);
  const lines: Line[] = [];
  const mentioned = (id: TextId) => draft.steps.some((step) => step.id === id) || draft.warnings.some((warning) => warning.id === id);
  if (here.some((spec) => (spec.whoMayCome as readonly string[]).includes(Presenter.HouseholdMember)) && !mentioned('householdAskPin')) {
    lines.push(line('whoHousehold'));
  }
  if (
    here.some((spec) => (spec.whoMayCome as readonly string[]).includes(Presenter.ProxyAfterEnquiry)) &&
    draft.situation !== 'proxy' &&
    !mentioned('whoProxyAsk')
  ) {
    lines.push(line('whoProxyAsk'));
  }
  // a child under 15 or an adult ward comes with the legal representative; a voluntary proxy cannot act.
  if (here.some((spec) => (spec.whoMayCome as readonly string[]).includes(Presenter.ProxyAfterEnquiry)) && !mentioned('whoRepresented')) {
    lines.push(line('whoRepresented'));
  }
  return lines;
}

/**
 * The resident guide's decision: for a situation, the resident's answers and today, the
 * steps in order (urgent first), the counters, what to bring, the fee, every deadline
 * computed by the rules (R-5 … R-9) and the warnings, from the R-13 table. Pure: the pages and
 * the API put this one answer into words.
 */
export function decideGuide(input: GuideInput, context: GuideContext): Result<GuidePlan, GuideError> {
  const { situation, answers } = input;
  const today = answers.today ?? context.today;
  const errors = [...checkAnswers(situation, answers), ...futureDates(situation, answers, today)];
  if (errors.length > 0) return invalid(errors);
  const draft = new Draft({ ...context, today }, situation);
  const decided = DECIDE[situation](draft, answers);
  if (!decided.ok) return decided;
  const steps = [...draft.steps.filter((step) => step.urgent), ...draft.steps.filter((step) => !step.urgent)];
  return {
    ok: true,
    value: {
      situation,
      today,
      title: SITUATION_TITLES[situation],
      procedures: [...new Set(draft.visits.map(({ procedure }) => procedure))],
      steps,
      offices: officesOf(draft),
      placeNotes: placeNotesOf(draft),
      checklist: checklistOf(draft),
      fee: draft.fee,
      deadlines: draft.deadlines,
      warnings: [...whoWarnings(draft), ...draft.warnings],
      hotline: draft.hotline,
    },
  };
}
