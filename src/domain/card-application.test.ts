import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../rules/plain-date.ts';
import { foldCard, type CardState, type CardStatus } from './card.ts';
import { decideApplication, decideNewCard, type NewCard } from './card-application.ts';
import { ADULT, CARD_IN, PARENT } from './testing/card-history.ts';
import type { LegalRepresentative } from './representation.ts';
import { expectThat, on, pointersOf } from './testing/given.ts';
import { resident } from './testing/resident.ts';

const d = (date: string) => date as PlainDate;
const OFFICES = ['honcho', 'kasai', 'komatsugawa'];
const card = (status: CardStatus): CardState => foldCard(CARD_IN[status])!;

const application = (overrides: Partial<NewCard> = {}): NewCard => ({
  cardId: 'card-2',
  applicationDate: d('2026-09-01'),
  photoTakenOn: d('2026-08-20'),
  withSignatureCertificate: true,
  withUserCertificate: true,
  reason: 'first',
  previousCardId: null,
  pickupOfficeId: 'kasai',
  ...overrides,
});

describe('交付申請 (decideApplication): a registered resident without a live card applies at a counter of the city', () => {
  const apply = (command: NewCard = application(), who = resident(), cards: CardState[] = [], today = '2026-12-01', legalRepresentative?: LegalRepresentative) =>
    expectThat(decideApplication(command, who, cards, OFFICES, { legalRepresentative, withProxyApproval: false }, on(today)));

  it('accepts the application: the card is applied for, to wait at the chosen counter', () => {
    apply().then({
      type: 'CardApplied',
      cardId: 'card-2',
      residentId: 'resident-1',
      applicationDate: '2026-09-01',
      photoTakenOn: '2026-08-20',
      reason: 'first',
      previousCardId: null,
      pickupOfficeId: 'kasai',
      withSignatureCertificate: true,
      withUserCertificate: true,
    });
  });

  it.each(['expired', 'abolished', 'returned'] as const)('accepts a resident whose earlier card is %s', (status) => {
    apply(application(), resident(), [card(status)]).then({ type: 'CardApplied' });
  });

  it.each(['moved-out', 'moved-abroad'] as const)('refuses a resident who is %s', (registration) => {
    apply(application(), resident({ registration })).refused('RESIDENT.INVALID_TRANSITION', { registration });
  });

  it('refuses a deceased resident with its own code (docs/rules.md "Death")', () => {
    apply(application(), resident({ registration: 'deceased' })).refused('RESIDENT.DECEASED', { registration: 'deceased' });
  });

  it.each(['applied', 'ready', 'active', 'suspended'] as const)('refuses a resident whose card is %s, naming it: one live card at a time', (status) => {
    apply(application(), resident(), [card('returned'), card(status)]).refused('RESIDENT.CARD_ALREADY_HELD', { cardId: 'card-1', currentStatus: status });
  });

  it('refuses a pickup counter the city does not have', () => {
    apply(application({ pickupOfficeId: 'shinjuku' })).refused('OFFICE.UNKNOWN');
  });

  it('accepts a photo taken 6 months before to the day, and refuses one a day older', () => {
    apply(application({ photoTakenOn: d('2026-03-01') })).then({ type: 'CardApplied', photoTakenOn: '2026-03-01' });
    apply(application({ photoTakenOn: d('2026-02-28') })).refused('APPLICATION.PHOTO_TOO_OLD');
  });

  it('counts 6 months back from a month end to the last day of February', () => {
    apply(application({ applicationDate: d('2026-08-31'), photoTakenOn: d('2026-02-28') })).then({ type: 'CardApplied' });
    apply(application({ applicationDate: d('2026-08-31'), photoTakenOn: d('2026-02-27') })).refused('APPLICATION.PHOTO_TOO_OLD');
  });

  it('refuses a photo taken after the application', () => {
    const decided = apply(application({ photoTakenOn: d('2026-09-02') }));
    decided.refused('INPUT.INVALID');
    expect(pointersOf(decided.result)).toEqual(['/photoTakenOn']);
  });

  it('refuses an application dated after today, and one before the birth', () => {
    const future = apply(application({ applicationDate: d('2026-12-02'), photoTakenOn: d('2026-12-01') }));
    expect(pointersOf(future.result)).toEqual(['/applicationDate']);
    const unborn = apply(application(), resident({ birthDate: d('2026-10-01') }));
    expect(pointersOf(unborn.result)).toEqual(['/applicationDate']);
  });

  it('refuses a signature certificate to someone under 15 on the application day, and accepts the user certificate alone', () => {
    const fourteen = resident({ birthDate: d('2011-09-03') });
    apply(application(), fourteen).refused('CERTIFICATE.SIGNATURE_UNDER_15');
    apply(application({ withSignatureCertificate: false }), fourteen, [], '2026-12-01', PARENT).then({ type: 'CardApplied', withSignatureCertificate: false, withUserCertificate: true });
  });

  it('accepts a signature certificate for someone who turns 15 at the end of the application day (R-1)', () => {
    apply(application(), resident({ birthDate: d('2011-09-02') })).then({ type: 'CardApplied', withSignatureCertificate: true });
  });
});

describe('新しいカード (decideNewCard): the application every new card starts with', () => {
  const decide = (command: NewCard, today = '2026-12-01') => expectThat(decideNewCard(command, 'resident-1', ADULT, on(today)));

  it('asks no fresh photo for the free card after a number change: the old card’s photo is reused', () => {
    decide(application({ reason: 'number-change', applicationDate: d('2026-12-01'), photoTakenOn: d('2016-01-05'), previousCardId: 'card-1' })).then({
      type: 'CardApplied',
      reason: 'number-change',
      photoTakenOn: '2016-01-05',
      previousCardId: 'card-1',
    });
  });

  it('asks a fresh photo for every other reason', () => {
    for (const reason of ['first', 'lost', 'stolen', 'damaged', 'dirty', 'notes-full', 'renewal'] as const) {
      decide(application({ reason, applicationDate: d('2026-12-01'), photoTakenOn: d('2016-01-05') })).refused('APPLICATION.PHOTO_TOO_OLD');
    }
  });

  it('still refuses a signature certificate under 15 after a number change', () => {
    expectThat(
      decideNewCard(application({ reason: 'number-change', photoTakenOn: d('2024-01-05') }), 'resident-1', { ...ADULT, birthDate: d('2012-01-01') }, on('2026-12-01')),
    ).refused('CERTIFICATE.SIGNATURE_UNDER_15');
  });
});
