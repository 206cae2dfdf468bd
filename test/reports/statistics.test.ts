import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { monthRange, tabulateStatistics } from '../../src/app/statistics.ts';
import { AGE_BANDS } from '../../src/rules/age-bands.ts';
import type { PlainDate } from '../../src/rules/plain-date.ts';
import { DIALECTS } from '../support/databases.ts';
import { PINS, residentBody, residentWithActiveCard, worldFor, type World } from '../support/world.ts';

const day = (date: string) => date as PlainDate;

/** The CSV's header row (docs/statistics.md "Layout"): a change here is a change of the documented layout. */
const HEADER = [
  '月',
  '年齢階層',
  '性別',
  '住民数（月末）',
  '保有枚数（月末）',
  '保有率（％）',
  '交付申請',
  '交付',
  '再交付（紛失）',
  '再交付（盗難）',
  '再交付（破損）',
  '再交付（汚損）',
  '再交付（追記欄不足）',
  '再交付（更新）',
  '再交付（個人番号変更）',
  '返納（不要）',
  '返納（有効期限切れ）',
  '返納（国外転出）',
  '返納（新カード交付）',
  '返納（死亡）',
  '廃止（継続利用期限切れ）',
  '廃止（転入届の遅れ）',
  '廃止（継続利用前の転出）',
  '廃止（国外転出）',
  '廃止（新カード交付）',
  '廃止（個人番号変更）',
  '廃止（申請取下げ）',
  '廃止（死亡）',
  '廃止（受取期限切れ（廃棄））',
  '通知カード回収',
];

type Row = Record<string, string | number>;

async function register(world: World, overrides: Record<string, unknown>): Promise<string> {
  const answer = await world.call('clerk', 'POST', '/api/v1/residents', residentBody(overrides));
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.id as string;
}

