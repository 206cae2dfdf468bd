import type { GuideAnswers, Situation } from '../../src/domain/guide/situation.ts';
import type { PlainDate } from '../../src/rules/plain-date.ts';

const d = (text: string) => text as PlainDate;

/** A day the examples are worked out for, so that no answer depends on the machine's clock. */
export const GUIDE_TODAY = d('2026-07-06');

/** Answers for every situation, each a case a resident would bring (known dates, so known deadlines). */
export const EXAMPLE_ANSWERS = {
  'card-ready': {},
  'moved-in': { moveInDate: d('2026-07-06'), plannedMoveOutDate: d('2026-07-06') },
  'moving-out': { plannedMoveOutDate: d('2026-09-30') },
  'moving-abroad': { plannedMoveOutDate: d('2026-09-30') },
  'address-changed': {},
  'name-changed': {},
  lost: { lostAtHome: false, withCertificates: true },
  stolen: { withCertificates: true },
  found: {},
  'pin-locked': {},
  'pin-change': {},
  damaged: { withCertificates: false },
  'notes-full': {},
  expiring: { expiryDate: d('2026-08-31') },
  certificate: { certificateExpiryDate: d('2026-09-15') },
  'period-of-stay-renewed': {
    birthDate: d('1990-05-10'),
    cardIssueDate: d('2026-04-01'),
    currentExpiryDate: d('2027-03-31'),
    newPeriodOfStayEnd: d('2030-03-31'),
    today: d('2027-03-01'),
  },
  'period-of-stay-pending': {
    birthDate: d('1990-05-10'),
    cardIssueDate: d('2026-04-01'),
    currentExpiryDate: d('2027-03-31'),
    currentPeriodOfStayEnd: d('2027-03-31'),
    today: d('2027-03-01'),
  },
  'not-needed': {},
  'number-leaked': {},
  'notification-card': {},
  proxy: {},
} as const satisfies Record<Situation, GuideAnswers>;

/** The same answers as a page's query string. */
export function exampleQuery(situation: Situation): string {
  const answers: Record<string, unknown> = { today: GUIDE_TODAY, ...EXAMPLE_ANSWERS[situation] };
  return Object.entries(answers)
    .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`)
    .join('&');
}
