import { describe, expect, it } from 'vitest';
import type { IdentityDocument } from '../rules/identity-documents.ts';
import type { PlainDate } from '../rules/plain-date.ts';
import { CARD_STATUSES, foldCard, type CardEvent, type CardStatus } from './card.ts';
import { CARD_ACTIONS, TRANSITIONS, type CardAction } from './card-transitions.ts';
import type { Holder } from './holder.ts';
import { accepted, given, on, pointersOf } from './testing/given.ts';
import { SAMPLE_COMMAND } from './testing/card-commands.ts';
import { ACTIVE, ADULT, CARD_IN, CHILD, FOREIGN, history, PARENT } from './testing/card-history.ts';

const d = (date: string) => date as PlainDate;

describe('カードの作成 (manufacture): J-LIS has made the card; its 発行日 sets the expiry (R-3)', () => {
  const applied = [history.applied()];
  const manufacture = (holder = ADULT, issueDate = '2026-10-15', readyOn = issueDate) => ({ type: 'manufacture' as const, issueDate: d(issueDate), holder, readyOn: d(readyOn), referenceNumber: '1234567897' });

  it('gives an adult’s card ten birthdays: to the 10th birthday after the 発行日', () => {
    given(...applied).when(manufacture(), '2026-10-15').then({ type: 'CardManufactured', issueDate: '2026-10-15', expiryDate: '2036-05-10', basis: '10th-birthday' });
  });

  it('keeps the card waiting from the day it arrived, under its 照会番号, and refuses an arrival before the 発行日 or after today', () => {
    given(...applied).when(manufacture(ADULT, '2026-10-15', '2026-10-20'), '2026-10-21').then({ type: 'CardManufactured', readyOn: '2026-10-20', referenceNumber: '1234567897' });
    for (const [readyOn, problem] of [
      ['2026-10-14', 'readyOn: is before the issue date 2026-10-15'],
      ['2026-10-22', 'readyOn: 2026-10-22 is after today (2026-10-21)'],
    ]) {
      const refused = given(...applied).when(manufacture(ADULT, '2026-10-15', readyOn), '2026-10-21');
      refused.refused('INPUT.INVALID');
      expect(pointersOf(refused.result)).toEqual(['/readyOn']);
      expect(refused.result.ok || refused.result.error.errors?.[0]?.message).toBe(problem);
    }
  });

  it('gives a child’s card five birthdays: to the 5th birthday after the 発行日', () => {
    given(...applied).when(manufacture(CHILD), '2026-10-15').then({ type: 'CardManufactured', expiryDate: '2031-03-01', basis: '5th-birthday' });
  });

  it('counts someone who turns 18 at the end of the 発行日 as an adult (R-1), and someone a day younger as a minor', () => {
    const turning18 = { ...ADULT, birthDate: d('2008-10-16') };
    given(...applied).when(manufacture(turning18), '2026-10-15').then({ expiryDate: '2035-10-16', basis: '10th-birthday' });
    given(...applied).when(manufacture({ ...turning18, birthDate: d('2008-10-17') }), '2026-10-15').then({ expiryDate: '2030-10-17', basis: '5th-birthday' });
  });

  it('ends a foreign resident’s card with a period of stay that ends first', () => {
    given(...applied).when(manufacture(FOREIGN), '2026-10-15').then({ type: 'CardManufactured', expiryDate: '2029-03-31', basis: 'period-of-stay' });
  });

  it('keeps the standard expiry when the period of stay outlasts it, and for a permanent resident', () => {
    given(...applied).when(manufacture({ ...FOREIGN, periodOfStayEnd: d('2040-01-01') }), '2026-10-15').then({ expiryDate: '2036-05-10', basis: '10th-birthday' });
    given(...applied)
      .when(manufacture({ ...ADULT, residency: 'foreign-without-period' }), '2026-10-15')
      .then({ expiryDate: '2036-05-10', basis: '10th-birthday' });
  });

  it('refuses to make a card for a period of stay that ended by the 発行日', () => {
    const decided = given(...applied).when(manufacture({ ...FOREIGN, periodOfStayEnd: d('2026-10-15') }), '2026-10-15');
    decided.refused('INPUT.INVALID');
    expect(pointersOf(decided.result)).toEqual(['/periodOfStayEnd']);
  });

  it('refuses a 発行日 before the application, and one that has not come yet', () => {
    const early = given(...applied).when(manufacture(ADULT, '2026-08-31'), '2026-10-15');
    early.refused('INPUT.INVALID');
    expect(pointersOf(early.result)).toEqual(['/issueDate']);
    const future = given(...applied).when(manufacture(ADULT, '2026-10-16'), '2026-10-15');
    future.refused('INPUT.INVALID');
    expect(pointersOf(future.result)).toEqual(['/issueDate']);
  });

  it('accepts a card made on the day of the application', () => {
    given(...applied).when(manufacture(ADULT, '2026-09-01'), '2026-09-01').then({ issueDate: '2026-09-01', expiryDate: '2036-05-10' });
  });

  it('refuses to make a card twice', () => {
    given(...CARD_IN.ready).when(manufacture(), '2026-10-16').refused('CARD.INVALID_TRANSITION', { currentStatus: 'ready', action: 'manufacture' });
  });
});

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
    withProxyApproval: false,
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

  it('records the 通知カード handed back, and the identity documents seen', () => {
    given(...ready).when(issue()).then({ type: 'CardIssued', notificationCardReturned: true, identityDocuments: ['driving-licence'] });
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

  it('hands a card over on its expiry day, with certificates that end with it (R-4: never after the card)', () => {
    given(history.applied({ applicationDate: d('2016-01-10'), photoTakenOn: d('2016-01-05') }), history.manufactured('2016-02-01', '2026-05-10'))
      .when(issue({ handedOverOn: d('2026-05-10') }))
      .then({ type: 'CardIssued', signature: { expiresOn: '2026-05-10' }, user: { expiresOn: '2026-05-10' } });
  });

  it('refuses a hand-over dated after today', () => {
    const decided = given(...ready).when(issue({ handedOverOn: d('2026-12-02') }), '2026-12-01');
    decided.refused('INPUT.INVALID');
    expect(pointersOf(decided.result)).toEqual(['/handedOverOn']);
  });

  it('refuses a single identity document without a photo', () => {
    given(...ready).when(issue({ identityDocuments: ['pension-book'] })).refused('IDENTITY.INSUFFICIENT');
  });

  it('accepts two documents without a photo', () => {
    given(...ready)
      .when(issue({ identityDocuments: ['qualification-certificate', 'pension-book'] }))
      .then({ type: 'CardIssued' });
  });

  it('counts a paper health insurance card up to 2025-12-01 and not the day after, saying why (policy healthInsuranceCardValidUntil)', () => {
    const early = [history.applied({ applicationDate: d('2025-10-01'), photoTakenOn: d('2025-09-20') }), history.manufactured('2025-11-01', '2035-05-10')];
    const withPaperCard = (handedOverOn: string) => issue({ handedOverOn: d(handedOverOn), identityDocuments: ['health-insurance-card', 'pension-book'] });
    given(...early).when(withPaperCard('2025-12-01'), '2025-12-01').then({ type: 'CardIssued' });
    const late = given(...early).when(withPaperCard('2025-12-02'), '2025-12-02');
    late.refused('IDENTITY.INSUFFICIENT');
    expect(!late.result.ok && late.result.error.message).toContain('資格確認書');
  });

  it('asks for the signature PIN when the signature certificate is due', () => {
    const decided = given(...ready).when(issue({ pins: { user: '1234', residentRegistry: '5678', cardInfo: '1234' } }));
    decided.refused('INPUT.INVALID');
    expect(pointersOf(decided.result)).toEqual(['/pins/signature']);
  });

  it.each([
    ['a signature PIN without a digit', { signature: 'ABCDEF' }, 'signature', 'needs-letter-and-digit'],
    ['a signature PIN of 5 characters', { signature: 'ABC12' }, 'signature', 'length'],
    ['a user PIN with a letter', { user: '12a4' }, 'user', 'characters'],
    ['a 住民基本台帳 PIN of 3 digits', { residentRegistry: '567' }, 'residentRegistry', 'length'],
    ['a 券面事項入力補助 PIN of 5 digits', { cardInfo: '12345' }, 'cardInfo', 'length'],
  ])('refuses %s, naming its field (R-12)', (_, pin, field, reason) => {
    const pins = { signature: 'ABC123', user: '1234', residentRegistry: '5678', cardInfo: '1234', ...pin };
    given(...ready).when(issue({ pins })).refused('PIN.INVALID_FORMAT', { pin: field, reason });
  });

  it('takes a signature PIN typed in lower case as upper case', () => {
    given(...ready)
      .when(issue({ pins: { signature: 'abc123', user: '1234', residentRegistry: '1234', cardInfo: '1234' } }))
      .then({ type: 'CardIssued' });
  });

  describe('the signature certificate from 15, the age reached by the end of the hand-over day (R-1, R-4)', () => {
    // Asked for in the application; J-LIS made a minor's card on 2026-10-15.
    const madeFor = (expiryDate: string) => [history.applied(), history.manufactured('2026-10-15', expiryDate, '5th-birthday')];
    const userPins = { user: '1234', residentRegistry: '5678', cardInfo: '1234' };

    it('issues none to someone who is still 14 on the hand-over day, and asks for no signature PIN', () => {
      const holder = { ...ADULT, birthDate: d('2011-11-04') };
      given(...madeFor('2030-11-04'))
        .when(issue({ holder, pins: userPins, legalRepresentative: PARENT }))
        .then({ type: 'CardIssued', signature: null, user: { issuedOn: '2026-11-02', expiresOn: '2030-11-04' } });
    });

    it('issues one to someone who turns 15 at the end of the hand-over day', () => {
      const holder = { ...ADULT, birthDate: d('2011-11-03') };
      given(...madeFor('2030-11-03'))
        .when(issue({ holder }))
        .then({ type: 'CardIssued', signature: { issuedOn: '2026-11-02', expiresOn: '2030-11-03' }, user: { expiresOn: '2030-11-03' } });
      const withoutPin = given(...madeFor('2030-11-03')).when(issue({ holder, pins: userPins }));
      expect(pointersOf(withoutPin.result)).toEqual(['/pins/signature']);
    });
  });

  it('hands a child their card with the user certificate only, which ends with the card', () => {
    given(history.applied({ withSignatureCertificate: false }), history.manufactured('2026-10-15', '2031-03-01', '5th-birthday'))
      .when(issue({ holder: CHILD, pins: { user: '1234', residentRegistry: '5678', cardInfo: '1234' }, legalRepresentative: PARENT }))
      .then({ type: 'CardIssued', signature: null, user: { issuedOn: '2026-11-02', expiresOn: '2031-03-01' } });
  });

  it('issues no certificate that was not asked for', () => {
    given(history.applied({ withSignatureCertificate: false, withUserCertificate: false }), history.manufactured())
      .when(issue({ pins: { user: '1234', residentRegistry: '5678', cardInfo: '1234' } }))
      .then({ type: 'CardIssued', signature: null, user: null });
  });

  it('refuses a card that is not ready, naming its status', () => {
    given(...ACTIVE).when(issue()).refused('CARD.INVALID_TRANSITION', { currentStatus: 'active', action: 'issue' });
    given(history.applied()).when(issue()).refused('CARD.INVALID_TRANSITION', { currentStatus: 'applied', action: 'issue' });
  });
});

