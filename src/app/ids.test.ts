import { afterEach, describe, expect, it, vi } from 'vitest';
import { uuidV7 } from './ids.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidV7', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('is a version 7 UUID carrying the millisecond it was made in', () => {
    vi.spyOn(Date, 'now').mockReturnValue(Date.parse('2031-01-01T00:00:00.000Z'));
    const id = uuidV7.next();
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBeGreaterThanOrEqual(Date.parse('2031-01-01T00:00:00.000Z'));
  });

  it('sorts every id after the one before, within a millisecond and when the clock is set back', () => {
    const start = Date.parse('2032-06-01T00:00:00.000Z');
    // Ten ids in one millisecond, then an NTP step back by an hour, then time going on from there.
    const times = [...Array(10).fill(start), start - 3600_000, start - 3600_000, start - 3599_999, start + 1, start + 1];
    const now = vi.spyOn(Date, 'now');
    const ids = times.map((time) => {
      now.mockReturnValue(time);
      return uuidV7.next();
    });
    for (const id of ids) expect(id).toMatch(UUID_V7);
    for (let index = 1; index < ids.length; index++) expect(ids[index]! > ids[index - 1]!, `${ids[index]} after ${ids[index - 1]}`).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('takes the clock again once it has passed the last id', () => {
    const later = Date.parse('2033-01-01T00:00:00.000Z');
    vi.spyOn(Date, 'now').mockReturnValue(later);
    expect(uuidV7.next().replace(/-/g, '').slice(0, 12)).toBe(later.toString(16).padStart(12, '0'));
  });
});
