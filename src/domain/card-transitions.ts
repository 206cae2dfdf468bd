import { isLive, type CardState, type CardStatus } from './card.ts';
import { can, type Permission, type Role } from './roles.ts';

/** Everything that can be done to an existing card; each is allowed only in the statuses below. */
export const CARD_ACTIONS = [
  'manufacture',
  'issue',
  'add-front-note',
  'revoke-signature',
  'suspend',
  'resume',
  'require-continuation',
  'continue',
  'extend',
  'verify-pin',
  'reset-pin',
  'issue-certificate',
  'replace',
  'expire',
  'expire-certificates',
  'schedule-abolition',
  'keep-abroad',
  'abolish',
  'return',
] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];

/**
 * The allowed actions per status (docs/domain.md "Card status", OpenCRVS availableActions): the
 * compiler demands a row for every status. Beyond the diagram: a card being made (applied,
 * ready) can be abolished when its holder moves abroad or changes number; a suspended card can
 * be replaced (a lost card is reissued), expire and be abolished.
 */
export const TRANSITIONS = {
  applied: ['manufacture', 'schedule-abolition', 'abolish'],
  ready: ['issue', 'schedule-abolition', 'abolish'],
  active: [
    'add-front-note',
    'revoke-signature',
    'suspend',
    'require-continuation',
    'continue',
    'extend',
    'verify-pin',
    'reset-pin',
    'issue-certificate',
    'replace',
    'expire',
    'expire-certificates',
    'schedule-abolition',
    'keep-abroad',
    'abolish',
    'return',
  ],
  suspended: ['revoke-signature', 'resume', 'require-continuation', 'replace', 'expire', 'expire-certificates', 'schedule-abolition', 'abolish', 'return'],
  expired: ['return'],
  abolished: ['return'],
  returned: [],
} as const satisfies Record<CardStatus, readonly CardAction[]>;

/** The statuses in which the table allows an action. */
export type StatusesAllowing<A extends CardAction> = { [S in CardStatus]: A extends (typeof TRANSITIONS)[S][number] ? S : never }[CardStatus];

/** A card in a status that allows the action, typed as such: what the action's decider may rely on. */
export type CardFor<A extends CardAction> = Extract<CardState, { readonly status: StatusesAllowing<A> }>;

export function allows<A extends CardAction>(card: CardState, action: A): card is CardFor<A> {
  return (TRANSITIONS[card.status] as readonly CardAction[]).includes(action);
}

/**
 * Who may ask for each action through the API; null for what only follows from other acts (the
 * calendar's expiries, a move's reactions, a reissue's replacement of the old card).
 */
export const ACTION_PERMISSION = {
  manufacture: 'card.counter-procedure',
  issue: 'card.counter-procedure',
  'add-front-note': 'card.counter-procedure',
  'revoke-signature': null,
  suspend: 'card.suspend',
  resume: 'card.counter-procedure',
  'require-continuation': null,
  continue: 'card.counter-procedure',
  extend: 'card.counter-procedure',
  'verify-pin': 'card.counter-procedure',
  'reset-pin': 'card.counter-procedure',
  'issue-certificate': 'card.counter-procedure',
  replace: 'card.counter-procedure',
  expire: null,
  'expire-certificates': null,
  'schedule-abolition': null,
  'keep-abroad': null,
  abolish: null,
  return: 'card.counter-procedure',
} as const satisfies Record<CardAction, Permission | null>;

/**
 * What a staff member of this role may ask of this card now (OpenCRVS getAvailableActions): the
 * status allows it, the role holds its permission, and nothing on the card already makes the
 * decider refuse it whatever the input: a continuation only when one is pending, an
 * extension only of a card that ends with a period of stay (R-5: else nothing extends), a new
 * card only for one whose successor is not already being made (R-16, from the resident's cards).
 * The counter app offers exactly these.
 */
export function allowedActions(card: CardState, role: Role, residentCards: readonly CardState[] = []): CardAction[] {
  return TRANSITIONS[card.status].filter((action) => {
    const permission: Permission | null = ACTION_PERMISSION[action];
    if (permission === null || !can(role, permission)) return false;
    // a card whose successor is being made is not replaced a second time.
    if (action === 'replace') return !residentCards.some((other) => other.previousCardId === card.id && isLive(other));
    if (action === 'continue') return card.continuation !== null;
    if (action === 'extend') return card.expiryBasis !== '5th-birthday' && card.expiryBasis !== '10th-birthday';
    return true;
  });
}
