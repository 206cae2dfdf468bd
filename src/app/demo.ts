import { randomBytes } from 'node:crypto';
import type { Result } from './app-errors.ts';
import { checkDigitOf } from '../rules/individual-number.ts';
import { addDays, addMonthsClamped, type PlainDate } from '../rules/plain-date.ts';
import type { Actor } from './actor.ts';
import { addFrontNote } from './cards/add-front-note.ts';
import { applyForCard } from './cards/apply-for-card.ts';
import { endCard } from './cards/end-card.ts';
import { issueCard } from './cards/issue-card.ts';
import { manufactureCard } from './cards/manufacture-card.ts';
import { reissueCard } from './cards/reissue-card.ts';
import { returnCard } from './cards/return-card.ts';
import { suspendCard } from './cards/suspend-card.ts';
import type { AppContext } from './context.ts';
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, FOREIGN_NAMES, MALE_GIVEN_NAMES, TOWNS } from './demo-names.ts';
import { registerArrival } from './residents/register-arrival.ts';
import { moveOut } from './residents/move-out.ts';
import { registerResident, type RegisterResidentInput } from './residents/register-resident.ts';
import { addStaff, systemActor } from './staff.ts';
import type { CardView } from './views.ts';

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

export interface DemoPerson extends RegisterResidentInput {
  readonly householdId: string;
}

/**
 * A realistic resident: a name and its reading, a birth date, an Edogawa address, a household;
 * about one in twenty a foreign resident, most with a period of stay and a residence card.
 */
