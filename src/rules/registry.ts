import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { Validator } from 'typebox/compile';
import { age, AgeInput, AgeOutput } from './age.ts';
import { nthBirthdayAfter, NthBirthdayAfterInput, NthBirthdayAfterOutput } from './birthday.ts';
import { businessDay, BusinessDayInput, BusinessDayOutput, nextBusinessDay, NextBusinessDayOutput } from './business-day.ts';
import { cardExpiry, CardExpiryInput, CardExpiryOutput } from './card-expiry.ts';
import { cardReplacement, CardReplacementInput, CardReplacementOutput } from './card-replacement.ts';
import { certificateExpiry, CertificateExpiryInput, CertificateExpiryOutput } from './certificate-expiry.ts';
import { certificateIssue, CertificateIssueInput, CertificateIssueOutput } from './certificate-issue.ts';
import { certificateRenewalWindow, CertificateRenewalWindowInput, CertificateRenewalWindowOutput } from './certificate-renewal-window.ts';
import type { RuleContext } from './context.ts';
import { continuationDeadline, ContinuationDeadlineInput, ContinuationDeadlineOutput } from './continuation-deadline.ts';
import { RuleErrorCode, type RuleErrorCode as Code } from './errors.ts';
import { refuseFields, type Result } from './result.ts';
import { individualNumber, IndividualNumberInput, IndividualNumberOutput } from './individual-number.ts';
import { fieldErrors } from './input-errors.ts';
import { legalRepresentative, LegalRepresentativeInput, LegalRepresentativeOutput } from './legal-representative.ts';
import { plainDate as d } from './plain-date.ts';
import { moveInDeadline, MoveInDeadlineInput, MoveInDeadlineOutput } from './move-in-deadline.ts';
import { movingAbroad, MovingAbroadInput, MovingAbroadOutput } from './moving-abroad.ts';
import { pickupDeadline, PickupDeadlineInput, PickupDeadlineOutput } from './pickup-deadline.ts';
import { pinFormat, PinFormatInput, PinFormatOutput } from './pin-format.ts';
import { reissueFee, ReissueFeeInput, ReissueFeeOutput } from './reissue-fee.ts';
import { renewalWindow, RenewalWindowInput, RenewalWindowOutput } from './renewal-window.ts';
import { validityExtension, ValidityExtensionInput, ValidityExtensionOutput } from './validity-extension.ts';

/** A rule as the CLI and the public rules API see it: its id, name, schemas, refusals and function. */
export interface RuleDefinition<I extends TSchema = TSchema, O extends TSchema = TSchema> {
  readonly id: string;
  readonly summary: string;
  readonly input: I;
  readonly output: O;
  /** The refusals besides INPUT.INVALID, for the API description. */
  readonly refusals: readonly Code[];
  /** An input that shows the rule at work, for the API documentation and the tests. */
  readonly example: Static<I>;
  readonly evaluate: (input: Static<I>, context: RuleContext) => Result<Static<O>>;
}

function rule<I extends TSchema, O extends TSchema>(definition: RuleDefinition<I, O>): RuleDefinition<I, O> {
  return definition;
}

const { CalendarOutOfRange, CardExpired, NothingToExtend, SignatureUnder15 } = RuleErrorCode;

