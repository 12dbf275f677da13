import { strict as assert } from 'node:assert';
import { formatDuration, parseDuration } from '../../../bot/util/duration';

describe('ISO 8601 durations', () => {
  const cases: [string, number | undefined][] = [
    ['PT8H', 8 * 3600_000],
    ['PT24H', 24 * 3600_000],
    ['P1D', 86_400_000],
    ['P1DT2H30M', (26 * 60 + 30) * 60_000],
    ['PT90S', 90_000],
    ['PT0.5S', 500],
    ['pt15m', 15 * 60_000],
    ['PT', undefined],
    ['P', undefined],
    ['8h', undefined],
    ['PT-1H', undefined],
    ['', undefined],
  ];
  for (const [text, ms] of cases) {
    it(`parses "${text}"`, () => assert.equal(parseDuration(text), ms));
  }

  it('formats back to a compact duration', () => {
    assert.equal(formatDuration(8 * 3600_000), 'PT8H');
    assert.equal(formatDuration(86_400_000 + 90_000), 'P1DT1M30S');
    assert.equal(formatDuration(0), 'PT0S');
  });
});
