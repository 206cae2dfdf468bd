import { describe, expect, it } from 'vitest';
import { chooseCoding } from './encoded-body.ts';

describe('chooseCoding', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['identity', undefined],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['GZIP;Q=0.8', 'gzip'],
    ['br;q=0, gzip;q=0.1', 'gzip'],
    ['gzip;q=1, br;q=0.4', 'gzip'],
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    ['br;q=0, gzip;q=0', undefined],
    ['deflate', undefined],
  ] as const)('Accept-Encoding %j → %j', (header, coding) => {
    expect(chooseCoding(header)).toBe(coding);
  });
});
