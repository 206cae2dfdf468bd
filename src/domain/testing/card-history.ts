import type { PlainDate } from '../../rules/plain-date.ts';
import type { CardEvent } from '../card.ts';
import type { Holder } from '../holder.ts';

const d = (date: string) => date as PlainDate;

/** A national born 1990-05-10: an adult card runs to the 10th birthday after its issue. */
export const ADULT: Holder = { birthDate: d('1990-05-10'), residency: 'national', periodOfStayEnd: null };

/** The events of one card at each step of its usual path, for decider tests. */
export const history = {
  applied: (overrides: Partial<Extract<CardEvent, { type: 'CardApplied' }>> = {}): CardEvent => ({
    type: 'CardApplied',
    cardId: 'card-1',
    residentId: 'resident-1',
    applicationDate: d('2026-09-01'),
    photoTakenOn: d('2026-08-20'),
    reason: 'first',
    previousCardId: null,
    pickupOfficeId: 'honcho',
    withSignatureCertificate: true,
    withUserCertificate: true,
    ...overrides,
  }),
  manufactured: (issueDate = '2026-10-15', expiryDate = '2036-05-10'): CardEvent => ({
    type: 'CardManufactured',
    issueDate: d(issueDate),
    expiryDate: d(expiryDate),
    basis: '10th-birthday',
  }),
  issued: (handedOverOn = '2026-11-02'): CardEvent => ({
    type: 'CardIssued',
    handedOverOn: d(handedOverOn),
    officeId: 'honcho',
    signature: { issuedOn: d(handedOverOn), expiresOn: d('2031-05-10') },
    user: { issuedOn: d(handedOverOn), expiresOn: d('2031-05-10') },
    identityDocuments: ['driving-licence'],
    notificationCardReturned: true,
  }),
  suspended: (on = '2026-11-20'): CardEvent => ({ type: 'CardSuspended', on: d(on), reason: 'lost', channel: 'hotline' }),
};

/** Applied, made and handed over: a card in the holder's hands. */
export const ACTIVE: CardEvent[] = [history.applied(), history.manufactured(), history.issued()];
