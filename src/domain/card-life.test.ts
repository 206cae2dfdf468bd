import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../rules/plain-date.ts';
import { foldCard, type CardEvent, type CardState } from './card.ts';
import { cardToKeepAbroad, decideMoveAbroad, reactToResident } from './card-reactions.ts';
import type { ResidentEvent } from './resident.ts';
import { ACTIVE, CARD_IN, history } from './testing/card-history.ts';
import { accepted, expectThat, given, on } from './testing/given.ts';
import { resident } from './testing/resident.ts';

const d = (date: string) => date as PlainDate;
const card = (events: CardEvent[]): CardState => foldCard(events)!;
const movedAbroad = (plannedMoveOutDate: string, keepCardAbroad?: boolean): Extract<ResidentEvent, { type: 'MovedOut' }> => ({
  type: 'MovedOut',
  plannedMoveOutDate: d(plannedMoveOutDate),
  destination: 'Canada',
  abroad: true,
  ...(keepCardAbroad !== undefined && { keepCardAbroad }),
});
const scheduled = history.applied();
const SCHEDULED: CardEvent = { type: 'CardAbolitionScheduled', on: d('2026-12-20'), reason: 'moved-abroad' };

describe('R-17: a card on a 国外転出届 (decideMoveAbroad)', () => {
  it('schedules the abolition on the planned move-out date: the card works until then', () => {
    expectThat(decideMoveAbroad(card(ACTIVE), movedAbroad('2026-12-20'), on('2026-12-01'))).then(SCHEDULED);
    expect(card([...ACTIVE, SCHEDULED])).toMatchObject({ status: 'active', scheduledAbolition: { on: '2026-12-20', reason: 'moved-abroad' } });
  });

  it('abolishes at once, dated on the move-out, a 転出届 filed on or after the day of the move', () => {
    expectThat(decideMoveAbroad(card(ACTIVE), movedAbroad('2026-12-01'), on('2026-12-01'))).then({ type: 'CardAbolished', on: '2026-12-01', reason: 'moved-abroad' });
    expectThat(decideMoveAbroad(card(ACTIVE), movedAbroad('2026-11-25'), on('2026-12-01'))).then({ type: 'CardAbolished', on: '2026-11-25', reason: 'moved-abroad' });
  });

  it('keeps an active card abroad when 国外継続利用 was accepted: the note 国外転出 with the date, the signature certificate ending that day', () => {
    const decided = decideMoveAbroad(card(ACTIVE), movedAbroad('2026-12-20', true), on('2026-12-19'));
    expectThat(decided).then(
      { type: 'FrontNoteAdded', note: { kind: 'address', text: '国外転出', date: '2026-12-20' } },
      { type: 'SignatureCertificateCutShort', on: '2026-12-20', reason: 'moved-abroad' },
    );
    const kept = card([...ACTIVE, ...accepted(decided)]);
    expect(kept).toMatchObject({
      status: 'active',
      scheduledAbolition: null,
      certificates: { signature: { status: 'valid', expiresOn: '2026-12-19' }, user: { status: 'valid', expiresOn: '2031-05-10' } },
    });
  });

  it('adds only the note when the signature certificate is already gone', () => {
    expectThat(decideMoveAbroad(card([...ACTIVE, history.signatureRevoked()]), movedAbroad('2026-12-20', true), on('2026-12-19'))).then({ type: 'FrontNoteAdded' });
  });

  it('refuses to keep a card whose 追記欄 is full: a new card is needed first (decision, docs/rules.md)', () => {
    const full = [...ACTIVE, ...Array.from({ length: 4 }, (_, i) => history.frontNote(`2026-11-1${i}`))];
    expectThat(decideMoveAbroad(card(full), movedAbroad('2026-12-20', true), on('2026-12-19'))).refused('CARD.NOTES_FULL');
  });

  it('schedules the abolition of a card not yet handed over or suspended, and leaves an ended card alone', () => {
    for (const status of ['applied', 'ready', 'suspended'] as const) {
      expectThat(decideMoveAbroad(card(CARD_IN[status]), movedAbroad('2026-12-20', true), on('2026-12-01'))).then(SCHEDULED);
    }
    for (const status of ['expired', 'abolished', 'returned'] as const) expectThat(decideMoveAbroad(card(CARD_IN[status]), movedAbroad('2026-12-20'), on('2026-12-01'))).then();
  });

  it('asks R-17 about the card in the holder’s hands, else the newest live one', () => {
    const successor = card([history.applied({ cardId: 'card-2', reason: 'damaged', previousCardId: 'card-1' })]);
    expect(cardToKeepAbroad([card(ACTIVE), successor])?.id).toBe('card-1');
    expect(cardToKeepAbroad([card(CARD_IN.returned), successor])?.id).toBe('card-2');
    expect(cardToKeepAbroad([card(CARD_IN.returned)])).toBeUndefined();
  });
});

