import { CARD_STATUSES } from '../domain/card.ts';
import { refuse, success } from '../domain/errors.ts';
import { HOTLINE_OFFICE, SYSTEM_OFFICE } from '../domain/roles.ts';
import { addDays, addMonthsClamped, dayOfWeek, type PlainDate } from '../rules/plain-date.ts';
import { lastReadyOnDue, pickupDeadline } from '../rules/pickup-deadline.ts';
import { authorize, type Actor } from './actor.ts';
import { checkAuditAnchor, type AnchorReason } from './audit-checkpoints.ts';
import type { AppContext } from './context.ts';
import type { JobRun } from './ports/job-run-repository.ts';
import type { Result } from './app-errors.ts';
import { SITUATION_TITLES } from '../domain/guide/guide-text.ts';
import { holdingRate, monthRange, STATISTICS_FIGURES, tabulateStatistics } from './statistics.ts';
import { isSituation } from '../domain/guide/situation.ts';
import { Lang } from './guide/lang.ts';
import { wordsFor } from './guide/localize-guide.ts';

/** How far ahead the supervisors' list of cards nearing their discard day looks (R-19), in days. */
export const DISCARD_SOON_DAYS = 30;

/** What each report is, for the list in the app and the title of its CSV. */
export const REPORTS = {
  'cards-by-status': { title: 'カードの状態別枚数（受取窓口別）', ranged: false },
  procedures: { title: '手続件数（日別・種類別・窓口別）', ranged: true },
  suspensions: { title: '一時停止と解除（日別）', ranged: true },
  fees: { title: '手数料の収納（日別・窓口別、領収番号つき）', ranged: true },
  receipts: { title: '領収書の一覧', ranged: true },
  upcoming: { title: '今後の有効期限と継続利用の期限切れ（月別）', ranged: false },
  'guide-feedback': { title: '手続きガイドの評価（場面別・言語別）', ranged: true },
  'guide-feedback-comments': { title: '手続きガイドへのコメント', ranged: true },
  'pickup-waiting': { title: '交付待ちのカード（受取窓口別・到着からの期間別）', ranged: false },
  'pickup-discard-soon': { title: `廃棄が近い交付待ちのカード（${DISCARD_SOON_DAYS}日以内）`, ranged: false },
  statistics: { title: 'マイナンバーカード月次統計（年齢階層別・男女別）', ranged: false, monthly: true },
} as const;
export type ReportName = keyof typeof REPORTS;
export const REPORT_NAMES = Object.keys(REPORTS) as ReportName[];

/**
 * A report as a table, what the reports screen shows and the CSV carries. The answers' schemas are
 * the HTTP contract's (http/reports/report-schemas.ts); http/agreement.ts holds these types to them.
 */
export interface Report {
  readonly report: ReportName;
  readonly title: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly columns: { readonly key: string; readonly label: string; readonly numeric: boolean }[];
  readonly rows: Record<string, string | number>[];
  /** The sum of each numeric column over the rows, to check a chart or a cash book against. */
  readonly totals: Record<string, number>;
}

/** Today at a glance (the dashboard). */
export interface Dashboard {
  readonly today: string;
  /** Procedures recorded today, all counters. */
  readonly procedures: number;
  readonly proceduresByKind: Record<string, number>;
  readonly suspensions: number;
  readonly resumptions: number;
  readonly fees: { readonly receipts: number; readonly total: number };
  readonly cardsByStatus: Record<string, number>;
  readonly pendingApprovals: number;
  readonly lastSweep: JobRun | null;
  /** The pickup pipeline (docs/pickup.md): from J-LIS delivery to hand-over. */
  readonly pickup: { readonly deliveredThisWeek: number; readonly waiting: number; readonly bookedToday: number; readonly discardSoon: number; readonly uncollectedThisMonth: number };
  /** Set when the audit trail no longer holds its last checkpoint or the checkpoints are damaged. */
  readonly auditAlert: { readonly reason: AnchorReason; readonly detail: string; readonly checkpoint: number | null } | null;
}

