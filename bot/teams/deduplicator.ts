/**
 * Remembers recently seen activity ids: Teams retries a request it thinks timed out, and the retry carries the
 * same id. Bounded in size and time.
 */
export class ActivityDeduplicator {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly maxEntries = 20_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time a key is offered within the time window. */
  firstTime(key: string): boolean {
    const t = this.now();
    const at = this.seen.get(key);
    if (at !== undefined && t - at < this.ttlMs) return false;
    this.seen.delete(key);
    this.seen.set(key, t);
    if (this.seen.size > this.maxEntries) {
      // Map iteration is insertion order: the first keys are the oldest.
      for (const k of this.seen.keys()) {
        this.seen.delete(k);
        if (this.seen.size <= this.maxEntries * 0.9) break;
      }
    }
    return true;
  }
}
