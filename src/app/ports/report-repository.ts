import type { PlainDate } from '../../rules/plain-date.ts';
import type { NoticeRange } from '../../rules/notice-dates.ts';

/** A card with its holder, as the notices need them (never the individual number). */
export interface NoticeCandidate {
  readonly residentId: string;
  readonly cardId: string;
  readonly familyName: string;
  readonly givenName: string;
  readonly familyNameKana: string;
  readonly givenNameKana: string;
  readonly address: string;
  /** 郵便番号 `NNN-NNNN`, null when not known. */
  readonly postalCode: string | null;
  readonly residency: string;
  readonly periodOfStayEnd: PlainDate | null;
  readonly cardStatus: string;
  readonly expiryDate: PlainDate | null;
  /** Why the card ends then: a birthday, or the period of stay. */
  readonly expiryBasis: string | null;
  readonly pickupOfficeId: string;
  readonly continuationNotificationDate: PlainDate | null;
  readonly continuationDeadline: PlainDate | null;
  readonly continuationLapsesOn: PlainDate | null;
  /** The certificates as the card keeps them (JSON of domain `Certificate`), for R-14's letter. */
  readonly signatureCertificate: string;
  readonly userCertificate: string;
  /** R-19 and the 交付通知書: the day the card arrived at its counter and its 照会番号. */
  readonly readyOn: PlainDate | null;
  readonly pickupReference: string | null;
  /** whether the holder comes with a 法定代理人. */
  readonly birthDate: PlainDate;
  readonly adultWard: boolean;
}

/** Which cards a notice is about, each through an index on the date it follows (rules/notice-dates.ts). */
export type NoticeQuery = NoticeRange;

/** Counts over the records for the supervisors' reports: read-only, grouped in the database. */
export interface ReportRepository {
  noticeCandidates(query: NoticeQuery): Promise<NoticeCandidate[]>;
  cardsByStatus(): Promise<{ officeId: string; status: string; count: number }[]>;
  proceduresByDay(from: PlainDate, to: PlainDate): Promise<{ date: PlainDate; kind: string; officeId: string; count: number }[]>;
  receipts(from: PlainDate, to: PlainDate): Promise<{ date: PlainDate; officeId: string; receiptNumber: string; kind: string; fee: number; occurredAt: string }[]>;
  /** Live cards (active or suspended) expiring, by month YYYY-MM. */
  expiriesByMonth(from: PlainDate, to: PlainDate): Promise<{ month: string; count: number }[]>;
  /** Continuations not done by their deadline, by the month the card lapses. */
  lapsesByMonth(from: PlainDate, to: PlainDate): Promise<{ month: string; count: number }[]>;
  /** Cards waiting at their counters (ready), by office and the day they arrived. */
  waitingByDay(): Promise<{ officeId: string; readyOn: PlainDate; count: number }[]>;
  /** The cards waiting since `to` or earlier, oldest first, with their holder's name (through the cards_ready_on index). */
  waitingSince(to: PlainDate): Promise<{ cardId: string; residentId: string; familyName: string; givenName: string; officeId: string; readyOn: PlainDate }[]>;
  /** Cards that arrived at a counter from `from` to `to` (delivered), whatever became of them since. */
  deliveredBetween(from: PlainDate, to: PlainDate): Promise<number>;
  /** Pickup appointments booked (not cancelled, not a no-show) for the day, at every office. */
  bookedOn(day: PlainDate): Promise<number>;
  /** Cards destroyed as not collected from `from` to `to`. */
  uncollectedBetween(from: PlainDate, to: PlainDate): Promise<number>;
  /** The records behind the monthly statistics of business dates `from`–`to`. */
  /** `pageSize`: events read at a time (a few thousand unless a test asks for fewer). */
  statisticsFacts(from: PlainDate, to: PlainDate, pageSize?: number): Promise<StatisticsFacts>;
}

/** A record of an event of the monthly statistics, with the holder it is about (docs/statistics.md). */
export interface StatisticsEvent {
  readonly residentId: string;
  /** The holder's birth date and sex, which place the event in a row. */
  readonly birthDate: PlainDate;
  readonly sex: string;
  /** The card, for a card's event. */
  readonly cardId: string | null;
  readonly type: string;
  /** The event's data as recorded (its dates and reason). */
  readonly data: Readonly<Record<string, unknown>>;
  /** The instant it was recorded (ISO-8601 UTC). */
  readonly recordedAt: string;
}

/** What the monthly statistics count, read from the records as they are (docs/statistics.md). */
export interface StatisticsFacts {
  /**
   * Residents' registrations, move-outs, move-ins and deaths, then cards' hand-overs, take-overs
   * and ends: every resident's events before any card's, each stream's together and in its order,
   * a page at a time as they are read. A city's events do not fit in the server's memory at once
   * (a million residents' took 3 GB): the count keeps one stream at a time (docs/statistics.md).
   */
  readonly events: AsyncIterable<readonly StatisticsEvent[]>;
  /** The card acts (application, issue, reissue) of business dates `from`–`to`, with their holder's birth date and sex. */
  readonly acts: readonly { readonly kind: string; readonly residentId: string; readonly birthDate: PlainDate; readonly sex: string; readonly details: Readonly<Record<string, unknown>> }[];
}