/** The reports there are, for who may read them. */
export async function reportList(actor: Actor): Promise<Result<{ name: ReportName; title: string; ranged: boolean; monthly: boolean }[]>> {
  const allowed = authorize(actor, 'report.read');
  if (!allowed.ok) return allowed;
  // A monthly report covers one calendar month (`month`), a ranged one the dates `from`–`to`.
  return success(REPORT_NAMES.map((name) => ({ name, title: REPORTS[name].title, ranged: REPORTS[name].ranged, monthly: 'monthly' in REPORTS[name] })));
}

/**
 * The office id under which the cards-by-status report counts the cards taken over from another
 * municipality at a move-in (`docs/domain.md`): they were never waiting at a counter of ours.
 */
export const OTHER_MUNICIPALITY = 'other-municipality';

type Column = readonly [key: string, label: string, numeric?: 'n'];

function table(report: ReportName, range: { from: PlainDate; to: PlainDate } | null, columns: readonly Column[], rows: Record<string, string | number>[]): Report {
  const totals: Record<string, number> = {};
  for (const [key, , numeric] of columns) if (numeric) totals[key] = rows.reduce((sum, row) => sum + Number(row[key] ?? 0), 0);
  return {
    report,
    title: REPORTS[report].title,
    from: range?.from ?? null,
    to: range?.to ?? null,
    columns: columns.map(([key, label, numeric]) => ({ key, label, numeric: numeric === 'n' })),
    rows,
    totals,
  };
}

const STATUS_LABEL: Record<string, string> = {
  applied: '申請中',
  ready: '交付待ち',
  active: '有効',
  suspended: '一時停止中',
  expired: '期限切れ',
  abolished: '廃止',
  returned: '返納済み',
};

/**
 * A report for supervisors and auditors, counted in the database from the records themselves:
 * the figures are the records, not a copy kept beside them. Ranged reports cover `from`–`to`
 * (business dates, both included; the month so far by default, a year at most).
 */
