import { describe, expect, it } from 'vitest';
import type { CertificateKind } from '../rules/certificate-expiry.ts';
import type { IdentityDocument } from '../rules/identity-documents.ts';
import type { PlainDate } from '../rules/plain-date.ts';
import { foldCard, type CardEvent } from './card.ts';
import type { IssueCertificateCommand } from './certificate-decider.ts';
import type { Holder } from './holder.ts';
import { accepted, given } from './testing/given.ts';
import { ACTIVE, ADULT, CARD_IN, CHILD, history } from './testing/card-history.ts';

const d = (date: string) => date as PlainDate;

/** 電子証明書の発行・更新 at the counter on `on`, identity shown with a driving licence. */
const certificate = (
  kind: CertificateKind,
  on = '2026-12-01',
  overrides: { holder?: Holder; pin?: string; identityDocuments?: IdentityDocument[] } = {},
): IssueCertificateCommand => ({
  type: 'issue-certificate',
  kind,
  on: d(on),
  pin: overrides.pin ?? (kind === 'signature' ? 'NEW456' : '4321'),
  identityDocuments: overrides.identityDocuments ?? ['driving-licence'],
  holder: overrides.holder ?? ADULT,
});

/** The ACTIVE card's certificates issued 2026-11-02 and, unusually, running only to 2027-02-10 (as if taken over near their end). */
const SHORT_LIVED: CardEvent[] = [history.applied(), history.manufactured(), history.issued('2026-11-02', '2027-02-10')];

describe('電子証明書の発行 (R-15): a certificate that is none, revoked or expired is issued anew on an active card, free', () => {
  it('issues the signature certificate again after an address change revoked it, to the 5th birthday after today (R-4)', () => {
    given(...ACTIVE, history.signatureRevoked('2026-11-10', 'address-change'))
      .when(certificate('signature'))
      .then({ type: 'CertificateIssued', kind: 'signature', issuedOn: '2026-12-01', expiresOn: '2031-05-10', renewal: false });
  });

  it('folds to a valid certificate with its new dates, the other one untouched', () => {
    const events = [...ACTIVE, history.signatureRevoked('2026-11-10', 'name-change')];
    const decided = accepted(given(...events).when(certificate('signature', '2026-12-01')).result);
    expect(foldCard([...events, ...decided])?.certificates).toEqual({
      signature: { status: 'valid', issuedOn: '2026-12-01', expiresOn: '2031-05-10', revokedOn: null, revokedReason: null },
      user: { status: 'valid', issuedOn: '2026-11-02', expiresOn: '2031-05-10', revokedOn: null, revokedReason: null },
    });
  });

  it('issues a certificate the application did not ask for (none)', () => {
    const noCertificates = [history.applied({ withSignatureCertificate: false, withUserCertificate: false }), history.manufactured(), { ...history.issued(), signature: null, user: null } as CardEvent];
    given(...noCertificates).when(certificate('user')).then({ type: 'CertificateIssued', kind: 'user', expiresOn: '2031-05-10', renewal: false });
  });

  it('issues anew a certificate past its expiry, marked expired by the sweep or not yet', () => {
    const expired = [...SHORT_LIVED, { type: 'CertificateExpired', on: d('2027-02-11'), kind: 'user' } as CardEvent];
    given(...expired).when(certificate('user', '2027-03-01')).then({ type: 'CertificateIssued', kind: 'user', issuedOn: '2027-03-01', expiresOn: '2031-05-10', renewal: false });
    given(...SHORT_LIVED).when(certificate('user', '2027-03-01')).then({ type: 'CertificateIssued', kind: 'user', renewal: false });
  });

  it('never runs a certificate past the card (R-4): a child’s user certificate ends with the card', () => {
    const child = [history.applied({ withSignatureCertificate: false }), history.manufactured('2026-10-15', '2031-03-01', '5th-birthday'), { ...history.issued(), signature: null, user: null } as CardEvent];
    given(...child).when(certificate('user', '2026-12-01', { holder: CHILD })).then({ kind: 'user', expiresOn: '2031-03-01' });
  });
});

