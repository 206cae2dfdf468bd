import { Type, type Static } from 'typebox';
import { inputCheck } from '../rules/input-check.ts';
import { WEEKDAYS } from '../rules/pickup-slots.ts';

const Hours = Type.String({ pattern: '^[0-9]{1,2}:[0-9]{2}[–-][0-9]{1,2}:[0-9]{2}$', description: 'Opening hours of a day, e.g. 8:30–17:00', examples: ['8:30–17:00'] });

const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

/** An office's pickup schedule (docs/pickup.md "Appointments"); the pure slot computation is `rules/pickup-slots.ts`. */
export const PickupScheduleSchema = Type.Object(
  {
    slotMinutes: Type.Integer({ minimum: 5, maximum: 240, description: 'Length of one slot in minutes' }),
    capacity: Type.Integer({ minimum: 1, maximum: 100, description: 'How many people one slot takes' }),
    hours: Type.Object(
      Object.fromEntries(WEEKDAYS.map((day) => [day, Type.Optional(Hours)])),
      { additionalProperties: false, description: 'Hours of pickups by appointment on each day of the week; a day not named has none. National holidays and Dec 29 – Jan 3 are closed whatever this says (R-9)' },
    ),
    closures: Type.Optional(
      Type.Array(
        Type.Object({ from: Day, to: Type.Optional(Day), note: Type.Optional(Type.String({ minLength: 1 })) }, { additionalProperties: false }),
        { description: "The office's own closed days for pickups, `to` included (one day when absent)" },
      ),
    ),
  },
  { additionalProperties: false, description: 'Pickup appointments at this office; without it the office takes none' },
);

/** Facts of an office that the city has not confirmed yet: the guide marks them and asks residents to call first. */
export const OFFICE_FACTS = ['address', 'hours'] as const;

/**
 * The guide fills these values into its sentences, whose marks are `[漢字|かんじ]`, `«…»` and
 * `{name}` (src/app/guide/rich-text.ts); a value holding one would be read as a mark.
 */
const MARK_FREE = '^[^\\[\\]|«»{}]+$';

/** Ruby as in the guide's texts: each kanji run followed by its kana reading, `[本庁舎|ほんちょうしゃ]`. */
const EASY_PHRASE = '^(?:[^\\[\\]|«»{}㐀-䶿一-鿿々〆ヶ]|\\[[^\\[\\]|«»{}]+\\|[ぁ-ゖァ-ヺー・ ]+\\])+$';

/** A translation: Japanese terms only inside «…», as the guide's catalogues keep them. */
const FOREIGN_PHRASE = '^(?:[^\\[\\]|«»{}]|«[^\\[\\]|«»{}]+»)+$';

/**
 * A phrase the resident guide puts into its sentences (docs/scale.md "Several municipalities"), in
 * each of its languages. Only Japanese is needed: another language without its own shows the
 * guide's generic phrase with the Japanese beside it; やさしい日本語 without its own shows the
 * generic phrase. Translations keep Japanese terms in «…», as the guide's catalogues do.
 */
function deskPhrase(description: string) {
  return Type.Object(
    {
      ja: Type.String({ minLength: 1, pattern: MARK_FREE }),
      'ja-easy': Type.Optional(Type.String({ minLength: 1, pattern: EASY_PHRASE, description: 'やさしい日本語: every kanji with its reading, `[窓口|まどぐち]`' })),
      en: Type.Optional(Type.String({ minLength: 1, pattern: FOREIGN_PHRASE })),
      'zh-Hans': Type.Optional(Type.String({ minLength: 1, pattern: FOREIGN_PHRASE })),
      ko: Type.Optional(Type.String({ minLength: 1, pattern: FOREIGN_PHRASE })),
      vi: Type.Optional(Type.String({ minLength: 1, pattern: FOREIGN_PHRASE })),
    },
    { additionalProperties: false, description },
  );
}

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
    pickup: Type.Optional(PickupScheduleSchema),
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
        name: Type.String({ minLength: 1, pattern: MARK_FREE, description: 'Japanese name with its kind (江戸川区, 〇〇市); the resident guide names the municipality by it' }),
        nameEn: Type.String({ minLength: 1, pattern: MARK_FREE, description: 'English name (Edogawa City)' }),
        reading: Type.Optional(
          Type.String({
            pattern: '^[ぁ-ゖァ-ヺー・ ]+$',
            description: 'The name read in kana (えどがわく): the ruby of the name in the guide’s やさしい日本語; without it the name is shown without ruby',
            examples: ['えどがわく'],
          }),
        ),
        names: Type.Optional(
          Type.Object(
            {
              'zh-Hans': Type.Optional(Type.String({ minLength: 1, pattern: MARK_FREE })),
              ko: Type.Optional(Type.String({ minLength: 1, pattern: MARK_FREE })),
              vi: Type.Optional(Type.String({ minLength: 1, pattern: MARK_FREE })),
            },
            {
              additionalProperties: false,
              description: 'The name in the other languages of the resident guide (English is nameEn): 江户川区, 에도가와구, quận Edogawa. A language without one shows the Japanese name marked as Japanese',
            },
          ),
        ),
        registrationDesk: Type.Optional(
          deskPhrase('Where residents file moving in, moving out, a change of address and family register notifications, as a phrase the guide puts in its sentences (本庁舎の区民課か各事務所の戸籍住民係)'),
        ),
        cardDesk: Type.Optional(
          deskPhrase('Where residents do the procedures of the card, as a phrase after お近くの (マイナンバーカード専用窓口・各事務所の戸籍住民係の窓口)'),
        ),
        moveInAdviceFromMoveOut: Type.Optional(
          Type.Boolean({
            description:
              'true when the municipality’s own website asks for the 転入届 within the legal days counted from the moving-out date (Edogawa’s: 「転出日から14日以内」), earlier than the law’s count from the moving-in date: the guide then shows that date beside the legal deadline, quoting the website. Absent: the guide quotes no website',
          }),
        ),
      },
      { additionalProperties: false, description: 'The municipality, and how the resident guide names it and its counters in each of its languages' },
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
