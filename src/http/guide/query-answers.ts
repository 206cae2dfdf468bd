import { FormProblem, type AnswerError } from '../../app/guide/answer-errors.ts';
import { ANSWER_KINDS, asks, type AnswerName, type GuideAnswers, type Situation } from '../../domain/guide/situation.ts';
import { normalizeDigits } from '../../rules/individual-number.ts';
import { parsePlainDate, type PlainDate } from '../../rules/plain-date.ts';

export type Query = Readonly<Record<string, string | readonly string[] | undefined>>;

function first(value: string | readonly string[] | undefined): string {
  return (typeof value === 'string' ? value : (value?.[0] ?? '')).trim();
}

/**
 * A date as a resident may type it where the browser has no date picker: 2026-07-06, 2026/7/6,
 * 2026.7.6, in full-width digits too. Only the form reads this leniently; the API takes ISO dates.
 */
export function dateFromInput(text: string): PlainDate | undefined {
  const ascii = normalizeDigits(text).replace(/[／．.]/g, '/');
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(ascii);
  if (!match) return undefined;
  return parsePlainDate(`${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`);
}

export interface QueryAnswers {
  readonly answers: GuideAnswers;
  /** What the resident typed, to show again in the form. */
  readonly typed: Readonly<Partial<Record<AnswerName, string>>>;
  readonly errors: readonly AnswerError[];
}

/**
 * The answers a form sent in the query string: only those the situation asks (anything else in
 * the URL is ignored), empty fields as unanswered. `today` passes through when it is a date, so a
 * shared link can pin the day the answer was worked out for.
 */
export function answersFromQuery(situation: Situation, query: Query): QueryAnswers {
  const answers: Record<string, unknown> = {};
  const typed: Partial<Record<AnswerName, string>> = {};
  const errors: AnswerError[] = [];
  for (const name of asks(situation)) {
    const text = first(query[name]);
    if (text === '') continue;
    typed[name] = text;
    if (ANSWER_KINDS[name] === 'date') {
      const date = dateFromInput(text);
      if (date === undefined) errors.push({ field: name, problem: FormProblem.InvalidDate });
      else answers[name] = date;
    } else if (text === 'true' || text === 'false') {
      answers[name] = text === 'true';
    } else {
      errors.push({ field: name, problem: FormProblem.InvalidChoice });
    }
  }
  const today = parsePlainDate(first(query.today));
  if (today !== undefined) answers.today = today;
  if (first(query.futureDatesConfirmed) === 'true') answers.futureDatesConfirmed = true;
  return { answers: answers as GuideAnswers, typed, errors };
}
