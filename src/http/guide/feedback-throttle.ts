/**
 * At most `limit` feedback answers per address in a sliding hour, kept in this process's memory
 * only (never stored: the feedback itself holds no address). Enough for a family sharing a line,
 * too few to flood the report. Old entries are dropped as the map grows.
 */
export class FeedbackThrottle {
  private readonly seen = new Map<string, number[]>();

  constructor(
    private readonly limit = 10,
    private readonly windowMs = 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether one more answer from `address` is taken now; counts it when it is. */
  take(address: string): boolean {
    const now = this.now();
    const recent = (this.seen.get(address) ?? []).filter((at) => now - at < this.windowMs);
    if (recent.length >= this.limit) {
      this.seen.set(address, recent);
      return false;
    }
    recent.push(now);
    this.seen.set(address, recent);
    if (this.seen.size > 10_000) this.prune(now);
    return true;
  }

  private prune(now: number): void {
    for (const [address, times] of this.seen) if (times.every((at) => now - at >= this.windowMs)) this.seen.delete(address);
  }
}