describe('券面記載事項変更 (add-front-note): a dated entry in the 追記欄', () => {
  const note = (date = '2026-11-10', kind: 'address' | 'name' | 'other' = 'address') => ({
    type: 'add-front-note' as const,
    note: { kind, text: '東京都江戸川区中央1-4-1', date: d(date) },
    holder: ADULT,
    withProxyApproval: false,
  });

  it('writes the note with its date', () => {
    given(...ACTIVE).when(note()).then({ type: 'FrontNoteAdded', note: { kind: 'address', text: '東京都江戸川区中央1-4-1', date: '2026-11-10' } });
  });

  it('writes the last note that fits, and refuses the next: a new card is needed, free of charge (R-10 notes-full)', () => {
    const three = [history.frontNote('2026-11-03'), history.frontNote('2026-11-04'), history.frontNote('2026-11-05')];
    given(...ACTIVE, ...three).when(note()).then({ type: 'FrontNoteAdded' });
    given(...ACTIVE, ...three, history.frontNote('2026-11-06'))
      .when(note())
      .refused('CARD.NOTES_FULL', { capacity: 4, reissueReason: 'notes-full', fee: 0 });
  });

  it('follows the city’s capacity when its policy changes it', () => {
    const four = ['2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'].map((date) => history.frontNote(date));
    given(...ACTIVE, ...four).when(note(), on('2026-12-01', { notesCapacity: 6 })).then({ type: 'FrontNoteAdded' });
    given(...ACTIVE, ...four, history.frontNote('2026-11-07'), history.frontNote('2026-11-08'))
      .when(note(), on('2026-12-01', { notesCapacity: 6 }))
      .refused('CARD.NOTES_FULL', { capacity: 6 });
  });

  it('refuses a note dated after today', () => {
    const decided = given(...ACTIVE).when(note('2026-12-02'), '2026-12-01');
    decided.refused('INPUT.INVALID');
    expect(pointersOf(decided.result)).toEqual(['/date']);
  });

  it('writes nothing on a card that is not in use', () => {
    given(...CARD_IN.suspended).when(note()).refused('CARD.INVALID_TRANSITION', { currentStatus: 'suspended' });
    given(...CARD_IN.ready).when(note()).refused('CARD.INVALID_TRANSITION', { currentStatus: 'ready' });
  });
});

