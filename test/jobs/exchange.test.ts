import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/app/audit-trail.ts';
import { checkDigitOf } from '../../src/rules/individual-number.ts';
import { cli, openedFor } from '../support/cli.ts';
import { DIALECTS, temporaryDataDir } from '../support/databases.ts';
import { twelveDigitRuns } from '../support/numbers.ts';
import { openTestApp } from '../support/app.ts';
import { residentBody, residentWithActiveCard, worldFor } from '../support/world.ts';

const number = (serial: number) => {
  const first = String(700_000_000_00 + serial).padStart(11, '0');
  return `${first}${checkDigitOf(first)}`;
};
const code = (serial: number) => String(900_000_000_00 + serial);

const HEADER_JA = '住民票コード,個人番号,氏,名,氏カナ,名カナ,生年月日,性別,住所,電話番号,国籍,在留区分,在留期間満了日,在留カード番号,転入日';

/** A registry file with good rows and one of each kind of bad row, line numbers noted. */
const MIXED = [
  HEADER_JA,
  `${code(1)},${number(1)},江戸川,花子,エドガワ,ハナコ,1990/4/1,女,東京都江戸川区中央一丁目4番1号,03-1234-5678,,,,,`,
  `${code(2)},${number(2)},髙橋,一郎,たかはし,ｲﾁﾛｳ,1985-02-28,男,東京都江戸川区船堀四丁目1番1号,,,,,,2026-10-01`,
  `${code(3)},${number(3)},王,芳,オウ,ファン,1995-05-05,女,東京都江戸川区葛西一丁目1番,,CN,外国人,2027-03-31,AB12345678CD,`,
  `${code(4)},${number(4).slice(0, 11)}0,山田,太郎,ヤマダ,タロウ,1970-01-01,男,東京都江戸川区,,,,,,`, // line 5: check digit
  `${code(5)},${number(5)},山田,次郎,ヤマダ,ジロウ,1985-02-30,男,東京都江戸川区,,,,,,`, // line 6: no such date
  `${code(6)},${number(6)},山田,三郎,ヤマダ,Saburo,1985-02-01,男,東京都江戸川区,,,,,,`, // line 7: not kana
  `${code(7)},${number(7)},李,明,リ,ミン,1990-01-01,男,東京都江戸川区,,KR,外国人,,,`, // line 8: no period of stay
  `${code(1)},${number(8)},江戸川,次子,エドガワ,ツギコ,1992-01-01,女,東京都江戸川区,,,,,,`, // line 9: code twice
  `${code(9)},"${number(9)},鈴木`, // line 10: unclosed quote
].join('\r\n');

