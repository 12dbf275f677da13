import assert from 'node:assert/strict';
import { DurationError, formatIsoDuration, parseIsoDuration } from '../../emulator/duration';

describe('emulator: ISO 8601 durations', () => {
  const ok: [string, number][] = [
    ['PT8H', 8 * 3_600_000],
    ['PT2M', 120_000],
    ['PT1M', 60_000],
    ['PT30S', 30_000],
    ['PT0.5S', 500],
    ['P1D', 86_400_000],
    ['P1DT2H30M', 86_400_000 + 2 * 3_600_000 + 30 * 60_000],
    ['pt1h', 3_600_000],
    [' PT24H ', 24 * 3_600_000],
  ];
  for (const [text, ms] of ok) {
    it(`${text} = ${ms} ms`, () => assert.equal(parseIsoDuration(text), ms));
  }
  for (const text of ['', 'P', 'PT', '8h', 'P1Y', 'P1M', 'PT-1H', 'P1DT', 'PTH', '1000']) {
    it(`rejects ${JSON.stringify(text)} with a readable message`, () => {
      assert.throws(
        () => parseIsoDuration(text),
        (e: unknown) => {
          assert.ok(e instanceof DurationError);
          assert.match(e.message, /ISO 8601 duration/);
          return true;
        },
      );
    });
  }
  it('formats milliseconds back', () => {
    assert.equal(formatIsoDuration(8 * 3_600_000), 'PT8H');
    assert.equal(formatIsoDuration(86_400_000 + 90_000), 'P1DT1M30S');
    assert.equal(formatIsoDuration(0), 'PT0S');
  });
});
