import { strict as assert } from 'node:assert';
import { NearWords, TypoCorrector, editDistance, typoBudget } from '../../../bot/recognition/fuzzy';

describe('recognition: fuzzy matching', () => {
  it('measures Damerau-Levenshtein distance, transpositions included', () => {
    assert.equal(editDistance('licence', 'licence'), 0);
    assert.equal(editDistance('licnse', 'license'), 1);
    assert.equal(editDistance('lisence', 'licence'), 1);
    assert.equal(editDistance('salel', 'salle'), 1);
    assert.equal(editDistance('stcuk', 'stuck'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
  });

  it('stops once the distance is known to exceed the bound', () => {
    assert.equal(editDistance('boardroom', 'bathroom', 1), 2);
    assert.equal(editDistance('a', 'abcdef', 2), 3);
    assert.equal(editDistance('abcdef', 'abcdfe', 1), 1);
  });

  it('tolerates no typo below four letters, one from four, two from eight', () => {
    assert.deepEqual([3, 4, 7, 8, 12].map(typoBudget), [0, 1, 1, 2, 2]);
  });

  it('corrects to the closest known word within the budget of both words', () => {
    const typos = new TypoCorrector();
    for (const word of ['license', 'licence', 'salle', 'stuck', 'boardroom', 'room']) typos.add(word, 0);
    assert.equal(typos.correct('licnse'), 'license');
    assert.equal(typos.correct('lisence'), 'licence');
    assert.equal(typos.correct('salel'), 'salle');
    assert.equal(typos.correct('bordrom'), undefined, 'seven letters allow one edit, this needs two');
    assert.equal(typos.correct('bordroomm'), 'boardroom');
    assert.equal(typos.correct('licenseeee'), undefined);
  });

  it('never changes short words, numbers or the first letter', () => {
    const typos = new TypoCorrector();
    for (const word of ['room', 'help', 'case']) typos.add(word, 0);
    assert.equal(typos.correct('broom'), undefined, '"broom" is not a typo of "room"');
    assert.equal(typos.correct('roo'), undefined);
    assert.equal(typos.correct('4b'), undefined);
    assert.equal(typos.correct('hepl'), 'help');
    assert.equal(typos.correct('ehlp'), 'help', 'swapping the first two letters is a typo');
  });

  it('prefers the better-ranked word when two are equally close', () => {
    const typos = new TypoCorrector();
    typos.add('marte', 1);
    typos.add('marta', 0);
    assert.equal(typos.correct('martx'), 'marta');
  });

  it('finds near words through shared deletions, closest first', () => {
    const near = new NearWords(2);
    for (const word of ['4b', '4a', '2c', '14a', 'boardroom']) near.add(word);
    assert.deepEqual(
      near.near('14b', 1).map((n) => n.word),
      ['14a', '4b'],
    );
    assert.deepEqual(
      near.near('9z').map((n) => [n.word, n.distance]),
      [
        ['2c', 2],
        ['4a', 2],
        ['4b', 2],
      ],
    );
    assert.deepEqual(
      near.near('bordroom').map((n) => n.word),
      ['boardroom'],
    );
  });
});
