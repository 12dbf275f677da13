import { strict as assert } from 'node:assert';
import { ActivityDeduplicator } from '../../../bot/teams/deduplicator';

describe('ActivityDeduplicator', () => {
  it('accepts an activity once and rejects its retries within the window', () => {
    let now = 0;
    const d = new ActivityDeduplicator(60_000, 100, () => now);
    assert.equal(d.firstTime('c|1'), true);
    now = 30_000;
    assert.equal(d.firstTime('c|1'), false);
    now = 91_000;
    assert.equal(d.firstTime('c|1'), true, 'after the window the id is new again');
  });

  it('stays bounded, forgetting the oldest ids first', () => {
    const d = new ActivityDeduplicator(60_000, 10, () => 0);
    for (let i = 0; i < 25; i++) d.firstTime(`k${i}`);
    assert.equal(d.firstTime('k24'), false, 'recent ids are kept');
    assert.equal(d.firstTime('k0'), true, 'old ids were dropped');
  });
});
