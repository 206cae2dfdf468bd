import { Type } from 'typebox';

/**
 * Identity documents a counter accepts (api.md "Field values"; the seed: 運転免許証、健康保険証など
 * 「氏名・住所」「氏名・生年月日」が記載された書類). One document with a photo is enough; without a
 * photo, two are needed.
 */
export const PHOTO_DOCUMENTS = [
  'my-number-card',
  'driving-licence',
  'passport',
  'residence-card',
  'special-permanent-resident-certificate',
  'disability-certificate',
] as const;
export const NON_PHOTO_DOCUMENTS = ['health-insurance-card', 'pension-book', 'other-no-photo'] as const;
export type IdentityDocument = (typeof PHOTO_DOCUMENTS)[number] | (typeof NON_PHOTO_DOCUMENTS)[number];

export const IdentityDocumentsSchema = Type.Array(Type.Enum([...PHOTO_DOCUMENTS, ...NON_PHOTO_DOCUMENTS]), {
  maxItems: 10,
  description: 'Documents the clerk checked: one with a photo, or two without',
});

/** A named kind counts once (nobody holds two pension books); `other-no-photo` counts each time. */
export function identityIsSufficient(documents: readonly IdentityDocument[]): boolean {
  if (documents.some((kind) => (PHOTO_DOCUMENTS as readonly string[]).includes(kind))) return true;
  const others = documents.filter((kind) => kind === 'other-no-photo').length;
  const named = new Set(documents.filter((kind) => kind !== 'other-no-photo')).size;
  return named + others >= 2;
}
