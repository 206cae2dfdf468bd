import { Type } from 'typebox';
import { NON_PHOTO_DOCUMENTS, PHOTO_DOCUMENTS } from './identity-document-rules.ts';

export { documentCounts, identityIsSufficient, NON_PHOTO_DOCUMENTS, PHOTO_DOCUMENTS, type IdentityDocument } from './identity-document-rules.ts';

export const IdentityDocumentsSchema = Type.Array(Type.Enum([...PHOTO_DOCUMENTS, ...NON_PHOTO_DOCUMENTS]), {
  maxItems: 10,
  description:
    'Documents the clerk checked: one with a photo, or two without. A paper health-insurance-card counts only for a procedure dated up to the policy date healthInsuranceCardValidUntil (2025-12-01); qualification-certificate (資格確認書) is its successor',
});