describe('署名用電子証明書の失効 (revoke-signature): a change of address or name ends the signature certificate (R-4)', () => {
  const revoke = { type: 'revoke-signature' as const, on: d('2026-11-10'), reason: 'address-change' };

  it('revokes a valid signature certificate on the day, and leaves the user certificate valid', () => {
    const decided = given(...ACTIVE).when(revoke);
    decided.then({ type: 'SignatureCertificateRevoked', on: '2026-11-10', reason: 'address-change' });
    const card = foldCard([...ACTIVE, ...accepted(decided.result)]);
    expect(card?.certificates).toMatchObject({ signature: { status: 'revoked', revokedOn: '2026-11-10', revokedReason: 'address-change' }, user: { status: 'valid' } });
  });

  it('does nothing to a certificate that is already revoked, expired, or was never issued', () => {
    given(...ACTIVE, history.signatureRevoked()).when({ ...revoke, on: d('2026-11-20') }).then();
    given(...ACTIVE, { type: 'CertificateExpired', on: d('2031-05-11'), kind: 'signature' }).when(revoke).then();
    given(history.applied({ withSignatureCertificate: false }), history.manufactured(), { ...history.issued(), signature: null } as CardEvent).when(revoke).then();
  });

  it('revokes a held signature certificate of a suspended card too (it is still the holder’s), and nothing when it is already revoked', () => {
    given(...CARD_IN.suspended).when(revoke).then({ type: 'SignatureCertificateRevoked' });
    given(...ACTIVE, history.suspended(), history.signatureRevoked('2026-11-20', 'lost')).when(revoke).then();
  });

  it('refuses a card not yet handed over: it has no certificate to revoke', () => {
    given(...CARD_IN.ready).when(revoke).refused('CARD.INVALID_TRANSITION', { currentStatus: 'ready' });
  });
});

