import { AnswerProblem, type GuideFieldError } from '../../domain/guide/guide-plan.ts';
import { ANSWER_KINDS, type AnswerName, type Situation } from '../../domain/guide/situation.ts';
import type { Calendar } from '../../rules/calendar.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { Words } from './localize-guide.ts';
import { fieldLabel, UI_TEXT } from './ui-text.ts';

/** Problems a form finds before the guide decides: text that is not a date, a choice that is not yes or no. */
export const FormProblem = { InvalidDate: 'invalid-date', InvalidChoice: 'invalid-choice' } as const;
export type FormProblem = (typeof FormProblem)[keyof typeof FormProblem];

export interface AnswerError {
  readonly field: AnswerName;
  readonly problem: AnswerProblem | FormProblem;
  readonly other?: AnswerName;
  /** For a date after today: the day it was compared with. */
  readonly today?: PlainDate;
}

/** The guide's refusal of an answer as the form shows it (`today` is no question of a form). */
export function answerErrorsOf(errors: readonly GuideFieldError[]): AnswerError[] {
  return errors.flatMap((error) =>
    error.field === 'today'
      ? []
      : [{ field: error.field, problem: error.problem, ...(error.other !== undefined && { other: error.other }), ...(error.today !== undefined && { today: error.today }) }],
  );
}

/** What the form says about a refused answer, in the resident's language, naming the question. */
export function answerErrorText(words: Words, situation: Situation, error: AnswerError, calendar: Pick<Calendar, 'firstDate' | 'lastDate'>): string {
  const field = words.t(fieldLabel(situation, error.field));
  const other = error.other === undefined ? '' : words.t(fieldLabel(situation, error.other));
  switch (error.problem) {
    case AnswerProblem.Required:
      return words.t(ANSWER_KINDS[error.field] === 'boolean' ? UI_TEXT.errorRequiredChoice : UI_TEXT.errorRequired, { field });
    case AnswerProblem.NotAsked:
      return words.t(UI_TEXT.errorNotAsked, { field });
    case AnswerProblem.NotBefore:
      return words.t(UI_TEXT.errorNotBefore, { field, other });
    case AnswerProblem.NeedsOther:
      return words.t(UI_TEXT.errorNeedsOther, { field, other });
    case AnswerProblem.OutOfCalendar:
      return words.t(UI_TEXT.errorOutOfCalendar, { field, from: words.date(calendar.firstDate), to: words.date(calendar.lastDate) });
    case AnswerProblem.InFuture:
      return words.t(UI_TEXT.errorInFuture, { field, today: error.today === undefined ? '' : words.date(error.today) });
    case AnswerProblem.FutureImpossible:
      return words.t(UI_TEXT.errorFutureImpossible, { field, today: error.today === undefined ? '' : words.date(error.today) });
    case FormProblem.InvalidDate:
      return words.t(UI_TEXT.errorInvalidDate, { field });
    case FormProblem.InvalidChoice:
      return words.t(UI_TEXT.errorInvalidChoice, { field });
    default: {
      const unknown: never = error.problem;
      throw new Error(`unknown problem ${String(unknown)}`);
    }
  }
}
