import type { DeadlinePlan, GuidePlan, Line, Param } from '../../domain/guide/guide-plan.ts';
import { OFFICE_KIND_TEXT } from '../../domain/guide/guide-text.ts';
import type { Office, OfficeDirectory } from '../../domain/office.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import { PROCEDURE_TABLE } from '../../rules/procedures.ts';
import type { MessageKey } from './catalogue/catalogue.ts';
import { CATALOGUES, EASY_READINGS } from './catalogue/catalogues.ts';
import { dateWithWeekday, numberText, wareki, weekdayName } from './dates.ts';
import type { LocalizedGuide } from './localized-guide.ts';
import { HTML_LANG, isJapanese, Lang } from './lang.ts';
import { annotate, fill } from './rich-text.ts';
import { UI_TEXT } from './ui-text.ts';

/** Words of one language for one municipality: catalogue texts, and values (dates, amounts, data) written its way. */
export interface Words {
  readonly lang: Lang;
  /** The catalogue's text, parameters filled in; the municipality's own (MUNICIPALITY_PARAMETERS) need not be given. */
  t(key: MessageKey, values?: Readonly<Record<string, string>>): string;
  line(line: Line): string;
  date(date: PlainDate): string;
  yen(amount: number): string;
  number(value: number): string;
  /** Japanese data (an office name, a holiday) as this language shows it: with ruby, or marked. */
  japanese(text: string): string;
}

/**
 * The parameters every text may use that name the municipality and its counters: filled in from
 * its offices file (docs/scale.md "Several municipalities"), so that one catalogue serves every
 * municipality of a deployment.
 */
export const MUNICIPALITY_PARAMETERS = ['municipality', 'registrationDesk', 'cardDesk'] as const;
export type MunicipalityParameter = (typeof MUNICIPALITY_PARAMETERS)[number];

/** Per directory, then per language: a deployment has a directory per municipality, read once at start. */
const cache = new WeakMap<OfficeDirectory, Map<Lang, Words>>();

export function wordsFor(lang: Lang, directory: OfficeDirectory): Words {
  let byLang = cache.get(directory);
  if (!byLang) cache.set(directory, (byLang = new Map()));
  const cached = byLang.get(lang);
  if (cached) return cached;
  const catalogue = CATALOGUES[lang];
  const easy = lang === Lang.EasyJapanese;
  let own: Readonly<Record<MunicipalityParameter, string>> | undefined;
  const words: Words = {
    lang,
    t: (key, values = {}) => fill(catalogue[key], { ...(own ??= municipalityValues(words, directory)), ...values }),
    line: (line) => words.t(line.text, Object.fromEntries(Object.entries(line.params).map(([name, param]) => [name, paramText(words, param)]))),
    date: (date) => (easy ? annotate(dateWithWeekday(date, lang), EASY_READINGS) : dateWithWeekday(date, lang)),
    yen: (amount) => words.t(UI_TEXT.yenAmount, { amount: words.number(amount) }),
    number: (value) => numberText(value, lang),
    japanese: (text) => (easy ? annotate(text, EASY_READINGS) : isJapanese(lang) ? text : `«${text}»`),
  };
  byLang.set(lang, words);
  return words;
}

/**
 * The municipality's name and counters in one language. What the offices file leaves out falls back
 * to what any municipality can say: the Japanese name marked as Japanese (やさしい日本語: without
 * ruby), and the guide's generic phrase for a counter (with the file's Japanese beside it, so that a
 * resident can show it there).
 */
export function municipalityValues(words: Words, directory: OfficeDirectory): Record<MunicipalityParameter, string> {
  const { municipality } = directory;
  const lang = words.lang;
  const name =
    lang === Lang.Japanese
      ? municipality.name
      : lang === Lang.EasyJapanese
        ? municipality.reading === undefined
          ? municipality.name
          : `[${municipality.name}|${municipality.reading}]`
        : lang === Lang.English
          ? municipality.nameEn
          : (municipality.names?.[lang] ?? words.japanese(municipality.name));
  const desk = (phrase: DeskPhrase | undefined, genericKey: MessageKey): string => {
    const own = phrase?.[lang];
    if (own !== undefined) return own;
    const generic = CATALOGUES[lang][genericKey];
    return phrase === undefined || lang === Lang.EasyJapanese ? generic : `${generic} (${words.japanese(phrase.ja)})`;
  };
  return {
    municipality: name,
    registrationDesk: desk(municipality.registrationDesk, UI_TEXT.registrationDesk),
    cardDesk: desk(municipality.cardDesk, UI_TEXT.cardDesk),
  };
}

type DeskPhrase = NonNullable<OfficeDirectory['municipality']['cardDesk']>;

