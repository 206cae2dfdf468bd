import { describe, it } from 'vitest';
import type { PlainDate } from '../rules/plain-date.ts';
import { given } from './testing/given.ts';
import { ACTIVE, ADULT, history } from './testing/card-history.ts';

const d = (date: string) => date as PlainDate;

describe('交付 (issue): the card is handed over where it waits, made and not yet expired, identity checked', () => {
  const ready = [history.applied(), history.manufactured()];
  const issue = (overrides = {}) => ({
    type: 'issue' as const,
    handedOverOn: d('2026-11-02'),
    officeId: 'honcho',
    pins: { signature: 'ABC123', user: '1234', residentRegistry: '5678', cardInfo: '1234' },
    identityDocuments: ['driving-licence' as const],
    notificationCardReturned: true,
    holder: ADULT,
    ...overrides,
  });

  it('hands it over with both certificates, each running to the 5th birthday after the hand-over (R-4)', () => {
    given(...ready)
      .when(issue())
      .then({
        type: 'CardIssued',
        officeId: 'honcho',
        signature: { issuedOn: '2026-11-02', expiresOn: '2031-05-10' },
        user: { issuedOn: '2026-11-02', expiresOn: '2031-05-10' },
      });
  });

  it('refuses another office: the card waits at its pickup counter', () => {
    given(...ready).when(issue({ officeId: 'kasai' })).refused('AUTH.OFFICE_NOT_ALLOWED', { pickupOfficeId: 'honcho' });
  });

  it('refuses a hand-over before the card was made, and after it expired', () => {
    given(...ready).when(issue({ handedOverOn: d('2026-10-14') })).refused('INPUT.INVALID');
    given(history.applied({ applicationDate: d('2016-01-10'), photoTakenOn: d('2016-01-05') }), history.manufactured('2016-02-01', '2026-05-10'))
      .when(issue({ handedOverOn: d('2026-05-11') }))
      .refused('CARD.EXPIRED');
  });

  it('refuses a single identity document without a photo', () => {
    given(...ready).when(issue({ identityDocuments: ['pension-book'] })).refused('IDENTITY.INSUFFICIENT');
  });

  it('refuses a card that is not ready, naming its status', () => {
    given(...ACTIVE).when(issue()).refused('CARD.INVALID_TRANSITION', { currentStatus: 'active', action: 'issue' });
  });
});

describe('一時停止 (suspension): by the hotline or at a counter', () => {
  it('suspends and revokes the signature certificate with it (R-4, L)', () => {
    given(...ACTIVE)
      .when({ type: 'suspend', on: d('2026-11-20'), reason: 'lost', channel: 'hotline', by: 'hotline' })
      .then({ type: 'CardSuspended', reason: 'lost', channel: 'hotline' }, { type: 'SignatureCertificateRevoked', reason: 'lost' });
  });

  it('keeps a hotline operator to the hotline channel, whatever the card', () => {
    given(...ACTIVE).when({ type: 'suspend', on: d('2026-11-20'), reason: 'lost', channel: 'counter', by: 'hotline' }).refused('INPUT.INVALID');
  });

  it('refuses to suspend a card twice', () => {
    given(...ACTIVE, history.suspended())
      .when({ type: 'suspend', on: d('2026-11-21'), reason: 'stolen', channel: 'counter', by: 'clerk' })
      .refused('CARD.INVALID_TRANSITION', { currentStatus: 'suspended' });
  });
});
