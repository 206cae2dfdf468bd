import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../rules/plain-date.ts';
import { CARD_STATUSES, foldCard, type CardEvent, type CardState, type CardStatus } from './card.ts';
import { allowedActions, allows, CARD_ACTIONS, TRANSITIONS } from './card-transitions.ts';
import { ROLES } from './roles.ts';
import { CARD_IN, history } from './testing/card-history.ts';

const card = (status: CardStatus): CardState => foldCard(CARD_IN[status])!;

describe('カードの操作 (allowedActions): what the counter app offers a staff member for a card now', () => {
  it('builds each status from its events', () => {
    expect(CARD_STATUSES.map((status) => card(status).status)).toEqual(CARD_STATUSES);
  });

  it.each([
    ['applied', ['manufacture']],
    ['ready', ['issue']],
    ['active', ['add-front-note', 'suspend', 'verify-pin', 'reset-pin', 'issue-certificate', 'replace', 'return']],
    ['suspended', ['resume', 'replace', 'return']],
    ['expired', ['return']],
    ['abolished', ['return']],
    ['returned', []],
  ] as const)('offers a clerk, on a card that is %s, the counter procedures its status allows: %j', (status, actions) => {
    expect(allowedActions(card(status), 'clerk')).toEqual(actions);
  });

  it('offers continued use only while one is pending (R-8), and an extension only of a card that ends with a period of stay (R-5)', () => {
    const pending = foldCard([...CARD_IN.active, history.continuationRequired()])!;
    expect(allowedActions(pending, 'clerk')).toContain('continue');
    const made: CardEvent = { type: 'CardManufactured', issueDate: '2026-10-15' as PlainDate, expiryDate: '2029-03-31' as PlainDate, basis: 'period-of-stay' };
    const foreign = foldCard([history.applied(), made, history.issued()])!;
    expect(allowedActions(foreign, 'clerk')).toContain('extend');
    expect(allowedActions(card('active'), 'clerk')).not.toContain('extend');
  });

  it('offers a supervisor what it offers a clerk', () => {
    for (const status of CARD_STATUSES) expect(allowedActions(card(status), 'supervisor')).toEqual(allowedActions(card(status), 'clerk'));
  });

  it('offers the hotline only the suspension of a card in use', () => {
    for (const status of CARD_STATUSES) expect(allowedActions(card(status), 'hotline')).toEqual(status === 'active' ? ['suspend'] : []);
  });

  it.each(['auditor', 'admin'] as const)('offers an %s nothing on any card', (role) => {
    for (const status of CARD_STATUSES) expect(allowedActions(card(status), role)).toEqual([]);
  });

  it('never offers what follows only from other acts: expiries, abolition, a move’s reactions', () => {
    const followOnly = ['revoke-signature', 'require-continuation', 'expire', 'expire-certificates', 'abolish'];
    for (const role of ROLES) for (const status of CARD_STATUSES) expect(allowedActions(card(status), role).filter((action) => followOnly.includes(action))).toEqual([]);
  });

  it('offers only what the status allows, to every role', () => {
    for (const role of ROLES) {
      for (const status of CARD_STATUSES) {
        for (const action of allowedActions(card(status), role)) expect(allows(card(status), action)).toBe(true);
      }
    }
  });
});

describe('allows: the transition table read for one card', () => {
  it.each(CARD_STATUSES)('allows on a card that is %s exactly the actions its row lists', (status) => {
    const allowed = CARD_ACTIONS.filter((action) => allows(card(status), action));
    expect(allowed.sort()).toEqual([...TRANSITIONS[status]].sort());
  });
});