describe('一時停止 (suspension): by the hotline or at a counter', () => {
  it('suspends and puts both certificates on hold (一時保留, Corrections 2026-12: no longer revokes the signature certificate)', () => {
    const decided = given(...ACTIVE).when({ type: 'suspend', on: d('2026-11-20'), reason: 'lost', channel: 'hotline', by: 'hotline' });
    decided.then({ type: 'CardSuspended', reason: 'lost', channel: 'hotline' }, { type: 'CertificatesHeld', on: '2026-11-20' });
    expect(foldCard([...ACTIVE, ...accepted(decided.result)])?.certificates).toMatchObject({
      signature: { status: 'held', expiresOn: '2031-05-10', revokedOn: null },
      user: { status: 'held', expiresOn: '2031-05-10', revokedOn: null },
    });
  });

  it('suspends a stolen card at a counter, for a clerk', () => {
    given(...ACTIVE)
      .when({ type: 'suspend', on: d('2026-11-20'), reason: 'stolen', channel: 'counter', by: 'clerk' })
      .then({ type: 'CardSuspended', on: '2026-11-20', reason: 'stolen', channel: 'counter' }, { type: 'CertificatesHeld' });
  });

  it('holds only the valid certificates: a revoked one stays revoked, and a card without any is only suspended', () => {
    const revoked = [...ACTIVE, history.signatureRevoked()];
    const decided = given(...revoked).when({ type: 'suspend', on: d('2026-11-20'), reason: 'lost', channel: 'hotline', by: 'hotline' });
    decided.then({ type: 'CardSuspended' }, { type: 'CertificatesHeld' });
    expect(foldCard([...revoked, ...accepted(decided.result)])?.certificates).toMatchObject({ signature: { status: 'revoked' }, user: { status: 'held' } });
    const none = [...revoked, { type: 'CertificateExpired', on: d('2031-05-11'), kind: 'user' } as CardEvent];
    given(...none).when({ type: 'suspend', on: d('2031-05-12'), reason: 'lost', channel: 'hotline', by: 'hotline' }, '2031-05-12').then({ type: 'CardSuspended' });
  });

  it('keeps a hotline operator to the hotline channel, whatever the card', () => {
    given(...ACTIVE).when({ type: 'suspend', on: d('2026-11-20'), reason: 'lost', channel: 'counter', by: 'hotline' }).refused('INPUT.INVALID');
    const onEnded = given(...CARD_IN.returned).when({ type: 'suspend', on: d('2026-11-20'), reason: 'lost', channel: 'counter', by: 'hotline' });
    onEnded.refused('INPUT.INVALID');
    expect(pointersOf(onEnded.result)).toEqual(['/channel']);
  });

  it('refuses to suspend a card twice', () => {
    given(...ACTIVE, history.suspended())
      .when({ type: 'suspend', on: d('2026-11-21'), reason: 'stolen', channel: 'counter', by: 'clerk' })
      .refused('CARD.INVALID_TRANSITION', { currentStatus: 'suspended' });
  });

  it('refuses a card not yet handed over', () => {
    given(...CARD_IN.ready)
      .when({ type: 'suspend', on: d('2026-11-21'), reason: 'lost', channel: 'hotline', by: 'hotline' })
      .refused('CARD.INVALID_TRANSITION', { currentStatus: 'ready' });
  });
});

describe('一時停止の解除 (resume): at a counter, identity checked', () => {
  const resume = (identityDocuments: IdentityDocument[] = ['passport']) => ({
    type: 'resume' as const,
    on: d('2026-11-25'),
    officeId: 'kasai',
    identityDocuments,
  });

  it('releases the card at the office the holder came to, revoking the held certificates there (Corrections 2026-12)', () => {
    const decided = given(...CARD_IN.suspended).when(resume());
    decided.then({ type: 'HeldCertificatesRevoked', on: '2026-11-25', reason: 'suspension-released' }, { type: 'CardResumed', on: '2026-11-25', officeId: 'kasai' });
    const card = foldCard([...CARD_IN.suspended, ...accepted(decided.result)]);
    expect(card).toMatchObject({
      status: 'active',
      suspension: null,
      certificates: {
        signature: { status: 'revoked', revokedOn: '2026-11-25', revokedReason: 'suspension-released' },
        user: { status: 'revoked', revokedOn: '2026-11-25', revokedReason: 'suspension-released' },
      },
    });
  });

  it('revokes nothing that was not held: a certificate revoked or expired before stays as it was', () => {
    const revokedBefore = [...ACTIVE, history.signatureRevoked('2026-11-10', 'address-change'), history.suspended(), history.certificatesHeld()];
    const decided = accepted(given(...revokedBefore).when(resume()).result);
    expect(foldCard([...revokedBefore, ...decided])?.certificates).toMatchObject({
      signature: { status: 'revoked', revokedReason: 'address-change' },
      user: { status: 'revoked', revokedReason: 'suspension-released' },
    });
    // A card suspended under the old rule (R-4, L: the signature certificate revoked, nothing held) is only resumed.
    given(...ACTIVE, history.suspended(), history.signatureRevoked('2026-11-20', 'lost')).when(resume()).then({ type: 'CardResumed' });
  });

  it('lets the new certificates be issued at once after the release, free (R-15)', () => {
    const released = [...CARD_IN.suspended, ...accepted(given(...CARD_IN.suspended).when(resume()).result)];
    given(...released)
      .when({ type: 'issue-certificate', kind: 'user', on: d('2026-11-25'), pin: '4321', identityDocuments: ['passport'], holder: ADULT }, '2026-11-25')
      .then({ type: 'CertificateIssued', kind: 'user', issuedOn: '2026-11-25', expiresOn: '2031-05-10', renewal: false });
  });

  it('accepts two documents without a photo, and refuses one', () => {
    given(...CARD_IN.suspended).when(resume(['qualification-certificate', 'pension-book'])).then({ type: 'HeldCertificatesRevoked' }, { type: 'CardResumed' });
    given(...CARD_IN.suspended).when(resume(['qualification-certificate'])).refused('IDENTITY.INSUFFICIENT');
  });

  it('refuses a card that is not suspended', () => {
    given(...ACTIVE).when(resume()).refused('CARD.INVALID_TRANSITION', { currentStatus: 'active', action: 'resume' });
  });
});

