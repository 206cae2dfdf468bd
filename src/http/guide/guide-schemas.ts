import { Type } from 'typebox';
import { LANGS } from '../../app/guide/lang.ts';
import { DeadlineKind } from '../../domain/guide/guide-plan.ts';
import { GuideAnswersSchema, SituationSchema } from '../../domain/guide/situation.ts';
import { ClosureReason } from '../../rules/calendar.ts';
import { REISSUE_REASONS } from '../../rules/policy.ts';
import { PROCEDURES } from '../../rules/procedures.ts';
import { DateField, DateSchema } from '../../rules/schema.ts';

/**
 * The resident guide's HTTP contract (docs/api.md "Resident guide"): the question, the answer and
 * the feedback. The use cases take and give the plain types of app/guide/localized-guide.ts and
 * app/guide/guide-feedback.ts; http/agreement.ts holds them to these schemas.
 */
export const LangSchema = Type.Enum(LANGS, { description: 'ja, ja-easy (やさしい日本語), en, zh-Hans, ko or vi' });

/** POST /api/v1/guide (docs/api.md "Resident guide"). */
export const GuideRequestSchema = Type.Object(
  {
    situation: SituationSchema,
    lang: LangSchema,
    answers: Type.Optional(GuideAnswersSchema),
  },
  { additionalProperties: false, description: 'What happened, the language of the answer, and the answers the situation needs' },
);

const Text = (description: string) => Type.String({ description });
const TextLine = Type.Object({ id: Type.String({ description: 'Stable id of the sentence, the same in every language' }), text: Text('In the requested language') });

const Dated = {
  date: DateSchema,
  wareki: Text('The date in the Japanese era (和暦), as on Japanese forms, e.g. 令和8年7月21日'),
  weekday: Text('The weekday in the requested language'),
  dateText: Text('The date with its weekday as the requested language writes it'),
};

export const GuideDeadlineSchema = Type.Object({
  kind: Type.Enum(Object.values(DeadlineKind), { description: 'move-in (R-7), continuation (R-8), renewal-opens (R-6), card-expiry, extension (R-5), certificate-renewal-opens (R-14), certificate-expiry (R-4), abroad-continuation and abroad-abolished (R-17)' }),
  ...Dated,
  title: Text('What the date is'),
  consequence: Text('What happens if it is missed, or what the date means'),
  notes: Type.Array(TextLine, { description: 'How the date came about: a closed day skipped, the 30-day limit of the special move-in, the seed’s simpler count' }),
  passed: Type.Boolean({ description: 'The date is before today' }),
  daysLeft: Type.Integer({ description: 'Days from today; negative once passed' }),
  movedForHoliday: Type.Boolean({ description: 'The date fell on a day the office is closed and moved to the next business day (R-9)' }),
  closedDay: Type.Optional(
    Type.Object({
      date: DateSchema,
      reason: Type.Enum(Object.values(ClosureReason)),
      holidayName: Type.Optional(Type.String()),
      holidayNameEn: Type.Optional(Type.String()),
    }),
  ),
  seedAdvice: Type.Optional(
    Type.Object(
      { ...Dated, text: Text('The city page’s simpler advice: within 14 days of moving') },
      { description: 'R-7: shown when the city page’s simpler count gives another date than the law' },
    ),
  ),
});

export const GuideResponseSchema = Type.Object({
  situation: SituationSchema,
  lang: LangSchema,
  title: Text('The situation'),
  today: DateField('The day the answer was computed for'),
  steps: Type.Array(Type.Object({ ...TextLine.properties, urgent: Type.Boolean({ description: 'Do this before anything else' }) }), {
    description: 'What to do, in order; urgent actions first',
  }),
  offices: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Text('The Japanese name, to show at the counter'),
      nameEn: Type.String(),
      kind: Type.Enum(['card-center', 'card-counter', 'branch-office']),
      kindText: Text('The kind of counter in the requested language'),
      localName: Type.Optional(Text('The name in the requested language, where offices.json gives one (English: nameEn)')),
      phone: Type.String(),
      address: Type.String({ description: 'Postal address in Japanese' }),
      mapUrl: Type.String({ description: 'A map search for the address' }),
      hours: Type.Object({
        weekdays: Type.String(),
        weekend: Type.Optional(Type.Object({ days: Type.Array(Type.Enum(['saturday', 'sunday'])), hours: Type.String() })),
      }),
      unconfirmed: Type.Array(Type.Enum(['address', 'hours']), { description: 'Facts the city has not confirmed yet' }),
      handles: Type.Array(Type.Object({ procedure: Type.Enum(PROCEDURES), text: Text('The procedure, with its Japanese term') })),
    }),
    { description: 'The counters that handle the procedures of this answer (offices.json)' },
  ),
  placeNotes: Type.Array(TextLine, { description: 'Where each kind of procedure is done' }),
  checklist: Type.Array(Type.Object({ ...TextLine.properties, item: Type.String({ description: 'The R-13 item, or pin, fee; notice (the 交付通知書) and representative (the 法定代理人, R-18) for a card ready to collect' }) }), {
    description: 'What to bring',
  }),
  fee: Type.Optional(
    Type.Object(
      {
        cardFee: Type.Integer({ description: 'yen' }),
        certificateFee: Type.Integer({ description: 'yen' }),
        total: Type.Integer({ description: 'yen' }),
        policeReportRequired: Type.Boolean(),
        policeReportApplies: Type.Boolean({ description: 'Whether R-10 ever asks a police report for this reason' }),
        reason: Type.Enum(REISSUE_REASONS),
        withCertificates: Type.Boolean(),
        totalText: Text('The total as the language writes an amount of yen'),
      },
      { description: 'R-10 reissue-fee for the reason of this answer' },
    ),
  ),
  deadlines: Type.Array(GuideDeadlineSchema),
  warnings: Type.Array(TextLine),
  hotline: Type.Object({ name: Type.String(), phone: Type.String(), hours: Type.String() }, { description: 'The 24-hour line that suspends a lost or stolen card' }),
  hotlineForeign: Type.Object(
    {
      phone: Type.String(),
      languages: Type.Array(Type.String(), { description: 'ISO 639-1 codes of the languages offered' }),
      offered: Type.Boolean({ description: 'Whether the requested language is offered there' }),
      hours: Text('The hours in the requested language'),
    },
    { description: 'The national hotline’s foreign-language line (0120-0178-27)' },
  ),
  hotlineRelevant: Type.Boolean({ description: 'The hotline matters here (loss, theft, a leaked number)' }),
  procedures: Type.Array(Type.Enum(PROCEDURES), { description: 'The R-13 procedures of this answer' }),
});

/** The guide's two questions, as the city's own pages ask them, and an optional comment. */
export const GuideFeedbackSchema = Type.Object(
  {
    situation: SituationSchema,
    lang: LangSchema,
    helpful: Type.Enum(['yes', 'no'], { description: 'このページの情報は役に立ちましたか？' }),
    easyToFind: Type.Enum(['yes', 'no'], { description: '見つけやすかったですか？' }),
    comment: Type.Optional(
      Type.String({
        maxLength: 1000,
        description: 'Optional. Digits and phone-like strings are removed before it is stored; at most 500 characters are kept',
      }),
    ),
  },
  { additionalProperties: false },
);
