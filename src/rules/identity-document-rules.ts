import type { PlainDate } from './plain-date.ts';
import type { Policy } from './policy.ts';

/**
 * Identity documents a counter accepts (docs/api.md "Field values"; the seed: 運転免許証、健康保険証など
 * 「氏名・住所」「氏名・生年月日」が記載された書類). One document with a photo is enough; without a
 * photo, two are needed. No schema here: the counter app imports the kinds and the count.
 */
export const PHOTO_DOCUMENTS = [
  'my-number-card',
  'driving-licence',
  'passport',
  'residence-card',
  'special-permanent-resident-certificate',
  'disability-certificate',
] as const;
/**
 * `health-insurance-card` (paper 健康保険証) stays a known kind, since procedures recorded before
 * the cut-over name it, but counts only up to `healthInsuranceCardValidUntil`; its successor is the
 * `qualification-certificate` (資格確認書).
 */
export const NON_PHOTO_DOCUMENTS = ['health-insurance-card', 'qualification-certificate', 'pension-book', 'other-no-photo'] as const;
export type IdentityDocument = (typeof PHOTO_DOCUMENTS)[number] | (typeof NON_PHOTO_DOCUMENTS)[number];

/**
 * Whether a document counts for a procedure dated `on` (Corrections 2026-12, C: paper health
 * insurance cards stopped being valid after 2025-12-01, policy `healthInsuranceCardValidUntil`):
 * one dated 2025-12-01 still counts, one dated 2025-12-02 does not.
 */
export function documentCounts(kind: IdentityDocument, on: PlainDate, policy: Pick<Policy, 'healthInsuranceCardValidUntil'>): boolean {
  return kind !== 'health-insurance-card' || on <= policy.healthInsuranceCardValidUntil;
}

/**
 * Whether the documents checked at a procedure dated `on` prove identity: one with a photo, or two
 * without, of those that count on that day. A named kind counts once (nobody holds two pension
 * books); `other-no-photo` counts each time.
 */
export function identityIsSufficient(
  documents: readonly IdentityDocument[],
  on: PlainDate,
  policy: Pick<Policy, 'healthInsuranceCardValidUntil'>,
): boolean {
  const counted = documents.filter((kind) => documentCounts(kind, on, policy));
  if (counted.some((kind) => (PHOTO_DOCUMENTS as readonly string[]).includes(kind))) return true;
  const others = counted.filter((kind) => kind === 'other-no-photo').length;
  const named = new Set(counted.filter((kind) => kind !== 'other-no-photo')).size;
  return named + others >= 2;
}
