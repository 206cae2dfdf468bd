import { Type, type Static } from 'typebox';

/** A counter of the city (offices.json), referred to everywhere by its `id` (docs/api.md "Field values"). */
export const OfficeSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9-]+$', examples: ['honcho'] }),
    name: Type.String({ minLength: 1, description: 'Japanese name, as residents see it on the city page' }),
    nameEn: Type.String({ minLength: 1 }),
    kind: Type.Enum(['card-center', 'card-counter', 'branch-office']),
    phone: Type.String({ pattern: '^[0-9-]+$' }),
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
  },
  { additionalProperties: false },
);
export type OfficeDirectory = Static<typeof OfficeDirectorySchema>;
