/** A limit: at most `max` sends in any window of `windowMs`. */
export interface RateRule {
  max: number;
  windowMs: number;
}

/** Teams' documented limits for a bot: per conversation thread, and per app per tenant. */
export const TEAMS_THREAD_RULES: readonly RateRule[] = [
  { max: 7, windowMs: 1000 },
  { max: 8, windowMs: 2000 },
  { max: 60, windowMs: 30_000 },
];
export const TEAMS_TENANT_RULES: readonly RateRule[] = [{ max: 50, windowMs: 1000 }];

/**
 * Sliding-window limiter keyed by conversation and tenant: `acquire` waits until a send fits every rule of every
 * key. In-process only: with several instances each stays under the limit it sees, and 429s are retried.
 */
export class RateLimiter {
  private readonly history = new Map<string, number[]>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Waits for a slot under all rules, then records the send. Calls are served in order. */
  acquire(keys: readonly { key: string; rules: readonly RateRule[] }[]): Promise<void> {
    const turn = this.queue.then(() => this.waitFor(keys));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** How long a send must wait now; 0 when it may go. */
  delayFor(keys: readonly { key: string; rules: readonly RateRule[] }[]): number {
    const t = this.now();
    let wait = 0;
    for (const { key, rules } of keys) {
      const sent = this.history.get(key) ?? [];
      for (const rule of rules) {
        const inWindow = sent.filter((at) => t - at < rule.windowMs);
        if (inWindow.length >= rule.max) {
          const oldest = inWindow[inWindow.length - rule.max] ?? t;
          wait = Math.max(wait, oldest + rule.windowMs - t);
        }
      }
    }
    return wait;
  }

  private async waitFor(keys: readonly { key: string; rules: readonly RateRule[] }[]): Promise<void> {
    for (let wait = this.delayFor(keys); wait > 0; wait = this.delayFor(keys)) await this.sleep(wait);
    const t = this.now();
    for (const { key, rules } of keys) {
      const longest = Math.max(...rules.map((r) => r.windowMs));
      const kept = (this.history.get(key) ?? []).filter((at) => t - at < longest);
      kept.push(t);
      this.history.set(key, kept);
    }
  }
}
