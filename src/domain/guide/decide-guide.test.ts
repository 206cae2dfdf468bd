import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OFFICES } from '../../../test/support/app.ts';
import { EXAMPLE_ANSWERS, GUIDE_TODAY } from '../../../test/support/guide.ts';
import { dates, value } from '../../../test/support/rules.ts';
import { DEFAULT_CONTEXT } from '../../rules/context.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import { decideCard } from '../card-decider.ts';
import { foldCard } from '../card.ts';
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
  it('a move-in on 2026-07-06 has a 転入届 deadline of 2026-07-21, moved from 海の日, with the seed’s 14-day count beside it', () => {
    const answer = plan('moved-in', { moveInDate: d('2026-07-06') });
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
    expect(ids(answer.warnings)).toEqual(['whoProxyAsk', 'signatureRevoked', 'notesFullFree']);
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
    expect(moveIn).toMatchObject({ date: '2026-07-10', movedForHoliday: false, seedAdvice: { date: '2026-07-20' } });
    expect(ids(moveIn!.notes)).toEqual(['capByPlannedMoveOut', 'legalCounts']);
    expect(moveIn!.notes[0]!.params).toMatchObject({ plannedDate: { date: '2026-06-10' }, days: { value: 30 }, date: { date: '2026-07-10' } });
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
    expect(ids(answer.steps)).toEqual(['continuationBy', 'householdAskPin']);
    expect(answer.steps[0]!.params).toEqual({ date: { kind: 'date', date: '2026-10-19' } });
  });

  it('continued use is done when the card was presented at the 転入届', () => {
    const answer = plan('moved-in', { moveInDate: d('2026-07-06'), moveInNotificationDate: d('2026-07-10'), cardPresentedAtMoveIn: true });
    expect(ids(answer.steps)).toEqual(['continuationDone']);
    expect(answer.deadlines.map((deadline) => deadline.kind)).toEqual(['move-in']);
  });

  it('a 転入届 after the deadline means the card cannot be continued (domain: abolished), as the counter decides', () => {
    const answer = plan('moved-in', { moveInDate: d('2026-07-06'), moveInNotificationDate: d('2026-07-22'), today: d('2026-07-22') });
    expect(ids(answer.steps)).toEqual(['filedLate']);
    expect(answer.procedures).toContain('application');
    expect(answer.checklist.map((entry) => entry.item)).toEqual(expect.arrayContaining(['photo', 'identity-documents']));
  });

  it('a lapsed continuation: the card is abolished, a new card is needed', () => {
    const answer = plan('moved-in', { moveInDate: d('2026-07-06'), moveInNotificationDate: d('2026-07-10'), today: d('2026-10-09') });
    expect(ids(answer.steps)).toEqual(['continuationLapsed']);
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

  it('a date the holiday calendar does not cover is CALENDAR.OUT_OF_RANGE at that answer', () => {
    const error = refusal('moved-in', { moveInDate: d('2050-12-25') });
    expect(error.code).toBe('CALENDAR.OUT_OF_RANGE');
    expect(error.errors[0]).toMatchObject({ pointer: '/answers/moveInDate', problem: 'out-of-calendar' });
  });

  it('always states R-7’s date, and the seed’s count exactly when it differs (property)', () => {
    fc.assert(
      fc.property(dates('2000-01-01', '2049-11-30'), (moveInDate) => {
        const [moveIn] = plan('moved-in', { moveInDate, today: moveInDate }).deadlines;
        expect(moveIn!.date).toBe(value('move-in-deadline', { moveInDate }).deadline);
        const plain = value('move-in-deadline', { moveInDate }, { ...DEFAULT_CONTEXT, policy: { ...DEFAULT_CONTEXT.policy, holidayShift: { moveIn: 'none', continuation: 'none' } } });
        if (plain.deadline === moveIn!.date) expect(moveIn!.seedAdvice).toBeUndefined();
        else expect(moveIn!.seedAdvice?.date).toBe(plain.deadline);
      }),
      { numRuns: 300 },
    );
  });
});

