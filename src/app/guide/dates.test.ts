import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../../rules/plain-date.ts';
import { dateWithWeekday, easyWareki, numberText, wareki, weekdayName } from './dates.ts';

const d = (text: string) => text as PlainDate;

describe('和暦 (Intl, ja-JP-u-ca-japanese)', () => {
  it.each([
    ['2026-07-21', '令和8年7月21日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2019-04-30', '平成31年4月30日'],
    ['2020-05-25', '令和2年5月25日'],
  ])('%s is %s', (date, expected) => {
    expect(wareki(d(date))).toBe(expected);
  });

  it('gives やさしい日本語 ruby with the readings a date is said with', () => {
    expect(easyWareki(d('2019-05-01'))).toBe('[令和|れいわ][元年|がんねん]5[月|がつ][1日|ついたち]');
    expect(easyWareki(d('2026-07-20'))).toBe('[令和|れいわ]8[年|ねん][7月|しちがつ][20日|はつか]');
  });
});

describe('weekday and date in each language', () => {
  it.each([
    ['ja', '火曜日', '2026年7月21日（火）'],
    ['ja-easy', '火曜日', '2026[年|ねん][7月|しちがつ]21[日|にち]（[火曜日|かようび]）'],
    ['en', 'Tuesday', 'Tuesday, 21 July 2026'],
    ['zh-Hans', '星期二', '2026年7月21日星期二'],
    ['ko', '화요일', '2026년 7월 21일 화요일'],
    ['vi', 'Thứ Ba', 'Thứ Ba, ngày 21 tháng 7 năm 2026'],
  ] as const)('%s: %s, %s', (lang, weekday, text) => {
    expect(weekdayName(d('2026-07-21'), lang)).toBe(weekday);
    expect(dateWithWeekday(d('2026-07-21'), lang)).toBe(text);
  });

  it('never moves the day, whatever the process time zone (dates are read at UTC)', () => {
    expect(weekdayName(d('2026-01-01'), 'en')).toBe('Thursday');
    expect(weekdayName(d('2026-12-31'), 'en')).toBe('Thursday');
    expect(wareki(d('0099-01-01'))).not.toMatch(/^昭和|^平成|^令和/);
  });

  it('writes numbers the language’s way', () => {
    expect(numberText(1000, 'ja')).toBe('1,000');
    expect(numberText(4.5, 'vi')).toBe('4,5');
  });
});
