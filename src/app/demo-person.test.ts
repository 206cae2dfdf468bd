import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../rules/plain-date.ts';
import { TOWN_POSTAL_CODES, TOWNS } from './demo-names.ts';
import { demoPerson, randomSource } from './demo-person.ts';

describe('demo residents (demo-person.ts)', () => {
  it('live at an Edogawa address with the postal code of its town (132-, 133- or 134-)', () => {
    for (const town of TOWNS) expect(TOWN_POSTAL_CODES[town], town).toMatch(/^13[234]-\d{4}$/);
    const random = randomSource(7);
    const people = Array.from({ length: 200 }, (_, serial) => demoPerson(random, serial + 1, '2026-12-01' as PlainDate, 'h'));
    for (const person of people) {
      const town = TOWNS.find((name) => person.address.startsWith(`東京都江戸川区${name}`) && /^\d/.test(person.address.slice(`東京都江戸川区${name}`.length)));
      expect(town, person.address).toBeDefined();
      expect(person.postalCode, person.address).toBe(TOWN_POSTAL_CODES[town!]);
    }
    expect(new Set(people.map((person) => person.postalCode!.slice(0, 3)))).toEqual(new Set(['132', '133', '134']));
  });
});
