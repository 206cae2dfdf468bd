import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { decodeCsv } from '../../app/csv-file.ts';
import { checkInDelivery, deliveryRowsOf } from '../../app/deliveries.ts';
import { refuse, refuseField } from '../../domain/errors.ts';
import { staffRoute } from '../staff-route.ts';
import { DeliveryBody, DeliveryQuery, DeliveryReportSchema } from './delivery-schemas.ts';
import type { Static } from 'typebox';

/** A delivery list of 50,000 rows (`card_id,issue_date`) is about 2 MB. */
const CSV_LIMIT = 4 * 1024 * 1024;

/** The rows of a CSV body with their line numbers; a record the parser cannot read comes as an unreadable row. */
function csvRecords(text: string): { line: number; cells: string[]; error?: string }[] {
  const records: { line: number; cells: string[]; error?: string }[] = [];
  const parsed = parse(text, {
    relax_column_count: true,
    skip_records_with_error: true,
    info: true,
    on_skip: (error) => {
      records.push({ line: Number(error?.lines ?? 0), cells: [], error: error?.message ?? 'unreadable CSV' });
      return undefined;
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  for (const { record, info } of parsed) records.push({ line: info.lines, cells: record });
  return records.sort((a, b) => a.line - b.line);
}

/**
 * docs/api.md "Pickup": a delivery of made cards from J-LIS checked in at its receiving office,
 * as JSON or as the CSV file itself (`text/csv`, UTF-8 or Shift_JIS, `card_id,issue_date`).
 */
export async function deliveryRoutes(app: FastifyInstance): Promise<void> {
  app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: CSV_LIMIT }, (_request, body, done) => done(null, decodeCsv(body as Buffer)));
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/deliveries',
      summary: 'A delivery from J-LIS checked in at its receiving office: each listed card becomes ready (readyOn = receivedOn); bad rows are listed by line; a re-send changes nothing',
      tags: ['cards'],
      querystring: DeliveryQuery,
      body: DeliveryBody,
      csvBody: 'The delivery list as CSV, UTF-8 or Shift_JIS, with the header card_id,issue_date; officeId and receivedOn in the query',
      response: DeliveryReportSchema,
      problems: ['INPUT.INVALID', 'AUTH.OFFICE_NOT_ALLOWED', 'AUTH.COUNTER_ONLY'],
      answerIsCommand: false,
    },
    async ({ context, request, query, body }) => {
      const sent = body as unknown as Static<typeof DeliveryBody> | string;
      if (typeof sent !== 'string') {
        if (query.officeId !== undefined || query.receivedOn !== undefined) return refuse('INPUT.INVALID', 'a JSON delivery names its office and day in the body, not the query');
        return checkInDelivery(context, request.actor, {
          officeId: sent.officeId,
          receivedOn: sent.receivedOn,
          rows: sent.cards.map((card, index) => ({ line: index + 1, cardId: card.cardId, issueDate: card.issueDate })),
        });
      }
      if (query.officeId === undefined) return refuseField('officeId', 'a CSV delivery names its office in the query (?officeId=)');
      if (query.receivedOn === undefined) return refuseField('receivedOn', 'a CSV delivery names the day it arrived in the query (?receivedOn=)');
      const rows = deliveryRowsOf(csvRecords(sent));
      if (!rows.ok) return rows;
      return checkInDelivery(context, request.actor, { officeId: query.officeId, receivedOn: query.receivedOn, rows: rows.value });
    },
  );
}
