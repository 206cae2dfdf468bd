import { addDays, addMonthsClamped, type PlainDate } from './plain-date.ts';
import type { Policy } from './policy.ts';
import { lastReadyOnDue } from './pickup-deadline.ts';

/**
 * When the city's letters go out (decision: the letters come before a deadline, not after it;
 * the days are `noticeDays` of the policy table), and which cards a range of notice dates can
 * concern, so that the records are asked through an index by the date each letter follows.
 */
export const NOTICE_KINDS = [
  /** the renewal window opens three months before the card expires. */
  'renewal-window',
  /** 30 and 7 days before the continuation deadline after a move-in. */
  'continuation-deadline',
  /** a foreign resident's period of stay ends within 60 days; the card ends with it. */
  'period-of-stay-ending',
  /** The card expired and has not been handed back. */
  'expired-not-returned',
  /** an electronic certificate's renewal window opens three months before it expires. */
  'certificate-renewal-window',
  /** the 交付通知書, on the day a made card arrived at its counter. */
  'pickup-notice',
  /** a reminder `pickup.reminderMonths` after arrival, to a card still waiting. */
  'pickup-reminder',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** A letter's day, and the deadline it names (null: a request with no deadline). */
export interface NoticeDate {
  readonly noticeOn: PlainDate;
  readonly deadline: PlainDate | null;
  /** For a reminder: how many days before the deadline it goes out. */
  readonly daysBefore?: number;
}

/** one reminder per `noticeDays.continuationReminders`, that many days before the deadline. */
export function continuationNotices(deadline: PlainDate, policy: Pick<Policy, 'noticeDays'>): NoticeDate[] {
  return policy.noticeDays.continuationReminders.map((days) => ({ noticeOn: addDays(deadline, -days), deadline, daysBefore: days }));
}

/** `noticeDays.periodOfStay` days before the period of stay ends; the card's expiry is the deadline. */
export function periodOfStayNotice(periodOfStayEnd: PlainDate, cardExpiryDate: PlainDate, policy: Pick<Policy, 'noticeDays'>): NoticeDate {
  return { noticeOn: addDays(periodOfStayEnd, -policy.noticeDays.periodOfStay), deadline: cardExpiryDate };
}

/** The day after the card expired: a request to hand it back, with no deadline. */
export function expiredNotice(expiryDate: PlainDate): NoticeDate {
  return { noticeOn: addDays(expiryDate, 1), deadline: null };
}

/** Which cards may be due a letter of a kind on notice dates from `from` to `to`, by the date each letter follows. */
export type NoticeRange =
  | { readonly by: 'expiry'; readonly statuses: readonly string[]; readonly from: PlainDate; readonly to: PlainDate }
  | { readonly by: 'lapse'; readonly from: PlainDate; readonly to: PlainDate }
  | { readonly by: 'period-of-stay'; readonly from: PlainDate; readonly to: PlainDate }
  /** Active cards by the earliest expiry of their valid certificates (the index the sweep uses too). */
  | { readonly by: 'certificate-expiry'; readonly from: PlainDate; readonly to: PlainDate }
  /** Cards still waiting at their counter (ready) by the day they arrived. */
  | { readonly by: 'ready-on'; readonly from: PlainDate; readonly to: PlainDate };

export function noticeRange(
  kind: NoticeKind,
  from: PlainDate,
  to: PlainDate,
  policy: Pick<Policy, 'renewalWindowMonths' | 'certificateRenewalWindowMonths' | 'noticeDays' | 'pickup'>,
): NoticeRange {
  const { renewalWindowMonths, certificateRenewalWindowMonths, noticeDays } = policy;
  switch (kind) {
    case 'renewal-window':
      // The window opens on expiry − N months (clamped to the month's end, R-6), so expiries from N
      // months after `from` to N months and three days after `to` cover every opening day; the
      // rule itself then says which of them open in the range.
      return { by: 'expiry', statuses: ['active', 'suspended'], from: addMonthsClamped(from, renewalWindowMonths), to: addDays(addMonthsClamped(to, renewalWindowMonths), 3) };
    case 'continuation-deadline':
      // Deadline − each reminder's days in the range; a card lapses the day after its deadline.
      return {
        by: 'lapse',
        from: addDays(from, Math.min(...noticeDays.continuationReminders) + 1),
        to: addDays(to, Math.max(...noticeDays.continuationReminders) + 1),
      };
    case 'period-of-stay-ending':
      return { by: 'period-of-stay', from: addDays(from, noticeDays.periodOfStay), to: addDays(to, noticeDays.periodOfStay) };
    case 'expired-not-returned':
      return { by: 'expiry', statuses: ['expired'], from: addDays(from, -1), to: addDays(to, -1) };
    case 'certificate-renewal-window':
      // As for the card (R-6), with R-14's months: expiries from N months after `from` to N months
      // and three days after `to` cover every opening day in the range.
      return { by: 'certificate-expiry', from: addMonthsClamped(from, certificateRenewalWindowMonths), to: addDays(addMonthsClamped(to, certificateRenewalWindowMonths), 3) };
    case 'pickup-notice':
      return { by: 'ready-on', from, to };
    case 'pickup-reminder':
      // The cards whose reminder day (readyOn + N months) falls from `from` to `to`.
      return { by: 'ready-on', from: addDays(lastReadyOnDue(addDays(from, -1), policy.pickup.reminderMonths), 1), to: lastReadyOnDue(to, policy.pickup.reminderMonths) };
  }
}
