import type { CardEvent, CardState } from '../domain/card.ts';
import { evolveCard } from '../domain/card.ts';
import { pickupReferenceOf } from '../domain/pickup-reference.ts';
import { decideNewCard } from '../domain/card-application.ts';
import { decideCard } from '../domain/card-decider.ts';
import { holderOf } from '../domain/holder.ts';
import { decideRegistration } from '../domain/resident-registration.ts';
import type { ResidentEvent, ResidentState } from '../domain/resident.ts';
import { addDays, type PlainDate } from '../rules/plain-date.ts';
import type { PinKind } from '../rules/policy.ts';
import type { Actor } from './actor.ts';
import { auditAct } from './audit-trail.ts';
import type { AppContext } from './context.ts';
import { hashSecret } from './crypto/secrets.ts';
import { demoNumber, demoPerson, demoRepresentative, randomSource } from './demo-person.ts';
import type { PinRecord } from './ports/chip-repository.ts';
import type { ResidentRecord } from './ports/resident-repository.ts';
import { decisionContext } from './context.ts';
import { demoStaff, type DemoAccount } from './demo-staff.ts';
import { HISTORY_DAYS, tellStories, type StoryKind } from './demo-stories.ts';

export const GENERATED_PINS = { signature: 'DEMO2026', user: '1234', 'resident-registry': '1234', 'card-info': '1234' } as const satisfies Record<PinKind, string>;
const BATCH = 1000;

export interface GenerateProgress {
  readonly done: number;
  readonly total: number;
}

/** The stories `demo generate` tells besides the bulk when not told how many: one resident in twenty, at most 500. */
export function defaultStoryCount(residents: number): number {
  return Math.min(Math.ceil(residents / 20), 500);
}

export interface DemoGenerated {
  readonly residents: number;
  /** How many residents had each story, with its history over the past months. */
  readonly stories: Record<StoryKind, number>;
  /** The demo accounts made for the stories (one-time passwords, to print once). */
  readonly accounts: DemoAccount[];
  /** The first day the histories can reach back to. */
  readonly since: PlainDate;
}

/**
 * `madoguchi demo generate --residents N [--stories K]`: the N residents of the bulk
 * (generateResidents) and then K more residents whose stories are told through the use cases
 * over the months before the business date (demo-stories.ts), acted by the demo staff, who are
 * made when missing. Stories go after the bulk so that their serials follow it.
 */
export async function generateDemo(
  app: AppContext,
  actor: Actor,
  counts: { readonly residents: number; readonly stories: number },
  progress: { readonly residents: (p: GenerateProgress) => void; readonly stories: (p: GenerateProgress) => void },
): Promise<DemoGenerated> {
  await generateResidents(app, actor, counts.residents, progress.residents);
  const since = addDays(app.clock.today(), -HISTORY_DAYS);
  if (counts.stories === 0) return { residents: counts.residents, stories: {} as Record<StoryKind, number>, accounts: [], since };
  const { staff, accounts } = await demoStaff(app);
  const firstSerial = (await app.store.read.residents.count()) + 1;
  const stories = await tellStories(app, staff, { count: counts.stories, seed: firstSerial, firstSerial, progress: (done, total) => progress.stories({ done, total }) });
  return { residents: counts.residents + counts.stories, stories, accounts, since };
}

/**
 * `madoguchi demo generate --residents N`: N realistic residents (names in kanji and kana, valid
 * numbers, households, foreign residents with periods of stay), three in four with an active
 * card made through the card deciders, written in transactions of 1,000 with one audit entry
 * each. For speed the generated chips share one argon2 hash per PIN kind (of the published demo
 * PINs in GENERATED_PINS); cards made at a counter get their own.
 */
