import { expect } from 'vitest';
import { DEFAULT_CONTEXT } from '../../rules/context.ts';
import type { PlainDate } from '../../rules/plain-date.ts';
import { foldCard, type CardEvent, type CardState } from '../card.ts';
import { decideCard, type CardCommand } from '../card-decider.ts';
import type { DecisionContext } from '../decision-context.ts';
import type { Result } from '../errors.ts';

/** A business day for decider tests, the rules of the default policy. */
export function on(today: string): DecisionContext {
  return { today: today as PlainDate, rules: DEFAULT_CONTEXT };
}

/** What a decision must be: these events (in order, each matching), or a refusal with this code. */
export interface Expectation<T> {
  then(...events: readonly Readonly<Record<string, unknown>>[]): void;
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
      expect(result.ok ? result.value : result.error).toMatchObject({ code, ...(details && { details }) });
    },
  };
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
    when(command: CardCommand, today = '2026-12-01'): Expectation<CardEvent[]> {
      return expectThat(decideCard(command, card, on(today)));
    },
  };
}