/** Every rule of docs/rules.md that answers on its own (R-13 is the procedure table the guide reads). */
export const RULES = {
  age: rule({ id: 'R-1', summary: 'Legal age on a date', input: AgeInput, output: AgeOutput, refusals: [], example: { birthDate: d('2008-04-02'), on: d('2026-04-01') }, evaluate: age }),
  'nth-birthday-after': rule({
    id: 'R-2',
    summary: 'The n-th birthday strictly after a date',
    input: NthBirthdayAfterInput,
    output: NthBirthdayAfterOutput,
    refusals: [],
    example: { birthDate: d('2000-02-29'), after: d('2026-01-01'), n: 1 },
    evaluate: nthBirthdayAfter,
  }),
  'card-expiry': rule({
    id: 'R-3',
    summary: 'Validity of a My Number Card',
    input: CardExpiryInput,
    output: CardExpiryOutput,
    refusals: [],
    example: { birthDate: d('1990-05-10'), issueDate: d('2026-04-01') },
    evaluate: cardExpiry,
  }),
  'certificate-expiry': rule({
    id: 'R-4',
    summary: 'Validity of an electronic certificate',
    input: CertificateExpiryInput,
    output: CertificateExpiryOutput,
    refusals: [SignatureUnder15],
    example: { birthDate: d('1990-05-10'), issueDate: d('2026-04-01'), cardExpiryDate: d('2035-05-10'), kind: 'signature' },
    evaluate: certificateExpiry,
  }),
  'validity-extension': rule({
    id: 'R-5',
    summary: "Extension of a foreign resident's card with the period of stay",
    input: ValidityExtensionInput,
    output: ValidityExtensionOutput,
    refusals: [CardExpired, NothingToExtend],
    example: {
      birthDate: d('1990-05-10'),
      cardIssueDate: d('2026-04-01'),
      currentExpiryDate: d('2027-03-31'),
      today: d('2027-03-01'),
      newPeriodOfStayEnd: d('2030-03-31'),
    },
    evaluate: validityExtension,
  }),
  'renewal-window': rule({
    id: 'R-6',
    summary: 'When a card may be renewed',
    input: RenewalWindowInput,
    output: RenewalWindowOutput,
    refusals: [],
    example: { expiryDate: d('2026-05-31'), today: d('2026-03-01') },
    evaluate: renewalWindow,
  }),
  'move-in-deadline': rule({
    id: 'R-7',
    summary: 'Deadline of the 転入届 after moving with a card',
    input: MoveInDeadlineInput,
    output: MoveInDeadlineOutput,
    refusals: [CalendarOutOfRange],
    example: { moveInDate: d('2026-07-06') },
    evaluate: moveInDeadline,
  }),
  'continuation-deadline': rule({
    id: 'R-8',
    summary: 'Deadline for continued use (継続利用) of a card after moving in',
    input: ContinuationDeadlineInput,
    output: ContinuationDeadlineOutput,
    refusals: [CalendarOutOfRange],
    example: { moveInNotificationDate: d('2026-10-01') },
    evaluate: continuationDeadline,
  }),
  'business-day': rule({
    id: 'R-9',
    summary: 'Whether the city office is open on a date',
    input: BusinessDayInput,
    output: BusinessDayOutput,
    refusals: [CalendarOutOfRange],
    example: { date: d('2026-09-22') },
    evaluate: businessDay,
  }),
  'next-business-day': rule({
    id: 'R-9',
    summary: 'The date, or the next day the city office is open',
    input: BusinessDayInput,
    output: NextBusinessDayOutput,
    refusals: [CalendarOutOfRange],
    example: { date: d('2026-12-29') },
    evaluate: nextBusinessDay,
  }),
  'reissue-fee': rule({
    id: 'R-10',
    summary: 'Fee and police report for a new card within validity',
    input: ReissueFeeInput,
    output: ReissueFeeOutput,
    refusals: [],
    example: { reason: 'lost', withCertificates: true },
    evaluate: reissueFee,
  }),
  'individual-number': rule({
    id: 'R-11',
    summary: 'Check digit of an individual number (個人番号)',
    input: IndividualNumberInput,
    output: IndividualNumberOutput,
    refusals: [],
    example: { number: '123456789018' },
    evaluate: individualNumber,
  }),
  'pin-format': rule({
    id: 'R-12',
    summary: 'Format of the four PINs of a card',
    input: PinFormatInput,
    output: PinFormatOutput,
    refusals: [],
    example: { kind: 'signature', pin: 'abc123' },
    evaluate: pinFormat,
  }),
  'certificate-renewal-window': rule({
    id: 'R-14',
    summary: 'When an electronic certificate may be renewed',
    input: CertificateRenewalWindowInput,
    output: CertificateRenewalWindowOutput,
    refusals: [],
    example: { certificateExpiryDate: d('2028-02-29'), today: d('2027-12-01') },
    evaluate: certificateRenewalWindow,
  }),
  'certificate-issue': rule({
    id: 'R-15',
    summary: 'Whether a certificate may be issued or renewed on a card, and until when',
    input: CertificateIssueInput,
    output: CertificateIssueOutput,
    refusals: [],
    example: { kind: 'signature', birthDate: d('2011-12-03'), cardExpiryDate: d('2031-12-03'), today: d('2026-12-02'), currentStatus: 'none' },
    evaluate: certificateIssue,
  }),
  'card-replacement': rule({
    id: 'R-16',
    summary: 'When the old card stops on a new card within validity',
    input: CardReplacementInput,
    output: CardReplacementOutput,
    refusals: [],
    example: { reason: 'renewal' },
    evaluate: cardReplacement,
  }),
  'moving-abroad': rule({
    id: 'R-17',
    summary: 'Whether a card may be kept on moving abroad (国外継続利用), and when it is abolished',
    input: MovingAbroadInput,
    output: MovingAbroadOutput,
    refusals: [],
    example: { nationality: 'JP', plannedMoveOutDate: d('2027-03-31'), today: d('2027-03-30'), cardStatus: 'active' },
    evaluate: movingAbroad,
  }),
  'legal-representative': rule({
    id: 'R-18',
    summary: 'Whether a holder is represented by a 法定代理人',
    input: LegalRepresentativeInput,
    output: LegalRepresentativeOutput,
    refusals: [],
    example: { birthDate: d('2011-12-03'), today: d('2026-12-01'), adultWard: false },
    evaluate: legalRepresentative,
  }),
  'pickup-deadline': rule({
    id: 'R-19',
    summary: 'Notice, reminder and destruction of a card not collected',
    input: PickupDeadlineInput,
    output: PickupDeadlineOutput,
    refusals: [],
    example: { readyOn: d('2026-08-31') },
    evaluate: pickupDeadline,
  }),
} as const;

export type RuleName = keyof typeof RULES;
export const RULE_NAMES = Object.keys(RULES) as RuleName[];

export function isRuleName(name: string): name is RuleName {
  return Object.hasOwn(RULES, name);
}

const validators = new Map<RuleName, Validator>();

function validatorFor(name: RuleName): Validator {
  let validator = validators.get(name);
  if (!validator) {
    validator = Compile(RULES[name].input);
    validators.set(name, validator);
  }
  return validator;
}

/**
 * Checks untrusted input against the rule's schema, then evaluates the rule. Every failure is
 * a value: INPUT.INVALID naming each bad field, or the rule's own refusal.
 */
export function evaluateRule(name: RuleName, input: unknown, context: RuleContext): Result<unknown> {
  const validator = validatorFor(name);
  if (!validator.Check(input)) {
    const errors = fieldErrors(validator.Errors(input));
    return refuseFields(errors);
  }
  const definition = RULES[name] as RuleDefinition;
  return definition.evaluate(input, context);
}
