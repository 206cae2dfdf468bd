import { checkDigitOf } from '../rules/individual-number.ts';
import { addDays, addMonthsClamped, type PlainDate } from '../rules/plain-date.ts';
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, FOREIGN_NAMES, MALE_GIVEN_NAMES, TOWN_POSTAL_CODES, TOWNS } from './demo-names.ts';
import type { RegisterResidentInput } from './residents/register-resident.ts';
import type { LegalRepresentative } from '../domain/representation.ts';
import { representationBasis } from '../rules/legal-representative.ts';
import type { Policy } from '../rules/policy.ts';

/** A small deterministic generator (mulberry32), so that a seed gives the same people every time. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** A valid individual number from a serial: multiplying by a prime spreads serials over all 10^11, one each. */
export function demoNumber(serial: number): string {
  const eleven = String((serial * 7919) % 100_000_000_000).padStart(11, '0');
  return eleven + checkDigitOf(eleven);
}

/**
 * The 法定代理人 who comes with a demo child at the counter when the child is under 15 on
 * `on`: a parent of the same family name, with a driving licence and the 戸籍謄本 proving the
 * authority. Nothing for anyone else (a representative nobody needs is refused).
 */
export function demoRepresentative(
  person: { readonly familyName: string; readonly birthDate: PlainDate; readonly adultWard?: boolean },
  on: PlainDate,
  policy: Policy,
): { legalRepresentative?: LegalRepresentative } {
  const basis = representationBasis(person.birthDate, on, person.adultWard ?? false, policy);
  if (basis === undefined) return {};
  return basis === 'adult-ward'
    ? { legalRepresentative: { name: `${person.familyName} 一郎`, relationship: 'guardian', identityDocuments: ['driving-licence'], authorityDocument: '登記事項証明書' } }
    : { legalRepresentative: { name: `${person.familyName} 洋子`, relationship: 'parent', identityDocuments: ['driving-licence'], authorityDocument: '戸籍謄本' } };
}

export interface DemoPerson extends RegisterResidentInput {
  readonly householdId: string;
}

/**
 * A realistic resident: a name and its reading, a birth date, an Edogawa address with its town's
 * postal code, a household;
 * about one in twenty a foreign resident, most with a period of stay and a residence card.
 */
export function demoPerson(random: () => number, serial: number, today: PlainDate, household: string): DemoPerson {
  const foreign = random() < 0.05;
  const sex = random() < 0.5 ? 'male' : 'female';
  const birthDate = addDays(today, -Math.floor(random() * 90 * 365.25) - 1);
  const town = pick(random, TOWNS);
  const address = `東京都江戸川区${town}${1 + Math.floor(random() * 8)}丁目${1 + Math.floor(random() * 30)}番${1 + Math.floor(random() * 20)}号`;
  const base = {
    residentCode: String(10_000_000_000 + serial).slice(-11),
    individualNumber: demoNumber(serial),
    birthDate,
    sex,
    address,
    postalCode: TOWN_POSTAL_CODES[town]!,
    householdId: household,
    phone: `03-${String(3000 + Math.floor(random() * 6000))}-${String(Math.floor(random() * 10000)).padStart(4, '0')}`,
  } as const;
  if (!foreign) {
    const [familyName, familyNameKana] = pick(random, FAMILY_NAMES);
    const [givenName, givenNameKana] = pick(random, sex === 'male' ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES);
    return { ...base, familyName, familyNameKana, givenName, givenNameKana, nationality: 'JP', residency: 'national' };
  }
  const origin = pick(random, FOREIGN_NAMES);
  const [familyName, familyNameKana] = pick(random, origin.family);
  const [givenName, givenNameKana] = pick(random, origin.given);
  const permanent = random() < 0.3;
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  const residenceCardNumber = `${pick(random, [...letters])}${pick(random, [...letters])}${String(Math.floor(random() * 1e8)).padStart(8, '0')}${pick(random, [...letters])}${pick(random, [...letters])}`;
  return {
    ...base,
    familyName,
    familyNameKana,
    givenName,
    givenNameKana,
    nationality: origin.nationality,
    residency: permanent ? 'foreign-without-period' : 'foreign-with-period',
    ...(!permanent && { periodOfStayEnd: addMonthsClamped(today, 2 + Math.floor(random() * 40)) }),
    residenceCardNumber,
  };
}
