import fc from 'fast-check';
import { NON_PHOTO_DOCUMENTS, PHOTO_DOCUMENTS, type IdentityDocument } from '../../rules/identity-documents.ts';
import { addDays, fromEpochDay, toEpochDay, type PlainDate } from '../../rules/plain-date.ts';
import { PIN_KINDS, REISSUE_REASONS } from '../../rules/policy.ts';
import { Presenter } from '../../rules/procedures.ts';
import type { Residency } from '../../rules/residency.ts';
import { ABOLITION_REASONS, RETURN_REASONS, type CardEvent, type CardState } from '../card.ts';
import type { CardPins } from '../card-checks.ts';
import type { CardCommand } from '../card-decider.ts';
import { CARD_ACTIONS, TRANSITIONS, type CardAction } from '../card-transitions.ts';
import type { Holder } from '../holder.ts';
import { ROLES } from '../roles.ts';
import { representationBasis } from '../../rules/legal-representative.ts';
import { DEFAULT_POLICY } from '../../rules/policy.ts';
import type { Acting } from '../representation.ts';

/** Calendar dates between two days, inclusive, by the rules core's own day count. */
export function dateBetween(min: string, max: string): fc.Arbitrary<PlainDate> {
  return fc.integer({ min: toEpochDay(min as PlainDate), max: toEpochDay(max as PlainDate) }).map(fromEpochDay);
}

/** PINs a clerk might type: well formed and not. */
const SIGNATURE_PINS = ['ABC123', 'abc123', 'A1B2C3D4E5F6G7H8', 'ABCDEF', 'AB1', 'ABC-12', '', 'A1B2C3D4E5F6G7H8I'];
const FOUR_DIGIT_PINS = ['1234', '0000', '123', '12345', '12a4', '１２３４'];

const holder: fc.Arbitrary<Holder> = fc
  .record({
    birthDate: dateBetween('1940-01-01', '2025-12-31'),
    residency: fc.constantFrom<Residency>('national', 'foreign-without-period', 'foreign-with-period'),
    periodOfStayEnd: fc.option(dateBetween('2020-01-01', '2045-12-31'), { nil: null }),
    adultWard: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 }),
  })
  .map((h) => (h.residency === 'foreign-with-period' ? h : { ...h, periodOfStayEnd: null }));

const anyPins: fc.Arbitrary<CardPins> = fc
  .record({
    signature: fc.option(fc.constantFrom(...SIGNATURE_PINS), { nil: undefined }),
    user: fc.constantFrom(...FOUR_DIGIT_PINS),
    residentRegistry: fc.constantFrom(...FOUR_DIGIT_PINS),
    cardInfo: fc.constantFrom(...FOUR_DIGIT_PINS),
  })
  .map(({ signature, ...rest }) => (signature === undefined ? rest : { signature, ...rest }));
const goodPins: fc.Arbitrary<CardPins> = fc.constant({ signature: 'ABC123', user: '1234', residentRegistry: '5678', cardInfo: '1234' });
/** Mostly the PINs a holder chooses well, so that a card gets handed over; sometimes any. */
const pins = fc.oneof({ arbitrary: goodPins, weight: 3 }, { arbitrary: anyPins, weight: 1 });

/** Mostly a document with a photo; sometimes any set, enough or not. */
const documents: fc.Arbitrary<IdentityDocument[]> = fc.oneof(
  { arbitrary: fc.constantFrom<IdentityDocument[]>(['driving-licence'], ['passport'], ['qualification-certificate', 'pension-book']), weight: 3 },
  { arbitrary: fc.subarray<IdentityDocument>([...PHOTO_DOCUMENTS, ...NON_PHOTO_DOCUMENTS, 'other-no-photo'], { maxLength: 3 }), weight: 1 },
);

const ENDING: readonly CardAction[] = ['replace', 'expire', 'abolish', 'return'];

