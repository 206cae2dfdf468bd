import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OFFICES } from '../../../test/support/app.ts';
import { EXAMPLE_ANSWERS, GUIDE_TODAY } from '../../../test/support/guide.ts';
import { dates, oracleAddDays, value } from '../../../test/support/rules.ts';
import { DEFAULT_CONTEXT } from '../../rules/context.ts';
import { pickupDeadline } from '../../rules/pickup-deadline.ts';
import { addDays, addMonthsClamped } from '../../rules/plain-date.ts';
import { PROCEDURE_TABLE } from '../../rules/procedures.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import { decideCard } from '../card-decider.ts';
import { foldCard } from '../card.ts';
import { ADULT } from '../testing/card-history.ts';
import { decideGuide } from './decide-guide.ts';
import type { GuidePlan } from './guide-plan.ts';
import { SITUATIONS, type GuideAnswers, type Situation } from './situation.ts';

const d = (text: string) => text as PlainDate;
const context = { rules: DEFAULT_CONTEXT, offices: OFFICES, today: GUIDE_TODAY };

function plan(situation: Situation, answers: GuideAnswers): GuidePlan {
  const outcome = decideGuide({ situation, answers }, context);
  if (!outcome.ok) throw new Error(`${situation} refused: ${outcome.error.message}`);
  return outcome.value;
}

function refusal(situation: Situation, answers: GuideAnswers) {
  const outcome = decideGuide({ situation, answers }, context);
  if (outcome.ok) throw new Error(`${situation} was answered`);
  return outcome.error;
}

const ids = (lines: readonly { id: string }[]) => lines.map((line) => line.id);
const CARD_COUNTERS = ['funabori-center', 'honcho', 'kasai', 'koiwa'];
const BRANCHES = ['komatsugawa', 'tobu', 'shishibone'];
const ALL_OFFICES = [...CARD_COUNTERS, ...BRANCHES];

describe('every situation', () => {
  it.each(SITUATIONS)('%s is answered with steps, counters and a checklist', (situation) => {
    const answer = plan(situation, EXAMPLE_ANSWERS[situation]);
    expect(answer.steps.length).toBeGreaterThan(0);
    expect(answer.offices.length).toBeGreaterThan(0);
    expect(answer.checklist.length).toBeGreaterThan(0);
    expect(answer.procedures.length).toBeGreaterThan(0);
  });

  it('refuses a missing answer the situation needs, naming each one', () => {
    const error = refusal('period-of-stay-renewed', {});
    expect(error.code).toBe('INPUT.INVALID');
    expect(error.errors.map((e) => e.pointer)).toEqual([
      '/answers/birthDate',
      '/answers/cardIssueDate',
      '/answers/currentExpiryDate',
      '/answers/newPeriodOfStayEnd',
    ]);
    expect(error.errors[0]).toMatchObject({ field: 'birthDate', problem: 'required', message: 'answers.birthDate is required for situation period-of-stay-renewed' });
  });

  it('refuses an answer the situation does not ask', () => {
    const error = refusal('found', { expiryDate: d('2030-01-01') });
    expect(error.errors).toEqual([expect.objectContaining({ pointer: '/answers/expiryDate', problem: 'not-asked' })]);
  });

  it('takes today from the answers when given, else from the context', () => {
    expect(plan('found', {}).today).toBe(GUIDE_TODAY);
    expect(plan('found', { today: d('2027-01-04') }).today).toBe('2027-01-04');
  });
});

