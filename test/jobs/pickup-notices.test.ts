import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlainDate } from '../../src/rules/plain-date.ts';
import { DIALECTS } from '../support/databases.ts';
import { deliver } from '../support/pickup.ts';
import { appliedCard, PARENT, PINS, worldFor } from '../support/world.ts';

const day = (date: string) => date as PlainDate;

interface Letter {
  cardId: string;
  noticeDate: string;
  name: string;
  postalCode: string | null;
  address: string;
  subject: string;
  paragraphs: string[];
  bring: string[];
  deadline: string;
  referenceNumber: string | null;
  representative: boolean;
  office: { id: string; name: string; address: string; hours: string };
}

describe.each(DIALECTS)('交付通知書 (R-19) on $name', ({ create }) => {
  const world = worldFor(create);
  const people: Record<string, string> = {};
  const letters = async (kind: string, from: string, to = from) => {
    const answer = await world.call('supervisor', 'GET', `/api/v1/notices/${kind}?from=${from}&to=${to}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body.notices as Letter[];
  };

  beforeAll(async () => {
    world.clock.set(day('2026-11-26'));
    people.adult = (await appliedCard(world, { familyName: '受取', givenName: '一郎', birthDate: '1980-04-01', address: '東京都江戸川区中央一丁目4番1号', postalCode: '1320021' })).cardId;
    people.child = (await appliedCard(world, { familyName: '受取', givenName: '小太郎', birthDate: '2015-06-01', address: '東京都江戸川区中央一丁目4番2号' }, 'clerk', { withSignatureCertificate: false, legalRepresentative: PARENT })).cardId;
    people.collected = (await appliedCard(world, { familyName: '受取', givenName: '済子', birthDate: '1985-01-01', address: '東京都江戸川区中央一丁目4番3号', postalCode: '１３２－０００１' })).cardId;
    people.later = (await appliedCard(world, { familyName: '後日', givenName: '着', address: '東京都江戸川区中央一丁目4番4号' })).cardId;
    await deliver(world, [people.adult, people.child, people.collected], '2026-11-24', '2026-11-16');
    await deliver(world, [people.later], '2026-11-25', '2026-11-16');
  });

  it('writes to each holder on the day the card arrived, with the 照会番号, the office and its hours, and collectBy', async () => {
    const notices = await letters('pickup-notice', '2026-11-24');
    expect(notices.map((notice) => notice.cardId).sort()).toEqual([people.adult, people.child, people.collected].sort());
    const adult = notices.find((notice) => notice.cardId === people.adult)!;
    const card = (await world.call('clerk', 'GET', `/api/v1/cards/${people.adult}`)).body;
    expect(adult).toMatchObject({
      noticeDate: '2026-11-24',
      name: '受取 一郎',
      postalCode: '132-0021',
      address: '東京都江戸川区中央一丁目4番1号',
      subject: expect.stringContaining('交付通知書'),
      deadline: '2027-05-23',
      referenceNumber: card.pickup.referenceNumber,
      representative: false,
      office: { id: 'honcho', name: 'マイナンバーカード専用窓口(本庁舎)', address: expect.stringContaining('〒132-8501'), hours: expect.stringContaining('平日 8:30–17:00') },
    });
    expect(adult.referenceNumber).toMatch(/^\d{10}$/);
    expect(adult.paragraphs.join('')).toContain('令和9年5月23日（2027-05-23） までに');
    expect(adult.paragraphs.join('')).toContain('令和9年5月24日（2027-05-24） に廃棄');
    expect(adult.bring[0]).toBe('この交付通知書');
    expect(adult.bring.join('\n')).toContain('本人確認書類');
    expect(adult.bring.join('\n')).toContain('通知カード（持っている人だけ');
    expect(adult.bring.join('\n')).not.toContain('法定代理人');
    expect(notices.find((notice) => notice.cardId === people.child)!.postalCode).toBeNull();
    expect((await letters('pickup-notice', '2026-11-25')).map((notice) => notice.cardId)).toEqual([people.later]);
    expect(await letters('pickup-notice', '2026-11-23')).toEqual([]);
  });

  it('prints the postal code recorded with the address (〒 for the envelope window), sorts the letters by it for the post, and puts it in the CSV', async () => {
    const notices = await letters('pickup-notice', '2026-11-24');
    // By postal code first (those without one last), then by address.
    expect(notices.map((notice) => [notice.postalCode, notice.cardId])).toEqual([
      ['132-0001', people.collected],
      ['132-0021', people.adult],
      [null, people.child],
    ]);
    const csv = await world.http.inject({ method: 'GET', url: '/api/v1/notices/pickup-notice?from=2026-11-24', headers: { ...world.headersOf('supervisor'), accept: 'text/csv' } });
    const [header, ...rows] = parse(csv.body.replace(/^\uFEFF/, '')) as string[][];
    const column = (name: string) => rows.map((row) => row[header!.indexOf(name)]);
    expect(column('郵便番号')).toEqual(['132-0001', '132-0021', '']);
    expect(column('住所')).toEqual(['東京都江戸川区中央一丁目4番3号', '東京都江戸川区中央一丁目4番1号', '東京都江戸川区中央一丁目4番2号']);
  });

  it('tells an under-15 holder to come with the legal representative, and what they bring', async () => {
    const child = (await letters('pickup-notice', '2026-11-24')).find((notice) => notice.cardId === people.child)!;
    expect(child.representative).toBe(true);
    expect(child.paragraphs.join('')).toContain('法定代理人と一緒に');
    expect(child.bring.join('\n')).toMatch(/法定代理人（親権者または成年後見人）.*戸籍謄本/);
  });

  it('reminds only the cards still waiting, on the reminder day and not the day before', async () => {
    world.clock.set(day('2026-12-01'));
    const issued = await world.call('clerk', 'POST', `/api/v1/cards/${people.collected}/issue`, {
      handedOverOn: '2026-12-01',
      pins: PINS,
      identityDocuments: ['driving-licence'],
      notificationCardReturned: false,
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    world.clock.set(day('2026-11-26'));
    expect(await letters('pickup-reminder', '2027-02-23')).toEqual([]);
    const reminders = await letters('pickup-reminder', '2027-02-24');
    expect(reminders.map((notice) => notice.cardId).sort()).toEqual([people.adult, people.child].sort());
    expect(reminders[0]).toMatchObject({ noticeDate: '2027-02-24', deadline: '2027-05-23', subject: expect.stringContaining('再通知') });
    expect(reminders[0]!.paragraphs[0]).toContain('まだお受け取りいただいていません');
    expect((await letters('pickup-reminder', '2027-02-01', '2027-02-28')).map((notice) => notice.noticeDate)).toEqual(['2027-02-24', '2027-02-24', '2027-02-25']);
    // The collected card's 交付通知書 is no longer listed either.
    expect((await letters('pickup-notice', '2026-11-24')).map((notice) => notice.cardId)).not.toContain(people.collected);
  });

  it("lets a counter print its own office's 交付通知書, and no other letters", async () => {
    const own = await world.call('clerk', 'GET', '/api/v1/notices/pickup-notice?from=2026-11-24');
    expect(own.status).toBe(200);
    expect(own.body.notices.map((notice: Letter) => notice.cardId).sort()).toEqual([people.adult, people.child].sort());
    const kasai = await world.call('kasaiClerk', 'GET', '/api/v1/notices/pickup-notice?from=2026-11-24');
    expect(kasai.body.notices).toEqual([]);
    expect(await world.call('kasaiClerk', 'GET', '/api/v1/notices/pickup-notice?from=2026-11-24&officeId=honcho')).toMatchObject({ status: 403, body: { code: 'AUTH.OFFICE_NOT_ALLOWED' } });
    expect((await world.call('kasaiSupervisor', 'GET', '/api/v1/notices/pickup-notice?from=2026-11-24&officeId=kasai')).body.notices).toEqual([]);
    expect((await world.call('clerk', 'GET', '/api/v1/notices/renewal-window?from=2026-11-24')).status).toBe(403);
    expect(await world.call('hotline', 'GET', '/api/v1/notices/pickup-notice?from=2026-11-24')).toMatchObject({ status: 403, body: { code: 'AUTH.COUNTER_ONLY' } });
    for (const who of ['auditor', 'admin'] as const) expect((await world.call(who, 'GET', '/api/v1/notices/pickup-notice?from=2026-11-24')).status).toBe(403);
  });

  it('shows supervisors the pipeline on the dashboard, the cards waiting by office and age, and those nearing their discard day', async () => {
    world.clock.set(day('2026-11-26'));
    const dashboard = await world.call('supervisor', 'GET', '/api/v1/reports/dashboard');
    // 2026-11-26 is a Thursday: the week began on Monday the 23rd, so both deliveries count.
    expect(dashboard.body.pickup).toEqual({ deliveredThisWeek: 4, waiting: 3, bookedToday: 0, discardSoon: 0, uncollectedThisMonth: 0 });
    world.clock.set(day('2027-04-24'));
    expect((await world.call('supervisor', 'GET', '/api/v1/reports/dashboard')).body.pickup).toEqual({ deliveredThisWeek: 0, waiting: 3, bookedToday: 0, discardSoon: 2, uncollectedThisMonth: 0 });
    const waiting = await world.call('supervisor', 'GET', '/api/v1/reports/pickup-waiting');
    expect(waiting.body.rows).toEqual([{ officeId: 'honcho', office: 'マイナンバーカード専用窓口(本庁舎)', recent: 0, reminded: 1, discardSoon: 2, total: 3, oldest: '2026-11-24' }]);
    const soon = await world.call('supervisor', 'GET', '/api/v1/reports/pickup-discard-soon');
    const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : 1);
    expect([...soon.body.rows].sort(byName)).toMatchObject(
      [
        { name: '受取 一郎', readyOn: '2026-11-24', collectBy: '2027-05-23', discardOn: '2027-05-24' },
        { name: '受取 小太郎', readyOn: '2026-11-24' },
      ].sort(byName),
    );
    await world.call('supervisor', 'POST', '/api/v1/jobs/sweep/run', { today: '2027-04-24' });
    world.clock.set(day('2027-05-24'));
    expect((await world.call('supervisor', 'POST', '/api/v1/jobs/sweep/run', { today: '2027-05-24' })).body.counts).toMatchObject({ abolishedUncollected: 2 });
    expect((await world.call('supervisor', 'GET', '/api/v1/reports/dashboard')).body.pickup).toEqual({ deliveredThisWeek: 0, waiting: 1, bookedToday: 0, discardSoon: 1, uncollectedThisMonth: 2 });
    expect((await world.call('clerk', 'GET', '/api/v1/reports/pickup-waiting')).status).toBe(403);
    world.clock.set(day('2026-11-26'));
  });
});
