import { Type } from 'typebox';
import { ANCHOR_REASONS } from '../../app/audit-checkpoints.ts';
import { NOTICE_KINDS } from '../../app/notices.ts';
import { REPORT_NAMES } from '../../app/reports.ts';
import { DateSchema } from '../../rules/schema.ts';
import { JobRunSchema } from '../jobs/job-schemas.ts';

/*
 * The answers of the reports and notices (docs/api.md "Reports"). The use cases give the plain
 * `Report`, `Dashboard` (app/reports.ts) and `NoticeList` (app/notices.ts); http/agreement.ts
 * holds them to these schemas, field for field.
 */

export const ReportListSchema = Type.Array(
  Type.Object({
    name: Type.Enum(REPORT_NAMES),
    title: Type.String(),
    ranged: Type.Boolean({ description: 'Covers the business dates `from`–`to`' }),
    monthly: Type.Boolean({ description: 'Covers one calendar month in Japan, `month` (YYYY-MM)' }),
  }),
);

const Cell = Type.Union([Type.String(), Type.Number()]);
export const ReportSchema = Type.Object({
  report: Type.Enum(REPORT_NAMES),
  title: Type.String(),
  from: Type.Union([Type.String(), Type.Null()]),
  to: Type.Union([Type.String(), Type.Null()]),
  columns: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), numeric: Type.Boolean() })),
  rows: Type.Array(Type.Record(Type.String(), Cell)),
  /** The sum of each numeric column over the rows, to check a chart or a cash book against. */
  totals: Type.Record(Type.String(), Type.Number()),
});

export const DashboardSchema = Type.Object({
  today: Type.String(),
  procedures: Type.Integer({ description: 'Procedures recorded today, all counters' }),
  proceduresByKind: Type.Record(Type.String(), Type.Integer()),
  suspensions: Type.Integer(),
  resumptions: Type.Integer(),
  fees: Type.Object({ receipts: Type.Integer(), total: Type.Integer() }),
  cardsByStatus: Type.Record(Type.String(), Type.Integer()),
  pendingApprovals: Type.Integer(),
  lastSweep: Type.Union([JobRunSchema, Type.Null()]),
  pickup: Type.Object(
    {
      deliveredThisWeek: Type.Integer({ description: 'Cards that arrived at a counter since Monday (Japan), whatever became of them since' }),
      waiting: Type.Integer({ description: 'Cards waiting at the counters now (ready)' }),
      bookedToday: Type.Integer({ description: 'Pickup appointments booked for today (Japan), at every office' }),
      discardSoon: Type.Integer({ description: 'Cards waiting whose discard day (R-19) comes within 30 days' }),
      uncollectedThisMonth: Type.Integer({ description: 'Cards destroyed as not collected (R-19) since the first of the month' }),
    },
    { description: 'The pickup pipeline (docs/pickup.md): from J-LIS delivery to hand-over' },
  ),
  auditAlert: Type.Union(
    [
      Type.Object({
        reason: Type.Enum(ANCHOR_REASONS),
        detail: Type.String(),
        checkpoint: Type.Union([Type.Integer(), Type.Null()], { description: 'The last checkpoint the trail was held against' }),
      }),
      Type.Null(),
    ],
    { description: 'Set when the audit trail no longer holds its last checkpoint (entries removed or replaced) or the checkpoints are damaged' },
  ),
});

export const NoticeSchema = Type.Object({
  kind: Type.Enum(NOTICE_KINDS),
  noticeDate: DateSchema,
  residentId: Type.String(),
  cardId: Type.String(),
  name: Type.String({ description: '氏名' }),
  nameKana: Type.String({ description: 'フリガナ' }),
  postalCode: Type.Union([Type.String({ pattern: '^[0-9]{3}-[0-9]{4}$' }), Type.Null()], {
    description: "The resident's postal code (郵便番号) for the envelope window; null when none is recorded",
  }),
  address: Type.String(),
  subject: Type.String(),
  paragraphs: Type.Array(Type.String()),
  bring: Type.Array(Type.String()),
  deadline: Type.Union([DateSchema, Type.Null()], { description: 'By when; null when there is no deadline, only a request' }),
  deadlineText: Type.Union([Type.String(), Type.Null()]),
  office: Type.Object({
    id: Type.String(),
    name: Type.String(),
    phone: Type.String(),
    address: Type.String({ description: 'With its postal code (〒)' }),
    hours: Type.String({ description: 'Opening hours, e.g. 平日 8:30–17:00 (closed on holidays and Dec 29 – Jan 3)' }),
  }),
  referenceNumber: Type.Union([Type.String(), Type.Null()], {
    description: 'The 照会番号 of a 交付通知書 (pickup-notice, pickup-reminder), with which the holder books a time to collect the card; null for other letters',
  }),
  representative: Type.Boolean({ description: 'R-18: the holder comes with their 法定代理人 (under 15 on the notice date, or an adult ward)' }),
  contact: Type.String({ description: 'The department and the 24-hour hotline' }),
});

export const NoticeListSchema = Type.Object({
  kind: Type.Enum(NOTICE_KINDS),
  from: DateSchema,
  to: DateSchema,
  notices: Type.Array(NoticeSchema),
});