describe('moved-in (R-7, R-8)', () => {
  it('a move-in on 2026-07-06 has a 転入届 deadline of 2026-07-21, moved from 海の日; the seed’s count from the move-out (07-06 + 14 = 07-20) beside it', () => {
    const answer = plan('moved-in', { moveInDate: d('2026-07-06'), plannedMoveOutDate: d('2026-07-06') });
    expect(answer.deadlines).toHaveLength(1);
    const [moveIn] = answer.deadlines;
    expect(moveIn).toMatchObject({
      kind: 'move-in',
      date: '2026-07-21',
      movedForHoliday: true,
      closedDay: { date: '2026-07-20', reason: 'national-holiday', holiday: { name: '海の日', nameEn: 'Marine Day' } },
      seedAdvice: { date: '2026-07-20' },
      passed: false,
      daysLeft: 15,
    });
    expect(ids(moveIn!.notes)).toEqual(['closedDayShift', 'legalCounts']);
    expect(moveIn!.consequence.id).toBe('moveInConsequence');
  });

  it('says to bring the card to the 転入届 with the 住基 PIN, household members asking the holder first', () => {
    const answer = plan('moved-in', { moveInDate: d('2026-07-06') });
    expect(ids(answer.steps)).toEqual(['moveInFile', 'moveInBringCard', 'householdAskPin', 'continuationWithin']);
    expect(answer.steps[0]!.params).toEqual({ days: { kind: 'count', value: 14 } });
    expect(answer.steps[3]!.params).toEqual({ days: { kind: 'count', value: 90 } });
    expect(answer.checklist.map((entry) => entry.item)).toEqual(['card', 'identity-documents', 'move-out-certificate', 'pin']);
    expect(ids(answer.warnings)).toEqual(['whoProxyAsk', 'whoRepresented', 'foreignResidenceCard', 'signatureRevoked', 'notesFullFree']);
    expect(answer.fee).toBeNull();
  });

  it('files the 転入届 at the branch offices’ 戸籍住民係; continued use at any counter', () => {
    const answer = plan('moved-in', { moveInDate: d('2026-07-06') });
    expect(answer.offices.map(({ office }) => office.id)).toEqual(ALL_OFFICES);
    for (const { office, handles } of answer.offices) {
      if (BRANCHES.includes(office.id)) expect(handles).toEqual(['move-in-notification', 'continuation', 'front-side-change']);
      else expect(handles).toEqual(['continuation']);
    }
    expect(ids(answer.placeNotes)).toEqual(['placeRegistration', 'placeCard']);
  });

  it('ends the special move 30 days after the planned move-out when that comes first (住基法24条の2)', () => {
    const [moveIn] = plan('moved-in', { moveInDate: d('2026-07-06'), plannedMoveOutDate: d('2026-06-10') }).deadlines;
    // The seed's 14 days from the move-out (06-24) is earlier than the legal 07-10, so it is shown.
    expect(moveIn).toMatchObject({ date: '2026-07-10', movedForHoliday: false, seedAdvice: { date: '2026-06-24' } });
    expect(ids(moveIn!.notes)).toEqual(['capByPlannedMoveOut', 'legalCounts']);
    expect(moveIn!.notes[0]!.params).toMatchObject({ plannedDate: { date: '2026-06-10' }, days: { value: 30 }, date: { date: '2026-07-10' } });
  });

  it('never shows the seed’s count when it is later than the legal date, nor without a move-out date (Corrections 2026-12)', () => {
    // Moved out on 07-01, moved in on 07-20: the seed's 07-15 is earlier than R-7's 08-03, and shown;
    // moved out 06-01 and in 07-01: R-7 caps at 07-01 (06-01 + 30), the seed's 06-15 is earlier.
    expect(plan('moved-in', { moveInDate: d('2026-07-20'), plannedMoveOutDate: d('2026-07-01'), today: d('2026-07-20') }).deadlines[0]!.seedAdvice?.date).toBe('2026-07-15');
    expect(plan('moved-in', { moveInDate: d('2026-07-06') }).deadlines[0]!.seedAdvice).toBeUndefined();
  });

  it('gives no seed advice when the legal date is the plain 14th day', () => {
    const [moveIn] = plan('moved-in', { moveInDate: d('2026-07-01') }).deadlines;
    expect(moveIn).toMatchObject({ date: '2026-07-15', movedForHoliday: false });
    expect(moveIn!.seedAdvice).toBeUndefined();
    expect(moveIn!.notes).toEqual([]);
  });

  it('after a 転入届 without the card: continued use by R-8 (2026-07-21 + 89 = Sunday 2026-10-18 → Monday 10-19), abolished on 10-20', () => {
    const answer = plan('moved-in', { moveInDate: d('2026-07-06'), moveInNotificationDate: d('2026-07-21'), today: d('2026-08-01') });
    const continuation = answer.deadlines.find((deadline) => deadline.kind === 'continuation');
    expect(continuation).toMatchObject({ date: '2026-10-19', movedForHoliday: true, closedDay: { date: '2026-10-18', reason: 'sunday' } });
    expect(continuation!.consequence).toMatchObject({ id: 'continuationConsequence', params: { date: { kind: 'date', date: '2026-10-20' } } });
    expect(ids(answer.steps)).toEqual(['filedInTime', 'continuationBy', 'householdAskPin']);
    expect(answer.steps[1]!.params).toEqual({ date: { kind: 'date', date: '2026-10-19' } });
    // Filed in time: the 転入届 deadline is behind, only continued use is ahead (issue 13 item 1).
    expect(answer.deadlines.map((deadline) => deadline.kind)).toEqual(['continuation']);
  });

  it('continued use is done when the card was presented at the 転入届', () => {
    const answer = plan('moved-in', { moveInDate: d('2026-07-06'), moveInNotificationDate: d('2026-07-10'), cardPresentedAtMoveIn: true, today: d('2026-07-10') });
    expect(ids(answer.steps)).toEqual(['filedInTime', 'continuationDone']);
    expect(answer.deadlines).toEqual([]);
  });

  it('a 転入届 after the deadline means the card cannot be continued (domain: abolished), as the counter decides', () => {
    const answer = plan('moved-in', { moveInDate: d('2026-07-06'), moveInNotificationDate: d('2026-07-22'), today: d('2026-07-22') });
    expect(ids(answer.steps)).toEqual(['filedLate']);
    expect(answer.steps[0]!.params).toEqual({ filed: { kind: 'date', date: '2026-07-22' }, date: { kind: 'date', date: '2026-07-21' } });
    expect(answer.procedures).toContain('application');
    expect(answer.checklist.map((entry) => entry.item)).toEqual(expect.arrayContaining(['photo', 'identity-documents']));
  });

  it('a lapsed continuation: the card is abolished, a new card is needed', () => {
    const answer = plan('moved-in', { moveInDate: d('2026-07-06'), moveInNotificationDate: d('2026-07-10'), today: d('2026-10-09') });
    expect(ids(answer.steps)).toEqual(['filedInTime', 'continuationLapsed']);
    expect(answer.deadlines.find((deadline) => deadline.kind === 'continuation')).toMatchObject({ date: '2026-10-07', passed: true, daysLeft: -2 });
  });

  it('not filed and past the deadline: file at once, the card is lost', () => {
    const answer = plan('moved-in', { moveInDate: d('2026-07-06'), today: d('2026-07-22') });
    expect(ids(answer.steps)).toEqual(['moveInLate']);
    expect(answer.deadlines[0]).toMatchObject({ passed: true, daysLeft: -1 });
  });

  it('refuses a 転入届 before the move and a presented card without a 転入届 date', () => {
    expect(refusal('moved-in', { moveInDate: d('2026-07-06'), moveInNotificationDate: d('2026-07-01') }).errors).toEqual([
      expect.objectContaining({ pointer: '/answers/moveInNotificationDate', problem: 'not-before', other: 'moveInDate' }),
    ]);
    expect(refusal('moved-in', { moveInDate: d('2026-07-06'), cardPresentedAtMoveIn: false }).errors).toEqual([
      expect.objectContaining({ pointer: '/answers/moveInNotificationDate', problem: 'needs-other', other: 'cardPresentedAtMoveIn' }),
    ]);
  });

  it('questions a move-in or filing date after today until it is confirmed; a birth or issue date after today is refused (issue 13 item 3)', () => {
    const future = { moveInDate: d('2027-07-06'), today: d('2026-07-06') };
    expect(refusal('moved-in', future).errors).toEqual([
      expect.objectContaining({ pointer: '/answers/moveInDate', problem: 'in-future', today: '2026-07-06' }),
    ]);
    expect(plan('moved-in', { ...future, futureDatesConfirmed: true }).deadlines[0]).toMatchObject({ kind: 'move-in', date: '2027-07-20' });
    expect(plan('moved-in', { moveInDate: d('2026-07-06'), today: d('2026-07-06') }).deadlines).toHaveLength(1);
    // Moving out asks for a move-in still to come: not questioned there.
    expect(plan('moving-out', { plannedMoveOutDate: d('2027-09-30'), moveInDate: d('2027-10-01') }).steps.length).toBeGreaterThan(0);
    const born = refusal('period-of-stay-renewed', { ...EXAMPLE_ANSWERS['period-of-stay-renewed'], birthDate: d('2027-03-02'), futureDatesConfirmed: true });
    expect(born.errors).toEqual([expect.objectContaining({ pointer: '/answers/birthDate', problem: 'future-impossible' })]);
  });

  it('a date the holiday calendar does not cover is CALENDAR.OUT_OF_RANGE at that answer', () => {
    const error = refusal('moved-in', { moveInDate: d('2050-12-25'), futureDatesConfirmed: true });
    expect(error.code).toBe('CALENDAR.OUT_OF_RANGE');
    expect(error.errors[0]).toMatchObject({ pointer: '/answers/moveInDate', problem: 'out-of-calendar' });
  });

  it('always states R-7’s date, and the seed’s count from the move-out only when it is earlier (property)', () => {
    const plain = { ...DEFAULT_CONTEXT, policy: { ...DEFAULT_CONTEXT.policy, holidayShift: { moveIn: 'none', continuation: 'none' } } } as const;
    fc.assert(
      fc.property(dates('2000-03-01', '2049-11-30'), fc.integer({ min: 0, max: 60 }), (moveInDate, before) => {
        const plannedMoveOutDate = oracleAddDays(moveInDate, -before) as PlainDate;
        const [moveIn] = plan('moved-in', { moveInDate, plannedMoveOutDate, today: moveInDate }).deadlines;
        expect(moveIn!.date).toBe(value('move-in-deadline', { moveInDate, plannedMoveOutDate }).deadline);
        const seed = value('move-in-deadline', { moveInDate: plannedMoveOutDate }, plain).deadline as string;
        if (seed < moveIn!.date) expect(moveIn!.seedAdvice?.date).toBe(seed);
        else expect(moveIn!.seedAdvice).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('a filing date given: in time or late exactly as R-7 says, then only what is ahead by R-8 (property)', () => {
    fc.assert(
      fc.property(
        dates('2000-03-01', '2049-06-30'),
        fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 200 }),
        fc.option(fc.boolean(), { nil: undefined }),
        (moveInDate, before, filedAfter, todayAfter, presented) => {
          const plannedMoveOutDate = before === undefined ? undefined : (oracleAddDays(moveInDate, -before) as PlainDate);
          const notified = oracleAddDays(moveInDate, filedAfter) as PlainDate;
          const today = oracleAddDays(notified, todayAfter) as PlainDate;
          const answer = plan('moved-in', {
            moveInDate,
            moveInNotificationDate: notified,
            today,
            ...(plannedMoveOutDate !== undefined && { plannedMoveOutDate }),
            ...(presented !== undefined && { cardPresentedAtMoveIn: presented }),
          });
          const r7 = value('move-in-deadline', { moveInDate, ...(plannedMoveOutDate !== undefined && { plannedMoveOutDate }) }).deadline as string;
          const inTime = notified <= r7;
          const stepIds = ids(answer.steps);
          expect(stepIds.includes('filedInTime')).toBe(inTime);
          expect(stepIds.includes('filedLate')).toBe(!inTime);
          // The 転入届 is behind the resident: its deadline is never shown as one still to meet, nor as passed.
          expect(answer.deadlines.some((deadline) => deadline.kind === 'move-in')).toBe(false);
          const continuation = answer.deadlines.find((deadline) => deadline.kind === 'continuation');
          if (!inTime || presented === true) {
            expect(continuation).toBeUndefined();
            expect(answer.procedures.includes('application')).toBe(!inTime);
            return;
          }
          const r8 = value('continuation-deadline', { moveInNotificationDate: notified }).deadline as string;
          expect(continuation!.date).toBe(r8);
          expect(stepIds.includes('continuationLapsed')).toBe(today > r8);
          expect(stepIds.includes('continuationBy')).toBe(today <= r8);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('moving-out', () => {
  it('keeps the card, files the 転出届 here and the 転入届 there by R-7, then continued use within 90 days', () => {
    const answer = plan('moving-out', { plannedMoveOutDate: d('2026-09-30') });
    expect(ids(answer.steps)).toEqual(['moveOutFile', 'moveOutKeepCard', 'moveOutFileThere', 'moveOutContinueThere']);
    expect(answer.deadlines).toEqual([expect.objectContaining({ kind: 'move-in', date: '2026-10-14', movedForHoliday: false })]);
    expect(answer.deadlines[0]!.title.id).toBe('moveInThere');
    expect(ids(answer.warnings)).toEqual(['whoHousehold', 'whoProxyAsk', 'whoRepresented', 'moveOutPending', 'signatureRevoked']);
    expect(answer.offices.map(({ office }) => office.id)).toEqual(BRANCHES);
    expect(ids(answer.placeNotes)).toEqual(['placeRegistration', 'placeNewMunicipality']);
    expect(answer.checklist.map((entry) => entry.item)).toEqual(['card', 'pin', 'identity-documents']);
  });

  it('counts from the day living there begins when it is given', () => {
    const [moveIn] = plan('moving-out', { plannedMoveOutDate: d('2026-09-30'), moveInDate: d('2026-10-28') }).deadlines;
    // The seed's 14 days from the move-out (09-30 + 14 = 10-14) is earlier than the legal 10-30.
    expect(moveIn).toMatchObject({ date: '2026-10-30', seedAdvice: { date: '2026-10-14' } });
    expect(ids(moveIn!.notes)).toEqual(['capByPlannedMoveOut', 'legalCounts']);
  });
});

describe('moving abroad, address and name changes', () => {
  it('moving abroad, a Japanese national: 国外継続利用 by the day before, else the card ends on the move-out date (R-17)', () => {
    const answer = plan('moving-abroad', { plannedMoveOutDate: d('2026-09-30'), japaneseNational: true });
    expect(ids(answer.steps)).toEqual(['abroadFile', 'abroadKeep', 'abroadKeepEffects', 'abroadAbolished', 'abroadReturn']);
    expect(answer.steps[1]!.params).toEqual({ date: { kind: 'date', date: '2026-09-29' } });
    expect(answer.steps[2]!.params).toEqual({ date: { kind: 'date', date: '2026-09-30' } });
    expect(answer.deadlines.map(({ kind, date }) => [kind, date])).toEqual([
      ['abroad-continuation', '2026-09-29'],
      ['abroad-abolished', '2026-09-30'],
    ]);
    expect(answer.procedures).toEqual(['move-out-notification', 'return']);
    expect(ids(answer.warnings)).toEqual(['whoHousehold', 'whoProxyAsk', 'whoRepresented', 'cardEndsCertificates', 'numberStays']);
  });

  it('moving abroad: asked on the day before is in time, on the move-out day too late; a foreign national has only the abolition', () => {
    expect(ids(plan('moving-abroad', { plannedMoveOutDate: d('2026-09-30'), today: d('2026-09-29') }).steps)).toContain('abroadKeep');
    expect(ids(plan('moving-abroad', { plannedMoveOutDate: d('2026-09-30'), today: d('2026-09-30') }).steps)).toEqual([
      'abroadFile',
      'abroadKeepTooLate',
      'abroadAbolished',
      'abroadReturn',
    ]);
    const foreign = plan('moving-abroad', { plannedMoveOutDate: d('2026-09-30'), japaneseNational: false });
    expect(ids(foreign.steps)).toEqual(['abroadFile', 'abroadAbolished', 'abroadReturn']);
    expect(foreign.deadlines.map(({ kind }) => kind)).toEqual(['abroad-abolished']);
    const always = { ...context, rules: { ...DEFAULT_CONTEXT, policy: { ...DEFAULT_CONTEXT.policy, movingAbroad: 'always-abolish' as const } } };
    const outcome = decideGuide({ situation: 'moving-abroad', answers: { plannedMoveOutDate: d('2026-09-30'), japaneseNational: true } }, always);
    expect(outcome.ok && ids(outcome.value.steps)).toEqual(['abroadFile', 'abroadAbolished', 'abroadReturn']);
  });

  it.each([
    ['address-changed', ['addressFile', 'frontAddress', 'signatureReapply'], ['foreignResidenceCard']],
    ['name-changed', ['nameFile', 'frontName', 'signatureReapply'], []],
  ] as const)('%s: the card with the 住基 PIN; the signature certificate is revoked; a full notes field needs a free new card', (situation, steps, foreign) => {
    const answer = plan(situation, {});
    expect(ids(answer.steps)).toEqual(steps);
    expect(ids(answer.warnings)).toEqual(['whoHousehold', 'whoProxyAsk', 'whoRepresented', ...foreign, 'signatureRevoked', 'notesFullFree']);
    expect(answer.checklist.map((entry) => entry.item)).toEqual(['card', 'identity-documents', 'pin']);
  });
});

describe('electronic certificates (R-4, R-14, R-15)', () => {
  it('the renewal window opens 3 months before the expiry; free at a counter, the PIN set there', () => {
    const answer = plan('certificate', { certificateExpiryDate: d('2026-12-15') });
    expect(ids(answer.steps)).toEqual(['certRenewFrom', 'certAtCounter', 'certSetPin', 'certRevokedAgain']);
    expect(answer.steps[0]!.params).toMatchObject({ date: { date: '2026-09-15' } });
    expect(answer.deadlines.map(({ kind, date }) => [kind, date])).toEqual([
      ['certificate-renewal-opens', '2026-09-15'],
      ['certificate-expiry', '2026-12-15'],
    ]);
    expect(ids(answer.warnings)).toEqual(expect.arrayContaining(['certTurned15', 'certNoWard', 'certNewExpiry']));
    expect(answer.fee).toBeNull();
  });

  it('inside the window: renew now; expired: a new issue; unknown expiry: the steps alone', () => {
    expect(ids(plan('certificate', { certificateExpiryDate: d('2026-09-15') }).steps)[0]).toBe('certRenewNow');
    expect(ids(plan('certificate', { certificateExpiryDate: d('2026-07-05') }).steps)[0]).toBe('certExpiredIssue');
    const unknown = plan('certificate', {});
    expect(ids(unknown.steps)).toEqual(['certAtCounter', 'certSetPin', 'certRevokedAgain']);
    expect(unknown.deadlines).toEqual([]);
  });
});

describe('corrections 2026-12', () => {
  it('an expiry on a closed day cannot move: it names the last open day before it', () => {
    const [, expiry] = plan('expiring', { expiryDate: d('2026-08-30') }).deadlines;
    expect(expiry).toMatchObject({ kind: 'card-expiry', date: '2026-08-30', movedForHoliday: false, closedDay: { date: '2026-08-30', reason: 'sunday' } });
    expect(expiry!.notes).toEqual([
      expect.objectContaining({ id: 'lastOpenDayBefore', params: expect.objectContaining({ date: { kind: 'date', date: '2026-08-28' } }) }),
    ]);
    expect(plan('expiring', { expiryDate: d('2026-08-31') }).deadlines[1]!.notes).toEqual([]);
  });

  it('identity documents: paper health insurance cards do not count from the day after the policy date', () => {
    const entry = plan('damaged', { withCertificates: false }).checklist.find((each) => each.item === 'identity-documents');
    expect(entry!.params).toEqual({ from: { kind: 'date', date: '2025-12-02' } });
    expect(entry!.text).toContain('資格確認書');
    const later = { ...context, rules: { ...DEFAULT_CONTEXT, policy: { ...DEFAULT_CONTEXT.policy, healthInsuranceCardValidUntil: d('2026-12-01') } } };
    const outcome = decideGuide({ situation: 'damaged', answers: { withCertificates: false } }, later);
    expect(outcome.ok && outcome.value.checklist.find((each) => each.item === 'identity-documents')!.params).toEqual({ from: { kind: 'date', date: '2026-12-02' } });
  });

  it('a late 転入届 warns of the fine (過料); foreign residents bring the residence card', () => {
    const late = plan('moved-in', { moveInDate: d('2026-07-06'), today: d('2026-07-22') });
    expect(ids(late.warnings)).toEqual(expect.arrayContaining(['lateFine', 'foreignResidenceCard']));
    expect(ids(plan('moved-in', { moveInDate: d('2026-07-06') }).warnings)).not.toContain('lateFine');
  });

  it('a loss puts both certificates on hold; finding the card revokes both and new ones are free', () => {
    expect(ids(plan('lost', { lostAtHome: true, withCertificates: false }).warnings)).toContain('suspensionRevokes');
    expect(ids(plan('found', {}).steps)).toContain('signatureAfterSuspension');
  });
});

describe('lost and stolen (R-10)', () => {
  it('calls the hotline first, 24 hours, then the police; 800 + 200 yen with certificates', () => {
    const answer = plan('lost', { lostAtHome: false, withCertificates: true });
    expect(answer.steps[0]).toMatchObject({ id: 'callHotline', urgent: true, params: { phone: { kind: 'phone', phone: '0120-95-0178' } } });
    expect(ids(answer.steps)).toEqual(['callHotline', 'policeLost', 'ifFoundRelease', 'reissueIfNotFound', 'feeTotal', 'newCardLater']);
    expect(answer.fee).toEqual({ cardFee: 800, certificateFee: 200, total: 1000, policeReportRequired: true, policeReportApplies: true, reason: 'lost', withCertificates: true });
    expect(answer.checklist.map((entry) => entry.item)).toEqual(['photo', 'identity-documents', 'police-report', 'fee']);
    expect(ids(answer.warnings)).toEqual(['whoProxyAsk', 'whoRepresented', 'suspensionRevokes', 'noPhoneRelease', 'numberChangePossible']);
    expect(answer.hotline).toBe(true);
    expect(answer.procedures).toEqual(['suspension', 'reissue-lost', 'suspension-release']);
  });

  it('a card lost at home needs no police report', () => {
    const answer = plan('lost', { lostAtHome: true, withCertificates: false });
    expect(ids(answer.steps)).toContain('noPoliceAtHome');
    expect(answer.fee).toMatchObject({ total: 800, policeReportRequired: false });
    expect(answer.checklist.map((entry) => entry.item)).not.toContain('police-report');
  });

  it('a stolen card always needs the police report', () => {
    const answer = plan('stolen', { withCertificates: true });
    expect(ids(answer.steps).slice(0, 2)).toEqual(['callHotline', 'policeStolen']);
    expect(answer.fee).toMatchObject({ total: 1000, policeReportRequired: true, reason: 'stolen' });
  });

  it('found: release only at a counter, with the card and identity documents', () => {
    const answer = plan('found', {});
    expect(ids(answer.steps)).toEqual(['releaseAtCounter', 'signatureAfterSuspension', 'foundAfterReissue']);
    expect(ids(answer.warnings)).toContain('noPhoneRelease');
    expect(answer.checklist.map((entry) => entry.item)).toEqual(['card', 'identity-documents']);
    expect(answer.offices.map(({ office }) => office.id)).toEqual(ALL_OFFICES);
  });
});

describe('a card ready to collect (R-13 hand-over, R-18, R-19; docs/pickup.md)', () => {
  it('books a time with the notice’s 照会番号, then comes to the counter on the notice, where the PINs are set; free', () => {
    const answer = plan('card-ready', {});
    expect(ids(answer.steps)).toEqual(['pickupBook', 'pickupCome', 'pickupCollectBy', 'pickupPins', 'pinDecideNew', 'feeNone']);
    expect(answer.procedures).toEqual(['issuance']);
    expect(answer.fee).toBeNull();
    expect(answer.deadlines).toEqual([]);
    expect(answer.hotline).toBe(false);
  });

  it('brings what the 交付通知書 lists: the notice, R-13’s hand-over row, and the 法定代理人 for a child or an adult ward', () => {
    const answer = plan('card-ready', {});
    expect(answer.checklist.map((entry) => entry.item)).toEqual(['notice', ...PROCEDURE_TABLE.issuance.bring, 'representative']);
    expect(answer.checklist.at(-1)!.text).toContain('法定代理人');
    expect(ids(answer.warnings)).toEqual(['whoProxyAsk', 'whoRepresented', 'pickupDiscard', 'pickupReminder']);
  });

  it('names the counter the card was sent to, not the nearest one; every card counter is listed', () => {
    const answer = plan('card-ready', {});
    expect(ids(answer.placeNotes)).toEqual(['placePickup']);
    expect(answer.offices.map(({ office }) => office.id)).toEqual(ALL_OFFICES);
  });

  it('gives R-19’s periods from the policy, the collect-by day being the one the 交付通知書 prints (the day before the discard)', () => {
    const answer = plan('card-ready', {});
    const { keepMonths, reminderMonths } = DEFAULT_CONTEXT.policy.pickup;
    expect(answer.steps.find((step) => step.id === 'pickupCollectBy')!.params).toEqual({ months: { kind: 'count', value: keepMonths } });
    expect(answer.warnings.find((warning) => warning.id === 'pickupReminder')!.params).toEqual({ months: { kind: 'count', value: reminderMonths } });
    // What the sentence says (the day before the date keepMonths after arrival) is R-19's collectBy, month ends included.
    for (const readyOn of [d('2026-08-31'), d('2026-11-20'), d('2027-02-28')]) {
      const deadline = pickupDeadline({ readyOn }, DEFAULT_CONTEXT);
      expect(deadline.ok && deadline.value.collectBy).toBe(addDays(addMonthsClamped(readyOn, keepMonths), -1));
    }
    const longer = decideGuide(
      { situation: 'card-ready', answers: {} },
      { ...context, rules: { ...DEFAULT_CONTEXT, policy: { ...DEFAULT_CONTEXT.policy, pickup: { reminderMonths: 2, keepMonths: 4 } } } },
    );
    expect(longer.ok && longer.value.steps.find((step) => step.id === 'pickupCollectBy')!.params).toEqual({ months: { kind: 'count', value: 4 } });
  });
});

describe('PINs (R-12)', () => {
  it('locked or forgotten: reset at any counter; the lock counts come from the policy', () => {
    const answer = plan('pin-locked', {});
    expect(ids(answer.steps)).toEqual(['pinResetCounter', 'pinDecideNew']);
    expect(answer.warnings.find((warning) => warning.id === 'pinLockCounts')!.params).toEqual({
      short: { kind: 'count', value: 3 },
      long: { kind: 'count', value: 5 },
    });
    expect(answer.offices.every(({ handles }) => handles.includes('pin-reset'))).toBe(true);
  });

  it('a change is done at the counter too', () => {
    expect(ids(plan('pin-change', {}).steps)).toEqual(['pinChangeCounter', 'pinDecideNew']);
  });
});

describe('a new card (R-6, R-10)', () => {
  it('damaged: 800 yen without certificates, old card back, photo 4.5 × 3.5 cm within 6 months', () => {
    const answer = plan('damaged', { withCertificates: false });
    expect(answer.fee).toMatchObject({ cardFee: 800, certificateFee: 0, total: 800, policeReportRequired: false });
    expect(answer.checklist.map((entry) => entry.item)).toEqual(['old-card', 'photo', 'identity-documents', 'fee']);
    expect(answer.checklist[1]!.params).toEqual({ height: { kind: 'count', value: 4.5 }, width: { kind: 'count', value: 3.5 }, months: { kind: 'count', value: 6 } });
  });

  it('notes full: a free new card', () => {
    const answer = plan('notes-full', {});
    expect(answer.fee).toMatchObject({ total: 0, reason: 'notes-full' });
    expect(ids(answer.steps)).toEqual(['notesFullNewCard', 'returnOldCard', 'feeNone', 'newCardLater']);
    expect(answer.checklist.map((entry) => entry.item)).not.toContain('fee');
  });

  it('expiring: renewal opens 3 months before (2026-05-31 → 2026-02-28) and is free', () => {
    const open = plan('expiring', { expiryDate: d('2026-05-31'), today: d('2026-03-01') });
    expect(open.deadlines.map(({ kind, date }) => [kind, date])).toEqual([
      ['renewal-opens', '2026-02-28'],
      ['card-expiry', '2026-05-31'],
    ]);
    expect(ids(open.steps)).toEqual(['renewNow', 'returnOldCard', 'feeNone', 'newCardLater']);
    expect(open.fee).toMatchObject({ total: 0, reason: 'renewal' });
    const early = plan('expiring', { expiryDate: d('2026-05-31'), today: d('2026-01-15') });
    expect(early.steps[0]).toMatchObject({ id: 'renewFrom', params: { date: { date: '2026-02-28' }, months: { value: 3 } } });
    const expired = plan('expiring', { expiryDate: d('2026-05-31'), today: d('2026-06-01') });
    expect(ids(expired.steps)).toEqual(['expiredReturnApply']);
    expect(expired.procedures).toEqual(['return', 'application']);
    expect(expired.deadlines[1]).toMatchObject({ passed: true });
  });
});

describe('foreign residents (R-5)', () => {
  const card = { birthDate: d('1990-05-10'), cardIssueDate: d('2026-04-01'), currentExpiryDate: d('2027-03-31'), today: d('2027-03-01') };

  it('renewed: bring the new residence card and the card before expiry; no photo; valid to the new period', () => {
    const answer = plan('period-of-stay-renewed', { ...card, newPeriodOfStayEnd: d('2030-03-31') });
    expect(ids(answer.steps)).toEqual(['extendBring', 'noNewPhoto', 'extendUntil']);
    expect(answer.deadlines.map(({ kind, date }) => [kind, date])).toEqual([
      ['card-expiry', '2027-03-31'],
      ['extension', '2030-03-31'],
    ]);
    expect(answer.checklist.map((entry) => [entry.item, entry.text])).toEqual([
      ['card', 'マイナンバーカード'],
      ['residence-card', '新しい在留カード'],
    ]);
  });

  it('renewed beyond the 10th birthday after issue: the card stops there', () => {
    const answer = plan('period-of-stay-renewed', { ...card, newPeriodOfStayEnd: d('2040-01-01') });
    expect(answer.deadlines[1]).toMatchObject({ kind: 'extension', date: '2035-05-10' });
    expect(answer.warnings.find((warning) => warning.id === 'extendCeiling')!.params).toEqual({
      count: { kind: 'count', value: 10 },
      date: { kind: 'date', date: '2035-05-10' },
    });
  });

  it('pending: up to 2 months after the current period ends (特例期間)', () => {
    const answer = plan('period-of-stay-pending', { ...card, currentPeriodOfStayEnd: d('2027-03-31') });
    expect(ids(answer.steps)).toEqual(['pendingBring', 'noNewPhoto', 'pendingUntil', 'afterDecision']);
    expect(answer.deadlines[1]).toMatchObject({ kind: 'extension', date: '2027-05-31' });
    expect(answer.checklist[1]!.text).toBe('在留カード（裏面に在留期間更新の申請中と書かれたもの）');
  });

  it('an expired card cannot be extended (CARD.EXPIRED becomes guidance, not an error)', () => {
    const answer = plan('period-of-stay-renewed', { ...card, today: d('2027-04-01'), newPeriodOfStayEnd: d('2030-03-31') });
    expect(ids(answer.steps)).toEqual(['extensionExpired']);
    expect(answer.checklist.map((entry) => entry.item)).toEqual(['card', 'photo', 'identity-documents']);
  });

  it('nothing to extend when the card already runs as long', () => {
    const answer = plan('period-of-stay-renewed', { ...card, newPeriodOfStayEnd: d('2027-01-31') });
    expect(ids(answer.steps)).toEqual(['nothingToExtend']);
  });

  it('a card already at its longest validity cannot be extended: a renewal is needed, with its window (Corrections 2026-12)', () => {
    const capped = { ...card, currentExpiryDate: d('2035-05-10'), today: d('2035-04-20'), newPeriodOfStayEnd: d('2038-01-01') };
    const answer = plan('period-of-stay-renewed', capped);
    expect(ids(answer.steps)).toEqual(['cappedNoExtension', 'renewNow', 'returnOldCard', 'feeNone', 'newCardLater']);
    expect(answer.steps[0]!.params).toEqual({ count: { kind: 'count', value: 10 }, date: { kind: 'date', date: '2035-05-10' } });
    expect(answer.deadlines.map(({ kind, date }) => [kind, date])).toEqual([
      ['renewal-opens', '2035-02-10'],
      ['card-expiry', '2035-05-10'],
    ]);
    expect(answer.procedures).toEqual(['renewal']);
    const early = plan('period-of-stay-renewed', { ...capped, today: d('2034-12-01') });
    expect(ids(early.steps)).toContain('renewFrom');
  });

  it('dates out of order are refused at the answer', () => {
    expect(refusal('period-of-stay-renewed', { ...card, cardIssueDate: d('1980-01-01'), newPeriodOfStayEnd: d('2030-03-31') }).errors).toEqual([
      expect.objectContaining({ pointer: '/answers/cardIssueDate', problem: 'not-before', other: 'birthDate' }),
    ]);
  });
});

describe('other situations', () => {
  it('not needed: return at a counter; the number stays', () => {
    const answer = plan('not-needed', {});
    expect(ids(answer.steps)).toEqual(['returnCard', 'returnExpired']);
    expect(ids(answer.warnings)).toEqual(['whoProxyAsk', 'whoRepresented', 'cardEndsCertificates', 'numberStays', 'askCounter']);
  });

  it('number leaked: ask first; a free new card with the new number (R-10 number-change); the hotline if the card is gone', () => {
    const answer = plan('number-leaked', {});
    expect(ids(answer.steps)).toEqual(['numberChangeAsk', 'numberChangeDecided', 'numberChangeNewCard', 'feeNone']);
    expect(answer.fee).toMatchObject({ total: 0, reason: 'number-change' });
    expect(answer.warnings.find((warning) => warning.id === 'lostAlsoCall')!.params).toEqual({ phone: { kind: 'phone', phone: '0120-95-0178' } });
    expect(answer.hotline).toBe(true);
  });

  it('notification card: abolished on 2020-05-25, handed back when the card is issued', () => {
    const answer = plan('notification-card', {});
    expect(answer.steps[0]).toMatchObject({ id: 'notificationAbolished', params: { date: { kind: 'date', date: '2020-05-25' } } });
    expect(answer.checklist.map((entry) => entry.item)).toEqual(['notification-card']);
  });

  it('proxy: contact the counter before coming; identity and authority documents', () => {
    const answer = plan('proxy', {});
    expect(ids(answer.steps)).toEqual(['proxyAskFirst', 'proxyApproval', 'proxyHousehold']);
    expect(answer.checklist.map((entry) => entry.item)).toEqual(['proxy-identity', 'proxy-authority', 'card']);
    expect(ids(answer.warnings)).toEqual(['whoRepresented', 'askCounter']);
    expect(answer.offices).toHaveLength(7);
  });
});

describe('the counter decides the same', () => {
  const takenOver = foldCard([
    {
      type: 'CardTakenOver',
      cardId: 'card-1',
      residentId: 'resident-1',
      issueDate: d('2026-04-01'),
      expiryDate: d('2027-03-31'),
      issuedBy: '131016',
      signature: { issuedOn: d('2026-04-01'), expiresOn: d('2027-03-31') },
      user: null,
      on: d('2026-07-21'),
    },
  ])!;
  const at = (today: string) => ({ today: d(today), rules: DEFAULT_CONTEXT });

  it('continued use: the guide’s deadline is the one the card records, and the counter refuses the day after', () => {
    const guide = plan('moved-in', { moveInDate: d('2026-07-06'), moveInNotificationDate: d('2026-07-21'), today: d('2026-07-21') });
    const deadline = guide.deadlines.find((entry) => entry.kind === 'continuation')!.date;
    const required = decideCard({ type: 'require-continuation', notificationDate: d('2026-07-21') }, takenOver, at('2026-07-21'));
    expect(required.ok && required.value[0]).toMatchObject({ type: 'ContinuationRequired', deadline });
    const pending = foldCard([{ type: 'CardTakenOver', cardId: 'card-1', residentId: 'resident-1', issueDate: d('2026-04-01'), expiryDate: d('2027-03-31'), issuedBy: '131016', signature: null, user: null, on: d('2026-07-21') }, ...(required.ok ? required.value : [])])!;
    expect(decideCard({ type: 'continue', on: deadline, presentedBy: 'household-member', withProxyApproval: false, holder: ADULT }, pending, at(deadline)).ok).toBe(true);
    const dayAfter = '2026-10-20';
    const late = decideCard({ type: 'continue', on: d(dayAfter), presentedBy: 'holder', withProxyApproval: false, holder: ADULT }, pending, at(dayAfter));
    expect(!late.ok && late.error.code).toBe('CARD.CONTINUATION_LAPSED');
  });

  it('extension: the guide’s new expiry is the one the counter records', () => {
    const guide = plan('period-of-stay-renewed', {
      birthDate: d('1990-05-10'),
      cardIssueDate: d('2026-04-01'),
      currentExpiryDate: d('2027-03-31'),
      newPeriodOfStayEnd: d('2030-03-31'),
      today: d('2027-03-01'),
    });
    const holder = { birthDate: d('1990-05-10'), residency: 'foreign-with-period' as const, periodOfStayEnd: d('2027-03-31'), adultWard: false };
    const extended = decideCard({ type: 'extend', on: d('2027-03-01'), newPeriodOfStayEnd: d('2030-03-31'), holder }, takenOver, at('2027-03-01'));
    expect(extended.ok && extended.value[0]).toMatchObject({ type: 'CardExtended', expiryDate: guide.deadlines[1]!.date });
  });

  it('a suspension puts both certificates on hold (Corrections 2026-12), as the guide warns', () => {
    const suspended = decideCard({ type: 'suspend', on: d('2026-08-01'), reason: 'lost', channel: 'hotline', by: 'hotline' }, takenOver, at('2026-08-01'));
    expect(suspended.ok && suspended.value.map((event) => event.type)).toEqual(['CardSuspended', 'CertificatesHeld']);
    expect(plan('lost', { lostAtHome: false, withCertificates: true }).warnings.map((warning) => warning.id)).toContain('suspensionRevokes');
  });
});
