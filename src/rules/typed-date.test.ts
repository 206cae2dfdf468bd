import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTypedDate, splitTypedDate } from './typed-date.ts';

describe('a birth date as typed or said', () => {
  it.each([
    ['1980-05-31', '1980-05-31'],
    ['1980/5/31', '1980-05-31'],
    ['1980年5月31日', '1980-05-31'],
    ['１９８０／５／３１', '1980-05-31'],
    ['S55.5.31', '1980-05-31'],
    ['s55/5/31', '1980-05-31'],
    ['S55-5-31', '1980-05-31'],
    ['昭和55年5月31日', '1980-05-31'],
    ['昭和55.5.31', '1980-05-31'],
    ['Ｓ５５．５．３１', '1980-05-31'],
    ['H1.1.8', '1989-01-08'],
    ['平成元年1月8日', '1989-01-08'],
    ['S64.1.7', '1989-01-07'],
    ['R1.5.1', '2019-05-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['T15.12.24', '1926-12-24'],
    ['S1.12.25', '1926-12-25'],
    ['M45.7.29', '1912-07-29'],
  ])('%s is %s', (typed, iso) => expect(parseTypedDate(typed)).toBe(iso));

  it.each([
    ['S64.1.8', 'after 昭和 ended'],
    ['H1.1.7', 'before 平成 began'],
    ['R1.4.30', 'before 令和 began'],
    ['H31.5.1', 'after 平成 ended'],
    ['S55.2.30', 'no such day'],
    ['1980-13-01', 'no such month'],
    ['X55.5.31', 'no such era'],
    ['ヤマダ', 'a name'],
    ['090-1234-5678', 'a phone number'],
    ['55.5.31', 'no era'],
  ])('%s is none (%s)', (typed) => expect(parseTypedDate(typed)).toBeUndefined());

  it('reads every day from 昭和 to 令和 back from its 和暦', () => {
    const day = (n: number) => new Date(Date.UTC(1926, 11, 25) + n * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 33_780 }), (n) => {
        const iso = day(n);
        const [year, month, date] = iso.split('-').map(Number) as [number, number, number];
        const era = iso >= '2019-05-01' ? { letter: 'R', base: 2019 } : iso >= '1989-01-08' ? { letter: 'H', base: 1989 } : { letter: 'S', base: 1926 };
        expect(parseTypedDate(`${era.letter}${year - era.base + 1}.${month}.${date}`)).toBe(iso);
      }),
    );
  });

  it('takes the date out of a search box and leaves the name', () => {
    expect(splitTypedDate('ヤマダ S55.5.31')).toEqual({ rest: 'ヤマダ', date: '1980-05-31' });
    expect(splitTypedDate('昭和55年5月31日　山田 太郎')).toEqual({ rest: '山田 太郎', date: '1980-05-31' });
    expect(splitTypedDate('山田 太郎')).toEqual({ rest: '山田 太郎', date: undefined });
    expect(splitTypedDate('シシボネS55.5.31')).toEqual({ rest: 'シシボネ', date: '1980-05-31' });
    expect(splitTypedDate('山田昭和55年5月31日')).toEqual({ rest: '山田', date: '1980-05-31' });
    expect(splitTypedDate('ヤマダ1980/5/31')).toEqual({ rest: 'ヤマダ', date: '1980-05-31' });
    // A name in letters is no era: SUZUKI and TANAKA stay whole.
    expect(splitTypedDate('SUZUKI TANAKA')).toEqual({ rest: 'SUZUKI TANAKA', date: undefined });
  });
});
