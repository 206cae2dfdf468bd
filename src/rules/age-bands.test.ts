import { describe, expect, it } from 'vitest';
import { AGE_BANDS, ageBandOn } from './age-bands.ts';
import { plainDate as d } from './plain-date.ts';

describe('age bands of the monthly statistics', () => {
  it('are five years wide from 0-4 to 95-99, then 100+', () => {
    expect(AGE_BANDS).toHaveLength(21);
    expect([AGE_BANDS[0], AGE_BANDS[1], AGE_BANDS[19], AGE_BANDS[20]]).toEqual(['0-4', '5-9', '95-99', '100+']);
  });

  it('place a person by their age at the end of the day, as the law counts it (R-1)', () => {
    // Born 2001-12-01: 25 at the end of 2026-11-30, the day before the birthday.
    expect(ageBandOn(d('2001-12-01'), d('2026-11-30'))).toBe('25-29');
    expect(ageBandOn(d('2001-12-02'), d('2026-11-30'))).toBe('20-24');
    expect(ageBandOn(d('2026-11-30'), d('2026-11-30'))).toBe('0-4');
    expect(ageBandOn(d('1926-12-01'), d('2026-11-30'))).toBe('100+');
    expect(ageBandOn(d('1900-01-01'), d('2026-11-30'))).toBe('100+');
  });
});
