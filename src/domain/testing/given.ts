import { expect } from 'vitest';
import { createRuleContext, DEFAULT_CONTEXT } from '../../rules/context.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import { DEFAULT_POLICY, type Policy } from '../../rules/policy.ts';
import { foldCard, type CardEvent, type CardState } from '../card.ts';
import { decideCard, type CardCommand } from '../card-decider.ts';
import type { DecisionContext } from '../decision-context.ts';
import type { Result } from '../errors.ts';

/**
 * A business day for decider tests, under the default policy or a city's changes to it
 * (`{ notesCapacity: 6 }`), as `POLICY_FILE` would make them.
 */
export function on(today: string, policy: Partial<Policy> = {}): DecisionContext {
  return { today: today as PlainDate, rules: Object.keys(policy).length === 0 ? DEFAULT_CONTEXT : createRuleContext({ ...DEFAULT_POLICY, ...policy }) };
}

/**
 * What a test writes for an expected value: any part of it, with dates as plain strings
 * ('2026-11-02'), since a test reads a decision as a clerk reads a slip.
 */
export type Loose<T> = T extends PlainDate
  ? string
  : T extends readonly (infer Item)[]
    ? readonly Loose<Item>[]
    : T extends object
      ? { readonly [K in keyof T]?: Loose<T[K]> }
      : T;

/** What a decision must be: these events (in order, each matching), or a refusal with this code. */
export interface Expectation<T extends readonly unknown[]> {
  then(...events: Loose<T[number]>[]): void;
  refused(code: string, details?: Record<string, unknown>): void;
  readonly result: Result<T>;
}

export function expectThat<T extends readonly unknown[]>(result: Result<T>): Expectation<T> {
  return {
    result,
    then(...events) {
      expect(result.ok ? result.value : result.error).toMatchObject(events);
      expect(result.ok && result.value.length).toBe(events.length);
    },
    refused(code, details) {
      expectRefused(result, code, details);
    },
  };
}

/** A refusal with this code (and these details, when given), whatever the decider returns when it accepts. */
export function expectRefused(result: Result<unknown>, code: string, details?: Record<string, unknown>): void {
  expect(result.ok ? result.value : result.error).toMatchObject({ code, ...(details && { details }) });
}

/** The value of a decision that must be accepted; a refusal fails the test with its code and message. */
export function accepted<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`refused ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The field a refusal of `INPUT.INVALID` names, as a JSON pointer (`/pins/signature`). */
export function pointersOf(result: Result<unknown>): string[] {
  return result.ok ? [] : (result.error.errors ?? []).map((error) => error.pointer);
}

/**
 * A decider test that reads like the law (EventSourcing.NodeJS samples/decider): given the card's
 * events so far, when a command is decided on a day, then these events or this refusal.
 */
export function given(...history: CardEvent[]) {
  const card = foldCard(history);
  if (card === undefined) throw new Error('a card starts with CardApplied or CardTakenOver');
  return {
    card: card as CardState,
    /** Decided on `today` under the default policy, or in the context given (a city's policy). */
    when(command: CardCommand, today: string | DecisionContext = '2026-12-01'): Expectation<CardEvent[]> {
      return expectThat(decideCard(command, card, typeof today === 'string' ? on(today) : today));
    },
  };
}
