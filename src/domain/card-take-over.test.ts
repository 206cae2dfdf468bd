import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../rules/plain-date.ts';
import { foldCard } from './card.ts';
import type { MoveIn } from './card-reactions.ts';
import { decideTakeOver, type ForeignCard } from './card-take-over.ts';
import { accepted, expectRefused, on, pointersOf } from './testing/given.ts';

const d = (date: string) => date as PlainDate;

/** A card made by Yokohama for someone born 1990-05-10, with both certificates. */
const yokohamaCard = (overrides: Partial<ForeignCard> = {}): ForeignCard => ({
  cardId: 'card-9',
  issueDate: d('2024-02-01'),
  expiryDate: d('2034-05-10'),
  issuedBy: '141003',
  certificates: { signature: { issuedOn: d('2024-02-10'), expiresOn: d('2029-05-10') }, user: { issuedOn: d('2024-02-10'), expiresOn: d('2029-05-10') } },
  pins: { signature: 'ABC123', user: '1234', residentRegistry: '5678', cardInfo: '1234' },
  ...overrides,
});
const holder = { residentId: 'resident-7', birthDate: d('1990-05-10') };

// Moved in on Monday 2026-07-06: day 14 is 海の日 (2026-07-20), so the 転入届 is due on the 21st.
const move = (notificationDate: string, plannedMoveOutDate: string | null = null): MoveIn => ({
  moveInDate: d('2026-07-06'),
  notificationDate: d(notificationDate),
  plannedMoveOutDate: plannedMoveOutDate === null ? null : d(plannedMoveOutDate),
});

function takeOver(card: ForeignCard, filed: MoveIn) {
  return decideTakeOver(card, holder, filed, on(filed.notificationDate));
}

describe('転入 with a card from another town (decideTakeOver): the card is taken over with its own dates, then R-7 decides', () => {
  it('takes the card over as it is and requires its continued use when the 転入届 is in time (R-8, day 90 moved off a Sunday)', () => {
    const decided = accepted(takeOver(yokohamaCard(), move('2026-07-21')));
    expect(decided).toMatchObject({ deadline: '2026-07-21', late: false });
    expect(decided.events).toEqual([
      {
        type: 'CardTakenOver',
        cardId: 'card-9',
        residentId: 'resident-7',
        issueDate: '2024-02-01',
        expiryDate: '2034-05-10',
        issuedBy: '141003',
        signature: { issuedOn: '2024-02-10', expiresOn: '2029-05-10' },
        user: { issuedOn: '2024-02-10', expiresOn: '2029-05-10' },
        on: '2026-07-21',
      },
      { type: 'ContinuationRequired', notificationDate: '2026-07-21', deadline: '2026-10-19', lapsesOn: '2026-10-20' },
      // The 転入届 changed the address: the signature certificate ends, the user certificate survives the move.
      { type: 'SignatureCertificateRevoked', on: '2026-07-21', reason: 'move-in' },
    ]);
    expect(foldCard(decided.events)).toMatchObject({
      status: 'active',
      handedOverOfficeId: '141003',
      certificates: { signature: { status: 'revoked', revokedOn: '2026-07-21', revokedReason: 'move-in' }, user: { status: 'valid' } },
      continuation: { deadline: '2026-10-19' },
    });
  });

  it('abolishes the card when the 転入届 came after the deadline (move-in-late)', () => {
    const decided = accepted(takeOver(yokohamaCard(), move('2026-07-22')));
    expect(decided).toMatchObject({ deadline: '2026-07-21', late: true });
    expect(decided.events).toMatchObject([{ type: 'CardTakenOver' }, { type: 'CardAbolished', on: '2026-07-22', reason: 'move-in-late' }]);
    expect(foldCard(decided.events)).toMatchObject({ status: 'abolished', certificates: { signature: { status: 'revoked' }, user: { status: 'revoked' } } });
  });

  it('ends the card 30 days after the planned move-out, even within the 14 days', () => {
    const late = accepted(takeOver(yokohamaCard(), move('2026-07-15', '2026-06-10')));
    expect(late).toMatchObject({ deadline: '2026-07-10', late: true });
    expect(late.events.at(-1)).toMatchObject({ type: 'CardAbolished', reason: 'move-in-late' });
    const onTheDay = accepted(takeOver(yokohamaCard(), move('2026-07-10', '2026-06-10')));
    expect(onTheDay).toMatchObject({ deadline: '2026-07-10', late: false });
    expect(onTheDay.events.map((event) => event.type)).toEqual(['CardTakenOver', 'ContinuationRequired', 'SignatureCertificateRevoked']);
  });

  it('takes over a card without certificates', () => {
    const decided = accepted(takeOver(yokohamaCard({ certificates: {} }), move('2026-07-21')));
    expect(decided.events[0]).toMatchObject({ type: 'CardTakenOver', signature: null, user: null });
  });

  it('takes over a card that expires on the day of the 転入届, and refuses one that expired before it', () => {
    expect(takeOver(yokohamaCard({ expiryDate: d('2026-07-21') }), move('2026-07-21')).ok).toBe(true);
    const expired = takeOver(yokohamaCard({ expiryDate: d('2026-07-20') }), move('2026-07-21'));
    expectRefused(expired, 'INPUT.INVALID');
    expect(pointersOf(expired)).toEqual(['/card/expiryDate']);
  });

  it('refuses an issue date after the expiry, or before the holder was born', () => {
    for (const issueDate of ['2034-05-11', '1990-05-09']) {
      const decided = takeOver(yokohamaCard({ issueDate: d(issueDate) }), move('2026-07-21'));
      expectRefused(decided, 'INPUT.INVALID');
      expect(pointersOf(decided)).toEqual(['/card/issueDate']);
    }
  });

  it.each([
    ['signature', { signature: 'ABCDEF', user: '1234', residentRegistry: '5678', cardInfo: '1234' }],
    ['user', { signature: 'ABC123', user: '12345', residentRegistry: '5678', cardInfo: '1234' }],
    ['residentRegistry', { signature: 'ABC123', user: '1234', residentRegistry: '56a8', cardInfo: '1234' }],
    ['cardInfo', { signature: 'ABC123', user: '1234', residentRegistry: '5678', cardInfo: '' }],
  ])('refuses a %s PIN of the wrong format, naming its field', (field, pins) => {
    const decided = takeOver(yokohamaCard({ pins }), move('2026-07-21'));
    expectRefused(decided, 'INPUT.INVALID');
    expect(pointersOf(decided)).toEqual([`/card/pins/${field}`]);
  });

  it('takes over a card whose PINs are not known', () => {
    const { pins: _pins, ...withoutPins } = yokohamaCard();
    expect(takeOver(withoutPins, move('2026-07-21')).ok).toBe(true);
  });
});
