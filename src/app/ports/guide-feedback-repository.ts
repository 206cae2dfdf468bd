import type { PlainDate } from '../../rules/plain-date.ts';

/** A resident's answer to the guide's two questions (no person, no address: docs/api.md "Guide feedback"). */
export interface GuideFeedback {
  readonly id: string;
  readonly situation: string;
  readonly lang: string;
  readonly helpful: 'yes' | 'no';
  readonly easyToFind: 'yes' | 'no';
  /** Free text with digits and phone-like strings already removed; null when none was given. */
  readonly comment: string | null;
  readonly receivedOn: PlainDate;
  readonly receivedAt: string;
}

export interface GuideFeedbackCount {
  readonly situation: string;
  readonly lang: string;
  readonly helpful: 'yes' | 'no';
  readonly easyToFind: 'yes' | 'no';
  readonly comments: number;
  readonly count: number;
}

/** The guide's feedback: added one at a time, read as counts or comments over business days. */
export interface GuideFeedbackRepository {
  add(feedback: GuideFeedback): Promise<void>;
  counts(from: PlainDate, to: PlainDate): Promise<GuideFeedbackCount[]>;
  comments(from: PlainDate, to: PlainDate): Promise<{ receivedOn: PlainDate; situation: string; lang: string; helpful: string; easyToFind: string; comment: string }[]>;
}