export async function report(app: AppContext, actor: Actor, name: ReportName, query: { from?: PlainDate; to?: PlainDate; month?: string }): Promise<Result<Report>> {
  const allowed = authorize(actor, 'report.read');
  if (!allowed.ok) return allowed;
  const today = app.clock.today();
  const from = query.from ?? (`${today.slice(0, 8)}01` as PlainDate);
  const to = query.to ?? today;
  if (REPORTS[name].ranged) {
    if (to < from) return refuse('INPUT.INVALID', `to (${to}) is before from (${from})`);
    if (addMonthsClamped(from, 12) < to) return refuse('INPUT.INVALID', 'a report covers at most a year');
  }
  const range = { from, to };
  const office = (id: string) =>
    app.offices.offices.find((candidate) => candidate.id === id)?.name ??
    (id === HOTLINE_OFFICE ? app.offices.hotline.name : id === SYSTEM_OFFICE ? '夜間処理（システム）' : id === OTHER_MUNICIPALITY ? '他の市区町村で交付（転入で引継ぎ）' : id);
  // Counting scans whole tables: on the read replica when there is one, a moment behind the
  // counters (docs/architecture.md "Read replica"), so that it never slows them down.
  const reports = app.store.replica.reports;
  switch (name) {
    case 'statistics': {
      // The last whole month by default: what the ministry asks for at the start of the next.
      const month = query.month ?? addMonthsClamped(`${today.slice(0, 8)}01` as PlainDate, -1).slice(0, 7);
      if (month > today.slice(0, 7)) return refuse('INPUT.INVALID', `month: ${month} has not begun (today is ${today})`);
      const days = monthRange(month);
      const rows = await tabulateStatistics(await reports.statisticsFacts(days.from, days.to), month);
      const result = table(name, days, [['month', '月'], ['ageBand', '年齢階層'], ['sex', '性別'], ...STATISTICS_FIGURES.map(([key, label]): Column => [key, label, 'n'])], rows);
      // The rate of the whole month, not a sum of rates.
      return success({ ...result, totals: { ...result.totals, holdingRate: holdingRate(result.totals.cardsHeld ?? 0, result.totals.residents ?? 0) } });
    }
    case 'cards-by-status': {
      const byOffice = new Map<string, Record<string, string | number>>();
      for (const { officeId: pickup, status, count } of await reports.cardsByStatus()) {
        // A card taken over at a move-in was handed over by the city that issued it (its
        // "pickup office" is that city's name): no counter of ours, so one row of its own.
        const officeId = app.offices.offices.some((candidate) => candidate.id === pickup) ? pickup : OTHER_MUNICIPALITY;
        let row = byOffice.get(officeId);
        if (!row) byOffice.set(officeId, (row = { officeId, office: office(officeId), ...Object.fromEntries(CARD_STATUSES.map((s) => [s, 0])), total: 0 }));
        row[status] = Number(row[status] ?? 0) + count;
        row.total = Number(row.total) + count;
      }
      return success(
        table(name, null, [['officeId', '窓口ID'], ['office', '受取窓口'], ...CARD_STATUSES.map((status): Column => [status, STATUS_LABEL[status] ?? status, 'n']), ['total', '合計', 'n']], [
          // Ours by id first, the cards of other municipalities last.
          ...[...byOffice.values()].sort((a, b) => Number(a.officeId === OTHER_MUNICIPALITY) - Number(b.officeId === OTHER_MUNICIPALITY)),
        ]),
      );
    }
    case 'procedures':
      return success(
        table(
          name,
          range,
          [['date', '日付'], ['kind', '手続'], ['officeId', '窓口ID'], ['office', '窓口'], ['count', '件数', 'n']],
          (await reports.proceduresByDay(from, to)).map((row) => ({ ...row, office: office(row.officeId) })),
        ),
      );
    case 'suspensions': {
      const days = new Map<string, { date: string; suspensions: number; resumptions: number }>();
      for (const row of await reports.proceduresByDay(from, to)) {
        if (row.kind !== 'card-suspension' && row.kind !== 'card-resumption') continue;
        let day = days.get(row.date);
        if (!day) days.set(row.date, (day = { date: row.date, suspensions: 0, resumptions: 0 }));
        if (row.kind === 'card-suspension') day.suspensions += row.count;
        else day.resumptions += row.count;
      }
      return success(table(name, range, [['date', '日付'], ['suspensions', '一時停止', 'n'], ['resumptions', '解除', 'n']], [...days.values()]));
    }
    case 'fees': {
      const days = new Map<string, { date: string; officeId: string; office: string; receipts: number; total: number; firstReceipt: string; lastReceipt: string }>();
      for (const receipt of await reports.receipts(from, to)) {
        const key = `${receipt.date} ${receipt.officeId}`;
        const day = days.get(key);
        if (!day) {
          days.set(key, { date: receipt.date, officeId: receipt.officeId, office: office(receipt.officeId), receipts: 1, total: receipt.fee, firstReceipt: receipt.receiptNumber, lastReceipt: receipt.receiptNumber });
        } else {
          day.receipts++;
          day.total += receipt.fee;
          day.lastReceipt = receipt.receiptNumber;
        }
      }
      return success(
        table(
          name,
          range,
          [['date', '日付'], ['officeId', '窓口ID'], ['office', '窓口'], ['receipts', '領収書の枚数', 'n'], ['total', '金額（円）', 'n'], ['firstReceipt', '最初の領収番号'], ['lastReceipt', '最後の領収番号']],
          [...days.values()],
        ),
      );
    }
    case 'receipts':
      return success(
        table(
          name,
          range,
          [['date', '日付'], ['receiptNumber', '領収番号'], ['officeId', '窓口ID'], ['office', '窓口'], ['kind', '手続'], ['fee', '金額（円）', 'n'], ['occurredAt', '日時']],
          (await reports.receipts(from, to)).map((row) => ({ ...row, office: office(row.officeId) })),
        ),
      );
    case 'guide-feedback': {
      // One row per situation and language: how many answered, and how (docs/api.md "Guide feedback").
      const rows = new Map<string, Record<string, string | number>>();
      for (const count of await app.store.replica.guideFeedback.counts(from, to)) {
        const key = `${count.situation} ${count.lang}`;
        let row = rows.get(key);
        if (!row) {
          // The title as this municipality's guide shows it in Japanese: its name in place of {municipality}.
          const title = isSituation(count.situation) ? wordsFor(Lang.Japanese, app.offices).t(SITUATION_TITLES[count.situation]) : count.situation;
          rows.set(key, (row = { situation: count.situation, title, lang: count.lang, answers: 0, helpfulYes: 0, helpfulNo: 0, easyYes: 0, easyNo: 0, comments: 0 }));
        }
        row.answers = Number(row.answers) + count.count;
        row[count.helpful === 'yes' ? 'helpfulYes' : 'helpfulNo'] = Number(row[count.helpful === 'yes' ? 'helpfulYes' : 'helpfulNo']) + count.count;
        row[count.easyToFind === 'yes' ? 'easyYes' : 'easyNo'] = Number(row[count.easyToFind === 'yes' ? 'easyYes' : 'easyNo']) + count.count;
        row.comments = Number(row.comments) + count.comments;
      }
      return success(
        table(
          name,
          range,
          [
            ['situation', '場面ID'],
            ['title', '場面'],
            ['lang', '言語'],
            ['answers', '回答数', 'n'],
            ['helpfulYes', '役に立った', 'n'],
            ['helpfulNo', '役に立たなかった', 'n'],
            ['easyYes', '見つけやすかった', 'n'],
            ['easyNo', '見つけにくかった', 'n'],
            ['comments', 'コメント数', 'n'],
          ],
          [...rows.values()],
        ),
      );
    }
    case 'guide-feedback-comments':
      return success(
        table(
          name,
          range,
          [['receivedOn', '日付'], ['situation', '場面ID'], ['lang', '言語'], ['helpful', '役に立った'], ['easyToFind', '見つけやすかった'], ['comment', 'コメント']],
          await app.store.replica.guideFeedback.comments(from, to),
        ),
      );
    case 'pickup-waiting': {
      // Ages by R-19's steps: before the reminder, reminded, and past the month before the discard.
      const reminder = lastReadyOnDue(today, app.rules.policy.pickup.reminderMonths);
      const lastMonth = lastReadyOnDue(addDays(today, DISCARD_SOON_DAYS), app.rules.policy.pickup.keepMonths);
      const byOffice = new Map<string, { officeId: string; office: string; recent: number; reminded: number; discardSoon: number; total: number; oldest: string }>();
      for (const { officeId, readyOn, count } of await reports.waitingByDay()) {
        let row = byOffice.get(officeId);
        if (!row) byOffice.set(officeId, (row = { officeId, office: office(officeId), recent: 0, reminded: 0, discardSoon: 0, total: 0, oldest: readyOn }));
        if (readyOn <= lastMonth) row.discardSoon += count;
        else if (readyOn <= reminder) row.reminded += count;
        else row.recent += count;
        row.total += count;
        if (readyOn < row.oldest) row.oldest = readyOn;
      }
      const { reminderMonths } = app.rules.policy.pickup;
      return success(
        table(
          name,
          null,
          [
            ['officeId', '窓口ID'],
            ['office', '受取窓口'],
            ['recent', `到着から${reminderMonths}か月未満`, 'n'],
            ['reminded', `${reminderMonths}か月以上（再通知済み）`, 'n'],
            ['discardSoon', `廃棄まで${DISCARD_SOON_DAYS}日以内`, 'n'],
            ['total', '合計', 'n'],
            ['oldest', '最も古い到着日'],
          ],
          [...byOffice.values()],
        ),
      );
    }
    case 'pickup-discard-soon': {
      const rows = await reports.waitingSince(lastReadyOnDue(addDays(today, DISCARD_SOON_DAYS), app.rules.policy.pickup.keepMonths));
      return success(
        table(
          name,
          null,
          [['cardId', 'カードID'], ['residentId', '住民ID'], ['name', '氏名'], ['officeId', '窓口ID'], ['office', '受取窓口'], ['readyOn', '到着日'], ['collectBy', '受取期限'], ['discardOn', '廃棄日']],
          rows.flatMap((row) => {
            const deadline = pickupDeadline({ readyOn: row.readyOn }, app.rules);
            if (!deadline.ok) return [];
            return [{ cardId: row.cardId, residentId: row.residentId, name: `${row.familyName} ${row.givenName}`, officeId: row.officeId, office: office(row.officeId), readyOn: row.readyOn, collectBy: deadline.value.collectBy, discardOn: deadline.value.discardOn }];
          }),
        ),
      );
    }
    case 'upcoming': {
      const start = today;
      const end = addDays(addMonthsClamped(`${today.slice(0, 8)}01` as PlainDate, 12), -1);
      const months = new Map<string, { month: string; expiries: number; lapses: number }>();
      for (let month = `${today.slice(0, 8)}01` as PlainDate; month <= end; month = addMonthsClamped(month, 1)) {
        months.set(month.slice(0, 7), { month: month.slice(0, 7), expiries: 0, lapses: 0 });
      }
      for (const { month, count } of await reports.expiriesByMonth(start, end)) months.get(month)!.expiries = count;
      for (const { month, count } of await reports.lapsesByMonth(start, end)) months.get(month)!.lapses = count;
      return success(table(name, { from: start, to: end }, [['month', '月'], ['expiries', '有効期限を迎えるカード', 'n'], ['lapses', '継続利用の期限切れで廃止になるカード', 'n']], [...months.values()]));
    }
  }
}

