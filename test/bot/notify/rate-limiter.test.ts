import { strict as assert } from 'node:assert';
import { RateLimiter, TEAMS_TENANT_RULES, TEAMS_THREAD_RULES } from '../../../bot/notify/rate-limiter';

/** A limiter on a virtual clock: sleeping moves time forward instead of waiting. */
function virtualLimiter() {
  let now = 0;
  const sleeps: number[] = [];
  const limiter = new RateLimiter(
    () => now,
    (ms) => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
  );
  return { limiter, sleeps, at: () => now };
}

const thread = (id: string) => [{ key: `thread:${id}`, rules: TEAMS_THREAD_RULES }];

describe('RateLimiter', () => {
  it('lets 7 messages a second into one thread, then waits', async () => {
    const { limiter, at } = virtualLimiter();
    const times: number[] = [];
    for (let i = 0; i < 9; i++) {
      await limiter.acquire(thread('a'));
      times.push(at());
    }
    assert.deepEqual(times.slice(0, 7), [0, 0, 0, 0, 0, 0, 0]);
    assert.ok((times[7] ?? 0) >= 1000, 'the 8th waits for the 1 s window');
    assert.ok((times[8] ?? 0) >= 2000, 'the 9th also meets the 8-per-2-s rule');
  });

  it('keeps under 60 per 30 s in one thread', async () => {
    const { limiter, at } = virtualLimiter();
    for (let i = 0; i < 61; i++) await limiter.acquire(thread('a'));
    assert.ok(at() >= 30_000, `61 sends took ${at()} ms of virtual time`);
  });

  it('does not slow other threads down, but shares the tenant limit', async () => {
    const { limiter, at } = virtualLimiter();
    for (let i = 0; i < 7; i++) await limiter.acquire(thread('a'));
    await limiter.acquire(thread('b'));
    assert.equal(at(), 0, 'another thread goes at once');
    for (let i = 0; i < 51; i++)
      await limiter.acquire([
        { key: `thread:t${i}`, rules: TEAMS_THREAD_RULES },
        { key: 'tenant:x', rules: TEAMS_TENANT_RULES },
      ]);
    assert.ok(at() >= 1000, 'the 51st send of the tenant in one second waits');
  });
});
