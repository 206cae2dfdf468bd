/** The identity documents of docs/api.md: one with a photo is enough, two without. */
export const DOCUMENT_KINDS = [
  'my-number-card',
  'driving-licence',
  'passport',
  'residence-card',
  'special-permanent-resident-certificate',
  'disability-certificate',
  'qualification-certificate',
  'health-insurance-card',
  'pension-book',
  'other-no-photo',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
