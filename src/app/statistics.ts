import { ABOLITION_REASONS, RETURN_REASONS } from '../domain/card.ts';
import { AGE_BANDS, ageBandOn, type AgeBand } from '../rules/age-bands.ts';
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
export function tabulateStatistics(facts: StatisticsFacts, month: string): Record<string, string | number>[] {
  const { from, to } = monthRange(month);
  const rows = new Map<string, Record<string, string | number>>();
  for (const band of AGE_BANDS) {
    for (const [sex, label] of SEXES) {
      rows.set(`${band} ${sex}`, { month, ageBand: band, sex: label, ...Object.fromEntries(STATISTICS_FIGURES.map(([key]) => [key, 0])) });
    }
  }
  const people = new Map(facts.residents.map((resident) => [resident.id, resident]));
  const rowOf = (residentId: string): Record<string, string | number> | undefined => {
    const person = people.get(residentId);
    if (!person) return undefined;
    const band: AgeBand = ageBandOn(person.birthDate, to);
    return rows.get(`${band} ${person.sex}`);
  };
  const add = (residentId: string, key: string) => {
    const row = rowOf(residentId);
    if (row && key in row) row[key] = Number(row[key]) + 1;
  };

  // Where each resident and card stands at the end of the month: the events in each stream's
  // order, each as of its own date, those dated after the month left out.
  const living = new Map<string, boolean>();
  const held = new Map<string, { residentId: string; held: boolean }>();
  for (const event of facts.events) {
    const on = effectiveOn(event.type, event.data, event.recordedAt);
    if (event.cardId === null) {
      if (on > to) continue;
      living.set(event.residentId, event.type === 'ResidentRegistered' || event.type === 'MovedIn');
      continue;
    }
    if (event.type === 'CardReturned' && on >= from && on <= to) add(event.residentId, `return:${String(event.data.reason)}`);
    if (event.type === 'CardAbolished' && on >= from && on <= to) add(event.residentId, `abolition:${String(event.data.reason)}`);
    if (on > to) continue;
    held.set(event.cardId, { residentId: event.residentId, held: event.type === 'CardIssued' || event.type === 'CardTakenOver' });
  }
  for (const [residentId, lives] of living) if (lives) add(residentId, 'residents');
  for (const { residentId, held: isHeld } of held.values()) if (isHeld && living.get(residentId)) add(residentId, 'cardsHeld');

  for (const act of facts.acts) {
    if (act.kind === 'card-application') add(act.residentId, 'applications');
    if (act.kind === 'card-reissue') add(act.residentId, `reissue:${String(act.details.reason)}`);
    if (act.kind === 'card-issue') {
      add(act.residentId, 'issues');
      if (act.details.notificationCardReturned === true) add(act.residentId, 'notificationCardsTakenBack');
    }
  }
  for (const row of rows.values()) row.holdingRate = holdingRate(Number(row.cardsHeld), Number(row.residents));
  return [...rows.values()];
}

/** Cards held per hundred residents, to one decimal; 0 where there are no residents. */
export function holdingRate(cardsHeld: number, residents: number): number {
  return residents === 0 ? 0 : Math.round((cardsHeld * 1000) / residents) / 10;
}
