import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../rules/plain-date.ts';
import { foldCard, type CardEvent, type CardState } from './card.ts';
import { decideNumberChange } from './number-change.ts';
import { CARD_IN, GUARDIAN, PARENT, history } from './testing/card-history.ts';
import { accepted, expectRefused, on } from './testing/given.ts';
import { resident } from './testing/resident.ts';

const command = { reason: 'leak of the number', newCardId: 'card-2', withProxyApproval: false };
const card = (events: CardEvent[]): CardState => foldCard(events)!;

describe('個人番号の変更 (decideNumberChange): a new number, the card ended, a free new card', () => {
  it('abolishes the card in use and applies for a free new one with its photo, certificates and counter, however old the photo', () => {
    const decided = accepted(decideNumberChange(command, resident(), [card(CARD_IN.active)], on('2028-06-01')));
    expect(decided.resident).toEqual([{ type: 'IndividualNumberChanged', on: '2028-06-01', reason: 'leak of the number' }]);
    expect(decided.oldCards).toEqual([{ cardId: 'card-1', events: [{ type: 'CardAbolished', on: '2028-06-01', reason: 'number-changed' }] }]);
    expect(decided.newCard).toEqual([
      {
        type: 'CardApplied',
        cardId: 'card-2',
        residentId: 'resident-1',
        applicationDate: '2028-06-01',
        photoTakenOn: '2026-08-20',
        reason: 'number-change',
        previousCardId: 'card-1',
        pickupOfficeId: 'honcho',
        withSignatureCertificate: true,
        withUserCertificate: true,
      },
    ]);
  });

  it.each(['applied', 'ready', 'suspended'] as const)('ends a live card whatever its status: %s', (status) => {
    const decided = accepted(decideNumberChange(command, resident(), [card(CARD_IN[status])], on('2026-12-01')));
    expect(decided.oldCards).toMatchObject([{ events: [{ type: 'CardAbolished', reason: 'number-changed' }] }]);
    expect(decided.newCard).toMatchObject([{ type: 'CardApplied', reason: 'number-change', previousCardId: 'card-1' }]);
  });

  it('asks for the certificates the old card asked for, and no more', () => {
    const userOnly = [history.applied({ withSignatureCertificate: false, pickupOfficeId: 'kasai' })];
    const decided = accepted(decideNumberChange(command, resident(), [card(userOnly)], on('2026-12-01')));
    expect(decided.newCard).toMatchObject([{ withSignatureCertificate: false, withUserCertificate: true, pickupOfficeId: 'kasai' }]);
  });

  it('changes only the number of a resident without a card, or whose card has ended', () => {
    for (const held of [[], [card(CARD_IN.returned)], [card(CARD_IN.expired)]]) {
      const decided = accepted(decideNumberChange(command, resident(), held, on('2026-12-01')));
      expect(decided).toEqual({ resident: [{ type: 'IndividualNumberChanged', on: '2026-12-01', reason: 'leak of the number' }], oldCards: [], newCard: [] });
    }
  });

  it.each(['moved-out', 'moved-abroad'] as const)('refuses a resident who is %s', (registration) => {
    expectRefused(decideNumberChange(command, resident({ registration }), [card(CARD_IN.active)], on('2026-12-01')), 'RESIDENT.INVALID_TRANSITION', { registration });
  });

  it('asks a child under 15 or an adult ward through the 法定代理人 (R-18), never a voluntary proxy, and nobody else’s', () => {
    const child = resident({ birthDate: '2012-06-02' as PlainDate });
    const cards = [card([history.applied({ withSignatureCertificate: false })])];
    expectRefused(decideNumberChange(command, child, cards, on('2026-12-01')), 'REPRESENTATIVE.REQUIRED', { basis: 'under-15' });
    expect(accepted(decideNumberChange({ ...command, legalRepresentative: PARENT }, child, cards, on('2026-12-01'))).resident).toHaveLength(1);
    expectRefused(decideNumberChange({ ...command, withProxyApproval: true }, child, cards, on('2026-12-01')), 'PROXY.NOT_ALLOWED_FOR_REPRESENTED');
    // Fifteen on 2027-06-02: from that day the holder asks alone, and a representative is refused.
    expectRefused(decideNumberChange({ ...command, legalRepresentative: PARENT }, child, cards, on('2027-06-02')), 'INPUT.INVALID');
    const ward = resident({ adultWard: true });
    expectRefused(decideNumberChange({ ...command, legalRepresentative: PARENT }, ward, cards, on('2026-12-01')), 'INPUT.INVALID');
    expect(accepted(decideNumberChange({ ...command, legalRepresentative: GUARDIAN }, ward, cards, on('2026-12-01'))).resident).toHaveLength(1);
  });

  it('refuses a deceased resident with its own code', () => {
    expectRefused(decideNumberChange(command, resident({ registration: 'deceased' }), [card(CARD_IN.active)], on('2026-12-01')), 'RESIDENT.DECEASED');
  });

  it('abolishes both cards of a resident whose new card is being made (R-16), the free one modelled on the newest', () => {
    const successor = card([history.applied({ cardId: 'card-2', reason: 'damaged', previousCardId: 'card-1', photoTakenOn: '2026-11-20' as PlainDate, pickupOfficeId: 'kasai' })]);
    const decided = accepted(decideNumberChange({ ...command, newCardId: 'card-3' }, resident(), [card(CARD_IN.active), successor], on('2026-12-01')));
    expect(decided.oldCards).toMatchObject([
      { cardId: 'card-1', events: [{ type: 'CardAbolished', reason: 'number-changed' }] },
      { cardId: 'card-2', events: [{ type: 'CardAbolished', reason: 'number-changed' }] },
    ]);
    expect(decided.newCard).toMatchObject([{ cardId: 'card-3', previousCardId: 'card-2', photoTakenOn: '2026-11-20', pickupOfficeId: 'kasai' }]);
  });
});
