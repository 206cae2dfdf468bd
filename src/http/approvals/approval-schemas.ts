import { Type } from 'typebox';
import { IdentityDocumentsSchema } from '../../rules/identity-documents.ts';
import { Body, LegalRepresentativeField, ProxyProcedureSchema, Text, proxyFor } from '../body-fields.ts';
import { NumberChangeReason } from '../residents/resident-schemas.ts';

/**
 * The requests and answers of docs/api.md "Approvals" (approval-routes.ts). Each body's type is
 * held to its use case's input by ../agreement.ts.
 */

const APPROVAL_STATUSES = ['pending', 'approved', 'refused', 'used'] as const;

export const ApprovalSchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum(['proxy', 'number-change']),
  status: Type.Enum(APPROVAL_STATUSES),
  residentId: Type.String(),
  procedure: Type.Union([Type.String(), Type.Null()]),
  payload: Type.Object({}, { additionalProperties: true }),
  requestedBy: Type.String(),
  requestedOfficeId: Type.String(),
  requestedAt: Type.String(),
  decidedBy: Type.Union([Type.String(), Type.Null()]),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
  decisionNote: Type.Union([Type.String(), Type.Null()]),
  usedAt: Type.Union([Type.String(), Type.Null()]),
});

/** A request as the approvals screen lists it: with the resident's name and kana. */
export const ListedApprovalSchema = Type.Object({
  ...ApprovalSchema.properties,
  resident: Type.Union([Type.Object({ name: Type.String(), kana: Type.String() }), Type.Null()], { description: 'The resident by name and kana (フリガナ)' }),
});

export const ApprovalRequestBody = Type.Union([
  Body({
    kind: Type.Literal('proxy'),
    residentId: Type.String({ format: 'uuid' }),
    enquiryId: Type.String({ format: 'uuid', description: 'The recorded prior enquiry' }),
    procedure: ProxyProcedureSchema,
    proxy: Type.Object(
      {
        name: Text(100),
        relationship: Text(100),
        identityDocuments: IdentityDocumentsSchema,
        authorityDocument: Text(100, 'e.g. 委任状, 登記事項証明書'),
      },
      { additionalProperties: false },
    ),
  }),
  Body({
    kind: Type.Literal('number-change'),
    residentId: Type.String({ format: 'uuid' }),
    reason: NumberChangeReason,
    ...proxyFor('resident.change-number'),
    legalRepresentative: LegalRepresentativeField,
  }),
]);

export const ApprovalListQuery = Type.Object(
  { status: Type.Optional(Type.Enum(APPROVAL_STATUSES)), residentId: Type.Optional(Type.String({ format: 'uuid' })) },
  { additionalProperties: false },
);

export const ApprovalDecisionBody = Body({ note: Type.Optional(Type.String({ maxLength: 500 })) });