describe.each(DIALECTS)('import and export with the resident registry on $name', ({ create }) => {
  const world = worldFor(create);
  const dir = temporaryDataDir();
  const run = (argv: string[]) => cli(argv, '', { openApp: async () => openedFor(world.app) });
  const auditActions = async () => (await world.store.db.selectFrom('audit_log').select('action').execute()).map((row) => row.action);


  it('imports the good rows and reports each bad one with its line and reason', async () => {
    const file = path.join(dir, 'mixed.csv');
    writeFileSync(file, `\uFEFF${MIXED}`);
    const result = await run(['import', 'residents', file]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('3 imported, 0 already registered, 6 rejected');
    expect(result.stderr).toMatch(/6 rows were not imported: .*mixed\.report\.csv/);
    const report = readFileSync(path.join(dir, 'mixed.report.csv'), 'utf8').trim().split(/\r?\n/);
    expect(report[0]).toBe('line,reason');
    expect(report.slice(1).map((line) => line.split(',')[0])).toEqual(['5', '6', '7', '8', '9', '10']);
    expect(report[1]).toContain('check digit');
    expect(report[2]).toContain('birthDate');
    expect(report[3]).toContain('givenNameKana');
    expect(report[4]).toContain('period');
    expect(report[5]).toContain('住民票コード');
    expect(report[6]).toContain('Quote Not Closed');
    expect(report.join('\n')).not.toContain(number(4).slice(0, 11));

    const found = await world.call('clerk', 'GET', `/api/v1/residents?q=${encodeURIComponent('髙橋')}`);
    expect(found.body.residents).toMatchObject([{ familyName: '髙橋', givenName: '一郎', familyNameKana: 'タカハシ', givenNameKana: 'イチロウ', moveInDate: '2026-10-01', individualNumber: `********${number(2).slice(8)}` }]);
    const foreign = await world.call('clerk', 'GET', `/api/v1/residents?q=${encodeURIComponent('オウ')}`);
    expect(foreign.body.residents[0]).toMatchObject({ residency: 'foreign-with-period', periodOfStayEnd: '2027-03-31', nationality: 'CN' });
    expect(await auditActions()).toContain('resident.import');
  });

  it('changes nothing when the same file is imported again', async () => {
    const entries = (await verifyAudit(world.store, world.app.keys)).entries;
    const residents = await world.store.read.residents.count();
    const again = await run(['import', 'residents', path.join(dir, 'mixed.csv'), '--report', path.join(dir, 'again.csv')]);
    expect(again.stdout).toContain('0 imported, 3 already registered, 6 rejected');
    expect(await world.store.read.residents.count()).toBe(residents);
    expect((await verifyAudit(world.store, world.app.keys)).entries).toBe(entries);
  });

  it('reads a Shift_JIS file with kanji, including the IBM extension 髙 and the NEC ①', async () => {
    const file = path.join(dir, 'sjis.csv');
    const text = [HEADER_JA, `${code(20)},${number(20)},髙﨑,①子,タカサキ,イチコ,2001-12-31,女,東京都江戸川区南小岩七丁目１番,,,,,,`].join('\r\n');
    writeFileSync(file, iconv.encode(text, 'cp932'));
    const result = await run(['import', 'residents', file]);
    expect(result.stdout).toContain('sjis.csv (shift_jis): 1 rows, 1 imported');
    expect(result.exitCode).toBe(0);
    const found = await world.call('clerk', 'GET', `/api/v1/residents?q=${encodeURIComponent('タカサキ')}`);
    expect(found.body.residents).toMatchObject([{ familyName: '髙﨑', givenName: '①子', address: '東京都江戸川区南小岩七丁目１番' }]);
  });

  it('refuses a file whose header names unknown columns, importing nothing', async () => {
    const file = path.join(dir, 'header.csv');
    writeFileSync(file, `氏名,生年月日\n江戸川花子,1990-04-01\n`);
    const residents = await world.store.read.residents.count();
    const result = await run(['import', 'residents', file]);
    expect(result).toMatchObject({ exitCode: 2, stdout: '' });
    expect(result.stderr).toMatch(/^madoguchi: .*header\.csv: unknown columns: 氏名; missing columns: residentCode, individualNumber/);
    expect(await world.store.read.residents.count()).toBe(residents);
  });

  it('exports residents with masked numbers unless the purpose permits them, and logs every export', async () => {
    const masked = await run(['export', 'residents', '--purpose', 'statistics']);
    expect(masked.exitCode).toBe(0);
    expect(masked.stdout.split('\r\n')[0]).toBe(
      'residentCode,individualNumber,familyName,givenName,familyNameKana,givenNameKana,birthDate,sex,address,phone,householdId,nationality,residency,periodOfStayEnd,residenceCardNumber,moveInDate,postalCode',
    );
    expect(masked.stdout).toContain(`${code(2)},********${number(2).slice(8)},髙橋,一郎`);
    expect(twelveDigitRuns(masked.stdout)).toEqual([]);

    const before = (await verifyAudit(world.store, world.app.keys)).entries;
    const refused = await run(['export', 'residents', '--purpose', 'statistics', '--with-numbers']);
    expect(refused).toMatchObject({ exitCode: 2, stdout: '' });
    expect(refused.stderr).toContain('individual numbers may not be exported for statistics');
    const unknown = await run(['export', 'residents', '--purpose', 'curiosity']);
    expect(unknown.stderr).toContain('purpose must be one of registry-reconciliation');
    expect((await verifyAudit(world.store, world.app.keys)).entries).toBe(before);

    const out = path.join(dir, 'reconcile.csv');
    const full = await run(['export', 'residents', '--purpose', 'registry-reconciliation', '--with-numbers', '--encoding', 'shift_jis', '--out', out]);
    expect(full.stderr).toContain('exported 4 residents for registry-reconciliation');
    const text = iconv.decode(readFileSync(out), 'cp932');
    expect(text).toContain(`${code(20)},${number(20)},髙﨑,①子`);
    expect(text).toContain(`${code(3)},${number(3)},王,芳,オウ,ファン,1995-05-05,female`);

    const reimport = await run(['import', 'residents', out]);
    expect(reimport.stdout).toContain('4 rows, 0 imported, 4 already registered, 0 rejected');

    const entries = await world.store.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'resident.export').execute();
    expect(entries.map((entry) => JSON.parse(entry.details))).toEqual([
      { purpose: 'statistics', withNumbers: false, rows: 4 },
      { purpose: 'registry-reconciliation', withNumbers: true, rows: 4 },
    ]);
  });

  it('neutralises would-be formulas in every text cell of an export, UTF-8 and Shift_JIS, and the export imports elsewhere as it was', async () => {
    const formulas = [
      { familyName: '=HYPERLINK("http://x","y")', givenName: '@SUM(A1)', address: '+1' },
      { familyName: '-2+3', givenName: '\t=1', address: '\r=1', phone: '-1-2-3' },
    ];
    const bodies = formulas.map((names) => residentBody(names));
    for (const body of bodies) expect((await world.call('clerk', 'POST', '/api/v1/residents', body)).status).toBe(201);
    const rowOf = (text: string, body: { residentCode: string }) => {
      const rows = parse(text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
      return rows.find((row) => row.residentCode === body.residentCode)!;
    };
    for (const encoding of ['utf-8', 'shift_jis']) {
      const out = path.join(dir, `formulas-${encoding}.csv`);
      expect((await run(['export', 'residents', '--purpose', 'registry-reconciliation', '--with-numbers', '--encoding', encoding, '--out', out])).exitCode).toBe(0);
      const text = iconv.decode(readFileSync(out), encoding === 'utf-8' ? 'utf8' : 'cp932');
      expect(rowOf(text, bodies[0]!)).toMatchObject({ familyName: `'=HYPERLINK("http://x","y")`, givenName: "'@SUM(A1)", address: "'+1", birthDate: '1990-05-10', individualNumber: bodies[0]!.individualNumber });
      expect(rowOf(text, bodies[1]!)).toMatchObject({ familyName: "'-2+3", givenName: "'\t=1", address: "'\r=1", phone: "'-1-2-3" });
    }

    const elsewhere = await openTestApp(await create());
    try {
      const imported = await cli(['import', 'residents', path.join(dir, 'formulas-shift_jis.csv'), '--report', path.join(dir, 'formulas.report.csv')], '', {
        openApp: async () => openedFor(elsewhere.app),
      });
      expect(imported.stdout).toMatch(/ 0 rejected/);
      const codes = bodies.map((body) => body.residentCode);
      const found = await elsewhere.store.read.residents.findByResidentCodes(codes);
      const residents = await elsewhere.store.read.residents.getMany(codes.map((residentCode) => found.get(residentCode)!.id));
      expect(residents.map(({ state, phone }) => ({ familyName: state.familyName, givenName: state.givenName, address: state.address, ...(phone && { phone }) }))).toEqual(
        // As it was, but for the blanks around each cell, which an import trims whatever wrote the file.
        expect.arrayContaining(formulas.map((names) => Object.fromEntries(Object.entries(names).map(([key, value]) => [key, value.trim()])))),
      );
    } finally {
      await elsewhere.close();
      await elsewhere.database.drop();
    }
  });

  it('refuses a row holding a NUL character and imports the others', async () => {
    const file = path.join(dir, 'nul.csv');
    writeFileSync(file, [HEADER_JA, `${code(30)},${number(30)},山\u0000田,花子,ヤマダ,ハナコ,1990-04-01,女,東京都江戸川区,,,,,,`, `${code(31)},${number(31)},山田,次子,ヤマダ,ツギコ,1990-04-01,女,東京都江戸川区,,,,,,`].join('\r\n'));
    const result = await run(['import', 'residents', file]);
    expect(result.stdout).toContain('2 rows, 1 imported, 0 already registered, 1 rejected');
    expect(readFileSync(path.join(dir, 'nul.report.csv'), 'utf8')).toContain('2,INPUT.INVALID: the row holds a NUL character');
  });

  it('reads an optional 郵便番号 column beside the address (NNN-NNNN, 7 digits, full-width, or a 〒 before the address), refuses a malformed one, and exports it', async () => {
    const file = path.join(dir, 'postal.csv');
    const header = '住民票コード,個人番号,氏,名,氏カナ,名カナ,生年月日,性別,住所,郵便番号';
    writeFileSync(
      file,
      [
        header,
        `${code(40)},${number(40)},郵便,一子,ユウビン,イチコ,1990-04-01,女,東京都江戸川区中央一丁目4番1号,１３２００２１`,
        `${code(41)},${number(41)},郵便,二子,ユウビン,ニコ,1990-04-01,女,〒134-0091 東京都江戸川区船堀四丁目1番1号,`,
        `${code(42)},${number(42)},郵便,三子,ユウビン,サンコ,1990-04-01,女,東京都江戸川区平井四丁目1番29号,`,
        `${code(43)},${number(43)},郵便,四子,ユウビン,ヨンコ,1990-04-01,女,東京都江戸川区,132-00`,
      ].join('\r\n'),
    );
    const result = await run(['import', 'residents', file]);
    expect(result.stdout).toContain('4 rows, 3 imported, 0 already registered, 1 rejected');
    expect(readFileSync(path.join(dir, 'postal.report.csv'), 'utf8')).toMatch(/5,"INPUT\.INVALID: postalCode: /);
    const found = await world.call('clerk', 'GET', `/api/v1/residents?q=${encodeURIComponent('ユウビン')}`);
    const byName = Object.fromEntries(found.body.residents.map((resident: { givenName: string; postalCode: string | null; address: string }) => [resident.givenName, [resident.postalCode, resident.address]]));
    expect(byName).toEqual({
      一子: ['132-0021', '東京都江戸川区中央一丁目4番1号'],
      二子: ['134-0091', '東京都江戸川区船堀四丁目1番1号'],
      三子: [null, '東京都江戸川区平井四丁目1番29号'],
    });
    const exported = await run(['export', 'residents', '--purpose', 'statistics']);
    const rows = parse(exported.stdout.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(rows.filter((row) => row.familyName === '郵便').map((row) => row.postalCode).sort()).toEqual(['', '132-0021', '134-0091']);
  });

  it('exports cards with the 住民票コード and never an individual number', async () => {
    const { residentId, cardId } = await residentWithActiveCard(world);
    const resident = (await world.store.read.residents.get(residentId))!;
    const result = await run(['export', 'cards', '--purpose', 'card-delivery']);
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.trim().split('\r\n');
    expect(lines[0]).toBe('cardId,residentCode,status,applicationDate,issueDate,expiryDate,handedOverOn,pickupOfficeId,signatureCertificate,userCertificate,continuationDeadline');
    expect(lines.find((line) => line.startsWith(cardId))).toMatch(new RegExp(`^${cardId},${resident.state.residentCode},active,`));
    expect(twelveDigitRuns(result.stdout)).toEqual([]);
    expect(await run(['export', 'cards', '--purpose', 'card-delivery', '--with-numbers'])).toMatchObject({ exitCode: 2 });
    expect(await auditActions()).toContain('card.export');
  });

  it('imports 20,000 rows in four batches of 5,000, and a second import of them changes nothing', { timeout: 300_000 }, async () => {
    const file = path.join(dir, 'large.csv');
    const names = [
      ['佐藤', 'サトウ'],
      ['鈴木', 'スズキ'],
      ['高橋', 'タカハシ'],
      ['田中', 'タナカ'],
    ] as const;
    const given = [
      ['陽翔', 'ハルト'],
      ['結菜', 'ユイナ'],
      ['蓮', 'レン'],
    ] as const;
    const rows = Array.from({ length: 20_000 }, (_, index) => {
      const [family, familyKana] = names[index % names.length]!;
      const [first, firstKana] = given[index % given.length]!;
      const month = String((index % 12) + 1).padStart(2, '0');
      return `${code(100_000 + index)},${number(100_000 + index)},${family},${first},${familyKana},${firstKana},19${String(40 + (index % 60))}-${month}-15,${index % 2 ? '男' : '女'},東京都江戸川区松江${(index % 7) + 1}丁目${(index % 30) + 1}番,,,,,,`;
    });
    writeFileSync(file, [HEADER_JA, ...rows].join('\n'));
    const before = await world.store.read.residents.count();
    const first = await run(['import', 'residents', file]);
    expect(first.stdout).toContain('20,000 rows, 20,000 imported');
    expect(first.stderr).toContain('100% 20,000/20,000');
    expect(await world.store.read.residents.count()).toBe(before + 20_000);
    const { id } = (await world.store.read.residents.findByResidentCodes([code(119_999)])).get(code(119_999))!;
    expect((await world.store.read.residents.get(id))!.state).toMatchObject({ familyName: '田中', givenName: '結菜', birthDate: '1959-08-15' });
    const second = await run(['import', 'residents', file]);
    expect(second.stdout).toContain('20,000 rows, 0 imported, 20,000 already registered, 0 rejected');
    expect(await world.store.read.residents.count()).toBe(before + 20_000);
    expect((await verifyAudit(world.store, world.app.keys)).ok).toBe(true);
  });

  // Last: the residents it imports would change the counts the tests above expect.
  it('follows each column rule the README documents, by the English column names too', async () => {
    const file = path.join(dir, 'rules.csv');
    // Serials no other test of the file uses (the 20,000-row test takes 100,000 … 119,999).
    const S = 300_000;
    const row = (serial: number, cells: Record<string, string>) => {
      const values: Record<string, string> = { familyName: '葛西', givenName: `${serial}`, familyNameKana: 'カサイ', givenNameKana: 'イチ', birthDate: '1990-04-01', sex: '男', address: '東京都江戸川区', ...cells };
      return [code(serial), number(serial), values.familyName, values.givenName, values.familyNameKana, values.givenNameKana, values.birthDate, values.sex, values.address, values.phone ?? '', values.householdId ?? '', values.nationality ?? '', values.residency ?? '', values.periodOfStayEnd ?? '', values.residenceCardNumber ?? ''].join(',');
    };
    const lines = [
      'residentCode,individualNumber,familyName,givenName,familyNameKana,givenNameKana,birthDate,sex,address,phone,householdId,nationality,residency,periodOfStayEnd,residenceCardNumber',
      row(S + 0, { residency: '日本人' }), // line 2: 日本人 with an empty 国籍 is JP
      row(S + 1, { residency: 'national', nationality: 'jp', sex: '2', birthDate: '1990/4/1' }), // line 3
      row(S + 2, { residency: '永住者', nationality: 'KR', sex: 'female' }), // line 4
      row(S + 3, { residency: '特別永住者', nationality: 'KR', sex: '1' }), // line 5
      row(S + 4, { residency: '外国人', nationality: 'VN', periodOfStayEnd: '2028/3/31', residenceCardNumber: 'ab12345678cd' }), // line 6
      row(S + 5, { residency: '外国人', nationality: 'VN', periodOfStayEnd: '2028-03-31' }), // line 7: no residence card number
      row(S + 6, { residency: '外国人' }), // line 8: a foreigner's 国籍 is not assumed
      row(S + 7, { residency: '日本人', nationality: 'US' }), // line 9: national, but not JP
      row(S + 8, { phone: '03-5662-0523', householdId: 'H-1', familyNameKana: 'かさい' }), // line 10
      row(S + 9, { phone: 'ask at home', householdId: 'H-1' }), // line 11: not a phone number
      row(S + 10, { householdId: 'H-1' }), // line 12: the same household as line 10
      row(S + 11, { sex: 'x' }), // line 13
      row(S + 12, { residency: 'visitor' }), // line 14
    ];
    writeFileSync(file, lines.join('\n'));
    const result = await run(['import', 'residents', file]);
    expect(result.stdout).toContain('7 imported, 0 already registered, 6 rejected');
    const report = readFileSync(path.join(dir, 'rules.report.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
    expect(report.map((line) => line.split(',')[0])).toEqual(['7', '8', '9', '11', '13', '14']);
    expect(report[0]).toContain('residenceCardNumber');
    expect(report[1]).toContain('nationality');
    expect(report[2]).toContain('residency');
    expect(report[3]).toContain('phone');
    expect(report[4]).toContain('sex');
    expect(report[5]).toContain('residency');
    const resident = async (serial: number) => {
      const found = await world.call('clerk', 'GET', `/api/v1/residents?q=${encodeURIComponent(`葛西 ${serial}`)}`);
      expect(found.body.residents, `resident ${serial}`).toHaveLength(1);
      return (await world.call('clerk', 'GET', `/api/v1/residents/${found.body.residents[0].id}`)).body;
    };
    expect(await resident(S + 0)).toMatchObject({ residency: 'national', nationality: 'JP', sex: 'male' });
    expect(await resident(S + 1)).toMatchObject({ residency: 'national', nationality: 'JP', sex: 'female', birthDate: '1990-04-01' });
    expect(await resident(S + 2)).toMatchObject({ residency: 'foreign-without-period', nationality: 'KR', sex: 'female', periodOfStayEnd: null });
    expect(await resident(S + 3)).toMatchObject({ residency: 'foreign-without-period', sex: 'male' });
    expect(await resident(S + 4)).toMatchObject({ residency: 'foreign-with-period', nationality: 'VN', periodOfStayEnd: '2028-03-31', residenceCardNumber: 'AB12345678CD' });
    const household = await resident(S + 8);
    expect(household).toMatchObject({ familyNameKana: 'カサイ', phone: '03-5662-0523' });
    expect((await resident(S + 10)).householdId).toBe(household.householdId);
    expect((await resident(S + 0)).householdId).not.toBe(household.householdId);
  });
});
