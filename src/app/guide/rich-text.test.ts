import { describe, expect, it } from 'vitest';
import { annotate, fill, parametersOf, plainText } from './rich-text.ts';

describe('rich text marks', () => {
  it('turns ruby into 漢字（かんじ） and drops the Japanese-term marks for plain text', () => {
    expect(plainText('[転入届|てんにゅうとどけ]を だす')).toBe('転入届（てんにゅうとどけ）を だす');
    expect(plainText('Moving-in notification («転入届»)')).toBe('Moving-in notification (転入届)');
  });

  it('fills parameters and refuses a missing one', () => {
    expect(fill('{date}までに {count}回', { date: '7月21日', count: '3' })).toBe('7月21日までに 3回');
    expect(() => fill('{date}まで', {})).toThrow(/no value for \{date\}/);
    expect(parametersOf('{b} {a} {b}')).toEqual(['a', 'b']);
  });

  it('annotates data with readings, longest word first, leaving marked text alone', () => {
    const readings = { 本庁舎: 'ほんちょうしゃ', 庁舎: 'ちょうしゃ', 窓口: 'まどぐち' };
    expect(annotate('専用窓口(本庁舎)', readings)).toBe('専用[窓口|まどぐち]([本庁舎|ほんちょうしゃ])');
    expect(annotate('[窓口|まどぐち]', readings)).toBe('[窓口|まどぐち]');
  });
});