/** Every random choice a card command may need besides its day and its holder. */
const seed = fc.record({
  action: fc.constantFrom(...CARD_ACTIONS),
  /** Most of the time the command is one the card's status allows: the n-th of its row. */
  allowedIndex: fc.option(fc.nat(), { freq: 4, nil: null }),
  /** And mostly one that keeps the card alive, so that a life goes on long enough to meet every action. */
  keepAlive: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 }),
  suspensionReason: fc.constantFrom('lost' as const, 'stolen' as const),
  channel: fc.constantFrom('hotline' as const, 'counter' as const),
  by: fc.constantFrom(...ROLES),
  presenter: fc.oneof(
    { arbitrary: fc.constantFrom(...Object.values(Presenter)).map((presentedBy) => ({ presentedBy, withProxyApproval: presentedBy === Presenter.ProxyAfterEnquiry })), weight: 4 },
    { arbitrary: fc.record({ presentedBy: fc.constantFrom(...Object.values(Presenter)), withProxyApproval: fc.boolean() }), weight: 1 },
  ),
  pins,
  documents,
  flag: fc.boolean(),
  /** Mostly the 法定代理人 comes when the holder is represented on the day; sometimes not, or for someone who needs none. */
  representative: fc.oneof({ arbitrary: fc.constant('when-needed' as const), weight: 4 }, { arbitrary: fc.constantFrom('never' as const, 'always' as const), weight: 1 }),
  officeId: fc.oneof({ arbitrary: fc.constant('honcho'), weight: 4 }, { arbitrary: fc.constant('kasai'), weight: 1 }),
  noteKind: fc.constantFrom('address' as const, 'name' as const, 'other' as const),
  extension: fc.oneof(
    fc.record({ newPeriodOfStayEnd: fc.integer({ min: -400, max: 4000 }) }),
    fc.constant({ applicationPending: true as const }),
    fc.constant({}),
  ),
  newPin: fc.oneof(
    { arbitrary: fc.constantFrom(...PIN_KINDS).map((kind) => ({ kind, pin: kind === 'signature' ? 'XYZ789' : '4321' })), weight: 3 },
    { arbitrary: fc.record({ kind: fc.constantFrom(...PIN_KINDS), pin: fc.constantFrom(...SIGNATURE_PINS, ...FOUR_DIGIT_PINS) }), weight: 1 },
  ),
  abolitionReason: fc.constantFrom(...ABOLITION_REASONS),
  returnReason: fc.constantFrom(...RETURN_REASONS),
});
type Seed = typeof seed extends fc.Arbitrary<infer S> ? S : never;

/** Who acts for `who` on `date`, as the seed says: the guardian stands for a child as for an adult ward. */
function actingFor(choice: Seed, date: PlainDate, who: Holder): Acting {
  const needed = representationBasis(who.birthDate, date, who.adultWard, DEFAULT_POLICY) !== undefined;
  const comes = choice.representative === 'always' || (choice.representative === 'when-needed' && needed);
  const legalRepresentative = comes ? { name: '江戸川 一郎', relationship: 'guardian' as const, identityDocuments: ['passport' as const], authorityDocument: '登記事項証明書' } : undefined;
  return { legalRepresentative, withProxyApproval: false };
}

/** The command of a seed's action (or of an action the card's status allows), dated `date`, for `who`. */
function commandFor(choice: Seed, date: PlainDate, who: Holder, card?: CardState): CardCommand {
  const row: readonly CardAction[] = card ? TRANSITIONS[card.status] : [];
  const living = row.filter((action) => !ENDING.includes(action));
  const allowed = choice.keepAlive && living.length > 0 ? living : row;
  const action = choice.allowedIndex !== null && allowed.length > 0 ? allowed[choice.allowedIndex % allowed.length]! : choice.action;
  switch (action) {
    case 'manufacture':
      return { type: 'manufacture', issueDate: date, holder: who, readyOn: date, referenceNumber: '1234567897' };
    case 'issue':
      return {
        type: 'issue',
        handedOverOn: date,
        officeId: choice.officeId,
        pins: choice.pins,
        identityDocuments: choice.documents,
        notificationCardReturned: choice.flag,
        holder: who,
        ...actingFor(choice, date, who),
      };
    case 'add-front-note':
      return { type: 'add-front-note', note: { kind: choice.noteKind, text: '追記', date }, holder: who, ...actingFor(choice, date, who) };
    case 'revoke-signature':
      return { type: 'revoke-signature', on: date, reason: choice.flag ? 'address-change' : 'name-change' };
    case 'suspend':
      return { type: 'suspend', on: date, reason: choice.suspensionReason, channel: choice.channel, by: choice.by };
    case 'resume':
      return { type: 'resume', on: date, officeId: choice.officeId, identityDocuments: choice.documents };
    case 'require-continuation':
      return { type: 'require-continuation', notificationDate: date };
    case 'continue':
      return { type: 'continue', on: date, holder: who, legalRepresentative: actingFor(choice, date, who).legalRepresentative, ...choice.presenter };
    case 'extend': {
      const { extension } = choice;
      return 'newPeriodOfStayEnd' in extension
        ? { type: 'extend', on: date, newPeriodOfStayEnd: addDays(date, extension.newPeriodOfStayEnd), holder: who }
        : { type: 'extend', on: date, ...extension, holder: who };
    }
    case 'verify-pin':
      return { type: 'verify-pin' };
    case 'reset-pin':
      return { type: 'reset-pin', kind: choice.newPin.kind, newPin: choice.newPin.pin, identityDocuments: choice.documents, holder: who, ...actingFor(choice, date, who) };
    case 'issue-certificate':
      return { type: 'issue-certificate', kind: choice.flag ? 'signature' : 'user', on: date, pin: choice.newPin.pin, identityDocuments: choice.documents, holder: who };
    case 'replace':
      return { type: 'replace', on: date, oldCardReturned: choice.flag };
    case 'expire':
      return { type: 'expire', on: date };
    case 'expire-certificates':
      return { type: 'expire-certificates', on: date };
    case 'schedule-abolition':
      return { type: 'schedule-abolition', on: date, reason: 'moved-abroad' };
    case 'keep-abroad':
      return { type: 'keep-abroad', plannedMoveOutDate: date };
    case 'abolish':
      return { type: 'abolish', on: date, reason: choice.abolitionReason, ...(choice.flag && { asScheduled: true }) };
    case 'return':
      return { type: 'return', on: date, reason: choice.returnReason };
  }
}