describe('moving-out', () => {
  it('keeps the card, files the 転出届 here and the 転入届 there by R-7, then continued use within 90 days', () => {
    const answer = plan('moving-out', { plannedMoveOutDate: d('2026-09-30') });
    expect(ids(answer.steps)).toEqual(['moveOutFile', 'moveOutKeepCard', 'moveOutFileThere', 'moveOutContinueThere']);
    expect(answer.deadlines).toEqual([expect.objectContaining({ kind: 'move-in', date: '2026-10-14', movedForHoliday: false })]);
    expect(answer.deadlines[0]!.title.id).toBe('moveInThere');
    expect(ids(answer.warnings)).toEqual(['whoHousehold', 'whoProxyAsk', 'moveOutPending', 'signatureRevoked']);
    expect(answer.offices.map(({ office }) => office.id)).toEqual(BRANCHES);
    expect(ids(answer.placeNotes)).toEqual(['placeRegistration', 'placeNewMunicipality']);
    expect(answer.checklist.map((entry) => entry.item)).toEqual(['card', 'pin', 'identity-documents']);
  });

  it('counts from the day living there begins when it is given', () => {
    const [moveIn] = plan('moving-out', { plannedMoveOutDate: d('2026-09-30'), moveInDate: d('2026-10-28') }).deadlines;
    expect(moveIn).toMatchObject({ date: '2026-10-30', seedAdvice: { date: '2026-11-11' } });
    expect(ids(moveIn!.notes)).toEqual(['capByPlannedMoveOut', 'legalCounts']);
  });
});

describe('moving abroad, address and name changes', () => {
  it('moving abroad: 転出届 and return of the card', () => {
    const answer = plan('moving-abroad', {});
    expect(ids(answer.steps)).toEqual(['abroadFile', 'abroadReturn']);
    expect(answer.procedures).toEqual(['move-out-notification', 'return']);
    expect(ids(answer.warnings)).toEqual(['whoHousehold', 'whoProxyAsk', 'cardEndsCertificates', 'numberStays']);
  });

  it.each([
    ['address-changed', ['addressFile', 'frontAddress', 'signatureReapply']],
    ['name-changed', ['nameFile', 'frontName', 'signatureReapply']],
  ] as const)('%s: the card with the 住基 PIN; the signature certificate is revoked; a full notes field needs a free new card', (situation, steps) => {
    const answer = plan(situation, {});
    expect(ids(answer.steps)).toEqual(steps);
    expect(ids(answer.warnings)).toEqual(['whoHousehold', 'whoProxyAsk', 'signatureRevoked', 'notesFullFree']);
    expect(answer.checklist.map((entry) => entry.item)).toEqual(['card', 'identity-documents', 'pin']);
  });
});

describe('lost and stolen (R-10)', () => {
  it('calls the hotline first, 24 hours, then the police; 800 + 200 yen with certificates', () => {
    const answer = plan('lost', { lostAtHome: false, withCertificates: true });
    expect(answer.steps[0]).toMatchObject({ id: 'callHotline', urgent: true, params: { phone: { kind: 'phone', phone: '0120-95-0178' } } });
    expect(ids(answer.steps)).toEqual(['callHotline', 'policeLost', 'ifFoundRelease', 'reissueIfNotFound', 'feeTotal', 'newCardLater']);
    expect(answer.fee).toEqual({ cardFee: 800, certificateFee: 200, total: 1000, policeReportRequired: true, policeReportApplies: true, reason: 'lost', withCertificates: true });
    expect(answer.checklist.map((entry) => entry.item)).toEqual(['photo', 'identity-documents', 'police-report', 'fee']);
    expect(ids(answer.warnings)).toEqual(['whoProxyAsk', 'suspensionRevokes', 'noPhoneRelease', 'numberChangePossible']);
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
    expect(ids(answer.warnings)).toEqual(['whoProxyAsk', 'cardEndsCertificates', 'numberStays', 'askCounter']);
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
    expect(ids(answer.warnings)).toEqual(['askCounter']);
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
    expect(decideCard({ type: 'continue', on: deadline, presentedBy: 'household-member', withProxyApproval: false }, pending, at(deadline)).ok).toBe(true);
    const dayAfter = '2026-10-20';
    const late = decideCard({ type: 'continue', on: d(dayAfter), presentedBy: 'holder', withProxyApproval: false }, pending, at(dayAfter));
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
