import type { Result } from './app-errors.ts';
import type { Actor } from './actor.ts';
import { addFrontNote } from './cards/add-front-note.ts';
import { applyForCard } from './cards/apply-for-card.ts';
import { continueCard } from './cards/continue-card.ts';
import { endCard } from './cards/end-card.ts';
import { extendCard } from './cards/extend-card.ts';
import { issueCard } from './cards/issue-card.ts';
import { manufactureCard } from './cards/manufacture-card.ts';
import { reissueCard } from './cards/reissue-card.ts';
import { resumeCard } from './cards/resume-card.ts';
import { returnCard } from './cards/return-card.ts';
import { suspendCard } from './cards/suspend-card.ts';
import { requestApproval, decideApproval } from './approvals.ts';
import type { AppContext } from './context.ts';
import type { DemoStaff } from './demo-staff.ts';
import { demoPerson, demoRepresentative, randomSource } from './demo-person.ts';
import { TOWN_POSTAL_CODES, TOWNS } from './demo-names.ts';
import type { CardChip } from './ports/card-chip.ts';
import type { PinRecord } from './ports/chip-repository.ts';
import type { Clock } from './ports/clock.ts';
import { changeAddress } from './residents/change-address.ts';
import { recordEnquiry } from './residents/record-enquiry.ts';
import { registerArrival } from './residents/register-arrival.ts';
import { registerResident, type RegisterResidentInput } from './residents/register-resident.ts';
import { updatePeriodOfStay } from './residents/update-period-of-stay.ts';
import { systemActor } from './staff.ts';
import type { CardView } from './views.ts';
import { businessDay } from '../rules/business-day.ts';
import { addDays, addMonthsClamped, dayOfWeek, type PlainDate } from '../rules/plain-date.ts';

/**
 * The residents' stories, in the order they are told: the first fifty cover every situation a
 * trainer looks for (docs/architecture.md "Training mode"), and a longer run repeats them.
 */
export const STORY_KINDS = [
  'first-card',
  'child',
  'foreign-with-period',
  'pending-continuation',
  'suspended',
  'address-change',
  'renewal-due',
  'application-pending',
  'reissue',
  'continued',
  'resumed',
  'period-extended',
  'renewed',
  'proxy',
  'awaiting-pickup',
  'returned',
  'no-card',
  'expired-child-card',
  'first-card',
  'child',
] as const;
export type StoryKind = (typeof STORY_KINDS)[number];

const FOREIGN_STORIES = new Set<StoryKind>(['foreign-with-period', 'period-extended']);
const NATIONAL_STORIES = new Set<StoryKind>(['child', 'expired-child-card', 'renewal-due', 'renewed']);

export interface StoryOptions {
  /** How many residents to tell a story of, one resident each. */
  readonly count: number;
  readonly seed: number;
  /** The serial of the first resident, for their resident code and individual number; the next free one when absent. */
  readonly firstSerial?: number;
  readonly progress?: (done: number, total: number) => void;
}

/** How far back the stories' counter procedures reach (an expired child's card and cards from other cities are older). */
export const HISTORY_DAYS = 180;

/** PINs the demo sets on every chip (published: demo data only). */
const PINS = { signature: 'DEMO2026', user: '1234', residentRegistry: '1234', cardInfo: '1234' } as const;
const JST_MORNING_MS = 0; // 00:00 UTC is 09:00 in Japan, when the counters open.