describe('the sweep’s abolition as scheduled (abolish asScheduled)', () => {
  const due = given(...ACTIVE, SCHEDULED);

  it('does nothing before the day, and abolishes on it, dated on it, with the scheduled reason', () => {
    due.when({ type: 'abolish', on: d('2026-12-19'), reason: 'moved-abroad', asScheduled: true }).then();
    due.when({ type: 'abolish', on: d('2026-12-20'), reason: 'moved-abroad', asScheduled: true }, '2026-12-20').then({ type: 'CardAbolished', on: '2026-12-20', reason: 'moved-abroad' });
  });

  it('dates a late run’s abolition on the scheduled day, and finds nothing to do on a card without a schedule', () => {
    due.when({ type: 'abolish', on: d('2026-12-23'), reason: 'moved-abroad', asScheduled: true }, '2026-12-23').then({ type: 'CardAbolished', on: '2026-12-20' });
    given(...ACTIVE).when({ type: 'abolish', on: d('2026-12-23'), reason: 'moved-abroad', asScheduled: true }, '2026-12-23').then();
  });

  it('clears the schedule with the abolition, so a second run finds nothing due', () => {
    const after = card([...ACTIVE, SCHEDULED, { type: 'CardAbolished', on: d('2026-12-20'), reason: 'moved-abroad' }]);
    expect(after).toMatchObject({ status: 'abolished', endReason: 'moved-abroad', scheduledAbolition: null, certificates: { user: { status: 'revoked' } } });
  });

  it('schedules on a card being made too', () => {
    given(scheduled).when({ type: 'schedule-abolition', on: d('2026-12-20'), reason: 'moved-abroad' }).then(SCHEDULED);
  });
});

describe('death: every live card abolished as of the date of death (reactToResident)', () => {
  const died: ResidentEvent = { type: 'ResidentDied', dateOfDeath: d('2026-11-28'), notifiedOn: d('2026-11-30') };

  it.each(['applied', 'ready', 'active', 'suspended'] as const)('abolishes a card that is %s, dated on the death, its certificates ending', (status) => {
    const reacted = accepted(reactToResident(card(CARD_IN[status]), resident(), [died], on('2026-12-01')));
    expect(reacted).toEqual([{ type: 'CardAbolished', on: '2026-11-28', reason: 'death' }]);
  });

  it('leaves an ended card alone, and a card handed back later is recorded as returned (reason death)', () => {
    expect(accepted(reactToResident(card(CARD_IN.expired), resident(), [died], on('2026-12-01')))).toEqual([]);
    const abolished = [...ACTIVE, { type: 'CardAbolished', on: d('2026-11-28'), reason: 'death' } as const];
    given(...abolished).when({ type: 'return', on: d('2026-12-10'), reason: 'death' }, '2026-12-10').then({ type: 'CardReturned', on: '2026-12-10', reason: 'death' });
    expect(card([...abolished, { type: 'CardReturned', on: d('2026-12-10'), reason: 'death' }])).toMatchObject({ status: 'returned', endedOn: '2026-11-28', endReason: 'death' });
  });

  it('abolishes on a move abroad through reactToResident as well, and a kept card through it', () => {
    expect(accepted(reactToResident(card(ACTIVE), resident(), [movedAbroad('2026-12-20')], on('2026-12-01')))).toEqual([SCHEDULED]);
    expect(accepted(reactToResident(card(ACTIVE), resident(), [movedAbroad('2026-12-20', true)], on('2026-12-01')))).toHaveLength(2);
  });
});
