import { Type } from 'typebox';
import { ResidencySchema } from './residency.ts';
import { NATIONALITY_PATTERN, PHONE_PATTERN, RESIDENT_CODE_PATTERN, RESIDENT_TEXT_MAX } from './resident-formats.ts';
import { inputCheck } from './input-check.ts';
import { DateSchema } from './schema.ts';

const text = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, ...(description && { description }) });

/**
 * The fields of a resident's registration, each with its form (resident-formats.ts): one list for
 * every boundary that registers a resident, so that they cannot differ. The API's body
 * (src/http/residents/resident-schemas.ts) and the registry import (app/registry-exchange.ts) each
 * close it into an object of their own; the use case takes the plain `RegisterResidentInput`.
 */
export function residentFieldSchemas() {
  return {
    residentCode: Type.String({ pattern: RESIDENT_CODE_PATTERN, description: '住民票コード, 11 digits' }),
    individualNumber: Type.String({ maxLength: RESIDENT_TEXT_MAX.individualNumber, description: '個人番号, 12 digits (full-width digits accepted)' }),
    familyName: text(RESIDENT_TEXT_MAX.familyName),
    givenName: text(RESIDENT_TEXT_MAX.givenName),
    familyNameKana: text(RESIDENT_TEXT_MAX.familyNameKana, 'フリガナ of the family name'),
    givenNameKana: text(RESIDENT_TEXT_MAX.givenNameKana, 'フリガナ of the given name'),
    birthDate: DateSchema,
    sex: Type.Enum(['male', 'female']),
    address: text(RESIDENT_TEXT_MAX.address),
    postalCode: Type.Optional(
      Type.String({
        maxLength: RESIDENT_TEXT_MAX.postalCode,
        description: '郵便番号 of the address: 3 digits, a hyphen and 4 digits (7 digits without the hyphen and full-width digits are read so); kept as NNN-NNNN',
      }),
    ),
    phone: Type.Optional(Type.String({ pattern: PHONE_PATTERN, description: 'A phone number the hotline may match a caller by' })),
    householdId: Type.Optional(Type.String({ minLength: 1, maxLength: RESIDENT_TEXT_MAX.householdId, description: '世帯; a new household when absent' })),
    nationality: Type.String({ pattern: NATIONALITY_PATTERN, description: 'ISO 3166-1 alpha-2' }),
    residency: ResidencySchema,
    periodOfStayEnd: Type.Optional(DateSchema),
    residenceCardNumber: Type.Optional(Type.String({ maxLength: RESIDENT_TEXT_MAX.residenceCardNumber })),
    moveInDate: Type.Optional(DateSchema),
    moveInNotificationDate: Type.Optional(DateSchema),
    adultWard: Type.Optional(Type.Boolean({ description: '成年被後見人: an adult under guardianship, represented by the guardian (R-18); false by default' })),
  };
}

/** A row of the registry import read as a registration: these fields, no others. */
export const checkResidentFields = inputCheck(Type.Object(residentFieldSchemas(), { additionalProperties: false }));