function paramText(words: Words, param: Param): string {
  switch (param.kind) {
    case 'date':
      return words.date(param.date);
    case 'yen':
      return words.yen(param.amount);
    case 'count':
      return words.number(param.value);
    case 'phone':
      return param.phone;
    case 'message':
      return words.t(param.message);
    case 'holiday':
      return isJapanese(words.lang) ? words.japanese(param.name) : `${param.nameEn} ${words.japanese(param.name)}`;
    default: {
      const unknown: never = param;
      throw new Error(`unknown parameter ${JSON.stringify(unknown)}`);
    }
  }
}

function dated(words: Words, date: PlainDate) {
  return { date, wareki: wareki(date), weekday: weekdayName(date, words.lang), dateText: words.date(date) };
}

function deadlineText(words: Words, deadline: DeadlinePlan): LocalizedGuide['deadlines'][number] {
  return {
    kind: deadline.kind,
    ...dated(words, deadline.date),
    title: words.line(deadline.title),
    consequence: words.line(deadline.consequence),
    notes: deadline.notes.map((note) => ({ id: note.id, text: words.line(note) })),
    passed: deadline.passed,
    daysLeft: deadline.daysLeft,
    movedForHoliday: deadline.movedForHoliday,
    ...(deadline.closedDay && {
      closedDay: {
        date: deadline.closedDay.date,
        reason: deadline.closedDay.reason,
        ...(deadline.closedDay.holiday && { holidayName: deadline.closedDay.holiday.name, holidayNameEn: deadline.closedDay.holiday.nameEn }),
      },
    }),
    ...(deadline.seedAdvice && { seedAdvice: { ...dated(words, deadline.seedAdvice.date), text: words.line(deadline.seedAdvice.text) } }),
  };
}

/** The office's name in the page's language (English: nameEn), when offices.json gives one. */
export function localName(office: Office, lang: Lang): string | undefined {
  if (lang === Lang.English) return office.nameEn;
  if (lang === Lang.Chinese || lang === Lang.Korean || lang === Lang.Vietnamese) return office.names?.[lang];
  return undefined;
}

/** A map search for an address (the address goes only into the link, never to our server). */
export function mapUrl(address: string): string {
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(address.replace(/^〒\S+\s*/, ''))}`;
}

/** The primary language subtag the national hotline lists languages by (zh-Hans → zh). */
export function hotlineLanguage(lang: Lang): string {
  return HTML_LANG[lang].split('-')[0]!;
}

/** The foreign-language line (docs/rules.md "Corrections 2026-12"), saying whether the page's language is offered. */
export function foreignHotline(words: Words, directory: OfficeDirectory): LocalizedGuide['hotlineForeign'] {
  const line = directory.hotlineForeign;
  return {
    phone: line.phone,
    languages: [...line.languages],
    offered: line.languages.includes(hotlineLanguage(words.lang)),
    hours: words.t(UI_TEXT.hotlineForeignHours, { weekdays: line.weekdayHours, weekends: line.weekendHours }),
  };
}

/**
 * The guide's answer in one language. Texts keep their marks (ruby, «Japanese»); the pages turn
 * them into HTML and the API into plain text, so both show exactly this answer.
 */
export function localizeGuide(plan: GuidePlan, lang: Lang, directory: OfficeDirectory): LocalizedGuide {
  const words = wordsFor(lang, directory);
  const text = (line: Line) => ({ id: line.id, text: words.line(line) });
  return {
    situation: plan.situation,
    lang,
    title: words.t(plan.title),
    today: plan.today,
    steps: plan.steps.map((step) => ({ ...text(step), urgent: step.urgent })),
    offices: plan.offices.map(({ office, handles }) => ({
      id: office.id,
      name: office.name,
      nameEn: office.nameEn,
      kind: office.kind,
      kindText: words.t(OFFICE_KIND_TEXT[office.kind]),
      ...(localName(office, lang) !== undefined && { localName: localName(office, lang)! }),
      phone: office.phone,
      address: office.address,
      mapUrl: mapUrl(office.address),
      hours: office.hours,
      unconfirmed: office.unconfirmed ?? [],
      handles: handles.map((procedure) => ({ procedure, text: words.t(PROCEDURE_TABLE[procedure].term) })),
    })),
    placeNotes: plan.placeNotes.map(text),
    checklist: plan.checklist.map((entry) => ({ ...text(entry), item: entry.item })),
    ...(plan.fee && {
      fee: {
        cardFee: plan.fee.cardFee,
        certificateFee: plan.fee.certificateFee,
        total: plan.fee.total,
        policeReportRequired: plan.fee.policeReportRequired,
        policeReportApplies: plan.fee.policeReportApplies,
        reason: plan.fee.reason,
        withCertificates: plan.fee.withCertificates,
        totalText: words.yen(plan.fee.total),
      },
    }),
    deadlines: plan.deadlines.map((deadline) => deadlineText(words, deadline)),
    warnings: plan.warnings.map(text),
    hotline: { name: words.t(UI_TEXT.hotlineName), phone: directory.hotline.phone, hours: words.t(UI_TEXT.hotlineHours) },
    hotlineForeign: foreignHotline(words, directory),
    hotlineRelevant: plan.hotline,
    procedures: [...plan.procedures],
  };
}