describe('継続利用の期限 (require-continuation): after a 転入届, the card is presented within 90 days (R-8)', () => {
  it('counts 90 days from the 転入届 itself, moved off the year-end closure, and lapses the day after', () => {
    given(...ACTIVE)
      .when({ type: 'require-continuation', notificationDate: d('2026-10-01') })
      .then({ type: 'ContinuationRequired', notificationDate: '2026-10-01', deadline: '2027-01-04', lapsesOn: '2027-01-05' });
  });

  it('keeps day 90 when it is a business day', () => {
    given(...ACTIVE)
      .when({ type: 'require-continuation', notificationDate: d('2026-05-01') })
      .then({ type: 'ContinuationRequired', deadline: '2026-07-29', lapsesOn: '2026-07-30' });
  });

  it('keeps day 90 on a closed day for a city whose policy does not shift it', () => {
    given(...ACTIVE)
      .when({ type: 'require-continuation', notificationDate: d('2026-10-01') }, on('2026-12-01', { holidayShift: { moveIn: 'next-business-day', continuation: 'none' } }))
      .then({ type: 'ContinuationRequired', deadline: '2026-12-29', lapsesOn: '2026-12-30' });
  });

  it('applies to a suspended card too', () => {
    given(...CARD_IN.suspended).when({ type: 'require-continuation', notificationDate: d('2026-10-01') }).then({ type: 'ContinuationRequired' });
  });

  it('refuses a deadline beyond the holiday calendar rather than guess it', () => {
    given(...ACTIVE).when({ type: 'require-continuation', notificationDate: d('2050-12-01') }).refused('CALENDAR.OUT_OF_RANGE');
  });

  it('refuses a card that has ended', () => {
    given(...CARD_IN.expired).when({ type: 'require-continuation', notificationDate: d('2026-10-01') }).refused('CARD.INVALID_TRANSITION', { currentStatus: 'expired' });
  });
});

describe('継続利用 (continue): the card presented by its deadline, by the holder, the household or an approved proxy (R-8, R-13)', () => {
  const pending = [...ACTIVE, history.continuationRequired()];
  const continued = (date: string, presentedBy: 'holder' | 'household-member' | 'proxy-after-enquiry' = 'holder', withProxyApproval = false) => ({
    type: 'continue' as const,
    on: d(date),
    presentedBy,
    withProxyApproval,
    holder: ADULT,
  });

  it('continues on the deadline', () => {
    given(...pending).when(continued('2027-01-04'), '2027-01-04').then({ type: 'ContinuationCompleted', on: '2027-01-04', presentedBy: 'holder' });
    expect(foldCard([...pending, { type: 'ContinuationCompleted', on: d('2027-01-04'), presentedBy: 'holder' }])?.continuation).toBeNull();
  });

  it('refuses the day after: the card has lapsed and a new one is needed', () => {
    given(...pending).when(continued('2027-01-05'), '2027-01-05').refused('CARD.CONTINUATION_LAPSED', { deadline: '2027-01-04' });
  });

  it('accepts a member of the household, and a proxy who comes with an approval', () => {
    given(...pending).when(continued('2026-10-20', 'household-member')).then({ type: 'ContinuationCompleted', presentedBy: 'household-member' });
    given(...pending).when(continued('2026-10-20', 'proxy-after-enquiry', true)).then({ type: 'ContinuationCompleted', presentedBy: 'proxy-after-enquiry' });
  });

  it('refuses a card that needs no continuation', () => {
    given(...ACTIVE).when(continued('2026-10-20')).refused('CARD.NO_CONTINUATION_PENDING', { currentStatus: 'active' });
  });

  it('refuses a continuation dated after today', () => {
    const decided = given(...pending).when(continued('2026-12-02'), '2026-12-01');
    decided.refused('INPUT.INVALID');
    expect(pointersOf(decided.result)).toEqual(['/date']);
  });

  it('refuses a proxy without an approval, before looking at the card', () => {
    for (const events of [pending, CARD_IN.returned]) {
      const decided = given(...events).when(continued('2026-10-20', 'proxy-after-enquiry', false));
      decided.refused('INPUT.INVALID');
      expect(pointersOf(decided.result)).toEqual(['/proxyApprovalId']);
    }
  });

  it('refuses an approval that came without a proxy presenting the card, before looking at the card', () => {
    for (const events of [pending, CARD_IN.suspended]) {
      const decided = given(...events).when(continued('2026-10-20', 'holder', true));
      decided.refused('INPUT.INVALID');
      expect(pointersOf(decided.result)).toEqual(['/presentedBy']);
    }
  });

  it('refuses a suspended card: it is released first', () => {
    given(...CARD_IN.suspended, history.continuationRequired()).when(continued('2026-10-20')).refused('CARD.INVALID_TRANSITION', { currentStatus: 'suspended' });
  });
});

