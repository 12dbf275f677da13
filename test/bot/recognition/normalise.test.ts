import { strict as assert } from 'node:assert';
import { cleanMessage, normaliseText, stem, tokenise } from '../../../bot/recognition/normalise';

const texts = (message: string): string[] => tokenise(cleanMessage(message)).map((t) => t.text);

describe('recognition: normalisation', () => {
  it('folds case, accents and ligatures', () => {
    assert.equal(normaliseText('Chloé'), 'chloe');
    assert.equal(normaliseText('BLOQUÉE'), 'bloquee');
    assert.equal(normaliseText('Œuvre'), 'oeuvre');
    assert.equal(normaliseText('Léo'), normaliseText('LEO'));
    // Decomposed input (combining accent typed separately) gives the same result.
    assert.equal(normaliseText('te\u0301le\u0301phone'), 'telephone');
  });

  it('removes Teams mentions, markup, entities and links but keeps e-mail addresses', () => {
    assert.equal(cleanMessage('<at>Helpdesk Bot</at> room 4B').trim(), 'room 4B');
    assert.deepEqual(texts('@Helpdesk room 4B'), ['room', '4b']);
    assert.deepEqual(texts('<p>salle&nbsp;4B</p>'), ['salle', '4b']);
    assert.deepEqual(texts('see https://contoso.com/x?y=1 now'), ['see', 'now']);
    assert.deepEqual(texts('mail alice.martin@contoso.com'), ['mail', 'alice.martin@contoso.com']);
  });

  it('stems plurals, participles and feminine forms to the same root', () => {
    assert.equal(stem('licensed'), stem('license'));
    assert.equal(stem('licences'), stem('licence'));
    assert.equal(stem('bloquées'.normalize('NFD').replace(/\p{M}/gu, '')), stem('bloque'));
    assert.equal(stem('cases'), stem('case'));
    assert.equal(stem('calls'), 'call');
    // Short words and "-us" words are left alone: "pas" must not meet "passe", "status" is not a plural.
    assert.notEqual(stem('passe'), stem('pas'));
    assert.equal(stem('status'), 'status');
    assert.equal(stem('news'), 'news');
  });
});

describe('recognition: tokenising', () => {
  it('splits French elisions and English possessives, and joins contractions', () => {
    const tokens = tokenise("le CCX d'Alice et l'écran d'Alice's doesn't");
    assert.deepEqual(
      tokens.map((t) => [t.text, t.elision, t.possessive]),
      [
        ['le', false, false],
        ['ccx', false, false],
        ['d', true, false],
        ['alice', false, false],
        ['et', false, false],
        ['l', true, false],
        ['ecran', false, false],
        ['d', true, false],
        ['alice', false, true],
        ['doesnt', false, false],
      ],
    );
  });

  it('accepts typographic apostrophes', () => {
    assert.deepEqual(texts('le téléphone d’Alice'), ['le', 'telephone', 'd', 'alice']);
    assert.deepEqual(texts('Alice’s phone'), ['alice', 'phone']);
  });

  it('writes room codes one way whatever the separator', () => {
    for (const written of ['4B', '4b', '4-b', '4 b', '4 - B'])
      assert.deepEqual(texts(written), ['4b'], written);
    assert.deepEqual(texts('room4b'), ['room', '4b']);
    assert.deepEqual(texts('SALLE4B'), ['salle', '4b']);
    assert.deepEqual(texts('ccx500'), ['ccx', '500']);
    // Codes stay whole: "14b" and "4bx" are not "4b".
    assert.deepEqual(texts('14B 4BX e3'), ['14b', '4bx', 'e3']);
  });

  it('does not join a number with a one-letter verb followed by more words', () => {
    assert.deepEqual(texts('la salle 4 a un problème'), ['la', 'salle', '4', 'a', 'un', 'probleme']);
    assert.deepEqual(texts('room 4 a'), ['room', '4a']);
  });

  it('reads case references, versions and a question mark as their own kinds', () => {
    const tokens = tokenise('#12 on 5.2.115.0 ?');
    assert.deepEqual(
      tokens.map((t) => [t.kind, t.text]),
      [
        ['ref', '12'],
        ['word', 'on'],
        ['version', '5.2.115.0'],
        ['symbol', '?'],
      ],
    );
  });

  it('drops emojis and punctuation, and remembers what was quoted and capitalised', () => {
    const tokens = tokenise('Room 4B 😡!!! says "No internet" ok');
    assert.deepEqual(
      tokens.map((t) => t.text),
      ['room', '4b', 'says', 'no', 'internet', 'ok'],
    );
    assert.deepEqual(
      tokens.map((t) => t.quoted),
      [false, false, false, true, true, false],
    );
    assert.equal(tokens[0]?.capitalised, true);
    assert.equal(tokens[2]?.capitalised, false);
  });

  it('keeps the written form and offsets of each token', () => {
    const text = 'salle 4-B';
    const [, code] = tokenise(text);
    assert.equal(code?.raw, '4-B');
    assert.equal(text.slice(code?.start, code?.end), '4-B');
  });

  it('splits an elided word from an e-mail address', () => {
    const tokens = tokenise("téléphone d'alice.martin@contoso.com");
    assert.deepEqual(
      tokens.map((t) => [t.kind, t.text, t.elision]),
      [
        ['word', 'telephone', false],
        ['word', 'd', true],
        ['email', 'alice.martin@contoso.com', false],
      ],
    );
  });
});
