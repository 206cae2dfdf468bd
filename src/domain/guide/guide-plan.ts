import type { ClosureReason } from '../../rules/calendar.ts';
import type { FieldError, RuleErrorCode } from '../../rules/errors.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { Refusal } from '../../rules/result.ts';
import type { ReissueReason } from '../../rules/policy.ts';
import type { Item, Procedure } from '../../rules/procedures.ts';
import type { ReissueFeeOutput } from '../../rules/reissue-fee.ts';
import type { Office } from '../office.ts';
import type { GuideMessage } from './guide-text.ts';
import type { AnswerName, Situation } from './situation.ts';

/** A value put into a sentence; each language formats it its own way. */
export type Param =
  | { readonly kind: 'date'; readonly date: PlainDate }
  | { readonly kind: 'yen'; readonly amount: number }
  | { readonly kind: 'count'; readonly value: number }
  | { readonly kind: 'phone'; readonly phone: string }
  | { readonly kind: 'message'; readonly message: GuideMessage }
  | { readonly kind: 'holiday'; readonly name: string; readonly nameEn: string };

/** One sentence of the answer: a stable id for clients and tests, the Japanese original, its values. */
export interface Line {
  readonly id: string;
  readonly text: GuideMessage;
  readonly params: Readonly<Record<string, Param>>;
}

export interface Step extends Line {
  /** Done before anything else (loss, theft: the hotline). */
  readonly urgent: boolean;
}

export interface ChecklistEntry extends Line {
  /**
   * The R-13 item, or `pin`, `fee` for what is known or paid rather than brought; `notice` for the
   * 交付通知書 and `representative` for R-18's 法定代理人 at the hand-over (docs/pickup.md).
   */
  readonly item: Item | 'pin' | 'fee' | 'notice' | 'representative';
}

export interface FeePlan extends ReissueFeeOutput {
  readonly reason: ReissueReason;
  /** Whether R-10 ever asks a police report for this reason (then `policeReportRequired` says if this case needs one). */
  readonly policeReportApplies: boolean;
  readonly withCertificates: boolean;
}

/** The kinds of docs/api.md, the card's expiry, R-5. */
export const DeadlineKind = {
  MoveIn: 'move-in',
  Continuation: 'continuation',
  RenewalOpens: 'renewal-opens',
  CardExpiry: 'card-expiry',
  Extension: 'extension',
  CertificateRenewalOpens: 'certificate-renewal-opens',
  CertificateExpiry: 'certificate-expiry',
  AbroadContinuation: 'abroad-continuation',
  AbroadAbolished: 'abroad-abolished',
} as const;
export type DeadlineKind = (typeof DeadlineKind)[keyof typeof DeadlineKind];

export interface ClosedDay {
  readonly date: PlainDate;
  readonly reason: ClosureReason;
  readonly holiday?: { readonly name: string; readonly nameEn: string };
}

export interface DeadlinePlan {
  readonly kind: DeadlineKind;
  readonly date: PlainDate;
  readonly title: Line;
  readonly consequence: Line;
  /** How the date came about: a closed day skipped, the 30-day cap of 住基法24条の2. */
  readonly notes: readonly Line[];
  readonly passed: boolean;
  /** Days from today to the date; negative once passed. */
  readonly daysLeft: number;
  readonly movedForHoliday: boolean;
  readonly closedDay?: ClosedDay;
  /** the seed's simpler "within 14 days of moving", when it gives another date than the law. */
  readonly seedAdvice?: { readonly date: PlainDate; readonly text: Line };
}

export interface OfficePlan {
  readonly office: Office;
  readonly handles: readonly Procedure[];
}

/** The whole answer for a situation, in no language yet: what the pages and the API both show. */
export interface GuidePlan {
  readonly situation: Situation;
  readonly today: PlainDate;
  readonly title: GuideMessage;
  readonly procedures: readonly Procedure[];
  readonly steps: readonly Step[];
  readonly offices: readonly OfficePlan[];
  readonly placeNotes: readonly Line[];
  readonly checklist: readonly ChecklistEntry[];
  readonly fee: FeePlan | null;
  readonly deadlines: readonly DeadlinePlan[];
  readonly warnings: readonly Line[];
  /** The hotline matters here (loss, theft, a leaked number). */
  readonly hotline: boolean;
}

/** Why an answer was refused, for a form to say in the resident's language. */
export const AnswerProblem = {
  Required: 'required',
  NotAsked: 'not-asked',
  NotBefore: 'not-before',
  NeedsOther: 'needs-other',
  OutOfCalendar: 'out-of-calendar',
  /** A date of something that already happened lies after today: questioned, may be confirmed. */
  InFuture: 'in-future',
  /** A birth date or issue date after today. */
  FutureImpossible: 'future-impossible',
} as const;
export type AnswerProblem = (typeof AnswerProblem)[keyof typeof AnswerProblem];

export interface GuideFieldError extends FieldError {
  readonly field: AnswerName | 'today';
  readonly problem: AnswerProblem;
  /** The other answer a comparison or a dependency is about. */
  readonly other?: AnswerName;
  /** The day a future date was compared with. */
  readonly today?: PlainDate;
}

export interface GuideError extends Refusal<typeof RuleErrorCode.InputInvalid | typeof RuleErrorCode.CalendarOutOfRange> {
  readonly code: typeof RuleErrorCode.InputInvalid | typeof RuleErrorCode.CalendarOutOfRange;
  readonly message: string;
  readonly errors: readonly GuideFieldError[];
}


