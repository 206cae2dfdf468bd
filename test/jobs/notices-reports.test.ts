import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endCard } from '../../src/app/cards/end-card.ts';
import { systemActor } from '../../src/app/staff.ts';
import type { PlainDate } from '../../src/rules/plain-date.ts';
import { DIALECTS } from '../support/databases.ts';
import { twelveDigitRuns } from '../support/numbers.ts';
import { residentBody, residentWithActiveCard, worldFor } from '../support/world.ts';

const day = (date: string) => date as PlainDate;

describe.each(DIALECTS)('notices on $name', ({ create }) => {
  const world = worldFor(create);
  const numbers: string[] = [];
  const people: Record<string, { residentId: string; cardId: string }> = {};
  const notices = async (kind: string, from: string, to = from) => {
    const answer = await world.call('supervisor', 'GET', `/api/v1/notices/${kind}?from=${from}&to=${to}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(twelveDigitRuns(JSON.stringify(answer.body))).toEqual([]);
    for (const number of numbers) expect(JSON.stringify(answer.body)).not.toContain(number);
    return answer.body.notices as { residentId: string; noticeDate: string; subject: string; deadline: string | null; paragraphs: string[]; name: string; address: string; bring: string[]; office: { name: string } }[];
  };
  const withCard = async (name: string, overrides: Record<string, unknown>) => {
    const body = residentBody(overrides);
    numbers.push(body.individualNumber);
    people[name] = await residentWithActiveCard(world, { ...body });
  };

  beforeAll(async () => {
    world.clock.set(day('2026-11-26'));
    await withCard('may10', { familyName: '五月', givenName: '十日', birthDate: '1990-05-10', address: '東京都江戸川区中央一丁目1番' });
    await withCard('may31', { familyName: '五月', givenName: '晦日', birthDate: '1990-05-31', address: '東京都江戸川区中央一丁目2番' });
    await withCard('foreign', {
      familyName: '王',
      givenName: '芳',
      familyNameKana: 'オウ',
      givenNameKana: 'ファン',
      nationality: 'CN',
      residency: 'foreign-with-period',
      periodOfStayEnd: '2027-01-31',
      residenceCardNumber: 'AB12345678CD',
      address: '東京都江戸川区船堀一丁目1番',
    });
    await withCard('mover', { familyName: '転入', givenName: '太郎', birthDate: '1980-03-03', address: '東京都江戸川区平井一丁目1番' });
    const { residentId } = people.mover!;
    await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/move-out`, { plannedMoveOutDate: '2026-11-10', destination: '千葉県市川市' });
    const back = await world.call('clerk', 'POST', `/api/v1/residents/${residentId}/move-in`, {
      moveInDate: '2026-11-12',
      notificationDate: '2026-11-20',
      address: '東京都江戸川区平井一丁目1番',
      cardPresented: false,
    });
    expect(back.body.cards[0].continuation).toMatchObject({ deadline: '2027-02-17', lapsesOn: '2027-02-18' });
  });
  afterAll(async () => {
    world.clock.set(day('2026-11-26'));
  });

  it('tells a holder when the renewal window opens, three months before expiry, on that day only', async () => {
    const opening = await notices('renewal-window', '2036-02-10');
    expect(opening.map((notice) => notice.residentId)).toEqual([people.may10!.residentId]);
    expect(opening[0]).toMatchObject({ name: '五月 十日', address: '東京都江戸川区中央一丁目1番', deadline: '2036-05-10', office: { name: expect.any(String) } });
    expect(opening[0]!.paragraphs.join('')).toContain('令和18年5月10日（2036-05-10）');
    expect(opening[0]!.bring.join('')).toContain('顔写真');
    expect(await notices('renewal-window', '2036-02-09')).toEqual([]);
    expect(await notices('renewal-window', '2036-02-11')).toEqual([]);
    // 2036-05-31 − 3 months is the end of February (a leap year): the 29th.
    expect((await notices('renewal-window', '2036-02-29')).map((notice) => notice.residentId)).toEqual([people.may31!.residentId]);
    expect((await notices('renewal-window', '2036-02-01', '2036-03-31')).map((notice) => notice.noticeDate)).toEqual(['2036-02-10', '2036-02-29']);
  });

  it('reminds a mover 30 and 7 days before the continuation deadline', async () => {
    const thirty = await notices('continuation-deadline', '2027-01-18');
    expect(thirty).toMatchObject([{ residentId: people.mover!.residentId, subject: expect.stringContaining('30日'), deadline: '2027-02-17' }]);
    expect(thirty[0]!.paragraphs.join('')).toContain('令和9年2月18日（2027-02-18） に廃止');
    expect(await notices('continuation-deadline', '2027-01-17')).toEqual([]);
    expect(await notices('continuation-deadline', '2027-01-19', '2027-02-09')).toEqual([]);
    expect(await notices('continuation-deadline', '2027-02-10')).toMatchObject([{ subject: expect.stringContaining('7日') }]);
    expect((await notices('continuation-deadline', '2027-01-01', '2027-02-28')).map((notice) => notice.noticeDate)).toEqual(['2027-01-18', '2027-02-10']);
  });

  it('writes to a foreign resident 60 days before the period of stay ends', async () => {
    expect(await notices('period-of-stay-ending', '2026-12-01')).toEqual([]);
    const letters = await notices('period-of-stay-ending', '2026-12-02');
    expect(letters).toMatchObject([{ residentId: people.foreign!.residentId, name: '王 芳', deadline: '2027-01-31' }]);
    expect(letters[0]!.bring).toEqual(['マイナンバーカード', '在留カード']);
    // Their card ends with the period of stay: it is extended, so no renewal letter three months before.
    expect(await notices('renewal-window', '2026-10-01', '2026-11-30')).toEqual([]);
  });

  it('asks for an expired card back once the sweep has expired it', async () => {
    world.clock.set(day('2027-02-01'));
    expect(await world.call('supervisor', 'POST', '/api/v1/jobs/sweep/run', { today: '2027-02-01' })).toMatchObject({ status: 200, body: { counts: { expired: 1 } } });
    const letters = await notices('expired-not-returned', '2027-02-01');
    expect(letters).toMatchObject([{ residentId: people.foreign!.residentId, subject: expect.stringContaining('返納'), deadline: null }]);
    await world.call('clerk', 'POST', `/api/v1/cards/${people.foreign!.cardId}/return`, { reason: 'expired' });
    expect(await notices('expired-not-returned', '2027-02-01')).toEqual([]);
    world.clock.set(day('2026-11-26'));
  });

  it('exports a list as CSV for a mail merge in Shift_JIS or UTF-8, without numbers, and only to supervisors', async () => {
    const sjis = await world.http.inject({
      method: 'GET',
      url: '/api/v1/notices/continuation-deadline?from=2027-01-01&to=2027-02-28&encoding=shift_jis',
      headers: { ...world.headersOf('supervisor'), accept: 'text/csv' },
    });
    expect(sjis.statusCode).toBe(200);
    expect(sjis.headers['content-type']).toBe('text/csv; charset=Shift_JIS');
    expect(sjis.headers['content-disposition']).toBe('attachment; filename="notices-continuation-deadline-2027-01-01-2027-02-28.csv"');
    const text = iconv.decode(sjis.rawPayload, 'cp932');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('通知日,氏名,フリガナ,住所,件名,本文,持ち物,期限,期限（和暦）,窓口,窓口電話,お問い合わせ,郵便番号,窓口住所,受付時間,照会番号');
    expect(lines[1]).toMatch(/^2027-01-18,転入 太郎,テンニュウ タロウ|^2027-01-18,転入 太郎,/);
    expect(twelveDigitRuns(text)).toEqual([]);
    const utf8 = await world.http.inject({ method: 'GET', url: '/api/v1/notices/renewal-window?from=2036-02-10', headers: { ...world.headersOf('supervisor'), accept: 'text/csv' } });
    expect(utf8.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(utf8.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(utf8.body).toContain('五月 十日');
    expect(await world.call('clerk', 'GET', '/api/v1/notices/renewal-window')).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
    expect(await world.call('auditor', 'GET', '/api/v1/notices/renewal-window')).toMatchObject({ status: 403 });
    expect(await world.call('supervisor', 'GET', '/api/v1/notices/renewal-window?from=2027-01-02&to=2027-01-01')).toMatchObject({ status: 400, body: { code: 'INPUT.INVALID' } });
    expect(await world.call('supervisor', 'GET', '/api/v1/notices/birthday')).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID' } });
  });

  it('neutralises a name that a spreadsheet would run as a formula, in both encodings of the CSV', async () => {
    await withCard('formula', { familyName: '=HYPERLINK("http://x","y")', givenName: '@SUM(A1)', birthDate: '1990-08-20', address: '-2+3' });
    for (const encoding of ['utf-8', 'shift_jis']) {
      const csv = await world.http.inject({
        method: 'GET',
        url: `/api/v1/notices/renewal-window?from=2036-05-20&encoding=${encoding}`,
        headers: { ...world.headersOf('supervisor'), accept: 'text/csv' },
      });
      const text = encoding === 'utf-8' ? csv.body.replace(/^\uFEFF/, '') : iconv.decode(csv.rawPayload, 'cp932');
      const [letter] = parse(text, { columns: true }) as Record<string, string>[];
      expect(letter).toMatchObject({ 通知日: '2036-05-20', 氏名: `'=HYPERLINK("http://x","y") @SUM(A1)`, 住所: "'-2+3", 期限: '2036-08-20' });
      expect(letter!['本文']).toMatch(/^'=HYPERLINK/);
    }
  });

  it('stops reminding a mover whose card has ended: there is nothing left to continue', async () => {
    const ended = await endCard(world.app, systemActor('test'), people.mover!.cardId, { type: 'abolish', on: day('2026-11-26'), reason: 'moved-abroad' });
    expect(ended.ok).toBe(true);
    expect(await notices('continuation-deadline', '2027-01-01', '2027-02-28')).toEqual([]);
  });
});

describe.each(DIALECTS)('reports on $name', ({ create }) => {
  const world = worldFor(create);
  const count = async (query: string) => Number(((await sql<{ n: number }>`${sql.raw(query)}`.execute(world.store.db)).rows[0]!.n ?? 0));

  beforeAll(async () => {
    world.clock.set(day('2026-11-26'));
    const cards = [];
    for (let i = 0; i < 4; i++) cards.push(await residentWithActiveCard(world, { birthDate: `19${70 + i}-01-15` }));
    await world.call('hotline', 'POST', `/api/v1/cards/${cards[0]!.cardId}/suspend`, { reason: 'lost', channel: 'hotline' });
    await world.call('hotline', 'POST', `/api/v1/cards/${cards[1]!.cardId}/suspend`, { reason: 'lost', channel: 'hotline' });
    await world.call('clerk', 'POST', `/api/v1/cards/${cards[1]!.cardId}/resume`, { identityDocuments: ['driving-licence'] });
    const reissued = await world.call('clerk', 'POST', `/api/v1/cards/${cards[2]!.cardId}/reissue`, {
      reason: 'damaged',
      photoTakenOn: '2026-11-01',
      applicationDate: '2026-11-26',
      identityDocuments: ['my-number-card'],
    });
    expect(reissued.body.receiptNumber).toMatch(/^2026-honcho-\d{6}$/);
    await world.call('kasaiClerk', 'POST', `/api/v1/cards/${cards[3]!.cardId}/reissue`, {
      reason: 'damaged',
      photoTakenOn: '2026-11-01',
      applicationDate: '2026-11-26',
      identityDocuments: ['my-number-card'],
    });
  });

  const report = async (name: string, query = '') => {
    const answer = await world.call('supervisor', 'GET', `/api/v1/reports/${name}${query}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body;
  };

  it('counts cards by status and office as the cards table holds them, the cards taken over from other cities in a row of their own', async () => {
    for (const issuedBy of ['千葉県市川市', '埼玉県川口市']) {
      const arrival = await world.call('clerk', 'POST', '/api/v1/residents/arrivals', {
        ...residentBody(),
        moveInDate: '2026-11-15',
        notificationDate: '2026-11-24',
        plannedMoveOutDate: '2026-11-14',
        cardPresented: false,
        card: { issueDate: '2023-04-01', expiryDate: '2033-05-10', issuedBy, certificates: {}, pins: { user: '1111', residentRegistry: '2222', cardInfo: '3333' } },
      });
      expect(arrival.status, JSON.stringify(arrival.body)).toBe(201);
    }
    const body = await report('cards-by-status');
    // No city's name stands where a counter of ours does: both cards are one row, the last.
    expect(body.rows.map((row: { officeId: string }) => row.officeId)).not.toContain('千葉県市川市');
    expect(body.rows.at(-1)).toMatchObject({ officeId: 'other-municipality', office: '他の市区町村で交付（転入で引継ぎ）', active: 2, total: 2 });
    expect(body.totals.total).toBe(await count('select count(*) as n from cards'));
    expect(body.totals.suspended).toBe(await count(`select count(*) as n from cards where status = 'suspended'`));
    expect(body.totals.active).toBe(await count(`select count(*) as n from cards where status = 'active'`));
    expect(body.totals.applied).toBe(2);
    expect(body.rows.find((row: { officeId: string }) => row.officeId === 'honcho')).toMatchObject({ office: 'マイナンバーカード専用窓口(本庁舎)' });
  });

  it('counts procedures per day and kind, and suspensions and resumes, as recorded', async () => {
    const procedures = await report('procedures', '?from=2026-11-01&to=2026-11-30');
    expect(procedures.totals.count).toBe(await count(`select count(*) as n from procedures where business_date between '2026-11-01' and '2026-11-30'`));
    expect(procedures.rows).toContainEqual({ date: '2026-11-26', kind: 'card-issue', officeId: 'honcho', office: 'マイナンバーカード専用窓口(本庁舎)', count: 4 });
    const suspensions = await report('suspensions', '?from=2026-11-26&to=2026-11-26');
    expect(suspensions.rows).toEqual([{ date: '2026-11-26', suspensions: 2, resumptions: 1 }]);
    expect(procedures.rows).toContainEqual(expect.objectContaining({ kind: 'card-suspension', officeId: 'hotline', office: 'マイナンバー総合フリーダイヤル', count: 2 }));
    expect((await report('procedures', '?from=2026-10-01&to=2026-10-31')).rows).toEqual([]);
  });

  it('lists fees per day and counter with the receipt numbers, reconciling to the receipts', async () => {
    const fees = await report('fees', '?from=2026-11-26&to=2026-11-26');
    const receipts = await report('receipts', '?from=2026-11-26&to=2026-11-26');
    expect(fees.totals.total).toBe(await count(`select sum(fee) as n from procedures where receipt_number is not null`));
    expect(fees.totals.total).toBe(receipts.totals.fee);
    expect(fees.totals.receipts).toBe(receipts.rows.length);
    expect(fees.rows.map((row: { officeId: string; receipts: number; firstReceipt: string }) => [row.officeId, row.receipts, row.firstReceipt])).toEqual([
      ['honcho', 1, '2026-honcho-000001'],
      ['kasai', 1, '2026-kasai-000001'],
    ]);
    expect(receipts.rows.map((row: { receiptNumber: string }) => row.receiptNumber)).toEqual(['2026-honcho-000001', '2026-kasai-000001']);
  });

  it('shows the coming twelve months of expiries and lapses', async () => {
    const upcoming = await report('upcoming');
    expect(upcoming.rows).toHaveLength(12);
    expect(upcoming.rows[0]).toMatchObject({ month: '2026-11' });
    expect(upcoming.totals.expiries).toBe(await count(`select count(*) as n from cards where status in ('active','suspended') and expiry_date between '2026-11-26' and '2027-10-31'`));
  });

  it('answers CSV with Accept: text/csv, with the same rows', async () => {
    const json = await report('procedures', '?from=2026-11-01&to=2026-11-30');
    const csv = await world.http.inject({ method: 'GET', url: '/api/v1/reports/procedures?from=2026-11-01&to=2026-11-30', headers: { ...world.headersOf('supervisor'), accept: 'text/csv' } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="procedures-2026-11-01-2026-11-30.csv"');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('日付,手続,窓口ID,窓口,件数');
    expect(lines.slice(1)).toEqual(json.rows.map((row: Record<string, string | number>) => [row.date, row.kind, row.officeId, row.office, row.count].join(',')));
  });

  it('gives supervisors a dashboard of today and the last sweep, and refuses it to clerks', async () => {
    await world.call('supervisor', 'POST', '/api/v1/jobs/sweep/run', {});
    const body = await report('dashboard');
    expect(body).toMatchObject({
      today: '2026-11-26',
      procedures: await count(`select count(*) as n from procedures where business_date = '2026-11-26'`),
      suspensions: 2,
      resumptions: 1,
      fees: { receipts: 2 },
      lastSweep: { status: 'done', businessDate: '2026-11-26' },
    });
    expect(await world.call('clerk', 'GET', '/api/v1/reports/dashboard')).toMatchObject({ status: 403 });
    expect(await world.call('clerk', 'GET', '/api/v1/reports')).toMatchObject({ status: 403 });
    expect((await world.call('auditor', 'GET', '/api/v1/reports')).body.map((entry: { name: string }) => entry.name)).toContain('fees');
    expect(body.pendingApprovals).toBe(await count(`select count(*) as n from approvals where status = 'pending'`));
    expect(await world.call('auditor', 'GET', '/api/v1/reports/fees')).toMatchObject({ status: 200 });
    expect(await world.call('supervisor', 'GET', '/api/v1/reports/fees?from=2025-01-01&to=2026-11-26')).toMatchObject({ status: 400, body: { code: 'INPUT.INVALID' } });
  });
});