export async function generateResidents(app: AppContext, actor: Actor, total: number, progress: (p: GenerateProgress) => void): Promise<number> {
  const pins = Object.fromEntries(
    await Promise.all(Object.entries(GENERATED_PINS).map(async ([kind, pin]) => [kind, await hashSecret(pin, app.keys.pinPepper())] as const)),
  ) as Record<PinKind, string>;
  const start = await app.store.read.residents.count();
  const random = randomSource(start + 1);
  const context = decisionContext(app);
  const today = app.clock.today();
  let household = app.ids.next();
  for (let done = 0; done < total; done += BATCH) {
    const size = Math.min(BATCH, total - done);
    const at = app.clock.now();
    const residents: { record: ResidentRecord; numberHash: string }[] = [];
    const numbers: Parameters<AppContext['store']['read']['numbers']['insertMany']>[0][number][] = [];
    const cards: CardState[] = [];
    const streams: { streamType: 'card' | 'resident'; streamId: string; events: (CardEvent | ResidentEvent)[] }[] = [];
    const chips: { cardId: string; record: PinRecord }[] = [];
    for (let index = 0; index < size; index++) {
      const serial = start + done + index + 1;
      if (random() < 0.55) household = app.ids.next();
      const person = demoPerson(random, serial, today, household);
      const number = demoNumber(serial);
      const registered = decideRegistration(
        {
          residentId: app.ids.next(),
          individualNumber: number,
          facts: {
            residentCode: person.residentCode,
            familyName: person.familyName,
            givenName: person.givenName,
            familyNameKana: person.familyNameKana,
            givenNameKana: person.givenNameKana,
            birthDate: person.birthDate,
            sex: person.sex as ResidentState['sex'],
            address: person.address,
            postalCode: person.postalCode ?? null,
            householdId: person.householdId,
            nationality: person.nationality,
            residency: person.residency,
            periodOfStayEnd: person.periodOfStayEnd ?? null,
            residenceCardNumber: person.residenceCardNumber ?? null,
            moveInDate: null,
            moveInNotificationDate: null,
            adultWard: false,
          },
          arrival: false,
        },
        context,
      );
      if (!registered.ok) throw new Error(`a generated resident was refused: ${registered.error.message}`);
      const { state, event } = registered.value;
      const numberHash = app.keys.numberHash(number);
      residents.push({ record: { state, phone: person.phone ?? null, numberLast4: number.slice(8) }, numberHash });
      numbers.push({ id: app.ids.next(), residentId: state.id, encrypted: app.keys.encryptNumber(number), hash: numberHash, assignedOn: today });
      streams.push({ streamType: 'resident', streamId: state.id, events: [event] });
      const card = random() < 0.75 ? generatedCard(app, context, state, today, random) : undefined;
      if (card) {
        cards.push(card.state);
        streams.push({ streamType: 'card', streamId: card.state.id, events: card.events });
        for (const kind of Object.keys(GENERATED_PINS) as PinKind[]) {
          if (kind === 'signature' && card.state.certificates.signature.status === 'none') continue;
          chips.push({ cardId: card.state.id, record: { kind, hash: pins[kind], keyId: app.keys.keyId, failures: 0, locked: false } });
        }
      }
    }
    await app.store.transaction(async (tx) => {
      await tx.residents.insertMany(residents, at);
      await tx.numbers.insertMany(numbers);
      await tx.cards.insertMany(cards, at);
      await tx.events.appendMany(streams, { at, actorId: actor.id });
      await tx.chip.insertMany(chips, at);
      await auditAct(app, tx, actor, {
        at,
        action: 'demo.generate',
        subjectType: 'resident',
        subjectId: null,
        details: { residents: size, cards: cards.length, firstSerial: start + done + 1 },
      });
    });
    progress({ done: done + size, total });
  }
  await app.store.optimize();
  return total;
}

/** An active card issued some time in the last nine years, made through the deciders. */
function generatedCard(app: AppContext, context: ReturnType<typeof decisionContext>, resident: ResidentState, today: PlainDate, random: () => number) {
  const handedOverOn = addDays(today, -Math.floor(random() * 9 * 365) - 1);
  const issueDate = addDays(handedOverOn, -14);
  const applicationDate = addDays(issueDate, -30);
  if (applicationDate <= resident.birthDate) return undefined;
  const holder = holderOf(resident);
  const adultish = addDays(resident.birthDate, 16 * 366) < applicationDate;
  const events: CardEvent[] = [];
  const apply = decideNewCard(
    {
      cardId: app.ids.next(),
      applicationDate,
      photoTakenOn: addDays(applicationDate, -10),
      withSignatureCertificate: adultish,
      withUserCertificate: true,
      reason: 'first',
      previousCardId: null,
      pickupOfficeId: app.offices.offices[Math.floor(random() * app.offices.offices.length)]!.id,
    },
    resident.id,
    holder,
    { ...context, today: applicationDate },
  );
  if (!apply.ok) return undefined;
  events.push(...apply.value);
  let state = apply.value.reduce<CardState | undefined>(evolveCard, undefined)!;
  for (const command of [
    { type: 'manufacture' as const, issueDate, holder, readyOn: issueDate, referenceNumber: pickupReferenceOf(String(Math.floor(random() * 1e9)).padStart(9, '0')) },
    {
      type: 'issue' as const,
      handedOverOn,
      officeId: state.pickupOfficeId,
      pins: { signature: GENERATED_PINS.signature, user: GENERATED_PINS.user, residentRegistry: GENERATED_PINS['resident-registry'], cardInfo: GENERATED_PINS['card-info'] },
      identityDocuments: ['driving-licence' as const],
      notificationCardReturned: true,
      holder,
      withProxyApproval: false,
      ...demoRepresentative(resident, handedOverOn, context.rules.policy),
    },
  ]) {
    const decided = decideCard(command, state, { ...context, today: handedOverOn });
    if (!decided.ok) return undefined;
    events.push(...decided.value);
    state = decided.value.reduce<CardState>((current, event) => evolveCard(current, event), state);
  }
  if (state.status !== 'active' || state.expiryDate < today) return undefined;
  return { state, events };
}
