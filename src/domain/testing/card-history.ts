import type { PlainDate } from '../../rules/plain-date.ts';
import type { AbolitionReason, CardEvent, CardStatus, FrontNoteKind, ReturnReason } from '../card.ts';
import type { Holder } from '../holder.ts';
import type { LegalRepresentative } from '../representation.ts';

const d = (date: string) => date as PlainDate;

/** A national born 1990-05-10: an adult card runs to the 10th birthday after its issue. */
export const ADULT: Holder = { birthDate: d('1990-05-10'), residency: 'national', periodOfStayEnd: null, adultWard: false };

/** A national born 2016-03-01: a child, whose card runs to the 5th birthday after its issue. */
export const CHILD: Holder = { birthDate: d('2016-03-01'), residency: 'national', periodOfStayEnd: null, adultWard: false };

/** A parent with parental authority who comes for a child, with a photo document and the 戸籍謄本. */
export const PARENT: LegalRepresentative = { name: '江戸川 一郎', relationship: 'parent', identityDocuments: ['driving-licence'], authorityDocument: '戸籍謄本' };

/** The guardian (成年後見人) of an adult ward, with the 登記事項証明書 proving the authority. */
export const GUARDIAN: LegalRepresentative = { name: '葛西 花子', relationship: 'guardian', identityDocuments: ['passport'], authorityDocument: '登記事項証明書' };

/** A foreign resident born 1990-05-10 whose period of stay ends on 2029-03-31, before the standard expiry. */
export const FOREIGN: Holder = { birthDate: d('1990-05-10'), residency: 'foreign-with-period', periodOfStayEnd: d('2029-03-31'), adultWard: false };

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
  manufactured: (issueDate = '2026-10-15', expiryDate = '2036-05-10', basis: Extract<CardEvent, { type: 'CardManufactured' }>['basis'] = '10th-birthday'): CardEvent => ({
    type: 'CardManufactured',
    issueDate: d(issueDate),
    expiryDate: d(expiryDate),
    basis,
    readyOn: d(issueDate),
    referenceNumber: '1234567897',
  }),
  issued: (handedOverOn = '2026-11-02', certificatesExpireOn = '2031-05-10'): CardEvent => ({
    type: 'CardIssued',
    handedOverOn: d(handedOverOn),
    officeId: 'honcho',
    signature: { issuedOn: d(handedOverOn), expiresOn: d(certificatesExpireOn) },
    user: { issuedOn: d(handedOverOn), expiresOn: d(certificatesExpireOn) },
    identityDocuments: ['driving-licence'],
    notificationCardReturned: true,
  }),
  suspended: (on = '2026-11-20', reason: 'lost' | 'stolen' = 'lost'): CardEvent => ({ type: 'CardSuspended', on: d(on), reason, channel: 'hotline' }),
  certificatesHeld: (on = '2026-11-20'): CardEvent => ({ type: 'CertificatesHeld', on: d(on) }),
  signatureRevoked: (on = '2026-11-10', reason = 'address-change'): CardEvent => ({ type: 'SignatureCertificateRevoked', on: d(on), reason }),
  frontNote: (date = '2026-11-10', kind: FrontNoteKind = 'address', text = '東京都江戸川区中央1-4-1'): CardEvent => ({ type: 'FrontNoteAdded', note: { kind, text, date: d(date) } }),
  /** A 転入届 on 2026-10-01: day 90 is 2026-12-29, closed for the year end, so the deadline is 2027-01-04. */
  continuationRequired: (notificationDate = '2026-10-01', deadline = '2027-01-04', lapsesOn = '2027-01-05'): CardEvent => ({
    type: 'ContinuationRequired',
    notificationDate: d(notificationDate),
    deadline: d(deadline),
    lapsesOn: d(lapsesOn),
  }),
  expired: (on = '2036-05-11'): CardEvent => ({ type: 'CardExpired', on: d(on) }),
  abolished: (on = '2026-12-01', reason: AbolitionReason = 'moved-abroad'): CardEvent => ({ type: 'CardAbolished', on: d(on), reason }),
  returned: (on = '2026-12-01', reason: ReturnReason = 'not-needed'): CardEvent => ({ type: 'CardReturned', on: d(on), reason }),
};

/** Applied, made and handed over: a card in the holder's hands. */
export const ACTIVE: CardEvent[] = [history.applied(), history.manufactured(), history.issued()];

/** A card in each status, built from its events along the usual path (a suspension holds both certificates). */
export const CARD_IN: Record<CardStatus, CardEvent[]> = {
  applied: [history.applied()],
  ready: [history.applied(), history.manufactured()],
  active: ACTIVE,
  suspended: [...ACTIVE, history.suspended(), history.certificatesHeld('2026-11-20')],
  expired: [...ACTIVE, history.expired()],
  abolished: [...ACTIVE, history.abolished()],
  returned: [...ACTIVE, history.returned()],
};