describe('有効期間の延長 (extend): a foreign resident’s card follows the period of stay, up to its standard expiry (R-5)', () => {
  // Made on 2026-01-15 for a stay ending 2026-06-30; the standard expiry would be 2035-05-10.
  const holder: Holder = { ...FOREIGN, periodOfStayEnd: d('2026-06-30') };
  const card = [
    history.applied({ applicationDate: d('2026-01-05'), photoTakenOn: d('2025-12-20') }),
    history.manufactured('2026-01-15', '2026-06-30', 'period-of-stay'),
    history.issued('2026-01-26', '2026-06-30'),
  ];
  const extend = (options: { newPeriodOfStayEnd?: PlainDate; applicationPending?: boolean }, date = '2026-06-15', who = holder) => ({
    type: 'extend' as const,
    on: d(date),
    holder: who,
    ...options,
  });

  it('extends to the new end of the period of stay', () => {
    given(...card)
      .when(extend({ newPeriodOfStayEnd: d('2029-06-30') }), '2026-06-15')
      .then({ type: 'CardExtended', on: '2026-06-15', expiryDate: '2029-06-30', basis: 'period-of-stay', previousExpiryDate: '2026-06-30' });
  });

  it('stops at the standard expiry of the card’s own 発行日', () => {
    given(...card).when(extend({ newPeriodOfStayEnd: d('2040-06-30') }), '2026-06-15').then({ expiryDate: '2035-05-10', basis: '10th-birthday' });
  });

  it('extends by the 特例期間 while a renewal of the stay is pending: two months counted as a legal period', () => {
    given(...card).when(extend({ applicationPending: true }), '2026-06-15').then({ type: 'CardExtended', expiryDate: '2026-08-31', basis: 'special-period' });
  });

  it('extends on the expiry day, and refuses the day after: an expired card needs a new card', () => {
    given(...card).when(extend({ newPeriodOfStayEnd: d('2029-06-30') }, '2026-06-30'), '2026-06-30').then({ type: 'CardExtended' });
    given(...card).when(extend({ newPeriodOfStayEnd: d('2029-06-30') }, '2026-07-01'), '2026-07-01').refused('CARD.EXPIRED');
  });

  it('refuses a period of stay that does not go beyond the card', () => {
    given(...card).when(extend({ newPeriodOfStayEnd: d('2026-06-30') }), '2026-06-15').refused('CARD.NOTHING_TO_EXTEND');
    given(...card).when(extend({ newPeriodOfStayEnd: d('2026-05-31') }), '2026-06-15').refused('CARD.NOTHING_TO_EXTEND');
  });

  it('refuses a national’s card and a permanent resident’s: neither follows a period of stay', () => {
    given(...ACTIVE).when(extend({ newPeriodOfStayEnd: d('2029-06-30') }, '2026-12-01', ADULT)).refused('CARD.NOT_EXTENDABLE');
    given(...ACTIVE)
      .when(extend({ newPeriodOfStayEnd: d('2029-06-30') }, '2026-12-01', { ...ADULT, residency: 'foreign-without-period' }))
      .refused('CARD.NOT_EXTENDABLE');
  });

  it('refuses an extension with neither a new period nor a pending application', () => {
    given(...card).when(extend({}), '2026-06-15').refused('INPUT.INVALID');
  });

  it('refuses a day after today', () => {
    const decided = given(...card).when(extend({ newPeriodOfStayEnd: d('2029-06-30') }, '2026-06-16'), '2026-06-15');
    decided.refused('INPUT.INVALID');
    expect(pointersOf(decided.result)).toEqual(['/today']);
  });

  it('refuses a suspended card', () => {
    given(...card, history.suspended('2026-03-01')).when(extend({ newPeriodOfStayEnd: d('2029-06-30') }), '2026-06-15').refused('CARD.INVALID_TRANSITION', {
      currentStatus: 'suspended',
    });
  });
});

describe('暗証番号の照合 (verify-pin): checked on the chip, on a card in use', () => {
  it('has nothing to record for a card in the holder’s hands', () => {
    given(...ACTIVE).when({ type: 'verify-pin' }).then();
  });

  it('refuses a suspended card', () => {
    given(...CARD_IN.suspended).when({ type: 'verify-pin' }).refused('CARD.INVALID_TRANSITION', { currentStatus: 'suspended', action: 'verify-pin' });
  });
});

describe('暗証番号の再設定 (reset-pin): at a counter, identity checked, the new PIN in its format (R-12)', () => {
  const reset = (kind: 'signature' | 'user' | 'resident-registry' | 'card-info', newPin: string, identityDocuments: IdentityDocument[] = ['passport']) => ({
    type: 'reset-pin' as const,
    kind,
    newPin,
    identityDocuments,
    holder: ADULT,
    withProxyApproval: false,
  });

  it('sets the PIN anew on the day', () => {
    given(...ACTIVE).when(reset('resident-registry', '4321'), '2026-12-01').then({ type: 'PinReset', on: '2026-12-01', kind: 'resident-registry' });
    given(...ACTIVE).when(reset('signature', 'newpin99')).then({ type: 'PinReset', kind: 'signature' });
  });

  it('refuses without sufficient identity documents', () => {
    given(...ACTIVE).when(reset('user', '4321', ['pension-book'])).refused('IDENTITY.INSUFFICIENT');
  });

  it.each([
    ['signature', 'ABC12', 'length'],
    ['signature', 'ABCDEFG', 'needs-letter-and-digit'],
    ['signature', 'ABC-123', 'characters'],
    ['signature', 'ABCDEFGH123456789', 'length'],
    ['user', '123', 'length'],
    ['user', '１２３４', 'characters'],
    ['resident-registry', '12a4', 'characters'],
    ['card-info', '12345', 'length'],
  ] as const)('refuses a new %s PIN %s (%s)', (kind, pin, reason) => {
    given(...ACTIVE).when(reset(kind, pin)).refused('PIN.INVALID_FORMAT', { reason });
  });

  it('refuses a suspended card: it is released first', () => {
    given(...CARD_IN.suspended).when(reset('user', '4321')).refused('CARD.INVALID_TRANSITION', { currentStatus: 'suspended' });
  });
});

