import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { listNotices, NOTICE_CSV_COLUMNS, NOTICE_KINDS, type NoticeKind } from '../../app/notices.ts';
import { dashboard, report, reportList, REPORT_NAMES, type ReportName } from '../../app/reports.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import { DateSchema } from '../../rules/schema.ts';
import { CsvEncodingQuery, staffRoute } from '../staff-route.ts';
import { DashboardSchema, NoticeListSchema, ReportListSchema, ReportSchema } from './report-schemas.ts';

const Range = Type.Object(
  {
    from: Type.Optional(DateSchema),
    to: Type.Optional(DateSchema),
    encoding: CsvEncodingQuery,
  },
  { additionalProperties: false },
);

const NoticeQuery = Type.Object(
  {
    ...Range.properties,
    officeId: Type.Optional(Type.String({ maxLength: 64, description: "Only the letters of cards collected at this office; a clerk gets their office's 交付通知書 (pickup kinds) only" })),
  },
  { additionalProperties: false },
);

/** A report's query: the range of a ranged report, the month of a monthly one. */
const ReportQuery = Type.Object(
  {
    ...Range.properties,
    month: Type.Optional(Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'A monthly report\'s calendar month in Japan, YYYY-MM; the last whole month by default', examples: ['2026-11'] })),
  },
  { additionalProperties: false },
);

/**
 * Reports and notices for supervisors (auditors read the reports too): JSON, or CSV with
 * `Accept: text/csv` (UTF-8, or Shift_JIS with `?encoding=shift_jis` for spreadsheet software).
 */
export async function reportRoutes(app: FastifyInstance): Promise<void> {
  staffRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/reports',
      summary: 'The reports there are',
      tags: ['reports'],
      response: ReportListSchema,
      problems: [],
    },
    ({ request }) => reportList(request.actor),
  );
  staffRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/reports/dashboard',
      summary: "Today's counts for supervisors and the last sweep's result",
      tags: ['reports'],
      response: DashboardSchema,
      problems: [],
    },
    ({ context, request }) => dashboard(context, request.actor),
  );
  staffRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/reports/:name',
      summary: 'A report as a table (columns, rows, totals); CSV with Accept: text/csv',
      tags: ['reports'],
      params: Type.Object({ name: Type.Enum(REPORT_NAMES) }),
      querystring: ReportQuery,
      response: ReportSchema,
      problems: ['INPUT.INVALID'],
    },
    ({ context, request, params, query }) =>
      report(context, request.actor, params.name as ReportName, {
        ...(query.from && { from: query.from as PlainDate }),
        ...(query.to && { to: query.to as PlainDate }),
        ...(query.month && { month: query.month }),
      }),
    (value) => ({
      filename: value.report === 'statistics' && value.from ? `statistics-${value.from.slice(0, 7)}.csv` : `${value.report}${value.from ? `-${value.from}-${value.to}` : ''}.csv`,
      header: value.columns.map((column) => column.label),
      // A numeric column goes out as numbers, so that a negative figure is a number in the
      // spreadsheet too rather than text neutralised as a would-be formula.
      rows: value.rows.map((row) => value.columns.map(({ key, numeric }) => (numeric && row[key] !== undefined && row[key] !== '' ? Number(row[key]) : (row[key] ?? '')))),
    }),
  );
  staffRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/notices/:kind',
      summary: 'Letters due from `from` to `to` (today by default), in address order; CSV for a mail merge with Accept: text/csv. Never the individual number. Supervisors; a counter its own 交付通知書 too.',
      tags: ['reports'],
      params: Type.Object({ kind: Type.Enum(NOTICE_KINDS) }),
      querystring: NoticeQuery,
      response: NoticeListSchema,
      problems: ['INPUT.INVALID', 'AUTH.OFFICE_NOT_ALLOWED', 'AUTH.COUNTER_ONLY'],
    },
    ({ context, request, params, query }) => {
      const today = context.clock.today();
      return listNotices(context, request.actor, params.kind as NoticeKind, (query.from as PlainDate | undefined) ?? today, (query.to as PlainDate | undefined) ?? (query.from as PlainDate | undefined) ?? today, query.officeId);
    },
    (value) => ({
      filename: `notices-${value.kind}-${value.from}-${value.to}.csv`,
      header: NOTICE_CSV_COLUMNS.map(([label]) => label),
      rows: value.notices.map((notice) => NOTICE_CSV_COLUMNS.map(([, cell]) => cell(notice))),
    }),
  );
}
