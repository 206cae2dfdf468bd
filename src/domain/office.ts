import { Type, type Static } from 'typebox';
import { inputCheck } from '../rules/input-check.ts';

const Hours = Type.String({ pattern: '^[0-9]{1,2}:[0-9]{2}[–-][0-9]{1,2}:[0-9]{2}$', description: 'Opening hours of a day, e.g. 8:30–17:00', examples: ['8:30–17:00'] });

/** Facts of an office that the city has not confirmed yet: the guide marks them and asks residents to call first. */
export const OFFICE_FACTS = ['address', 'hours'] as const;

/** A counter of the city (offices.json), referred to everywhere by its `id` (docs/api.md "Field values"). */
export const OfficeSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9-]+$', examples: ['honcho'] }),
    name: Type.String({ minLength: 1, description: 'Japanese name, as residents see it on the city page' }),
    nameEn: Type.String({ minLength: 1 }),
    names: Type.Optional(
      Type.Object(
        { 'zh-Hans': Type.Optional(Type.String({ minLength: 1 })), ko: Type.Optional(Type.String({ minLength: 1 })), vi: Type.Optional(Type.String({ minLength: 1 })) },
        { additionalProperties: false, description: 'The name in the other languages of the resident guide (English is nameEn); the guide shows the Japanese beside it' },
      ),
    ),
    kind: Type.Enum(['card-center', 'card-counter', 'branch-office']),
    phone: Type.String({ pattern: '^[0-9-]+$' }),
    address: Type.String({ minLength: 1, description: 'Postal address in Japanese, with the postal code (〒); the guide links it to a map' }),
    hours: Type.Object(
      {
        weekdays: Hours,
        weekend: Type.Optional(
          Type.Object(
            { days: Type.Array(Type.Enum(['saturday', 'sunday']), { minItems: 1, uniqueItems: true }), hours: Hours },
            { additionalProperties: false, description: 'A weekend opening; absent when the office is closed at weekends' },
          ),
        ),
      },
      { additionalProperties: false, description: 'Opening hours; closed on national holidays and Dec 29 – Jan 3 (docs/rules.md R-9)' },
    ),
    unconfirmed: Type.Optional(
      Type.Array(Type.Enum(OFFICE_FACTS), { uniqueItems: true, description: 'Facts not confirmed by the city yet; the guide marks them' }),
    ),
  },
  { additionalProperties: false },
);
export type Office = Static<typeof OfficeSchema>;

export const OfficeDirectorySchema = Type.Object(
  {
    municipality: Type.Object(
      {
        code: Type.String({ pattern: '^[0-9]{6}$', description: '全国地方公共団体コード with its check digit' }),
        name: Type.String({ minLength: 1 }),
        nameEn: Type.String({ minLength: 1 }),
      },
      { additionalProperties: false },
    ),
    department: Type.String({ minLength: 1 }),
    hotline: Type.Object(
      {
        name: Type.String({ minLength: 1 }),
        phone: Type.String({ pattern: '^[0-9-]+$' }),
        hours: Type.String({ minLength: 1 }),
      },
      { additionalProperties: false },
    ),
    offices: Type.Array(OfficeSchema, { minItems: 1 }),
    hotlineForeign: Type.Object(
      {
        name: Type.String({ minLength: 1 }),
        phone: Type.String({ pattern: '^[0-9-]+$' }),
        languages: Type.Array(Type.String({ pattern: '^[a-z]{2}$' }), { minItems: 1, description: 'ISO 639-1 codes of the languages offered' }),
        hours: Type.String({ minLength: 1, description: 'The hours as the national hotline words them, in Japanese' }),
        weekdayHours: Hours,
        weekendHours: Hours,
      },
      {
        additionalProperties: false,
        description:
          'マイナンバー総合フリーダイヤル（外国語）: suspension after a loss 24 h a day; other enquiries in the hours given, not Dec 29 – Jan 3 (docs/rules.md "Corrections 2026-12")',
      },
    ),
  },
  { additionalProperties: false },
);
export type OfficeDirectory = Static<typeof OfficeDirectorySchema>;

/** offices.json checked against its schema. */
export const checkOfficeDirectory = inputCheck(OfficeDirectorySchema);
