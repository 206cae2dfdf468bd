import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dates, evaluate, oracleAddDays, value } from '../../test/support/rules.ts';
import { CERTIFICATE_REFUSAL_CODE, certificateIssue, CertificateIssueReason, certificateIssueRefusal } from './certificate-issue.ts';
import { createRuleContext, DEFAULT_CONTEXT } from './context.ts';
import { plainDate } from './plain-date.ts';
import { DEFAULT_POLICY } from './policy.ts';

const ADULT = { birthDate: '1990-05-10', cardExpiryDate: '2035-05-10' };

describe('R-15 certificate-issue', () => {
  describe('a certificate issued anew', () => {
    it.each([
      ['none', 'user'],
      ['revoked', 'signature'],
      ['expired', 'signature'],
    ])('%s %s: runs to the 5th birthday after today (R-4)', (currentStatus, kind) => {
      expect(evaluate('certificate-issue', { ...ADULT, kind, today: '2026-04-01', currentStatus })).toEqual({ allowed: true, expiryDate: '2030-05-10' });
    });

    it('never runs past the card', () => {
      expect(evaluate('certificate-issue', { ...ADULT, cardExpiryDate: '2029-03-31', kind: 'user', today: '2026-04-01', currentStatus: 'revoked' })).toEqual({
        allowed: true,
        expiryDate: '2029-03-31',
      });
    });

    it('is issued anew, not renewed, when it is still marked valid but its expiry has passed', () => {
      expect(
        evaluate('certificate-issue', { ...ADULT, kind: 'user', today: '2026-04-01', currentStatus: 'valid', certificateExpiryDate: '2026-03-31' }),
      ).toEqual({ allowed: true, expiryDate: '2030-05-10' });
    });

    it('is refused on a card past its expiry', () => {
      expect(evaluate('certificate-issue', { ...ADULT, cardExpiryDate: '2026-03-31', kind: 'user', today: '2026-04-01', currentStatus: 'expired' })).toEqual({
        allowed: false,
        reason: 'card-expired',
      });
    });
  });

  describe('the signature certificate (R-4; Corrections 2026-12)', () => {
    const child = { birthDate: '2011-12-03', cardExpiryDate: '2027-12-03', kind: 'signature', currentStatus: 'none' };
    it.each([
      ['the day before turning 15 by the end of the day', '2026-12-01', { allowed: false, reason: 'signature-under-15' }],
      ['15 by the end of 2026-12-02 (R-1), though the birthday is the next day', '2026-12-02', { allowed: true, expiryDate: '2027-12-03' }],
      ['on the birthday', '2026-12-03', { allowed: true, expiryDate: '2027-12-03' }],
    ])('born 2011-12-03, %s (%s)', (_, today, answer) => {
      expect(evaluate('certificate-issue', { ...child, today })).toEqual(answer);
    });

    it('gives a child under 15 the user certificate', () => {
      expect(evaluate('certificate-issue', { ...child, kind: 'user', today: '2026-12-01' })).toEqual({ allowed: true, expiryDate: '2027-12-03' });
    });

    it('refuses an adult ward the signature certificate, not the user certificate', () => {
      const ward = { ...ADULT, today: '2026-04-01', currentStatus: 'none', adultWard: true };
      expect(evaluate('certificate-issue', { ...ward, kind: 'signature' })).toEqual({ allowed: false, reason: 'signature-not-allowed' });
      expect(evaluate('certificate-issue', { ...ward, kind: 'user' })).toEqual({ allowed: true, expiryDate: '2030-05-10' });
      expect(evaluate('certificate-issue', { ...ward, kind: 'signature', adultWard: false })).toEqual({ allowed: true, expiryDate: '2030-05-10' });
    });

    it('refuses a renewal to a ward too', () => {
      expect(
        evaluate('certificate-issue', { ...ADULT, kind: 'signature', today: '2030-03-01', currentStatus: 'valid', certificateExpiryDate: '2030-05-10', adultWard: true, cardExpiryDate: '2035-05-10' }),
      ).toEqual({ allowed: false, reason: 'signature-not-allowed' });
    });

    it('follows the policy age', () => {
      const context = createRuleContext({ ...DEFAULT_POLICY, signatureCertificateMinAge: 18 });
      expect(evaluate('certificate-issue', { ...child, today: '2026-12-02' }, context)).toEqual({ allowed: false, reason: 'signature-under-15' });
    });
  });

  describe('a valid certificate is renewed inside R-14', () => {
    // Born Feb 29: the certificate issued in 2023 runs to 2028-02-29, the card to 2033-02-28.
    const leap = { birthDate: '2000-02-29', cardExpiryDate: '2033-02-28', kind: 'signature', currentStatus: 'valid', certificateExpiryDate: '2028-02-29' };
    it.each([
      ['the day before the window opens', '2027-11-28', { allowed: false, reason: 'renewal-window-not-open', renewalOpensOn: '2027-11-29' }],
      ['the day it opens, 3 months before Feb 29', '2027-11-29', { allowed: true, expiryDate: '2032-02-29' }],
      ['the expiry day itself', '2028-02-29', { allowed: true, expiryDate: '2033-02-28' }],
    ])('%s (%s)', (_, today, answer) => {
      expect(evaluate('certificate-issue', { ...leap, today })).toEqual(answer);
    });

    it('is refused when the certificate ends with the card: the card is renewed, and the certificate with it', () => {
      const capped = { ...ADULT, cardExpiryDate: '2030-05-10', kind: 'user', currentStatus: 'valid', certificateExpiryDate: '2030-05-10' };
      expect(evaluate('certificate-issue', { ...capped, today: '2030-03-01' })).toEqual({ allowed: false, reason: 'card-renewal-needed' });
      expect(evaluate('certificate-issue', { ...capped, today: '2030-02-09' })).toEqual({ allowed: false, reason: 'renewal-window-not-open', renewalOpensOn: '2030-02-10' });
      expect(evaluate('renewal-window', { expiryDate: '2030-05-10', today: '2030-03-01' })).toMatchObject({ open: true });
    });

    it('is allowed when the card was extended past the certificate (R-5)', () => {
      expect(
        evaluate('certificate-issue', { ...ADULT, cardExpiryDate: '2031-03-31', kind: 'user', today: '2028-02-01', currentStatus: 'valid', certificateExpiryDate: '2028-03-31' }),
      ).toEqual({ allowed: true, expiryDate: '2031-03-31' });
    });
  });

  it.each([
    [{ ...ADULT, kind: 'user', today: '2026-04-01', currentStatus: 'valid' }, ['/certificateExpiryDate']],
    [{ ...ADULT, kind: 'user', today: '2026-04-01', currentStatus: 'revoked', certificateExpiryDate: '2028-01-01' }, ['/certificateExpiryDate']],
    [{ ...ADULT, kind: 'user', today: '2026-04-01', currentStatus: 'valid', certificateExpiryDate: '2036-01-01' }, ['/certificateExpiryDate']],
    [{ ...ADULT, kind: 'user', today: '1990-05-09', currentStatus: 'none' }, ['/today']],
    [{ ...ADULT, cardExpiryDate: '1980-01-01', kind: 'user', today: '2026-04-01', currentStatus: 'none' }, ['/cardExpiryDate']],
    [{ ...ADULT, kind: 'user', today: '2026-04-01', currentStatus: 'suspended' }, ['/currentStatus']],
    [{ ...ADULT, today: '2026-04-01', currentStatus: 'none' }, ['/kind']],
    [{ ...ADULT, kind: 'user', today: '2026-04-01', currentStatus: 'none', adultWard: 'yes' }, ['/adultWard']],
  ])('refuses %j', (input, pointers) => {
    expect(evaluate('certificate-issue', input)).toEqual({ error: 'INPUT.INVALID', pointers });
  });

  describe('the records service refusal (docs/api.md: 422 with these codes)', () => {
    it('maps each reason to its code', () => {
      expect(CERTIFICATE_REFUSAL_CODE).toEqual({
        'card-expired': 'CARD.EXPIRED',
        'signature-under-15': 'CERTIFICATE.SIGNATURE_UNDER_15',
        'signature-not-allowed': 'CERTIFICATE.SIGNATURE_NOT_ALLOWED',
        'renewal-window-not-open': 'CERTIFICATE.RENEWAL_WINDOW_NOT_OPEN',
        'card-renewal-needed': 'CERTIFICATE.CARD_RENEWAL_NEEDED',
      });
      expect(Object.keys(CERTIFICATE_REFUSAL_CODE).sort()).toEqual(Object.values(CertificateIssueReason).sort());
    });

    it('refuses with the code and says from when a renewal is possible; answers nothing when allowed', () => {
      const d = plainDate;
      const renewal = { birthDate: d('2000-02-29'), cardExpiryDate: d('2033-02-28'), kind: 'signature', currentStatus: 'valid', certificateExpiryDate: d('2028-02-29') } as const;
      const early = certificateIssue({ ...renewal, today: d('2027-11-01') }, DEFAULT_CONTEXT);
      expect(early.ok && certificateIssueRefusal('signature', early.value)).toEqual({
        code: 'CERTIFICATE.RENEWAL_WINDOW_NOT_OPEN',
        message: 'the signature certificate is valid; it can be renewed from 2027-11-29',
      });
      const inside = certificateIssue({ ...renewal, today: d('2027-12-01') }, DEFAULT_CONTEXT);
      expect(inside.ok && certificateIssueRefusal('signature', inside.value)).toBeUndefined();
      expect(certificateIssueRefusal('signature', { allowed: false, reason: 'signature-not-allowed' })).toMatchObject({ code: 'CERTIFICATE.SIGNATURE_NOT_ALLOWED' });
    });
  });

  /** Questions of every kind; `renewals` keeps to valid certificates near their expiry, where the window matters. */
  const questions = (renewals = false) =>
    fc
      .record({
        birthDate: dates('1930-01-01', '2020-12-31'),
        age: fc.integer({ min: 0, max: 30000 }),
        cardLeft: fc.integer({ min: -30, max: 3700 }),
        certificateLeft: renewals ? fc.integer({ min: -5, max: 150 }) : fc.integer({ min: -30, max: 3700 }),
        kind: fc.constantFrom('signature', 'user'),
        currentStatus: renewals ? fc.constant('valid') : fc.constantFrom('none', 'valid', 'revoked', 'expired'),
        adultWard: fc.boolean(),
      })
      .map(({ birthDate, age, cardLeft, certificateLeft, currentStatus, ...rest }) => {
        const today = oracleAddDays(birthDate, age);
        const cardExpiryDate = oracleAddDays(today, cardLeft) < birthDate ? birthDate : oracleAddDays(today, cardLeft);
        const certificateExpiryDate = oracleAddDays(today, Math.min(certificateLeft, cardLeft));
        return {
          ...rest,
          birthDate,
          today,
          cardExpiryDate,
          currentStatus,
          ...(currentStatus === 'valid' && certificateExpiryDate <= cardExpiryDate && { certificateExpiryDate }),
        };
      })
      .filter((input) => input.currentStatus !== 'valid' || 'certificateExpiryDate' in input);
  const question = questions();

  it('issues only what R-4 gives for today, never past the card nor before today', () => {
    fc.assert(
      fc.property(question, (input) => {
        const answer = value('certificate-issue', input);
        if (!answer.allowed) return;
        const r4 = value('certificate-expiry', { birthDate: input.birthDate, issueDate: input.today, cardExpiryDate: input.cardExpiryDate, kind: input.kind });
        expect(answer.expiryDate).toBe(r4.expiryDate);
        expect(answer.expiryDate >= input.today && answer.expiryDate <= input.cardExpiryDate).toBe(true);
      }),
    );
  });

  it('renews a valid certificate only inside its R-14 window, and only to a later expiry', () => {
    fc.assert(
      fc.property(questions(true), (input) => {
        const certificateExpiryDate = (input as { certificateExpiryDate?: string }).certificateExpiryDate;
        if (certificateExpiryDate === undefined || certificateExpiryDate < input.today) return;
        const answer = value('certificate-issue', input);
        if (!answer.allowed) return;
        expect(value('certificate-renewal-window', { certificateExpiryDate, today: input.today }).open).toBe(true);
        expect(answer.expiryDate > certificateExpiryDate).toBe(true);
      }),
    );
  });

  it('never gives a signature certificate to someone under 15 or to an adult ward', () => {
    fc.assert(
      fc.property(question, (input) => {
        const answer = value('certificate-issue', input);
        if (!answer.allowed || input.kind !== 'signature') return;
        expect(input.adultWard).toBe(false);
        expect(value('age', { birthDate: input.birthDate, on: input.today }).age).toBeGreaterThanOrEqual(15);
      }),
    );
  });

  it('answers either an expiry or a reason, never both', () => {
    fc.assert(
      fc.property(question, (input) => {
        const answer = value('certificate-issue', input);
        expect(answer.allowed ? 'expiryDate' in answer && !('reason' in answer) : 'reason' in answer && !('expiryDate' in answer)).toBe(true);
        expect('renewalOpensOn' in answer).toBe(answer.reason === 'renewal-window-not-open');
      }),
    );
  });
});