export function demoPerson(random: () => number, serial: number, today: PlainDate, household: string): DemoPerson {
  const foreign = random() < 0.05;
  const sex = random() < 0.5 ? 'male' : 'female';
  const birthDate = addDays(today, -Math.floor(random() * 90 * 365.25) - 1);
  const address = `東京都江戸川区${pick(random, TOWNS)}${1 + Math.floor(random() * 8)}丁目${1 + Math.floor(random() * 30)}番${1 + Math.floor(random() * 20)}号`;
  const base = {
    residentCode: String(10_000_000_000 + serial).slice(-11),
    individualNumber: demoNumber(serial),
    birthDate,
    sex,
    address,
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

export interface DemoAccount {
  readonly username: string;
  readonly role: string;
  readonly officeId: string;
  readonly password: string;
}

function unwrap<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`demo data: ${what} was refused: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/**
 * Demo staff and about fifty residents with cards in every status, made through the same use
 * cases as the counter (so all of it is audited), on an empty database only. The accounts have
 * one-time passwords, returned once for printing and to be changed at first sign-in.
 */
export async function seedDemo(app: AppContext): Promise<DemoAccount[] | undefined> {
  if ((await app.store.read.staff.count()) > 0 || (await app.store.read.residents.count()) > 0) return undefined;
  const system = systemActor('demo');
  const accounts: DemoAccount[] = [];
  const actors = new Map<string, Actor>();
  const add = async (username: string, role: string, officeId: string) => {
    const password = randomBytes(9).toString('base64url');
    const staff = unwrap(await addStaff(app, system, { username, name: username, role, officeId, password, mustChangePassword: true }), `user ${username}`);
    accounts.push({ username, role, officeId, password });
    actors.set(username, { id: staff.id, username, name: staff.name, role: staff.role, officeId });
  };
  for (const office of app.offices.offices) {
    await add(`clerk.${office.id}`, 'clerk', office.id);
    await add(`supervisor.${office.id}`, 'supervisor', office.id);
  }
  await add('hotline.1', 'hotline', 'hotline');
  await add('auditor.1', 'auditor', 'honcho');
  await add('admin.1', 'admin', 'honcho');
  await seedResidents(app, actors.get('clerk.honcho')!, actors.get('hotline.1')!, 50);
  return accounts;
}

async function seedResidents(app: AppContext, clerk: Actor, hotline: Actor, count: number): Promise<void> {
  const random = randomSource(20260401);
  const today = app.clock.today();
  const day = (offset: number) => addDays(today, offset);
  const pins = { signature: 'DEMO2026', user: '1234', residentRegistry: '1234', cardInfo: '1234' };
  const issueThrough = async (residentId: string, applied: PlainDate, made: PlainDate, handed: PlainDate, adult = true): Promise<CardView> => {
    const card = unwrap(
      await applyForCard(app, clerk, residentId, { applicationDate: applied, photoTakenOn: addDays(applied, -20), withSignatureCertificate: adult, withUserCertificate: true }),
      'application',
    );
    unwrap(await manufactureCard(app, clerk, card.id, { issueDate: made }), 'manufacture');
    return unwrap(await issueCard(app, clerk, card.id, { handedOverOn: handed, pins, identityDocuments: ['driving-licence'], notificationCardReturned: true }), 'issue');
  };
  let household = app.ids.next();
  for (let serial = 1; serial <= count; serial++) {
    if (random() < 0.6) household = app.ids.next();
    let person: RegisterResidentInput = demoPerson(random, serial, today, household);
    const kind = serial % 10;
    const adult = kind !== 7 && kind !== 5;
    if (adult && person.birthDate > addDays(today, -20 * 365)) person = { ...person, birthDate: addDays(today, -(25 + serial) * 365) };
    if (!adult) person = { ...person, birthDate: addDays(today, -(9 * 365 + serial)) };
    if (serial % 25 === 0) {
      // Moved in from another city with a card, still to be continued.
      const { individualNumber, ...facts } = person;
      unwrap(
        await registerArrival(app, clerk, {
          ...facts,
          individualNumber,
          moveInDate: day(-20),
          notificationDate: day(-10),
          cardPresented: false,
          card: { issueDate: addDays(today, -400), expiryDate: addDays(today, 3000), issuedBy: '千葉県市川市', certificates: {}, pins },
        }),
        'arrival',
      );
      continue;
    }
    const resident = unwrap(await registerResident(app, clerk, person), 'registration');
    const applied = day(-60 - serial);
    switch (kind) {
      case 0:
        break;
      case 1:
        unwrap(await applyForCard(app, clerk, resident.id, { applicationDate: day(-5), photoTakenOn: day(-30), withSignatureCertificate: true, withUserCertificate: true }), 'application');
        break;
      case 2: {
        const card = unwrap(await applyForCard(app, clerk, resident.id, { applicationDate: day(-40), photoTakenOn: day(-50), withSignatureCertificate: true, withUserCertificate: true }), 'application');
        unwrap(await manufactureCard(app, clerk, card.id, { issueDate: day(-7) }), 'manufacture');
        break;
      }
      case 3: {
        const card = await issueThrough(resident.id, applied, addDays(applied, 30), addDays(applied, 40));
        unwrap(await suspendCard(app, hotline, card.id, { reason: serial % 2 === 0 ? 'lost' : 'stolen', channel: 'hotline', caller: { name: '本人' } }), 'suspension');
        break;
      }
      case 4: {
        const card = await issueThrough(resident.id, applied, addDays(applied, 30), addDays(applied, 40));
        for (const [index, note] of ['住所変更 船堀二丁目', '住所変更 中央一丁目', '住所変更 松江三丁目'].entries()) {
          unwrap(await addFrontNote(app, clerk, card.id, { kind: 'address', text: note, date: addDays(applied, 41 + index), pin: '1234' }), 'front note');
        }
        break;
      }
      case 5: {
        // An old card of a child, expired on its 5th birthday and not yet returned.
        const born = person.birthDate;
        const card = await issueThrough(resident.id, addDays(born, 400), addDays(born, 430), addDays(born, 440), false);
        unwrap(await endCard(app, systemActor('demo'), card.id, { type: 'expire', on: addDays(card.expiryDate!, 1) }), 'expiry');
        break;
      }
      case 6: {
        const card = await issueThrough(resident.id, applied, addDays(applied, 30), addDays(applied, 40));
        if (serial % 20 === 6) {
          unwrap(await moveOut(app, clerk, resident.id, { plannedMoveOutDate: day(10), destination: 'Canada', abroad: true }), 'move abroad');
        } else {
          unwrap(await returnCard(app, clerk, card.id, { reason: 'not-needed' }), 'return');
        }
        break;
      }
      case 8: {
        const card = await issueThrough(resident.id, applied, addDays(applied, 30), addDays(applied, 40));
        unwrap(
          await reissueCard(app, clerk, card.id, {
            reason: 'damaged',
            photoTakenOn: day(-3),
            applicationDate: day(-1),
            identityDocuments: ['passport'],
          }),
          'reissue',
        );
        break;
      }
      default:
        await issueThrough(resident.id, applied, addDays(applied, 30), addDays(applied, 40), adult);
    }
  }
}
