import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dates } from '../../test/support/rules.ts';
import { documentCounts, identityIsSufficient, NON_PHOTO_DOCUMENTS, PHOTO_DOCUMENTS, type IdentityDocument } from './identity-documents.ts';
import { plainDate } from './plain-date.ts';
import { DEFAULT_POLICY } from './policy.ts';

const d = plainDate;

describe('identity documents at the counter', () => {
  it.each([
    ['a photo document', ['driving-licence'], true],
    ['one document without a photo', ['pension-book'], false],
    ['two named documents without a photo', ['qualification-certificate', 'pension-book'], true],
    ['the same named document twice', ['pension-book', 'pension-book'], false],
    ['two other documents without a photo', ['other-no-photo', 'other-no-photo'], true],
    ['a 資格確認書 alone', ['qualification-certificate'], false],
  ])('%s: %j is %s', (_, documents, sufficient) => {
    expect(identityIsSufficient(documents as IdentityDocument[], d('2026-12-01'), DEFAULT_POLICY)).toBe(sufficient);
  });

  describe('the paper health insurance card (Corrections 2026-12)', () => {
    it.each([
      ['2025-12-01', true],
      ['2025-12-02', false],
      ['2026-12-01', false],
    ])('with a pension book, for a procedure on %s: %s', (on, sufficient) => {
      expect(identityIsSufficient(['health-insurance-card', 'pension-book'], d(on), DEFAULT_POLICY)).toBe(sufficient);
    });

    it('does not spoil a photo document shown with it', () => {
      expect(identityIsSufficient(['driving-licence', 'health-insurance-card'], d('2026-12-01'), DEFAULT_POLICY)).toBe(true);
    });

    it('is not a second document beside a 資格確認書 after the cut-over', () => {
      expect(identityIsSufficient(['health-insurance-card', 'qualification-certificate'], d('2025-12-01'), DEFAULT_POLICY)).toBe(true);
      expect(identityIsSufficient(['health-insurance-card', 'qualification-certificate'], d('2025-12-02'), DEFAULT_POLICY)).toBe(false);
    });

    it('follows the policy date', () => {
      const policy = { healthInsuranceCardValidUntil: d('2026-12-01') };
      expect(documentCounts('health-insurance-card', d('2026-12-01'), policy)).toBe(true);
      expect(documentCounts('health-insurance-card', d('2026-12-02'), policy)).toBe(false);
    });
  });

  const anyDocuments = fc.array(fc.constantFrom(...PHOTO_DOCUMENTS, ...NON_PHOTO_DOCUMENTS), { maxLength: 5 });

  it('never turns sufficient identity into insufficient by showing one more document', () => {
    fc.assert(
      fc.property(anyDocuments, fc.constantFrom(...PHOTO_DOCUMENTS, ...NON_PHOTO_DOCUMENTS), dates('2020-01-01', '2030-12-31'), (documents, more, on) => {
        if (identityIsSufficient(documents, on, DEFAULT_POLICY)) expect(identityIsSufficient([...documents, more], on, DEFAULT_POLICY)).toBe(true);
      }),
    );
  });

  it('judges documents without a health insurance card the same on every date, and with one never better after the cut-over', () => {
    fc.assert(
      fc.property(anyDocuments, dates('2020-01-01', '2025-12-01'), dates('2025-12-02', '2030-12-31'), (documents, before, after) => {
        const then = identityIsSufficient(documents, before, DEFAULT_POLICY);
        const now = identityIsSufficient(documents, after, DEFAULT_POLICY);
        if (!documents.includes('health-insurance-card')) expect(now).toBe(then);
        else if (now) expect(then).toBe(true);
      }),
    );
  });
});
