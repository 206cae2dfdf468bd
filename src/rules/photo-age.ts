import { addMonthsClamped, type PlainDate } from './plain-date.ts';
import type { Policy } from './policy.ts';

/**
 * Whether an application photo is recent enough (seed, C: 最近6か月以内に撮影): taken on or after
 * the same day 6 months before the application (month-end clamped), and not after the application.
 */
export function photoIsRecent(photoTakenOn: PlainDate, applicationDate: PlainDate, policy: Pick<Policy, 'photoMaxAgeMonths'>): boolean {
  return photoTakenOn <= applicationDate && photoTakenOn >= addMonthsClamped(applicationDate, -policy.photoMaxAgeMonths);
}
