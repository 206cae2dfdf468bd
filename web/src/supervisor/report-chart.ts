import type { Report } from '../api/types';
import { addDays } from '../i18n/format';
import type { MessageKey } from '../i18n/messages';

/** A colour of the Digital Agency's palette, read from its design tokens when the chart is drawn. */
export type ChartColour = `--color-primitive-${string}`;

/** What a bar chart shows, worked out from a report's rows; chart.js draws it. */
export interface ChartSpec {
  readonly labels: readonly string[];
  readonly datasets: readonly { readonly key: string; readonly data: readonly number[]; readonly colour: ChartColour }[];
  readonly stacked: boolean;
  /** The words of the canvas's `aria-label`, with the figures a reader would look for first. */
  readonly summary: { readonly key: MessageKey; readonly params: Record<string, string | number> };
}

/** Card statuses in the order of a card's life, each with a colour of its own; the table beside names them. */
const STATUS_COLOURS: Record<string, ChartColour> = {
  applied: '--color-primitive-light-blue-600',
  ready: '--color-primitive-cyan-900',
  active: '--color-primitive-green-700',
  suspended: '--color-primitive-orange-600',
  expired: '--color-primitive-red-900',
  abolished: '--color-primitive-purple-900',
  returned: '--color-primitive-yellow-700',
};
const FIRST: ChartColour = '--color-primitive-blue-900';
const SECOND: ChartColour = '--color-primitive-orange-700';

/** A day on the axis as 11-26: the year is in the title, and a month of full dates would not fit. */
const axisDay = (day: string) => day.slice(5);

const number = (value: string | number | undefined) => Number(value ?? 0);

/** Every day from `from` to `to`: a day without records is a bar of zero, not a missing bar. */
function days(from: string, to: string): string[] {
  const all: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) all.push(day);
  return all;
}

/** The sum of `key` over the rows of each day. */
function perDay(report: Report, key: string): { days: string[]; data: number[] } {
  const sums = new Map<string, number>();
  for (const row of report.rows) sums.set(String(row.date), (sums.get(String(row.date)) ?? 0) + number(row[key]));
  const all = report.from && report.to ? days(report.from, report.to) : [...sums.keys()];
  return { days: all, data: all.map((day) => sums.get(day) ?? 0) };
}

function peak(labels: readonly string[], data: readonly number[]): { peakDate: string; peak: number } {
  let best = 0;
  data.forEach((value, index) => {
    if (value > data[best]!) best = index;
  });
  return { peakDate: labels[best] ?? '—', peak: data[best] ?? 0 };
}

/**
 * The chart of a report, where a chart says something a table does not say at a glance; none for
 * the receipts, which are a list to look up. `office` names a row's office in the user's language.
 */
export function reportChart(report: Report, office: (row: Report['rows'][number]) => string, money: (yen: number) => string): ChartSpec | null {
  const range = { from: report.from ?? '', to: report.to ?? '' };
  switch (report.report) {
    case 'cards-by-status': {
      const statuses = report.columns.filter((column) => column.numeric && column.key !== 'total');
      return {
        labels: report.rows.map(office),
        datasets: statuses.map((column) => ({ key: column.key, data: report.rows.map((row) => number(row[column.key])), colour: STATUS_COLOURS[column.key] ?? FIRST })),
        stacked: true,
        summary: { key: 'chart.cards-by-status', params: { groups: report.rows.length, total: report.totals.total ?? 0 } },
      };
    }
    case 'procedures': {
      const { days: all, data } = perDay(report, 'count');
      return {
        labels: all.map(axisDay),
        datasets: [{ key: 'count', data, colour: FIRST }],
        stacked: false,
        summary: { key: 'chart.procedures', params: { ...range, total: report.totals.count ?? 0, ...peak(all, data) } },
      };
    }
    case 'suspensions': {
      const suspensions = perDay(report, 'suspensions');
      return {
        labels: suspensions.days.map(axisDay),
        datasets: [
          { key: 'suspensions', data: suspensions.data, colour: FIRST },
          { key: 'resumptions', data: perDay(report, 'resumptions').data, colour: SECOND },
        ],
        stacked: false,
        summary: { key: 'chart.suspensions', params: { ...range, suspensions: report.totals.suspensions ?? 0, resumptions: report.totals.resumptions ?? 0 } },
      };
    }
    case 'fees': {
      const { days: all, data } = perDay(report, 'total');
      const top = peak(all, data);
      return {
        labels: all.map(axisDay),
        datasets: [{ key: 'total', data, colour: FIRST }],
        stacked: false,
        summary: { key: 'chart.fees', params: { ...range, total: money(report.totals.total ?? 0), peakDate: top.peakDate, peak: money(top.peak) } },
      };
    }
    case 'upcoming':
      return {
        labels: report.rows.map((row) => String(row.month)),
        datasets: [
          { key: 'expiries', data: report.rows.map((row) => number(row.expiries)), colour: FIRST },
          { key: 'lapses', data: report.rows.map((row) => number(row.lapses)), colour: SECOND },
        ],
        stacked: false,
        summary: { key: 'chart.upcoming', params: { ...range, expiries: report.totals.expiries ?? 0, lapses: report.totals.lapses ?? 0 } },
      };
    case 'statistics': {
      // Both sexes together per age band: how many live here and how many hold a card.
      const bands = [...new Set(report.rows.map((row) => String(row.ageBand)))];
      const sum = (key: string) => bands.map((band) => report.rows.filter((row) => row.ageBand === band).reduce((total, row) => total + number(row[key]), 0));
      return {
        labels: bands,
        datasets: [
          { key: 'residents', data: sum('residents'), colour: FIRST },
          { key: 'cardsHeld', data: sum('cardsHeld'), colour: SECOND },
        ],
        stacked: false,
        summary: {
          key: 'chart.statistics',
          params: { month: range.from.slice(0, 7), residents: report.totals.residents ?? 0, cardsHeld: report.totals.cardsHeld ?? 0, rate: report.totals.holdingRate ?? 0 },
        },
      };
    }
    // The receipts and the guide's feedback are read as their tables.
    case 'receipts':
    case 'guide-feedback':
    case 'guide-feedback-comments':
    case 'pickup-waiting':
    case 'pickup-discard-soon':
      return null;
  }
}