/** Any command on any day, for any holder: what a decider must answer without throwing. */
export const anyCommand: fc.Arbitrary<CardCommand> = fc
  .tuple(seed, dateBetween('1960-01-01', '2060-12-31'), holder)
  .map(([choice, date, who]) => commandFor({ ...choice, allowedIndex: null }, date, who));

/**
 * One step of a card's life: the business day moves on, and a command dated within the last
 * month is asked for, chosen (mostly) among what the card's status allows by then.
 */
export interface Step {
  readonly today: PlainDate;
  commandFor(card: CardState): CardCommand;
}

/**
 * A card's first event and the commands asked of it afterwards, day after day, mostly for its own
 * holder: a life that reaches every status, with as many refusals along the way as a counter sees.
 */
export const cardLife: fc.Arbitrary<{ readonly first: CardEvent; readonly steps: readonly Step[] }> = fc
  .record({
    start: dateBetween('2016-01-01', '2045-12-31'),
    holder,
    takenOver: fc.boolean(),
    signature: fc.boolean(),
    user: fc.boolean(),
    moves: fc.array(
      fc.record({
        seed,
        advance: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 60 }), weight: 4 }, { arbitrary: fc.integer({ min: 0, max: 1500 }), weight: 1 }),
        back: fc.integer({ min: 0, max: 30 }),
        otherHolder: fc.option(holder, { freq: 5, nil: null }),
      }),
      { maxLength: 12 },
    ),
  })
  .map(({ start, holder: who, takenOver, signature, user, moves }) => {
    const first: CardEvent = takenOver
      ? {
          type: 'CardTakenOver',
          cardId: 'card-1',
          residentId: 'resident-1',
          issueDate: addDays(start, -700),
          expiryDate: addDays(start, 2000),
          issuedBy: '141003',
          signature: signature ? { issuedOn: addDays(start, -690), expiresOn: addDays(start, 1000) } : null,
          user: user ? { issuedOn: addDays(start, -690), expiresOn: addDays(start, 1000) } : null,
          on: start,
        }
      : {
          type: 'CardApplied',
          cardId: 'card-1',
          residentId: 'resident-1',
          applicationDate: start,
          photoTakenOn: addDays(start, -10),
          reason: 'first',
          previousCardId: null,
          pickupOfficeId: 'honcho',
          withSignatureCertificate: signature,
          withUserCertificate: user,
        };
    let today = start;
    const steps = moves.map((move) => {
      today = addDays(today, move.advance);
      const day = today;
      return { today: day, commandFor: (card: CardState) => commandFor(move.seed, addDays(day, -move.back), move.otherHolder ?? who, card) };
    });
    return { first, steps };
  });

/**
 * A reissue's random choices: its reason (those of the reissue counter, R-13; the number change's
 * free card has its own procedure), what was said of a loss at home, a police report number or not.
 */
export const reissueChoice = fc.record({
  reason: fc.constantFrom(...REISSUE_REASONS.filter((reason) => reason !== 'number-change')),
  lostAtHome: fc.option(fc.boolean(), { nil: undefined }),
  policeReportNumber: fc.option(fc.constant('第123号'), { nil: undefined }),
  withSignatureCertificate: fc.option(fc.boolean(), { nil: undefined }),
  withUserCertificate: fc.option(fc.boolean(), { nil: undefined }),
});
