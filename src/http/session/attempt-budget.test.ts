import { describe, expect, it } from 'vitest';
import { AttemptBudget } from './attempt-budget.ts';

describe('AttemptBudget', () => {
  it('refuses once the failures of a window are spent, says when it refills, and refills on the monotonic clock', () => {
    let now = 1_000;
    const budget = new AttemptBudget(2, 60_000, () => now);
    expect(budget.take('192.0.2.1')).toEqual({ ok: true });
    expect(budget.take('192.0.2.1')).toEqual({ ok: true });
    now += 10_000;
    expect(budget.take('192.0.2.1')).toEqual({ ok: false, retryAfterMs: 50_000 });
    expect(budget.take('192.0.2.2')).toEqual({ ok: true });
    now += 50_000;
    expect(budget.take('192.0.2.1')).toEqual({ ok: true });
  });

  it('gives back an attempt that succeeded', () => {
    const budget = new AttemptBudget(1, 60_000, () => 0);
    for (let i = 0; i < 5; i++) {
      expect(budget.take('198.51.100.7').ok).toBe(true);
      budget.refund('198.51.100.7');
    }
    expect(budget.take('198.51.100.7').ok).toBe(true);
    expect(budget.take('198.51.100.7').ok).toBe(false);
  });

  it('keeps at most so many addresses, forgetting finished windows first, then the oldest', () => {
    let now = 0;
    const budget = new AttemptBudget(1, 1_000, () => now, 2);
    budget.take('a');
    now = 2_000;
    budget.take('b');
    budget.take('c');
    // 'a' had finished its window and went; 'b' and 'c' are spent.
    expect(budget.take('b').ok).toBe(false);
    expect(budget.take('c').ok).toBe(false);
    budget.take('d');
    // No window had finished: the oldest, 'b', went to make room.
    expect(budget.take('b').ok).toBe(true);
  });
});
