import { strict as assert } from 'node:assert';
import { compareVersions, matchesVersionPattern } from '../../../bot/knowledge';

describe('knowledge: versions', () => {
  it('compares dotted versions numerically, segment by segment', () => {
    assert.equal(compareVersions('5.2.115.0', '5.2.136.1'), -1);
    assert.equal(compareVersions('5.2.136.1', '5.2.115.0'), 1);
    assert.equal(compareVersions('5.10.0.0', '5.9.9.9'), 1, 'not a text comparison');
    assert.equal(compareVersions('5.2.115.0', '5.2.115.0'), 0);
    assert.equal(compareVersions(' 5.2.115.0 ', '5.2.115.0'), 0);
    assert.equal(compareVersions('4.19.82.0', '5.0.111.0'), -1);
  });

  it('treats missing segments as zero', () => {
    assert.equal(compareVersions('5.2', '5.2.0.0'), 0);
    assert.equal(compareVersions('5.2', '5.2.0.1'), -1);
  });

  it('orders non-numeric segments as text instead of failing', () => {
    assert.equal(compareVersions('1.0.96a', '1.0.96b'), -1);
    assert.equal(compareVersions('1.0.x', '1.0.x'), 0);
  });

  it('matches exact versions, numerically', () => {
    assert.ok(matchesVersionPattern('5.2.115.0', '5.2.115.0'));
    assert.ok(matchesVersionPattern('5.2.115.00', '5.2.115.0'));
    assert.ok(!matchesVersionPattern('5.2.115.1', '5.2.115.0'));
    assert.ok(!matchesVersionPattern('5.2.115', '5.2.115.0'));
    assert.ok(!matchesVersionPattern('5.2.115.0.1', '5.2.115.0'));
  });

  it('matches a trailing * against whatever follows', () => {
    assert.ok(matchesVersionPattern('5.2.136.1', '5.2.136.*'));
    assert.ok(matchesVersionPattern('5.2.136.25', '5.2.136.*'));
    assert.ok(matchesVersionPattern('5.2.136.1.7', '5.2.136.*'));
    assert.ok(!matchesVersionPattern('5.2.137.1', '5.2.136.*'));
    assert.ok(!matchesVersionPattern('5.2.13.1', '5.2.136.*'));
  });

  it('matches an inner * against exactly one segment', () => {
    assert.ok(matchesVersionPattern('5.7.115.0', '5.*.115.0'));
    assert.ok(!matchesVersionPattern('5.7.116.0', '5.*.115.0'));
  });
});