describe.each(DIALECTS)('statistics for the ministry on $name', ({ create }) => {
  const world = worldFor(create);

  beforeAll(async () => {
    // October: a man of 41 registers and applies; his card is handed over in November.
    world.clock.set(day('2026-10-20'));
    const october = await register(world, { sex: 'male', birthDate: '1985-07-07' });
    const applied = await world.call('clerk', 'POST', `/api/v1/residents/${october}/card-applications`, {
      applicationDate: '2026-10-20',
      photoTakenOn: '2026-10-01',
      withSignatureCertificate: false,
      withUserCertificate: false,
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);

    world.clock.set(day('2026-11-05'));
    expect((await world.call('clerk', 'POST', `/api/v1/cards/${applied.body.id}/manufacture`, { issueDate: '2026-11-02' })).status).toBe(200);
    const issued = await world.call('clerk', 'POST', `/api/v1/cards/${applied.body.id}/issue`, {
      handedOverOn: '2026-11-05',
      pins: PINS,
      identityDocuments: ['driving-licence'],
      notificationCardReturned: false,
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    // Two women of 35–39 with cards (a 通知カード taken back from each); one card is reissued as damaged.
    await residentWithActiveCard(world, { sex: 'female', birthDate: '1990-05-10' });
    const damaged = await residentWithActiveCard(world, { sex: 'female', birthDate: '1990-06-01' });
    const reissued = await world.call('clerk', 'POST', `/api/v1/cards/${damaged.cardId}/reissue`, {
      reason: 'damaged',
      photoTakenOn: '2026-11-01',
      applicationDate: '2026-11-05',
      identityDocuments: ['my-number-card'],
    });
    expect(reissued.status, JSON.stringify(reissued.body)).toBe(200);
    // A youth of 16 returns his card; a man of 76 dies and his card is abolished.
    const boy = await residentWithActiveCard(world, { sex: 'male', birthDate: '2010-01-15' });
    expect((await world.call('clerk', 'POST', `/api/v1/cards/${boy.cardId}/return`, { reason: 'not-needed' })).status).toBe(200);
    const elder = await residentWithActiveCard(world, { sex: 'male', birthDate: '1950-03-01' });
    const death = await world.call('clerk', 'POST', `/api/v1/residents/${elder.residentId}/death`, { dateOfDeath: '2026-11-04', notifiedOn: '2026-11-05' });
    expect(death.status, JSON.stringify(death.body)).toBe(200);
    // A man of 66 moves out on 11-20: no longer a resident at the month's end, his card not counted as held here.
    const leaver = await residentWithActiveCard(world, { sex: 'male', birthDate: '1960-02-02' });
    const left = await world.call('clerk', 'POST', `/api/v1/residents/${leaver.residentId}/move-out`, { plannedMoveOutDate: '2026-11-20', destination: '千葉県市川市' });
    expect(left.status, JSON.stringify(left.body)).toBe(200);
    // A woman of 101 notifies a move-out for 2026-12-01: still a resident at the end of November.
    const centenarian = await register(world, { sex: 'female', birthDate: '1925-06-01' });
    const leaving = await world.call('clerk', 'POST', `/api/v1/residents/${centenarian}/move-out`, { plannedMoveOutDate: '2026-12-01', destination: '埼玉県川口市' });
    expect(leaving.status, JSON.stringify(leaving.body)).toBe(200);
    // Born 2001-12-01: 25 by law at the end of 2026-11-30 (a year is completed the day before the birthday), so 25–29.
    await register(world, { sex: 'female', birthDate: '2001-12-01' });

    // December: a new resident applies; nothing of it belongs to November.
    world.clock.set(day('2026-12-03'));
    const december = await register(world, { sex: 'female', birthDate: '1990-01-01' });
    expect((await world.call('clerk', 'POST', `/api/v1/residents/${december}/card-applications`, { applicationDate: '2026-12-03', photoTakenOn: '2026-12-01', withSignatureCertificate: false, withUserCertificate: false })).status).toBe(201);
  });

  const statistics = async (month: string) => {
    const answer = await world.call('supervisor', 'GET', `/api/v1/reports/statistics?month=${month}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body as { report: string; from: string; to: string; columns: { key: string; label: string }[]; rows: Row[]; totals: Record<string, number> };
  };
  /** The rows with any figure other than 0, by band and sex, with only their non-zero figures. */
  const nonZero = (rows: Row[]) =>
    Object.fromEntries(
      rows
        .map((row) => [`${row.ageBand} ${row.sex}`, Object.fromEntries(Object.entries(row).filter(([key, value]) => !['month', 'ageBand', 'sex'].includes(key) && value !== 0))] as const)
        .filter(([, figures]) => Object.keys(figures).length > 0),
    );

  it('equal the counts of the records of the month: residents and cards held at its end, and its acts and events by age band and sex', async () => {
    const november = await statistics('2026-11');
    expect(november).toMatchObject({ report: 'statistics', from: '2026-11-01', to: '2026-11-30' });
    expect(november.rows).toHaveLength(AGE_BANDS.length * 2);
    expect(november.rows.slice(0, 2).map((row) => [row.ageBand, row.sex])).toEqual([
      ['0-4', '男'],
      ['0-4', '女'],
    ]);
    expect(nonZero(november.rows)).toEqual({
      '15-19 男': { residents: 1, applications: 1, issues: 1, 'return:not-needed': 1, notificationCardsTakenBack: 1 },
      '25-29 女': { residents: 1 },
      '35-39 女': { residents: 2, cardsHeld: 2, holdingRate: 100, applications: 2, issues: 2, 'reissue:damaged': 1, notificationCardsTakenBack: 2 },
      '40-44 男': { residents: 1, cardsHeld: 1, holdingRate: 100, issues: 1 },
      '65-69 男': { applications: 1, issues: 1, notificationCardsTakenBack: 1 },
      '100+ 女': { residents: 1 },
      '75-79 男': { applications: 1, issues: 1, 'abolition:death': 1, notificationCardsTakenBack: 1 },
    });
    expect(november.rows.find((row) => row.ageBand === '15-19' && row.sex === '男')).toMatchObject({ residents: 1, cardsHeld: 0, holdingRate: 0 });
    // The totals row's 保有率 is the whole month's rate (3 cards held by 6 residents), not a sum of rates.
    expect(november.totals).toMatchObject({ residents: 6, cardsHeld: 3, holdingRate: 50, applications: 5, issues: 6, 'reissue:damaged': 1, 'return:not-needed': 1, 'abolition:death': 1, notificationCardsTakenBack: 5 });

    // October knew one resident, who had applied, and no card in anyone's hands.
    const october = await statistics('2026-10');
    expect(nonZero(october.rows)).toEqual({ '40-44 男': { residents: 1, applications: 1 } });
    // December so far: one more resident and her application, the woman of 101 gone on 12-01, the November cards still held.
    const december = await statistics('2026-12');
    expect(december.totals).toMatchObject({ residents: 6, cardsHeld: 3, applications: 1, issues: 0 });
    expect(december.rows.find((row) => row.ageBand === '100+' && row.sex === '女')).toMatchObject({ residents: 0 });
  });

  it('covers the last whole month by default and refuses a month not begun or not a month', async () => {
    expect((await world.call('supervisor', 'GET', '/api/v1/reports/statistics')).body).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    const future = await world.call('supervisor', 'GET', '/api/v1/reports/statistics?month=2027-01');
    expect(future).toMatchObject({ status: 400, body: { code: 'INPUT.INVALID' } });
    for (const month of ['2026-13', '2026-1', '202611']) expect((await world.call('supervisor', 'GET', `/api/v1/reports/statistics?month=${month}`)).status).toBe(400);
    expect((await world.call('supervisor', 'GET', '/api/v1/reports')).body).toContainEqual({ name: 'statistics', title: expect.stringContaining('月次統計'), ranged: false, monthly: true });
  });

  it('is a CSV in the documented layout, every cell a number or a fixed label no spreadsheet would run', async () => {
    const response = await world.http.inject({ method: 'GET', url: '/api/v1/reports/statistics?month=2026-11', headers: { ...world.headersOf('supervisor'), accept: 'text/csv' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="statistics-2026-11.csv"');
    const lines: string[][] = parse(response.body.replace(/^\uFEFF/, ''));
    expect(lines[0]).toEqual(HEADER);
    expect(lines).toHaveLength(1 + AGE_BANDS.length * 2);
    expect(lines.find((line) => line[1] === '35-39' && line[2] === '女')).toEqual(['2026-11', '35-39', '女', '2', '2', '100', '2', '2', '0', '0', '1', ...Array(18).fill('0'), '2']);
    expect(lines.at(-1)!.slice(0, 3)).toEqual(['2026-11', '100+', '女']);
    for (const cell of lines.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('counts the same when the events are read one at a time as when read a page of thousands at once', async () => {
    const month = monthRange('2026-11');
    const counted = async (pageSize?: number) => tabulateStatistics(await world.app.store.replica.reports.statisticsFacts(month.from, month.to, pageSize), '2026-11');
    const whole = await counted();
    expect(whole.some((row) => Number(row.cardsHeld) > 0)).toBe(true);
    expect(await counted(1)).toEqual(whole);
  });

  it('is read by supervisors and auditors only, as every report', async () => {
    expect((await world.call('auditor', 'GET', '/api/v1/reports/statistics?month=2026-11')).status).toBe(200);
    for (const who of ['clerk', 'hotline', 'admin'] as const) {
      const refused = await world.call(who, 'GET', '/api/v1/reports/statistics?month=2026-11');
      expect(refused.status, who).toBe(403);
      expect(JSON.stringify(refused.body)).not.toContain('cardsHeld');
    }
    expect((await world.call(null, 'GET', '/api/v1/reports/statistics?month=2026-11')).status).toBe(401);
  });
});
