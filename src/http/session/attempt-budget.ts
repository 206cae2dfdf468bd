/**
 * A budget of failed attempts per key (a client address) in a window of time, measured on the
 * monotonic clock so that setting the wall clock back does not lengthen or end a window.
 * An attempt is taken before it is tried and given back when it succeeds: many attempts at
 * once cannot all slip past a budget that only counted them once they had failed, and a busy
 * office behind one address spends nothing by signing in right.
 */
export class AttemptBudget {
  private readonly windows = new Map<string, { start: number; spent: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
    /** Keys kept at most; beyond, finished windows go first, then the oldest. */
    private readonly capacity = 10_000,
  ) {}

  /** One attempt from the budget of `key`; when it is spent, how long until it refills instead. */
  take(key: string): { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number } {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      this.windows.delete(key);
      this.makeRoom(now);
      window = { start: now, spent: 0 };
      this.windows.set(key, window);
    }
    if (window.spent >= this.limit) return { ok: false, retryAfterMs: window.start + this.windowMs - now };
    window.spent++;
    return { ok: true };
  }

  /** Gives back an attempt that succeeded. */
  refund(key: string): void {
    const window = this.windows.get(key);
    if (window && window.spent > 0) window.spent--;
  }

  private makeRoom(now: number): void {
    if (this.windows.size < this.capacity) return;
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
    // A map keeps insertion order: the first keys are the oldest windows.
    for (const key of this.windows.keys()) {
      if (this.windows.size < this.capacity) break;
      this.windows.delete(key);
    }
  }
}