describe('再交付での旧カード (replace): the old card ends when a new one is applied for (R-10)', () => {
  it('takes back a card that is handed in', () => {
    const decided = given(...ACTIVE).when({ type: 'replace', on: d('2026-12-01'), oldCardReturned: true });
    decided.then({ type: 'CardReturned', on: '2026-12-01', reason: 'replaced' });
    expect(foldCard([...ACTIVE, ...accepted(decided.result)])).toMatchObject({ status: 'returned', endReason: 'replaced', certificates: { signature: { status: 'revoked' } } });
  });

  it('abolishes a card that is lost or stolen, suspended or not', () => {
    given(...ACTIVE).when({ type: 'replace', on: d('2026-12-01'), oldCardReturned: false }).then({ type: 'CardAbolished', on: '2026-12-01', reason: 'replaced' });
    given(...CARD_IN.suspended).when({ type: 'replace', on: d('2026-12-01'), oldCardReturned: false }).then({ type: 'CardAbolished', reason: 'replaced' });
  });

  it('refuses an expired card: that is a new application, not a replacement', () => {
    given(...CARD_IN.expired).when({ type: 'replace', on: d('2036-06-01'), oldCardReturned: true }).refused('CARD.INVALID_TRANSITION', { currentStatus: 'expired' });
  });
});

describe('有効期限切れ (expire): a card ends the day after its expiry (the nightly sweep)', () => {
  it('leaves a card valid through its expiry day: nothing expires on that day or before', () => {
    given(...ACTIVE).when({ type: 'expire', on: d('2036-05-10') }).then();
    given(...CARD_IN.suspended).when({ type: 'expire', on: d('2026-12-01') }).then();
  });

  it('expires the card and its valid certificates', () => {
    const decided = given(...ACTIVE).when({ type: 'expire', on: d('2036-05-11') });
    decided.then({ type: 'CardExpired', on: '2036-05-11' });
    expect(foldCard([...ACTIVE, ...accepted(decided.result)])).toMatchObject({
      status: 'expired',
      endedOn: '2036-05-11',
      endReason: 'expired',
      certificates: { signature: { status: 'expired' }, user: { status: 'expired' } },
    });
  });

  it('expires a suspended card too, its held certificates with it, a revoked one staying revoked', () => {
    const decided = given(...CARD_IN.suspended).when({ type: 'expire', on: d('2036-05-11') });
    decided.then({ type: 'CardExpired' });
    expect(foldCard([...CARD_IN.suspended, ...accepted(decided.result)])?.certificates).toMatchObject({ signature: { status: 'expired' }, user: { status: 'expired' } });
    const revoked = [...ACTIVE, history.signatureRevoked(), history.suspended(), history.certificatesHeld()];
    expect(foldCard([...revoked, ...accepted(given(...revoked).when({ type: 'expire', on: d('2036-05-11') }).result)])?.certificates).toMatchObject({
      signature: { status: 'revoked' },
      user: { status: 'expired' },
    });
  });

  it('refuses a card that was never handed over', () => {
    given(...CARD_IN.ready).when({ type: 'expire', on: d('2036-05-11') }).refused('CARD.INVALID_TRANSITION', { currentStatus: 'ready' });
  });
});

describe('電子証明書の有効期限切れ (expire-certificates): a certificate is valid through its expiry day (R-4)', () => {
  const expireCertificates = (date: string) => ({ type: 'expire-certificates' as const, on: d(date) });

  it('leaves both certificates valid on their expiry day', () => {
    given(...ACTIVE).when(expireCertificates('2031-05-10')).then();
  });

  it('expires both the day after', () => {
    given(...ACTIVE)
      .when(expireCertificates('2031-05-11'))
      .then({ type: 'CertificateExpired', on: '2031-05-11', kind: 'signature' }, { type: 'CertificateExpired', on: '2031-05-11', kind: 'user' });
  });

  it('expires only the standing ones (valid or held): a revoked signature certificate stays revoked', () => {
    given(...CARD_IN.suspended).when(expireCertificates('2031-05-11')).then({ type: 'CertificateExpired', kind: 'signature' }, { type: 'CertificateExpired', kind: 'user' });
    given(...ACTIVE, history.signatureRevoked()).when(expireCertificates('2031-05-11')).then({ type: 'CertificateExpired', kind: 'user' });
    given(...ACTIVE, { type: 'CertificateExpired', on: d('2031-05-11'), kind: 'signature' }, { type: 'CertificateExpired', on: d('2031-05-11'), kind: 'user' })
      .when(expireCertificates('2031-05-12'))
      .then();
  });

  it('refuses a card that has ended: its certificates ended with it', () => {
    given(...CARD_IN.expired).when(expireCertificates('2036-05-12')).refused('CARD.INVALID_TRANSITION', { currentStatus: 'expired' });
  });
});