function unwrap<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`demo history: ${what} was refused: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** A clock stopped at a moment of a past business day: the use cases date their records, acts and audit entries by it. */
function clockOn(date: PlainDate, minutes: number): Clock {
  const at = new Date(Date.parse(`${date}T00:00:00Z`) + JST_MORNING_MS + minutes * 60_000).toISOString();
  return { now: () => at, today: () => date };
}

/**
 * Residents' histories over the ~6 months before the business date, told through the same use
 * cases as the counter and the hotline with the app's clock set back to each step's day: every
 * act is recorded with its own date (the procedures report shows them day by day) and audited.
 * Deterministic for a seed. Answers how many residents had each story.
 */
export async function tellStories(app: AppContext, staff: DemoStaff, options: StoryOptions): Promise<Record<StoryKind, number>> {
  app = { ...app, chip: sealingOnce(app.chip) };
  const random = randomSource(options.seed);
  const today = app.clock.today();
  const told = Object.fromEntries(STORY_KINDS.map((kind) => [kind, 0])) as Record<StoryKind, number>;
  let serial = options.firstSerial ?? (await app.store.read.residents.count()) + 1;
  let household = app.ids.next();
  for (let index = 0; index < options.count; index++) {
    const kind = STORY_KINDS[index % STORY_KINDS.length]!;
    if (random() < 0.6) household = app.ids.next();
    const office = app.offices.offices[Math.floor(random() * app.offices.offices.length)]!.id;
    const story = new Story(app, staff, office, today, random);
    // A story about a foreign resident's period of stay needs one; one whose dates follow birthdays needs a national.
    const wanted = FOREIGN_STORIES.has(kind) ? 'foreign-with-period' : NATIONAL_STORIES.has(kind) ? 'national' : undefined;
    let person = demoPerson(random, serial, today, household);
    while (wanted !== undefined && person.residency !== wanted) person = demoPerson(random, serial, today, household);
    serial++;
    await story.tell(kind, person);
    told[kind]++;
    options.progress?.(index + 1, options.count);
  }
  return told;
}

/**
 * The chip, with each of the demo's published PINs hashed once for all the stories (as
 * generateResidents does for the bulk): an argon2 hash takes tens of milliseconds, four for
 * every card handed over, which made the stories several times slower.
 */
function sealingOnce(chip: CardChip): CardChip {
  const sealed = new Map<string, Promise<PinRecord[]>>();
  return {
    seal: async (pins) => {
      const records = pins.map(({ kind, pin }) => {
        const key = `${kind}\u0000${pin}`;
        let record = sealed.get(key);
        if (!record) sealed.set(key, (record = chip.seal([{ kind, pin }])));
        return record;
      });
      return (await Promise.all(records)).flat();
    },
    setPins: (tx, cardId, pins, at) => chip.setPins(tx, cardId, pins, at),
    verify: (tx, cardId, kind, pin, at) => chip.verify(tx, cardId, kind, pin, at),
    states: (tx, cardId) => chip.states(tx, cardId),
  };
}

/** One resident's story: its steps run in order, each on its day at the counter of one office. */
class Story {
  private minutes: number;
  constructor(
    private readonly app: AppContext,
    private readonly staff: DemoStaff,
    private readonly office: string,
    private readonly today: PlainDate,
    private readonly random: () => number,
  ) {
    this.minutes = 10 + Math.floor(random() * 360);
  }

  private between(fromDaysAgo: number, toDaysAgo: number): PlainDate {
    return addDays(this.today, -(toDaysAgo + Math.floor(this.random() * (fromDaysAgo - toDaysAgo + 1))));
  }

  /** The counters' day on or after `date` (R-9), or the last one before when that is after the business date; any weekday outside the calendar's years. */
  private counterDay(date: PlainDate): PlainDate {
    const open = (day: PlainDate) => {
      const status = businessDay({ date: day }, this.app.rules);
      return status.ok ? status.value.businessDay : dayOfWeek(day) !== 0 && dayOfWeek(day) !== 6;
    };
    let day = date;
    for (let step = 0; step < 14 && !open(day); step++) day = addDays(day, 1);
    if (day > this.today) for (day = this.today; !open(day) && day > date; ) day = addDays(day, -1);
    return day;
  }

  /** The app as it was at a moment of `date`: a little later on each step of the story. */
  private on(date: PlainDate): AppContext {
    this.minutes += 3 + Math.floor(this.random() * 20);
    return { ...this.app, clock: clockOn(date, this.minutes % 480) };
  }

  private get clerk(): Actor {
    return this.staff.clerk(this.office);
  }

  async tell(kind: StoryKind, person: RegisterResidentInput): Promise<void> {
    const adult = { ...person, birthDate: addMonthsClamped(this.today, -12 * (22 + Math.floor(this.random() * 55)) - Math.floor(this.random() * 12)) };
    const start = this.counterDay(this.between(HISTORY_DAYS, 100));
    switch (kind) {
      case 'first-card':
        await this.cardHeld(adult, start);
        return;
      case 'child': {
        const born = addDays(this.today, -(3 * 365 + Math.floor(this.random() * 11 * 365)));
        await this.cardHeld({ ...person, birthDate: born }, start, false);
        return;
      }
      case 'foreign-with-period':
        await this.cardHeld({ ...adult, periodOfStayEnd: addMonthsClamped(this.today, 12 + Math.floor(this.random() * 24)) }, start);
        return;
      case 'period-extended': {
        // The period of stay ended within months; immigration extended it and the card followed.
        const ending = addDays(this.today, 20 + Math.floor(this.random() * 40));
        const { residentId, card } = await this.cardHeld({ ...adult, periodOfStayEnd: ending }, start);
        const day = this.counterDay(this.between(15, 2));
        const newEnd = addMonthsClamped(ending, 36);
        unwrap(await updatePeriodOfStay(this.on(day), this.clerk, residentId, { periodOfStayEnd: newEnd, residenceCardNumber: residenceCard(this.random) }), 'period-of-stay update');
        unwrap(await extendCard(this.on(day), this.clerk, card.id, { newPeriodOfStayEnd: newEnd, today: day }), 'validity extension');
        return;
      }
      case 'pending-continuation':
        // Moved in from another city with a card, notified within weeks: continuation still to be done.
        await this.arrival(adult, this.between(60, 5), addMonthsClamped(this.today, 40 + Math.floor(this.random() * 60)));
        return;
      case 'continued': {
        const notified = this.counterDay(this.between(170, 100));
        const card = await this.arrival(adult, notified, addMonthsClamped(this.today, 40 + Math.floor(this.random() * 60)));
        await this.continued(card, this.counterDay(addDays(notified, 1 + Math.floor(this.random() * 40))));
        return;
      }
      case 'renewal-due':
      case 'renewed': {
        // An old card of another city, continued here, that expires within R-6's window of the business date.
        const expiry = addDays(this.today, 20 + Math.floor(this.random() * 60));
        const born = addMonthsClamped(expiry, -12 * (30 + Math.floor(this.random() * 40)));
        const notified = this.counterDay(this.between(170, 110));
        const card = await this.arrival({ ...adult, birthDate: born }, notified, expiry, addDays(addMonthsClamped(expiry, -120), 30));
        await this.continued(card, this.counterDay(addDays(notified, 1 + Math.floor(this.random() * 20))));
        if (kind === 'renewed') await this.replaced(card, 'renewal', this.counterDay(this.between(14, 10)), this.counterDay(this.between(6, 4)), this.counterDay(this.between(3, 0)));
        return;
      }
      case 'suspended':
      case 'resumed': {
        const { card } = await this.cardHeld(adult, start);
        const lost = this.between(40, 5);
        unwrap(
          await suspendCard(this.on(lost), this.staff.hotline, card.id, { reason: this.random() < 0.8 ? 'lost' : 'stolen', channel: 'hotline', caller: { name: '本人' } }),
          'suspension',
        );
        if (kind === 'resumed') unwrap(await resumeCard(this.on(this.counterDay(addDays(lost, 1 + Math.floor(this.random() * 4)))), this.clerk, card.id, { identityDocuments: ['driving-licence'] }), 'resumption');
        return;
      }
      case 'proxy': {
        // Found again by the holder, who is in hospital: a daughter comes with a letter of attorney,
        // after telephoning; a supervisor of the office approves; the clerk lifts the suspension.
        const { residentId, card } = await this.cardHeld(adult, start);
        const lost = this.between(30, 10);
        unwrap(await suspendCard(this.on(lost), this.staff.hotline, card.id, { reason: 'lost', channel: 'hotline', caller: { name: '本人' } }), 'suspension');
        const enquired = this.counterDay(addDays(lost, 2));
        const proxy = { name: `${person.familyName} 花子`, relationship: '子' };
        const enquiry = unwrap(
          await recordEnquiry(this.on(enquired), this.clerk, residentId, { enquiredOn: enquired, callerName: proxy.name, relationship: proxy.relationship, procedure: 'suspension-release' }),
          'proxy enquiry',
        );
        const came = this.counterDay(addDays(enquired, 1 + Math.floor(this.random() * 3)));
        const request = unwrap(
          await requestApproval(this.on(came), this.clerk, {
            kind: 'proxy',
            residentId,
            enquiryId: enquiry.id,
            procedure: 'suspension-release',
            proxy: { ...proxy, identityDocuments: ['driving-licence'], authorityDocument: '委任状' },
          }),
          'proxy approval request',
        );
        unwrap(await decideApproval(this.on(came), this.staff.supervisor(this.office), request.id, true, { note: '委任状と本人確認書類を確認' }), 'proxy approval');
        unwrap(await resumeCard(this.on(came), this.clerk, card.id, { identityDocuments: ['driving-licence'], proxyApprovalId: request.id }), 'resumption by a proxy');
        return;
      }
      case 'address-change': {
        const { residentId, card } = await this.cardHeld(adult, start);
        const moved = this.between(50, 3);
        const town = TOWNS[Math.floor(this.random() * TOWNS.length)]!;
        const address = `東京都江戸川区${town}${1 + Math.floor(this.random() * 8)}丁目${1 + Math.floor(this.random() * 30)}番`;
        const day = this.counterDay(addDays(moved, Math.floor(this.random() * 10)));
        unwrap(await changeAddress(this.on(day), this.clerk, residentId, { address, postalCode: TOWN_POSTAL_CODES[town]!, effectiveDate: moved }), 'address change');
        unwrap(await addFrontNote(this.on(day), this.clerk, card.id, { kind: 'address', text: `${moved} 転居 ${address}`, date: day, pin: PINS.residentRegistry }), 'front note');
        return;
      }
      case 'reissue': {
        const { card } = await this.cardHeld(adult, this.counterDay(this.between(180, 150)));
        await this.replaced(card, 'damaged', this.counterDay(this.between(60, 40)), this.counterDay(this.between(25, 15)), this.counterDay(this.between(10, 0)));
        return;
      }
      case 'returned': {
        const { card } = await this.cardHeld(adult, start);
        unwrap(await returnCard(this.on(this.counterDay(this.between(30, 0))), this.clerk, card.id, { reason: 'not-needed' }), 'return');
        return;
      }
      case 'application-pending': {
        const resident = unwrap(await registerResident(this.on(start), this.clerk, adult), 'registration');
        await this.applied(resident.id, this.counterDay(this.between(20, 0)), true);
        return;
      }
      case 'awaiting-pickup': {
        const resident = unwrap(await registerResident(this.on(start), this.clerk, adult), 'registration');
        const card = await this.applied(resident.id, this.counterDay(this.between(60, 35)), true);
        const made = this.counterDay(this.between(10, 1));
        unwrap(await manufactureCard(this.on(made), this.clerk, card.id, { issueDate: made }), 'manufacture');
        return;
      }
      case 'no-card':
        unwrap(await registerResident(this.on(start), this.clerk, adult), 'registration');
        return;
      case 'expired-child-card': {
        // A child's card, expired on the 5th birthday and not yet handed back.
        const born = addDays(this.today, -(6 * 365 + Math.floor(this.random() * 3 * 365)));
        const resident = unwrap(await registerResident(this.on(this.counterDay(addDays(born, 300))), this.clerk, { ...person, birthDate: born }), 'registration');
        const card = await this.issued(resident.id, this.counterDay(addDays(born, 400)), false, { ...person, birthDate: born });
        unwrap(await endCard(this.on(addDays(card.expiryDate!, 1)), systemActor('sweep'), card.id, { type: 'expire', on: addDays(card.expiryDate!, 1) }), 'expiry');
        return;
      }
      default: {
        const unknown: never = kind;
        throw new Error(`no story ${String(unknown)}`);
      }
    }
  }

  /** Registered, then the first card applied for, made by J-LIS and handed over at the counter. */
  private async cardHeld(person: RegisterResidentInput, applied: PlainDate, adult = true): Promise<{ residentId: string; card: CardView }> {
    const resident = unwrap(await registerResident(this.on(applied), this.clerk, person), 'registration');
    return { residentId: resident.id, card: await this.issued(resident.id, applied, adult, person) };
  }

  /** A child under 15 on the day comes with a parent, the 法定代理人. */
  private actingFor(person: RegisterResidentInput | undefined, on: PlainDate) {
    return person ? demoRepresentative(person, on, this.app.rules.policy) : {};
  }

  private async applied(residentId: string, applied: PlainDate, adult: boolean, person?: RegisterResidentInput): Promise<CardView> {
    return unwrap(
      await applyForCard(this.on(applied), this.clerk, residentId, {
        applicationDate: applied,
        photoTakenOn: addDays(applied, -Math.floor(this.random() * 60)),
        withSignatureCertificate: adult,
        withUserCertificate: true,
        ...this.actingFor(person, applied),
      }),
      'application',
    );
  }

  /** Applied on `applied`, made about a month later, handed over one or two weeks after that. */
  private async issued(residentId: string, applied: PlainDate, adult: boolean, person?: RegisterResidentInput): Promise<CardView> {
    const card = await this.applied(residentId, applied, adult, person);
    const made = this.counterDay(addDays(applied, 25 + Math.floor(this.random() * 10)));
    unwrap(await manufactureCard(this.on(made), this.clerk, card.id, { issueDate: made }), 'manufacture');
    const handed = this.counterDay(addDays(made, 5 + Math.floor(this.random() * 14)));
    return this.handedOver(card.id, handed, person);
  }

  private async handedOver(cardId: string, on: PlainDate, person?: RegisterResidentInput): Promise<CardView> {
    return unwrap(
      await issueCard(this.on(on), this.clerk, cardId, {
        handedOverOn: on,
        pins: PINS,
        identityDocuments: [this.random() < 0.5 ? 'driving-licence' : 'passport'],
        notificationCardReturned: true,
        ...this.actingFor(person, on),
      }),
      'hand-over',
    );
  }

  /** Moved in from another city with a card it issued; answers the card taken over. */
  private async arrival(person: RegisterResidentInput, notified: PlainDate, expiry: PlainDate, issued = addMonthsClamped(this.today, -24)): Promise<CardView> {
    const day = this.counterDay(notified);
    const moved = addDays(day, -Math.floor(this.random() * 12));
    const { individualNumber, ...facts } = person;
    const arrived = unwrap(
      await registerArrival(this.on(day), this.clerk, {
        ...facts,
        individualNumber,
        moveInDate: moved,
        notificationDate: day,
        cardPresented: true,
        card: { issueDate: issued < person.birthDate ? addDays(person.birthDate, 30) : issued, expiryDate: expiry, issuedBy: '千葉県市川市', certificates: {}, pins: PINS },
      }),
      'arrival',
    );
    return arrived.cards[0]!;
  }

  private async continued(card: CardView, on: PlainDate): Promise<void> {
    unwrap(await continueCard(this.on(on), this.clerk, card.id, { pin: PINS.residentRegistry, presentedBy: 'holder', date: on }), 'continuation');
  }

  /** A new card for an old one (R-10: a fee for a damaged one, none for a renewal), made and handed over. */
  private async replaced(card: CardView, reason: 'damaged' | 'renewal', applied: PlainDate, made: PlainDate, handed: PlainDate): Promise<void> {
    const reissued = unwrap(
      await reissueCard(this.on(applied), this.clerk, card.id, { reason, photoTakenOn: addDays(applied, -7), applicationDate: applied, identityDocuments: ['passport'] }),
      `reissue (${reason})`,
    );
    unwrap(await manufactureCard(this.on(made), this.clerk, reissued.newCard.id, { issueDate: made }), 'manufacture');
    await this.handedOver(reissued.newCard.id, handed);
  }
}

function residenceCard(random: () => number): string {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  const letter = () => letters[Math.floor(random() * letters.length)]!;
  return `${letter()}${letter()}${String(Math.floor(random() * 1e8)).padStart(8, '0')}${letter()}${letter()}`;
}
