import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvText, encodeCsv, readCsvCell } from './csv-file.ts';

/** What spreadsheet software would run as a formula if it were written as it is (OWASP). */
const FORMULAS = ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];

const cellsOf = (text: string): string[][] => parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true });

describe('CSV files written for spreadsheet software', () => {
  it.each(['utf-8', 'shift_jis'] as const)('neutralise every text cell that would be a formula, in %s', (encoding) => {
    const bytes = encodeCsv(csvText(['氏名', '件数'], FORMULAS.map((name, index) => [`${name}`, index])), encoding);
    const text = encoding === 'utf-8' ? bytes.toString('utf8') : iconv.decode(bytes, 'cp932');
    const rows = cellsOf(text).slice(1);
    expect(rows.map(([name]) => name)).toEqual(FORMULAS.map((formula) => `'${formula}`));
    expect(rows.map(([, count]) => count)).toEqual(['0', '1', '2', '3', '4', '5']);
  });

  it('leave numbers as numbers, negative ones too, and text that starts otherwise as it is', () => {
    const rows = cellsOf(csvText(['a', 'b', 'c', 'd'], [[-5, -0.5, '2026-11-26', "O'Brien"], ['江戸川 花子', '********1234', '03-1234-5678', "'quoted"]]));
    expect(rows.slice(1)).toEqual([
      ['-5', '-0.5', '2026-11-26', "O'Brien"],
      ['江戸川 花子', '********1234', '03-1234-5678', "'quoted"],
    ]);
  });

  it('read back on import as they were before they were written', () => {
    for (const value of [...FORMULAS, "O'Brien", "'quoted", "'=x", "''+1", '江戸川']) {
      const [, [written]] = cellsOf(csvText(['name'], [[value]])) as [string[], [string]];
      expect(readCsvCell(written)).toBe(value);
    }
  });
});