/** Today at a glance for a supervisor: what the counters did, what is waiting, how the night went. */
export async function dashboard(app: AppContext, actor: Actor): Promise<Result<Dashboard>> {
  const allowed = authorize(actor, 'report.read');
  if (!allowed.ok) return allowed;
  const today = app.clock.today();
  // On the read replica as the reports are (docs/architecture.md "Read replica"): a supervisor's glance may be a moment behind.
  const reports = app.store.replica.reports;
  const proceduresByKind: Record<string, number> = {};
  for (const { kind, count } of await reports.proceduresByDay(today, today)) proceduresByKind[kind] = (proceduresByKind[kind] ?? 0) + count;
  const receipts = await reports.receipts(today, today);
  const cardsByStatus: Record<string, number> = Object.fromEntries(CARD_STATUSES.map((status) => [status, 0]));
  for (const { status, count } of await reports.cardsByStatus()) cardsByStatus[status] = (cardsByStatus[status] ?? 0) + count;
  const pendingApprovals = await app.store.replica.approvals.count('pending');
  const [lastSweep] = await app.store.replica.jobRuns.list('sweep', 1);
  // The same cheap check the server runs every minute, so the alert is there whichever process saw the cut.
  const anchor = await checkAuditAnchor(app);
  const monday = addDays(today, -((dayOfWeek(today) + 6) % 7));
  let waiting = 0;
  let discardSoon = 0;
  const soon = lastReadyOnDue(addDays(today, DISCARD_SOON_DAYS), app.rules.policy.pickup.keepMonths);
  for (const row of await reports.waitingByDay()) {
    waiting += row.count;
    if (row.readyOn <= soon) discardSoon += row.count;
  }
  return success({
    today,
    procedures: Object.values(proceduresByKind).reduce((sum, count) => sum + count, 0),
    proceduresByKind,
    suspensions: proceduresByKind['card-suspension'] ?? 0,
    resumptions: proceduresByKind['card-resumption'] ?? 0,
    fees: { receipts: receipts.length, total: receipts.reduce((sum, receipt) => sum + receipt.fee, 0) },
    cardsByStatus,
    pendingApprovals,
    lastSweep: (lastSweep as JobRun | undefined) ?? null,
    pickup: {
      deliveredThisWeek: await reports.deliveredBetween(monday, today),
      waiting,
      bookedToday: await reports.bookedOn(today),
      discardSoon,
      uncollectedThisMonth: await reports.uncollectedBetween(`${today.slice(0, 8)}01` as PlainDate, today),
    },
    auditAlert: anchor.problem ? { reason: anchor.problem.reason, detail: anchor.problem.detail, checkpoint: anchor.checkpoint?.n ?? null } : null,
  });
}
