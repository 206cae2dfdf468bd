import { ABOLITION_REASONS, RETURN_REASONS } from '../domain/card.ts';
import { AGE_BANDS, ageBandOn } from '../rules/age-bands.ts';
import { addDays, addMonthsClamped, type PlainDate } from '../rules/plain-date.ts';
import { REISSUE_REASONS } from '../rules/policy.ts';
import { japanDateOf } from './clock.ts';
import type { StatisticsFacts } from './ports/report-repository.ts';

/**
 * The ministry's monthly statistics (docs/statistics.md): for one calendar month in Japan, per age
 * band and sex, the residents and the cards they hold at the month's end (保有率), and what the
 * month's records show — applications, issues, reissues by reason, returns and abolitions by
 * reason, 通知カード taken back. Counted here from the records the store hands over, so the same
 * records give the same figures on either database.
 */

export const SEXES = [
  ['male', '男'],
  ['female', '女'],
] as const;

const REISSUE_LABEL: Record<(typeof REISSUE_REASONS)[number], string> = {
  lost: '紛失',
  stolen: '盗難',
  damaged: '破損',
  dirty: '汚損',
  'notes-full': '追記欄不足',
  renewal: '更新',
  'number-change': '個人番号変更',
};
const RETURN_LABEL: Record<(typeof RETURN_REASONS)[number], string> = {
  'not-needed': '不要',
  expired: '有効期限切れ',
  'moved-abroad': '国外転出',
  replaced: '新カード交付',
  death: '死亡',
};
const ABOLITION_LABEL: Record<(typeof ABOLITION_REASONS)[number], string> = {
  'continuation-lapsed': '継続利用期限切れ',
  'move-in-late': '転入届の遅れ',
  'moved-out-before-continuation': '継続利用前の転出',
  'moved-abroad': '国外転出',
  replaced: '新カード交付',
  'number-changed': '個人番号変更',
  withdrawn: '申請取下げ',
  death: '死亡',
  uncollected: '受取期限切れ（廃棄）',
};

/** The figures' columns in their stable order: key (the API, docs/statistics.md) and the CSV's Japanese heading. */
export const STATISTICS_FIGURES: readonly (readonly [key: string, label: string])[] = [
  ['residents', '住民数（月末）'],
  ['cardsHeld', '保有枚数（月末）'],
  ['holdingRate', '保有率（％）'],
  ['applications', '交付申請'],
  ['issues', '交付'],
  ...REISSUE_REASONS.map((reason) => [`reissue:${reason}`, `再交付（${REISSUE_LABEL[reason]}）`] as const),
  ...RETURN_REASONS.map((reason) => [`return:${reason}`, `返納（${RETURN_LABEL[reason]}）`] as const),
  ...ABOLITION_REASONS.map((reason) => [`abolition:${reason}`, `廃止（${ABOLITION_LABEL[reason]}）`] as const),
  ['notificationCardsTakenBack', '通知カード回収'],
];

/** The first and last business dates of a month `YYYY-MM` (a calendar month in Japan). */
export function monthRange(month: string): { from: PlainDate; to: PlainDate } {
  const from = `${month}-01` as PlainDate;
  return { from, to: addDays(addMonthsClamped(from, 1), -1) };
}

/** When an event takes effect: its own date where it has one (a hand-over, a move, a death, an end), else the day in Japan it was recorded. */
function effectiveOn(type: string, data: Readonly<Record<string, unknown>>, recordedAt: string): PlainDate {
  const own = { CardIssued: data.handedOverOn, MovedOut: data.plannedMoveOutDate, MovedIn: data.moveInDate, ResidentDied: data.dateOfDeath }[type] ?? data.on;
  return typeof own === 'string' ? (own as PlainDate) : japanDateOf(recordedAt);
}

/** One row per age band and sex, in the order of AGE_BANDS then SEXES, with every figure (docs/statistics.md). */
export async function tabulateStatistics(facts: StatisticsFacts, month: string): Promise<Record<string, string | number>[]> {
  const { from, to } = monthRange(month);
  const rows = new Map<string, Record<string, string | number>>();
  for (const band of AGE_BANDS) {
    for (const [sex, label] of SEXES) {
      rows.set(`${band} ${sex}`, { month, ageBand: band, sex: label, ...Object.fromEntries(STATISTICS_FIGURES.map(([key]) => [key, 0])) });
    }
  }
  const rowOf = (holder: { readonly birthDate: PlainDate; readonly sex: string }) => rows.get(`${ageBandOn(holder.birthDate, to)} ${holder.sex}`);
  const add = (row: Record<string, string | number> | undefined, key: string) => {
    if (row && key in row) row[key] = Number(row[key]) + 1;
  };

  // Where each resident and card stands at the end of the month: the events of one stream after
  // another, each as of its own date, those dated after the month left out. Only the stream at
  // hand is kept, and the residents living at the month's end, for their cards.
  const living = new Set<string>();
  let resident: { id: string; row: Record<string, string | number> | undefined; lives: boolean } | undefined;
  let card: { id: string; residentId: string; row: Record<string, string | number> | undefined; held: boolean } | undefined;
  const residentDone = () => {
    if (resident?.lives) {
      living.add(resident.id);
      add(resident.row, 'residents');
    }
    resident = undefined;
  };
  const cardDone = () => {
    if (card?.held && living.has(card.residentId)) add(card.row, 'cardsHeld');
    card = undefined;
  };
  for await (const page of facts.events) {
    for (const event of page) {
      const on = effectiveOn(event.type, event.data, event.recordedAt);
      if (event.cardId === null) {
        if (resident?.id !== event.residentId) {
          residentDone();
          resident = { id: event.residentId, row: rowOf(event), lives: false };
        }
        if (on <= to) resident.lives = event.type === 'ResidentRegistered' || event.type === 'MovedIn';
        continue;
      }
      // The residents' events have all come: the last one's stream is done.
      residentDone();
      if (card?.id !== event.cardId) {
        cardDone();
        card = { id: event.cardId, residentId: event.residentId, row: rowOf(event), held: false };
      }
      if (event.type === 'CardReturned' && on >= from && on <= to) add(card.row, `return:${String(event.data.reason)}`);
      if (event.type === 'CardAbolished' && on >= from && on <= to) add(card.row, `abolition:${String(event.data.reason)}`);
      if (on <= to) card.held = event.type === 'CardIssued' || event.type === 'CardTakenOver';
    }
  }
  residentDone();
  cardDone();

  for (const act of facts.acts) {
    const row = rowOf(act);
    if (act.kind === 'card-application') add(row, 'applications');
    if (act.kind === 'card-reissue') add(row, `reissue:${String(act.details.reason)}`);
    if (act.kind === 'card-issue') {
      add(row, 'issues');
      if (act.details.notificationCardReturned === true) add(row, 'notificationCardsTakenBack');
    }
  }
  for (const row of rows.values()) row.holdingRate = holdingRate(Number(row.cardsHeld), Number(row.residents));
  return [...rows.values()];
}

/** Cards held per hundred residents, to one decimal; 0 where there are no residents. */
export function holdingRate(cardsHeld: number, residents: number): number {
  return residents === 0 ? 0 : Math.round((cardsHeld * 1000) / residents) / 10;
}