describe('廃止 (abolish): the city ends a live card, with its reason', () => {
  it('abolishes for a lapsed continuation only from the lapse day, and only a card still waiting for it (R-8)', () => {
    const pending = [...ACTIVE, history.continuationRequired()];
    given(...pending).when({ type: 'abolish', on: d('2027-01-05'), reason: 'continuation-lapsed' }, '2027-01-05').then({ type: 'CardAbolished', reason: 'continuation-lapsed' });
    given(...pending).when({ type: 'abolish', on: d('2027-01-04'), reason: 'continuation-lapsed' }, '2027-01-04').then();
    given(...ACTIVE).when({ type: 'abolish', on: d('2027-01-05'), reason: 'continuation-lapsed' }, '2027-01-05').then();
  });

  it.each(['applied', 'ready', 'active', 'suspended'] as const)('abolishes a card that is %s', (status) => {
    given(...CARD_IN[status]).when({ type: 'abolish', on: d('2026-12-01'), reason: 'moved-abroad' }).then({ type: 'CardAbolished', on: '2026-12-01', reason: 'moved-abroad' });
  });

  it('revokes the valid certificates with the reason, and ends a pending continuation', () => {
    const events = [...ACTIVE, history.continuationRequired()];
    const decided = given(...events).when({ type: 'abolish', on: d('2027-01-05'), reason: 'continuation-lapsed' });
    expect(foldCard([...events, ...accepted(decided.result)])).toMatchObject({
      status: 'abolished',
      endedOn: '2027-01-05',
      endReason: 'continuation-lapsed',
      continuation: null,
      certificates: { signature: { status: 'revoked', revokedReason: 'continuation-lapsed' }, user: { status: 'revoked', revokedOn: '2027-01-05' } },
    });
  });

  it.each(['expired', 'abolished', 'returned'] as const)('refuses a card that is %s: it has already ended', (status) => {
    given(...CARD_IN[status]).when({ type: 'abolish', on: d('2026-12-01'), reason: 'moved-abroad' }).refused('CARD.INVALID_TRANSITION', { currentStatus: status });
  });
});

describe('返納 (return): the card handed back, the end of every card', () => {
  it.each(['active', 'suspended', 'expired', 'abolished'] as const)('takes back a card that is %s', (status) => {
    given(...CARD_IN[status]).when({ type: 'return', on: d('2036-06-01'), reason: 'not-needed' }).then({ type: 'CardReturned', on: '2036-06-01', reason: 'not-needed' });
  });

  it('keeps the day and the reason an abolished card first ended', () => {
    const decided = given(...CARD_IN.abolished).when({ type: 'return', on: d('2026-12-10'), reason: 'moved-abroad' });
    expect(foldCard([...CARD_IN.abolished, ...accepted(decided.result)])).toMatchObject({ status: 'returned', endedOn: '2026-12-01', endReason: 'moved-abroad' });
  });

  it('revokes the certificates that were still valid', () => {
    const decided = given(...ACTIVE).when({ type: 'return', on: d('2026-12-10'), reason: 'not-needed' });
    expect(foldCard([...ACTIVE, ...accepted(decided.result)])?.certificates).toMatchObject({
      signature: { status: 'revoked', revokedOn: '2026-12-10', revokedReason: 'returned' },
      user: { status: 'revoked', revokedOn: '2026-12-10' },
    });
  });

  it('refuses a card already returned, and one never handed over', () => {
    given(...CARD_IN.returned).when({ type: 'return', on: d('2026-12-10'), reason: 'not-needed' }).refused('CARD.INVALID_TRANSITION', { currentStatus: 'returned' });
    given(...CARD_IN.applied).when({ type: 'return', on: d('2026-12-10'), reason: 'not-needed' }).refused('CARD.INVALID_TRANSITION', { currentStatus: 'applied' });
  });
});

describe('the transition table (docs/domain.md "Card status"): an action its status does not list is refused, naming the status', () => {
  const pairs = (listed: boolean) =>
    CARD_STATUSES.flatMap((status: CardStatus) =>
      CARD_ACTIONS
        .filter((action) => (TRANSITIONS[status] as readonly CardAction[]).includes(action) === listed)
        .map((action) => [status, action] as const),
    );

  it.each(pairs(false))('a card that is %s cannot be asked to %s', (status, action) => {
    const decided = given(...CARD_IN[status]).when(SAMPLE_COMMAND[action]);
    decided.refused('CARD.INVALID_TRANSITION', { currentStatus: status, action });
    expect(decided.result.ok || decided.result.error.message).toContain(status);
  });

  it.each(pairs(true))('a card that is %s is not refused %s for its status', (status, action) => {
    const decided = given(...CARD_IN[status]).when(SAMPLE_COMMAND[action], '2036-06-01');
    expect(decided.result.ok || decided.result.error.code).not.toBe('CARD.INVALID_TRANSITION');
  });

  it('leaves a returned card nothing more', () => {
    expect(TRANSITIONS.returned).toEqual([]);
  });
});
