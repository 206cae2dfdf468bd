import { AttemptBudget } from '../session/attempt-budget.ts';

/** The window of the public look-up budget: an hour. */
export const LOOKUP_WINDOW_MS = 60 * 60_000;

/**
 * Failed look-ups per address (a reference number and birth date that match no waiting card, a
 * wrong cancel code) allowed in an hour, shared by the API and the guide's booking page: enough
 * for a family sharing a line and a few typos, hopeless for walking through numbers.
 */
export class LookupBudget extends AttemptBudget {
  constructor(limit: number, now: () => number) {
    super(limit, LOOKUP_WINDOW_MS, now);
  }
}