describe('電子証明書の更新 (R-14): a valid certificate is renewed only inside its window', () => {
  it('renews from 3 months before the expiry: the new one runs to the 5th birthday after today', () => {
    given(...SHORT_LIVED).when(certificate('signature', '2026-12-01')).then({ type: 'CertificateIssued', kind: 'signature', expiresOn: '2031-05-10', renewal: true });
    given(...SHORT_LIVED).when(certificate('user', '2026-11-10')).then({ renewal: true });
  });

  it('renews on the expiry day itself, and refuses the day before the window opens, saying when it opens', () => {
    given(...SHORT_LIVED).when(certificate('user', '2027-02-10')).then({ renewal: true });
    given(...SHORT_LIVED).when(certificate('user', '2026-11-09')).refused('CERTIFICATE.RENEWAL_WINDOW_NOT_OPEN', { kind: 'user', renewalOpensOn: '2026-11-10' });
  });

  it('refuses a renewal years early', () => {
    given(...ACTIVE).when(certificate('signature', '2026-12-01')).refused('CERTIFICATE.RENEWAL_WINDOW_NOT_OPEN', { renewalOpensOn: '2031-02-10' });
  });

  it('refuses a renewal the card caps: a new card is needed (CERTIFICATE.CARD_RENEWAL_NEEDED)', () => {
    const capped = [history.applied(), history.manufactured('2026-10-15', '2027-01-31', '10th-birthday'), history.issued('2026-11-02', '2027-01-31')];
    given(...capped).when(certificate('user', '2026-12-01')).refused('CERTIFICATE.CARD_RENEWAL_NEEDED');
  });
});

describe('refusals of 電子証明書の発行・更新', () => {
  it('gives no signature certificate to someone under 15, and a user certificate all the same', () => {
    given(...ACTIVE).when(certificate('signature', '2026-12-01', { holder: CHILD })).refused('CERTIFICATE.SIGNATURE_UNDER_15', { kind: 'signature' });
  });

  it('counts 15 by the end of the day (R-1): born 2011-12-02 may on 2026-12-01, born 2011-12-03 only from 2026-12-02', () => {
    const revoked = [...ACTIVE, history.signatureRevoked()];
    given(...revoked).when(certificate('signature', '2026-12-01', { holder: { ...ADULT, birthDate: d('2011-12-02') } })).then({ kind: 'signature' });
    given(...revoked).when(certificate('signature', '2026-12-01', { holder: { ...ADULT, birthDate: d('2011-12-03') } })).refused('CERTIFICATE.SIGNATURE_UNDER_15');
    given(...revoked).when(certificate('signature', '2026-12-02', { holder: { ...ADULT, birthDate: d('2011-12-03') } })).then({ kind: 'signature' });
  });

  it('gives no signature certificate to an adult ward (CERTIFICATE.SIGNATURE_NOT_ALLOWED), and a user certificate all the same', () => {
    const ward = { ...ADULT, adultWard: true };
    given(...ACTIVE, history.signatureRevoked('2026-11-25', 'adult-ward')).when(certificate('signature', '2026-12-01', { holder: ward })).refused('CERTIFICATE.SIGNATURE_NOT_ALLOWED', { kind: 'signature' });
    given(...SHORT_LIVED).when(certificate('user', '2026-12-01', { holder: ward })).then({ kind: 'user', renewal: true });
  });

  it('refuses a card that is not active, naming its status (CARD.INVALID_TRANSITION)', () => {
    for (const status of ['applied', 'ready', 'suspended', 'expired', 'abolished', 'returned'] as const) {
      given(...CARD_IN[status]).when(certificate('user')).refused('CARD.INVALID_TRANSITION', { currentStatus: status, action: 'issue-certificate' });
    }
  });

  it('checks identity as every counter procedure does (R-13): one photo document or two without', () => {
    const revoked = [...ACTIVE, history.signatureRevoked()];
    given(...revoked).when(certificate('signature', '2026-12-01', { identityDocuments: ['pension-book'] })).refused('IDENTITY.INSUFFICIENT');
    given(...revoked).when(certificate('signature', '2026-12-01', { identityDocuments: ['pension-book', 'qualification-certificate'] })).then({ kind: 'signature' });
    given(...revoked).when(certificate('signature', '2026-12-01', { identityDocuments: ['pension-book', 'health-insurance-card'] })).refused('IDENTITY.INSUFFICIENT');
  });

  it('refuses a PIN that does not fit its kind (R-12)', () => {
    const revoked = [...ACTIVE, history.signatureRevoked()];
    given(...revoked).when(certificate('signature', '2026-12-01', { pin: '123456' })).refused('PIN.INVALID_FORMAT');
    given(...SHORT_LIVED).when(certificate('user', '2026-12-01', { pin: '12345' })).refused('PIN.INVALID_FORMAT');
    given(...revoked).when(certificate('signature', '2026-12-01', { pin: 'abc123' })).then({ kind: 'signature' });
  });
});
