import type { PlainDate } from '../rules/plain-date.ts';
import type { Residency } from '../rules/residency.ts';
import type { ResidentState } from './resident.ts';

/** What the card rules need to know of its holder. */
export interface Holder {
  readonly birthDate: PlainDate;
  readonly residency: Residency;
  readonly periodOfStayEnd: PlainDate | null;
  /** 成年被後見人: no signature certificate (Corrections 2026-12). */
  readonly adultWard: boolean;
}

export function holderOf(resident: ResidentState): Holder {
  return { birthDate: resident.birthDate, residency: resident.residency, periodOfStayEnd: resident.periodOfStayEnd, adultWard: resident.adultWard };
}
