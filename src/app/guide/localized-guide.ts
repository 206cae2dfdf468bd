import type { DeadlineKind } from '../../domain/guide/guide-plan.ts';
import type { GuideAnswers, Situation } from '../../domain/guide/situation.ts';
import type { ClosureReason } from '../../rules/calendar.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import type { ReissueReason } from '../../rules/policy.ts';
import type { Procedure } from '../../rules/procedures.ts';
import type { Lang } from './lang.ts';

/**
 * The resident guide's question and answer as plain types (docs/api.md "Resident guide"). The
 * HTTP contract's schemas are in http/guide/guide-schemas.ts; http/agreement.ts holds these types
 * to them, field for field, so the pages and the API show what the use case computes.
 */
export interface GuideRequest {
  readonly situation: Situation;
  readonly lang: Lang;
  readonly answers?: GuideAnswers;
}

/** A sentence with its stable id, the same in every language. */
export interface TextLine {
  readonly id: string;
  readonly text: string;
}

/** A date as the guide writes it: ISO, 和暦, the weekday and the whole in the requested language. */
export interface DatedText {
  readonly date: PlainDate;
  readonly wareki: string;
  readonly weekday: string;
  readonly dateText: string;
}

export interface GuideDeadline extends DatedText {
  readonly kind: DeadlineKind;
  readonly title: string;
  readonly consequence: string;
  readonly notes: TextLine[];
  readonly passed: boolean;
  readonly daysLeft: number;
  readonly movedForHoliday: boolean;
  readonly closedDay?: { readonly date: PlainDate; readonly reason: ClosureReason; readonly holidayName?: string; readonly holidayNameEn?: string };
  readonly seedAdvice?: DatedText & { readonly text: string };
}

export interface GuideOffice {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly kind: 'card-center' | 'card-counter' | 'branch-office';
  readonly kindText: string;
  readonly localName?: string;
  readonly phone: string;
  readonly address: string;
  readonly mapUrl: string;
  readonly hours: { readonly weekdays: string; readonly weekend?: { readonly days: ('saturday' | 'sunday')[]; readonly hours: string } };
  readonly unconfirmed: ('address' | 'hours')[];
  readonly handles: { readonly procedure: Procedure; readonly text: string }[];
}

export interface GuideFee {
  readonly cardFee: number;
  readonly certificateFee: number;
  readonly total: number;
  readonly policeReportRequired: boolean;
  readonly policeReportApplies: boolean;
  readonly reason: ReissueReason;
  readonly withCertificates: boolean;
  readonly totalText: string;
}

export interface LocalizedGuide {
  readonly situation: Situation;
  readonly lang: Lang;
  readonly title: string;
  readonly today: PlainDate;
  readonly steps: (TextLine & { readonly urgent: boolean })[];
  readonly offices: GuideOffice[];
  readonly placeNotes: TextLine[];
  readonly checklist: (TextLine & { readonly item: string })[];
  readonly fee?: GuideFee;
  readonly deadlines: GuideDeadline[];
  readonly warnings: TextLine[];
  readonly hotline: { readonly name: string; readonly phone: string; readonly hours: string };
  readonly hotlineForeign: { readonly phone: string; readonly languages: string[]; readonly offered: boolean; readonly hours: string };
  readonly hotlineRelevant: boolean;
  readonly procedures: Procedure[];
}
